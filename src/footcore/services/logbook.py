"""Logging what was done and how the next morning felt; red flags pause the program.

Every log is idempotent: the same log sent twice is reported as already logged and stored once; a
different log for the same exercise, day and side is a conflict (exit 2), never an overwrite.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from footcore.adapters.storage.models import CheckinRow, LogRow, PauseRow
from footcore.domain.redflags import referral_message
from footcore.errors import ConflictError, InputError, NotFoundError, RedFlagError
from footcore.services.adapting import DecisionInfo, decide_session, record
from footcore.services.context import Runner, dumps
from footcore.services.flare_response import reduce_loading
from footcore.services.weekly import catch_up

# What one log may hold, per set (footcore's own bounds against typing errors).
LOG_RANGES: dict[str, tuple[int, int]] = {"reps": (1, 500), "hold_s": (1, 600), "sets": (1, 20)}

SIDES = ("both", "left", "right")
CLEAR_HINT = ' When a clinician has cleared you: footcore clear --confirm --by "NAME, ROLE".'
DAY = timedelta(days=1)


@dataclass(frozen=True)
class LogEntry:
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
class Logged:
    entry: LogEntry
    already: bool
    slot: str
    sets: int
    measure: str
    decision: DecisionInfo | None


@dataclass(frozen=True)
class CheckedIn:
    day: date
    area: str
    morning_pain: int
    already: bool
    decisions: list[DecisionInfo] = field(default_factory=list)
    stiffness: int | None = None


def check_scale(value: int | None, option: str) -> None:
    if value is not None and not 0 <= value <= 10:
        raise InputError(f"{option} {value} is out of range; accepted 0..10")


def check_past(day: date, as_of: date, option: str = "--date") -> None:
    if day > as_of:
        raise InputError(
            f"{option} {day.isoformat()} is in the future (today is "
            f"{as_of.isoformat()}); log only what has happened"
        )


def check_area(area: str, runner: Runner, option: str = "--pain-area") -> None:
    from footcore.adapters.datafiles import vocabulary

    words = vocabulary().words("pain_areas")
    if area and area not in words:
        raise InputError(f"{option}: unknown word '{area}'; accepted: {', '.join(words)}")


def ensure_not_paused(runner: Runner) -> None:
    pause = runner.uow.repo.active_pause(runner.id)
    if pause is not None:
        raise RedFlagError(
            pause.message + CLEAR_HINT,
            tuple(json.loads(pause.symptoms)),
        )


def pause_for(runner: Runner, symptoms: Sequence[str]) -> str | None:
    """Store a pause for any red flag among the symptoms; the referral message, or None."""
    flags = runner.r.k.red_flags
    positive = [flags[s] for s in symptoms if s in flags]
    if not positive:
        return None
    message = referral_message(positive)
    if runner.uow.repo.active_pause(runner.id) is None:
        runner.uow.repo.add(
            PauseRow(
                athlete_id=runner.id,
                started=runner.as_of,
                symptoms=dumps([f.symptom for f in positive]),
                message=message,
                cleared=None,
            )
        )
        record(runner, "", "pause", "none", message, [s for f in positive for s in f.sources])
    return message


def _measure(
    entry: LogEntry, reps: int | None, hold_s: int | None, distance: int | None, name: str
) -> tuple[int | None, int | None]:
    if entry.reps is not None and reps is None:
        raise InputError(
            f"{name} is not counted in reps: use "
            + ("--hold-s" if hold_s is not None else "its default distance")
        )
    if entry.hold_s is not None and hold_s is None:
        raise InputError(
            f"{name} is not a timed hold: use --reps"
            if reps is not None
            else f"{name} is not a timed hold"
        )
    for value, key in ((entry.reps, "reps"), (entry.hold_s, "hold_s"), (entry.sets, "sets")):
        low, top = LOG_RANGES[key]
        if value is not None and not low <= value <= top:
            option = "--" + key.replace("_", "-")
            raise InputError(f"{option} {value} is out of range; accepted {low}..{top}")
    return (
        entry.reps if entry.reps is not None else reps,
        entry.hold_s if entry.hold_s is not None else hold_s,
    )


def log_exercise(runner: Runner, entry: LogEntry, decide: bool = True) -> Logged:
    """Store one log and (unless `decide` is False) decide for its exercise; the caller commits."""
    repo = runner.uow.repo
    runner.r.k.catalog.get(entry.exercise)  # an unknown id is a NotFoundError naming the fix
    check_scale(entry.pain, "--pain")
    check_scale(entry.rpe, "--rpe")
    check_past(entry.day, runner.as_of)
    check_area(entry.pain_area, runner)
    if entry.side not in SIDES:
        raise InputError(f"--side {entry.side!r}: accepted {', '.join(SIDES)}")
    ensure_not_paused(runner)
    catch_up(runner)
    session = repo.session_on(runner.id, entry.day)
    if session is None:
        raise NotFoundError(
            f"no session was planned on {entry.day.isoformat()}; "
            "`footcore week --date DATE` shows the planned days"
        )
    item = next((p for p in session.items if entry.exercise in (p.exercise_done, p.exercise)), None)
    if item is None:
        planned = ", ".join(p.exercise_done for p in session.items)
        raise InputError(
            f"{entry.exercise} is not in the session of {entry.day.isoformat()}; it has: {planned}"
        )
    if entry.side != "both" and not item.per_side:
        raise InputError(f"{entry.exercise} is not done per side; leave out --side")
    reps, hold_s = _measure(entry, item.reps, item.hold_s, item.distance_m, entry.exercise)
    row = LogRow(
        athlete_id=runner.id,
        date=entry.day,
        exercise=entry.exercise,
        slot=item.exercise,
        side=entry.side,
        sets=entry.sets if entry.sets is not None else item.sets,
        reps=reps,
        hold_s=hold_s,
        distance_m=item.distance_m,
        rpe=entry.rpe,
        pain=entry.pain,
        pain_area=entry.pain_area,
    )
    measure = (
        f"{reps} reps"
        if reps is not None
        else f"{hold_s} s"
        if hold_s is not None
        else f"{item.distance_m} m"
    )
    same = _existing(runner, entry, row)
    if same is not None:
        return Logged(entry, True, item.exercise, same.sets, measure, None)
    repo.add(row)
    repo.flush()
    return Logged(
        entry,
        False,
        item.exercise,
        row.sets,
        measure,
        decide_session(runner, item.exercise, entry.day) if decide else None,
    )


def log_many(runner: Runner, entries: Sequence[LogEntry]) -> list[Logged]:
    """Store a session's logs, then decide once per exercise with all its sides in: deciding
    after the left side alone would judge a session whose right side is still on its way."""
    logged = [log_exercise(runner, e, decide=False) for e in entries]
    decided: dict[tuple[str, date], DecisionInfo | None] = {}
    for lg in logged:
        key = (lg.slot, lg.entry.day)
        if not lg.already and key not in decided:
            decided[key] = decide_session(runner, lg.slot, lg.entry.day)
    return [
        dataclasses.replace(lg, decision=decided.get((lg.slot, lg.entry.day)))
        if not lg.already
        else lg
        for lg in logged
    ]


def _existing(runner: Runner, entry: LogEntry, row: LogRow) -> LogRow | None:
    repo = runner.uow.repo
    found = repo.log(runner.id, entry.day, entry.exercise, entry.side)
    others = [s for s in SIDES if s != entry.side and (entry.side == "both" or s == "both")]
    for side in others:
        if repo.log(runner.id, entry.day, entry.exercise, side) is not None:
            raise ConflictError(
                f"{entry.exercise} on {entry.day.isoformat()} is already logged "
                f"for {'both sides' if side == 'both' else f'the {side} side'}"
            )
    if found is None:
        return None
    fields = ("sets", "reps", "hold_s", "rpe", "pain", "pain_area")
    if all(getattr(found, f) == getattr(row, f) for f in fields):
        return found
    raise ConflictError(
        f"{entry.exercise} on {entry.day.isoformat()} ({entry.side}) is already logged with other"
        f" values (sets {found.sets}, pain {found.pain}, rpe {found.rpe}); one log per exercise, "
        "day and side"
    )


def checkin(
    runner: Runner,
    day: date,
    morning_pain: int,
    area: str = "",
    symptoms: Sequence[str] = (),
    stiffness: int | None = None,
) -> CheckedIn:
    """Store the next-morning check-in and decide again for the day before; the caller commits.

    A red-flag symptom stores a pause and raises RedFlagError after the caller's commit (the
    caller gets the message in `pause_message`).
    """
    from footcore.adapters.datafiles import vocabulary

    check_scale(morning_pain, "--morning-pain")
    check_scale(stiffness, "--stiffness")
    check_past(day, runner.as_of)
    check_area(area, runner, "--area")
    known = vocabulary().words("symptoms")
    for s in symptoms:
        if s not in known:
            raise InputError(f"--symptom: unknown word '{s}'; accepted: {', '.join(known)}")
    catch_up(runner)
    repo = runner.uow.repo
    found = repo.checkin(runner.id, day, area)
    where = area or "overall"
    if found is not None:
        if (
            found.morning_pain == morning_pain
            and found.stiffness == stiffness
            and json.loads(found.symptoms) == sorted(symptoms)
        ):
            return CheckedIn(day, area, morning_pain, True)
        # Refused, not replaced: yesterday's decisions were already made from it, and the
        # decision log must keep saying what they were made from.
        raise ConflictError(
            f"the check-in of {day.isoformat()} ({where}) is already stored with "
            f"morning pain {found.morning_pain}/10"
            + (f", stiffness {found.stiffness}/10" if found.stiffness is not None else "")
            + ", and yesterday's exercises were decided from it; one check-in per morning and "
            "area (a different area is a check-in of its own)"
        )
    repo.add(
        CheckinRow(
            athlete_id=runner.id,
            date=day,
            area=area,
            morning_pain=morning_pain,
            stiffness=stiffness,
            symptoms=dumps(sorted(symptoms)),
        )
    )
    repo.flush()
    pause_for(runner, symptoms)
    before = day - DAY
    slots = dict.fromkeys(
        lg.slot
        for lg in repo.logs_between(runner.id, before, before)
        if not area or lg.pain_area in (area, "")
    )
    decisions = [d for s in slots if (d := decide_session(runner, s, before)) is not None]
    decisions += reduce_loading(runner, day, area, morning_pain, slots)
    return CheckedIn(day, area, morning_pain, False, decisions, stiffness)
