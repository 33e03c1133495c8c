"""The rules of one log: what a log of an exercise may hold, what it stores, and when a second
log of the same exercise, day and side is the same one again (idempotent) or a conflict.

Every log is idempotent: the same log sent twice is stored once and reported as already logged;
a different log for the same exercise, day and side is a conflict, never an overwrite.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from footcore.errors import ConflictError, InputError

SIDES = ("both", "left", "right")
# What makes two logs of one exercise, day and side the same log.
SAME_LOG = ("sets", "reps", "hold_s", "rpe", "pain", "pain_area")


@dataclass(frozen=True)
class LogEntry:
    """What the runner says they did, before it is checked against the plan."""

    exercise: str
    day: date
    sets: int | None = None
    reps: int | None = None
    hold_s: int | None = None
    side: str = "both"
    rpe: int | None = None
    pain: int = 0
    pain_area: str = ""


@dataclass(frozen=True)
class LogRecord:
    """One stored log: the exercise done, the planned exercise it was done for (its slot)."""

    day: date
    exercise: str
    slot: str
    side: str
    sets: int
    reps: int | None
    hold_s: int | None
    distance_m: int | None
    rpe: int | None
    pain: int
    pain_area: str


@dataclass(frozen=True)
class Logged:
    """The answer to one log: `already` when the same log was stored before."""

    record: LogRecord
    already: bool
    measure: str


def check_scale(value: int | None, field: str) -> None:
    if value is not None and not 0 <= value <= 10:
        raise InputError(f"{value} is out of range; accepted 0..10", field)


def check_past(day: date, as_of: date, field: str = "date") -> None:
    if day > as_of:
        raise InputError(
            f"{day.isoformat()} is in the future (today is "
            f"{as_of.isoformat()}); log only what has happened",
            field,
        )


def check_word(word: str, words: Iterable[str], field: str) -> None:
    known = list(words)
    if word and word not in known:
        raise InputError(f"unknown word '{word}'; accepted: {', '.join(known)}", field)


def check_entry(entry: LogEntry, as_of: date, pain_areas: Iterable[str]) -> None:
    """What can be checked of a log before the plan is read."""
    check_scale(entry.pain, "pain")
    check_scale(entry.rpe, "rpe")
    check_past(entry.day, as_of)
    check_word(entry.pain_area, pain_areas, "pain_area")
    if entry.side not in SIDES:
        raise InputError(f"{entry.side!r} is not a side; accepted {', '.join(SIDES)}", "side")


def measured(
    entry: LogEntry,
    reps: int | None,
    hold_s: int | None,
    ranges: Mapping[str, tuple[int, int]],
) -> tuple[int | None, int | None]:
    """The reps and hold of a log: the entry's own, else the prescription's."""
    name = entry.exercise
    if entry.reps is not None and reps is None:
        raise InputError(
            f"{name} is not counted in reps: "
            + ("it is a timed hold" if hold_s is not None else "it keeps its default distance"),
            "reps",
        )
    if entry.hold_s is not None and hold_s is None:
        raise InputError(
            f"{name} is not a timed hold" + (": it is counted in reps" if reps is not None else ""),
            "hold_s",
        )
    for value, key in ((entry.reps, "reps"), (entry.hold_s, "hold_s"), (entry.sets, "sets")):
        low, top = ranges[key]
        if value is not None and not low <= value <= top:
            raise InputError(f"{value} is out of range; accepted {low}..{top}", key)
    return (
        entry.reps if entry.reps is not None else reps,
        entry.hold_s if entry.hold_s is not None else hold_s,
    )


def measure_text(record: LogRecord) -> str:
    if record.reps is not None:
        return f"{record.reps} reps"
    if record.hold_s is not None:
        return f"{record.hold_s} s"
    return f"{record.distance_m} m"


def same_or_conflict(record: LogRecord, stored: Iterable[LogRecord]) -> LogRecord | None:
    """The stored log `record` repeats, or None when it is new; a conflict raises.

    `stored` are the logs of the same exercise and day. A side conflicts with "both" (and "both"
    with either side); the same side with other values is a conflict too.
    """
    found = None
    for other in sorted(stored, key=lambda o: SIDES.index(o.side)):
        if other.side == record.side:
            found = other
        elif record.side == "both" or other.side == "both":
            raise ConflictError(
                f"{record.exercise} on {record.day.isoformat()} is already logged for "
                f"{'both sides' if other.side == 'both' else f'the {other.side} side'}"
            )
    if found is None:
        return None
    if all(getattr(found, f) == getattr(record, f) for f in SAME_LOG):
        return found
    raise ConflictError(
        f"{record.exercise} on {record.day.isoformat()} ({record.side}) is already logged with "
        f"other values (sets {found.sets}, pain {found.pain}, rpe {found.rpe}); one log per "
        "exercise, day and side"
    )
