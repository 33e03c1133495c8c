"""In-memory fakes of the storage seam, as cosmicpython's FakeUnitOfWork: the program aggregate
and the use cases around it run against these in unit tests, with no database."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from types import TracebackType

from footcore.domain.catalog import Phase
from footcore.domain.program import CheckIn, LogRecord, Pause, PlannedItem, PlannedSession, Program
from footcore.domain.program.calendar import ProgramWeek, Rewrite, StoredSession
from footcore.domain.program.decision_log import StoredDecision
from footcore.domain.program.items import DatedItem, StoredItem
from footcore.domain.program.levels import SlotLevel
from footcore.domain.program.overlay import CoachEdit
from footcore.domain.program.refresh import Refresh
from footcore.domain.program.weeks import RetestRecord


class FakePrograms:
    """`uow.programs` over dictionaries: sessions, logs and the pause of each athlete."""

    def __init__(self) -> None:
        self.sessions: dict[int, dict[date, PlannedSession]] = {}
        self.logs: dict[int, list[LogRecord]] = {}
        self.checkins: dict[int, list[CheckIn]] = {}
        self.pauses: dict[int, Pause] = {}
        self.saved = 0

    def add_session(self, athlete_id: int, session: PlannedSession) -> None:
        self.sessions.setdefault(athlete_id, {})[session.day] = session

    def pause(self, athlete_id: int) -> Pause | None:
        return self.pauses.get(athlete_id)

    def add_pause(self, athlete_id: int, pause: Pause) -> None:
        self.pauses[athlete_id] = pause

    def get(
        self,
        athlete_id: int,
        as_of: date,
        days: Iterable[date],
        pause: Pause | None,
        checkins: bool = False,
    ) -> Program:
        wanted = set(days)
        sessions = {d: s for d, s in self.sessions.get(athlete_id, {}).items() if d in wanted}
        logs = [copy.copy(lg) for lg in self.logs.get(athlete_id, []) if lg.day in wanted]
        program = Program(athlete_id, as_of, pause, sessions, logs)
        if checkins:
            program.checkins = [c for c in self.checkins.get(athlete_id, []) if c.day in wanted]
        return program

    def save(self, program: Program) -> None:
        self.logs.setdefault(program.athlete_id, []).extend(program.new_logs)
        self.checkins.setdefault(program.athlete_id, []).extend(program.new_checkins)
        program.new_logs.clear()
        program.new_checkins.clear()
        self.saved += 1


class FakeUnitOfWork:
    """A unit of work whose commit only counts; leaving it without commit keeps what was saved,
    so tests look at `committed` rather than at rollbacks."""

    def __init__(self) -> None:
        self.programs = FakePrograms()
        self.committed = 0

    def __enter__(self) -> FakeUnitOfWork:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def commit(self) -> None:
        self.committed += 1


class FakeSlots:
    """`uow.slots` over dictionaries: the slots' decisions and levels, the stored items of each
    day, the weeks' phases and the coaches' edits. Logs and check-ins are the `FakePrograms`'
    own, and every write of items is mirrored into its planned sessions, as the rows are one."""

    def __init__(self, programs: FakePrograms) -> None:
        self.programs = programs
        self.decided: dict[int, list[StoredDecision]] = {}
        self.stood: dict[int, dict[str, SlotLevel]] = {}
        self.weeks: dict[int, dict[date, Phase]] = {}
        self.stored: dict[int, dict[int, DatedItem]] = {}
        self.coach: dict[int, list[CoachEdit]] = {}
        self.ended: set[int] = set()
        self.writes = 0

    # Arranging a program -------------------------------------------------------------------------

    def add_week(self, athlete_id: int, start: date, phase: Phase) -> None:
        self.weeks.setdefault(athlete_id, {})[start] = phase

    def add_items(self, athlete_id: int, day: date, items: Sequence[StoredItem]) -> None:
        stored = self.stored.setdefault(athlete_id, {})
        for item in items:
            ref = 1 + max((k for s in self.stored.values() for k in s), default=0)
            stored[ref] = DatedItem(day, item, ref)
        self._mirror(athlete_id, day)

    def on(self, athlete_id: int, day: date) -> list[StoredItem]:
        """The stored items of a day, in their order."""
        return [d.item for d in self.items(athlete_id, day, day + timedelta(days=1))]

    def _mirror(self, athlete_id: int, day: date) -> None:
        planned = tuple(
            PlannedItem(
                i.slot,
                i.exercise_done,
                i.dose.sets,
                i.dose.reps,
                i.dose.hold_s,
                i.dose.distance_m,
                i.dose.per_side,
            )
            for i in self.on(athlete_id, day)
        )
        self.programs.add_session(athlete_id, PlannedSession(day, planned))

    # The repository ------------------------------------------------------------------------------

    def decisions(self, athlete_id: int, slot: str | None) -> list[StoredDecision]:
        return [d for d in self.decided.get(athlete_id, []) if slot in (None, d.slot)]

    def last_seq(self, athlete_id: int) -> int:
        return max((d.seq for d in self.decided.get(athlete_id, [])), default=0)

    def add_decision(self, athlete_id: int, decision: StoredDecision) -> None:
        self.decided.setdefault(athlete_id, []).append(decision)

    def levels(self, athlete_id: int) -> dict[str, SlotLevel]:
        return dict(self.stood.get(athlete_id, {}))

    def set_level(self, athlete_id: int, slot: str, level: SlotLevel) -> None:
        self.stood.setdefault(athlete_id, {})[slot] = level

    def week_on(self, athlete_id: int, day: date) -> tuple[date, Phase] | None:
        starts = [s for s in self.weeks.get(athlete_id, {}) if s <= day < s + timedelta(days=7)]
        return (max(starts), self.weeks[athlete_id][max(starts)]) if starts else None

    def items(
        self, athlete_id: int, start: date, end: date | None = None, slot: str | None = None
    ) -> list[DatedItem]:
        found = [
            d
            for d in self.stored.get(athlete_id, {}).values()
            if start <= d.day
            and (end is None or d.day < end)
            and (slot is None or d.item.slot == slot)
        ]
        return sorted(found, key=lambda d: (d.day, d.item.position))

    def logged(self, athlete_id: int, day: date) -> set[tuple[date, str]]:
        return {(lg.day, lg.slot) for lg in self.programs.logs.get(athlete_id, []) if lg.day == day}

    def write(self, athlete_id: int, refresh: Refresh) -> None:
        stored = self.stored.setdefault(athlete_id, {})
        for d in refresh.changed:
            stored[d.id] = d
        for d in refresh.removed:
            stored.pop(d.id, None)
        for day in {d.day for d in (*refresh.changed, *refresh.removed)}:
            self._mirror(athlete_id, day)
        self.writes += 1

    def edits(self, athlete_id: int) -> list[CoachEdit]:
        return [e for e in self.coach.get(athlete_id, []) if e.id not in self.ended]

    def add_edit(
        self, athlete_id: int, edit: CoachEdit, created_at: datetime | None = None
    ) -> CoachEdit:
        top = max((e.id for s in self.coach.values() for e in s), default=0)
        stored = replace(edit, id=top + 1)
        self.coach.setdefault(athlete_id, []).append(stored)
        return stored

    def end_edits(self, athlete_id: int, kind: str, day: date) -> None:
        self.ended |= {e.id for e in self.edits(athlete_id) if e.kind == kind}

    def history(self, athlete_id: int, end: date) -> tuple[list[CheckIn], list[LogRecord]]:
        checkins = [c for c in self.programs.checkins.get(athlete_id, []) if c.day <= end]
        logs = [lg for lg in self.programs.logs.get(athlete_id, []) if lg.day <= end]
        return (
            sorted(checkins, key=lambda c: (c.day, c.area)),
            sorted(logs, key=lambda lg: lg.day),  # stable: in the order they were logged
        )


class FakeSlotsUnitOfWork(FakeUnitOfWork):
    """The fake unit of work with `slots` beside `programs`."""

    def __init__(self) -> None:
        super().__init__()
        self.slots = FakeSlots(self.programs)


class FakeCalendar:
    """`uow.calendar` over lists: each athlete's weeks, stored sessions (which follow their week
    when it is renumbered, and go with it when it is removed), logged days and retests."""

    def __init__(self) -> None:
        self.stored_weeks: dict[int, list[ProgramWeek]] = {}
        self.stored_sessions: dict[int, dict[date, StoredSession]] = {}
        self.logs: dict[int, set[date]] = {}
        self.stored_retests: dict[int, list[tuple[RetestRecord, str, str]]] = {}

    def weeks(self, athlete_id: int) -> list[ProgramWeek]:
        return list(self.stored_weeks.get(athlete_id, []))

    def first_unreviewed_ended(self, athlete_id: int, as_of: date) -> ProgramWeek | None:
        return next((w for w in self.weeks(athlete_id) if w.end <= as_of and not w.reviewed), None)

    def apply(self, athlete_id: int, change: Rewrite) -> None:
        seqs = [w.seq for w in change.weeks]
        assert seqs == sorted(set(seqs)), "a calendar's seqs are unique and in order"
        old = {w.seq for w in self.weeks(athlete_id)}
        kept = [s for s in change.was if s is not None]
        assert set(kept) <= old and len(kept) == len(set(kept)), "a week is kept at most once"
        moved = {
            was: w.seq for w, was in zip(change.weeks, change.was, strict=True) if was is not None
        }
        sessions = self.stored_sessions.get(athlete_id, {})
        self.stored_sessions[athlete_id] = {
            day: replace(s, seq=moved[s.seq]) for day, s in sessions.items() if s.seq in moved
        }
        self.stored_weeks[athlete_id] = list(change.weeks)

    def sessions(self, athlete_id: int, start: date, end: date) -> list[StoredSession]:
        found = self.stored_sessions.get(athlete_id, {})
        return [found[d] for d in sorted(found) if start <= d < end]

    def session_days(self, athlete_id: int, start: date, end: date) -> list[date]:
        return [s.day for s in self.sessions(athlete_id, start, end)]

    def add_sessions(self, athlete_id: int, sessions: Sequence[StoredSession]) -> None:
        known = {w.seq for w in self.weeks(athlete_id)}
        found = self.stored_sessions.setdefault(athlete_id, {})
        for s in sessions:
            assert s.seq in known and s.day not in found, "one session a day, in a stored week"
            found[s.day] = s

    def delete_sessions_from(self, athlete_id: int, day: date) -> None:
        found = self.stored_sessions.get(athlete_id, {})
        for d in [d for d in found if d >= day]:
            del found[d]

    def assign_sessions(self, athlete_id: int, week_of: Mapping[date, int]) -> None:
        found = self.stored_sessions.get(athlete_id, {})
        for d, seq in week_of.items():
            found[d] = replace(found[d], seq=seq)

    def logged_days(self, athlete_id: int, start: date, end: date) -> list[date]:
        return sorted(d for d in self.logs.get(athlete_id, set()) if start <= d <= end)

    def last_log(self, athlete_id: int) -> date | None:
        return max(self.logs.get(athlete_id, set()), default=None)

    def retests(self, athlete_id: int) -> list[RetestRecord]:
        return [r for r, _, _ in sorted(self.stored_retests.get(athlete_id, []), key=_by_day)]

    def add_retest(
        self, athlete_id: int, retest: RetestRecord, findings: str, reasons: str
    ) -> None:
        self.stored_retests.setdefault(athlete_id, []).append((retest, findings, reasons))


def _by_day(stored: tuple[RetestRecord, str, str]) -> date:
    return stored[0].day


class FakeCalendarUnitOfWork(FakeUnitOfWork):
    """The fake unit of work with the calendar's repository (`uow.calendar`)."""

    def __init__(self) -> None:
        super().__init__()
        self.calendar = FakeCalendar()
