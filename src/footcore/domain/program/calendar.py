"""The program's calendar: its weeks, each following a week of the generated plan, one after the
other from the plan's first day. A week can be inserted (a repeat) or removed (a gate passed
early); the weeks after it are renumbered and move on or back by a week each, so the calendar
stays contiguous: seqs 1..n, each week starting 7 days after the one before.

Re-planning touches only the future: never a day with a log, nor a day before it (`safe_from`).
Each change is a `Rewrite` (the new weeks, each with the seq it had before) that storage applies.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from footcore.domain.plan import Session, Week
from footcore.domain.program.items import StoredItem

WEEK = timedelta(days=7)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class ProgramWeek:
    """A calendar week of the program; `plan_week` is the generated week it follows (a repeat
    follows an earlier one). `reviewed` is set once the week has ended and was checked for a
    missed week and its retest gate; `gate` is that check's outcome in a retest week."""

    seq: int
    start: date
    plan_week: int
    phase: str
    cycle: int
    week_in_cycle: int
    light: bool
    retest: bool
    kind: str = "planned"
    note: str = ""
    reviewed: bool = False
    gate: str | None = None

    @property
    def end(self) -> date:
        """The first day after the week."""
        return self.start + WEEK

    def covers(self, day: date) -> bool:
        return self.start <= day < self.end

    @classmethod
    def following(cls, seq: int, start: date, gen: Week, kind: str, note: str) -> ProgramWeek:
        """A week on the calendar that follows a generated week."""
        return cls(
            seq=seq,
            start=start,
            plan_week=gen.index,
            phase=gen.phase.value,
            cycle=gen.cycle,
            week_in_cycle=gen.week_in_cycle,
            light=gen.light,
            retest=gen.retest,
            kind=kind,
            note=note,
        )


@dataclass(frozen=True)
class Rewrite:
    """A changed calendar, whole: the weeks in order, each with the seq it had before the change
    (None for a new week). A stored week whose seq is not in `was` is gone."""

    weeks: tuple[ProgramWeek, ...]
    was: tuple[int | None, ...]

    @classmethod
    def fresh(cls, weeks: Sequence[ProgramWeek]) -> Rewrite:
        return cls(tuple(weeks), tuple(None for _ in weeks))

    @classmethod
    def updated(cls, weeks: Sequence[ProgramWeek], *changed: ProgramWeek) -> Rewrite:
        """Weeks changed in place (reviewed, a gate, a note): same seqs, same days."""
        by_seq = {w.seq: w for w in changed}
        return cls(tuple(by_seq.get(w.seq, w) for w in weeks), tuple(w.seq for w in weeks))


@dataclass(frozen=True)
class DayToBuild:
    """A planned day to store: the generated session, re-dated into the calendar week `seq`."""

    seq: int
    day: date
    planned: Session


@dataclass(frozen=True)
class StoredSession:
    """A stored day of the program: the calendar week it belongs to and its items in order."""

    seq: int
    day: date
    items: tuple[StoredItem, ...]


def insert_after(weeks: Sequence[ProgramWeek], seq: int, new: Sequence[ProgramWeek]) -> Rewrite:
    """Insert `new` right after week `seq` (their own seq and start are replaced); every later
    week is renumbered and moves on by a week per inserted week."""
    after = next(w for w in weeks if w.seq == seq)
    n = len(new)
    placed = [replace(w, seq=seq + 1 + i, start=after.end + i * WEEK) for i, w in enumerate(new)]
    out: list[ProgramWeek] = []
    was: list[int | None] = []
    for w in weeks:
        if w.seq > seq:
            out.append(replace(w, seq=w.seq + n, start=w.start + n * WEEK))
        else:
            out.append(w)
        was.append(w.seq)
    at = next(i for i, w in enumerate(out) if w.seq == seq) + 1
    out[at:at] = placed
    was[at:at] = [None] * n
    return Rewrite(tuple(out), tuple(was))


def remove(weeks: Sequence[ProgramWeek], seqs: Collection[int]) -> Rewrite:
    """Remove the weeks `seqs`; every later week is renumbered and moves back a week for each
    removed week before it."""
    out: list[ProgramWeek] = []
    was: list[int | None] = []
    gone = 0
    for w in weeks:
        if w.seq in seqs:
            gone += 1
            continue
        out.append(replace(w, seq=w.seq - gone, start=w.start - gone * WEEK))
        was.append(w.seq)
    return Rewrite(tuple(out), tuple(was))


def covering(weeks: Sequence[ProgramWeek], day: date) -> ProgramWeek | None:
    """The week that covers `day` (the latest one that started by then), if any."""
    started = [w for w in weeks if w.start <= day]
    if not started:
        return None
    last = max(started, key=lambda w: w.start)
    return last if last.covers(day) else None


def weeks_of(weeks: Sequence[ProgramWeek], days: Sequence[date]) -> dict[date, int]:
    """The seq of the week covering each day (days outside the calendar are left out)."""
    out = {}
    for day in days:
        week = covering(weeks, day)
        if week is not None:
            out[day] = week.seq
    return out


def safe_from(day: date, last_log: date | None) -> date:
    """The first day a re-plan may touch: `day`, but never a day with a log or before it."""
    return max(day, last_log + DAY) if last_log is not None else day


def days_to_build(
    weeks: Sequence[ProgramWeek], generated: Sequence[Week], from_day: date
) -> list[DayToBuild]:
    """The planned days from `from_day` on: each calendar week's generated sessions, re-dated by
    the week's offset from the generated week it follows."""
    out = []
    for w in weeks:
        if w.end <= from_day:
            continue
        gen = generated[w.plan_week - 1]
        offset = w.start - gen.start
        for s in gen.sessions:
            day = s.date + offset
            if day >= from_day:
                out.append(DayToBuild(w.seq, day, s))
    return out


def with_note(week: ProgramWeek, text: str) -> ProgramWeek:
    """The week with one more line in its note."""
    return replace(week, note=f"{week.note}\n{text}" if week.note else text)
