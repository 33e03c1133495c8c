"""In-memory fakes of the storage seam, as cosmicpython's FakeUnitOfWork: the program aggregate
and the use cases around it run against these in unit tests, with no database."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import date
from types import TracebackType

from footcore.domain.program import CheckIn, LogRecord, Pause, PlannedSession, Program


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
