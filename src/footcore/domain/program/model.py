"""The program aggregate: what one athlete's program holds around a day, and what logging in it
does. The unit of work loads it (`uow.programs.get`), the use case calls its behaviour, and the
unit of work saves what changed (`Program.new_logs`) in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from footcore.domain.program.checkins import CheckIn
from footcore.domain.program.checkins import same_or_conflict as same_checkin
from footcore.domain.program.logbook import (
    LogEntry,
    Logged,
    LogRecord,
    check_entry,
    measure_text,
    measured,
    same_or_conflict,
)
from footcore.errors import InputError, NotFoundError, RedFlagError


@dataclass(frozen=True)
class Pause:
    """The program paused for red-flag symptoms until a clinician clears the runner."""

    started: date
    symptoms: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class ClearedPause:
    """A pause a clinician ended: when it started, when it was cleared and by whom."""

    started: date
    cleared: date
    by: str | None  # "NAME, ROLE"; None in databases from before it was asked


@dataclass(frozen=True)
class PlannedItem:
    """One prescription of a planned session, as adapted: `slot` is the planned exercise,
    `exercise_done` the one to do now (a variant after adaptation or a coach's swap)."""

    slot: str
    exercise_done: str
    sets: int
    reps: int | None
    hold_s: int | None
    distance_m: int | None
    per_side: bool


@dataclass(frozen=True)
class PlannedSession:
    day: date
    items: tuple[PlannedItem, ...]

    def item_for(self, exercise: str) -> PlannedItem | None:
        """The item an exercise is logged against: its slot's, or the one it is done for."""
        return next((p for p in self.items if exercise in (p.exercise_done, p.slot)), None)


@dataclass
class Program:
    """One athlete's program around the days a use case touches: the pause in force, the planned
    sessions of those days and their logs. Changes are collected, never written here."""

    athlete_id: int
    as_of: date
    pause: Pause | None
    sessions: Mapping[date, PlannedSession]
    logs: list[LogRecord]
    checkins: list[CheckIn] = field(default_factory=list)
    new_logs: list[LogRecord] = field(default_factory=list)
    new_checkins: list[CheckIn] = field(default_factory=list)

    def ensure_not_paused(self) -> None:
        if self.pause is not None:
            raise RedFlagError(self.pause.message, self.pause.symptoms, action="clear")

    def logs_of(self, exercise: str, day: date) -> list[LogRecord]:
        return [lg for lg in self.logs if lg.day == day and lg.exercise == exercise]

    def log(
        self,
        entry: LogEntry,
        ranges: Mapping[str, tuple[int, int]],
        pain_areas: Iterable[str],
    ) -> Logged:
        """Log one exercise of a planned session: checked against the plan, stored once (the same
        log again is `already`), refused when it contradicts a stored one or the program is
        paused."""
        check_entry(entry, self.as_of, pain_areas)
        self.ensure_not_paused()
        session = self.sessions.get(entry.day)
        if session is None:
            raise NotFoundError(f"no session was planned on {entry.day.isoformat()}", action="week")
        item = session.item_for(entry.exercise)
        if item is None:
            planned = ", ".join(p.exercise_done for p in session.items)
            raise InputError(
                f"{entry.exercise} is not in the session of {entry.day.isoformat()}; "
                f"it has: {planned}"
            )
        if entry.side != "both" and not item.per_side:
            raise InputError(f"{entry.exercise} is not done per side; leave the side out", "side")
        reps, hold_s = measured(entry, item.reps, item.hold_s, ranges)
        record = LogRecord(
            day=entry.day,
            exercise=entry.exercise,
            slot=item.slot,
            side=entry.side,
            sets=entry.sets if entry.sets is not None else item.sets,
            reps=reps,
            hold_s=hold_s,
            distance_m=item.distance_m,
            rpe=entry.rpe,
            pain=entry.pain,
            pain_area=entry.pain_area,
        )
        same = same_or_conflict(record, self.logs_of(entry.exercise, entry.day))
        if same is not None:
            return Logged(same, True, measure_text(record))
        self.logs.append(record)
        self.new_logs.append(record)
        return Logged(record, False, measure_text(record))

    def check_in(self, c: CheckIn) -> bool:
        """Store the next-morning check-in (checked by `checkins.check_checkin`); True when the
        same one was stored before. A check-in is taken even while paused: it may hold the red
        flag that paused the program, or say that it settles."""
        stored = next((x for x in self.checkins if (x.day, x.area) == (c.day, c.area)), None)
        if same_checkin(c, stored):
            return True
        self.checkins.append(c)
        self.new_checkins.append(c)
        return False

    def log_many(
        self,
        entries: Sequence[LogEntry],
        ranges: Mapping[str, tuple[int, int]],
        pain_areas: Iterable[str],
    ) -> list[Logged]:
        return [self.log(e, ranges, pain_areas) for e in entries]
