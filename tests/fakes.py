"""In-memory fakes of the storage seam, as cosmicpython's FakeUnitOfWork: the program aggregate
and the use cases around it run against these in unit tests, with no database."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from types import TracebackType

from footcore.domain.program import CheckIn, LogRecord, Pause, PlannedSession, Program
from footcore.domain.program.calendar import ProgramWeek, Rewrite, StoredSession
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
