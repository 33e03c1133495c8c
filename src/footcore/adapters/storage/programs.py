"""Mapping the program aggregate (domain/program) to and from its rows: `get` reads the pause in
force and the planned sessions and logs of the days a use case touches, in three queries of plain
columns (no ORM objects to build); `save` writes what the aggregate collected.

The statements are built once, with bound parameters, so a log pays neither for building them
nor (after the first) for compiling them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from footcore.adapters.storage.models import (
    CheckinRow,
    LogRow,
    PauseRow,
    PrescriptionRow,
    SessionRow,
    json_text,
)
from footcore.domain.program import (
    CheckIn,
    ClearedPause,
    LogRecord,
    Pause,
    PlannedItem,
    PlannedSession,
    Program,
)

_PAUSE = (
    select(PauseRow.started, PauseRow.symptoms, PauseRow.message)
    .where(PauseRow.athlete_id == bindparam("athlete"), PauseRow.cleared.is_(None))
    .order_by(PauseRow.id.desc())
    .limit(1)
)
_ITEMS = (
    select(
        SessionRow.date,
        PrescriptionRow.exercise,
        PrescriptionRow.exercise_done,
        PrescriptionRow.sets,
        PrescriptionRow.reps,
        PrescriptionRow.hold_s,
        PrescriptionRow.distance_m,
        PrescriptionRow.per_side,
    )
    .join(PrescriptionRow, PrescriptionRow.session_id == SessionRow.id)
    .where(
        SessionRow.athlete_id == bindparam("athlete"),
        SessionRow.date.in_(bindparam("days", expanding=True)),
    )
    .order_by(SessionRow.date, PrescriptionRow.position)
)
_SESSIONS = select(SessionRow.date).where(
    SessionRow.athlete_id == bindparam("athlete"),
    SessionRow.date.in_(bindparam("days", expanding=True)),
)
_CHECKINS = (
    select(
        CheckinRow.date,
        CheckinRow.area,
        CheckinRow.morning_pain,
        CheckinRow.stiffness,
        CheckinRow.symptoms,
    )
    .where(
        CheckinRow.athlete_id == bindparam("athlete"),
        CheckinRow.date.in_(bindparam("days", expanding=True)),
    )
    .order_by(CheckinRow.date, CheckinRow.area)
)
_LOGS = (
    select(
        LogRow.date,
        LogRow.exercise,
        LogRow.slot,
        LogRow.side,
        LogRow.sets,
        LogRow.reps,
        LogRow.hold_s,
        LogRow.distance_m,
        LogRow.rpe,
        LogRow.pain,
        LogRow.pain_area,
    )
    .where(
        LogRow.athlete_id == bindparam("athlete"),
        LogRow.date.in_(bindparam("days", expanding=True)),
    )
    .order_by(LogRow.date, LogRow.id)
)


def log_record(r: Any) -> LogRecord:  # a LogRow, or a Row of its columns
    """A stored log as the domain reads it, from its row or from its columns."""
    return LogRecord(
        r.date,
        r.exercise,
        r.slot,
        r.side,
        r.sets,
        r.reps,
        r.hold_s,
        r.distance_m,
        r.rpe,
        r.pain,
        r.pain_area,
    )


def checkin(r: Any) -> CheckIn:  # a CheckinRow, or a Row of its columns
    """A stored check-in as the domain reads it, from its row or from its columns."""
    return CheckIn(r.date, r.area, r.morning_pain, r.stiffness, tuple(json.loads(r.symptoms)))


class ProgramRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _db(self) -> Connection:
        # Plain column reads need no ORM: the session's connection runs them in its transaction,
        # skipping the ORM's execution layer (about a third of a small query's cost). Pending
        # ORM changes are flushed first, as the session's own queries would (autoflush).
        self.session.flush()
        return self.session.connection()

    def pause(self, athlete_id: int) -> Pause | None:
        row = self._db().execute(_PAUSE, {"athlete": athlete_id}).first()
        if row is None:
            return None
        return Pause(row.started, tuple(json.loads(row.symptoms)), row.message)

    def clear_pause(self, athlete_id: int, day: date, by: str) -> bool:
        """End the pause in force on `day`, cleared by `by`; False when none was in force."""
        row = self.session.scalars(
            select(PauseRow)
            .where(PauseRow.athlete_id == athlete_id, PauseRow.cleared.is_(None))
            .order_by(PauseRow.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return False
        row.cleared, row.cleared_by = day, by
        return True

    def last_cleared(self, athlete_id: int) -> ClearedPause | None:
        row = self.session.execute(
            select(PauseRow.started, PauseRow.cleared, PauseRow.cleared_by)
            .where(PauseRow.athlete_id == athlete_id, PauseRow.cleared.is_not(None))
            .order_by(PauseRow.id.desc())
            .limit(1)
        ).first()
        if row is None or row.cleared is None:
            return None
        return ClearedPause(row.started, row.cleared, row.cleared_by)

    def logs_between(self, athlete_id: int, start: date, end: date) -> list[LogRecord]:
        """The logs with start <= day <= end, in the order they were stored."""
        rows = self.session.scalars(
            select(LogRow)
            .where(LogRow.athlete_id == athlete_id, LogRow.date >= start, LogRow.date <= end)
            .order_by(LogRow.date, LogRow.id)
        )
        return [log_record(r) for r in rows]

    def checkins_between(self, athlete_id: int, start: date, end: date) -> list[CheckIn]:
        """The check-ins with start <= day <= end, by day and area."""
        rows = self.session.scalars(
            select(CheckinRow)
            .where(
                CheckinRow.athlete_id == athlete_id,
                CheckinRow.date >= start,
                CheckinRow.date <= end,
            )
            .order_by(CheckinRow.date, CheckinRow.area)
        )
        return [checkin(r) for r in rows]

    def checkins_until(self, athlete_id: int, end: date) -> list[CheckIn]:
        """Every check-in up to `end`, in the order they were stored within a day."""
        rows = self.session.scalars(
            select(CheckinRow)
            .where(CheckinRow.athlete_id == athlete_id, CheckinRow.date <= end)
            .order_by(CheckinRow.date, CheckinRow.id)
        )
        return [checkin(r) for r in rows]

    def add_pause(self, athlete_id: int, pause: Pause) -> None:
        """Pause the program until a clinician clears the runner (`clear` ends it)."""
        self.session.add(
            PauseRow(
                athlete_id=athlete_id,
                started=pause.started,
                symptoms=json_text(list(pause.symptoms)),
                message=pause.message,
                cleared=None,
            )
        )

    def get(
        self,
        athlete_id: int,
        as_of: date,
        days: Iterable[date],
        pause: Pause | None,
        checkins: bool = False,
    ) -> Program:
        """The program around `days`: those days' sessions and logs, with the pause in force
        (read once per transaction by the caller, `pause` below)."""
        dates = sorted(set(days))
        wanted = {"athlete": athlete_id, "days": dates}
        items: dict[date, list[PlannedItem]] = {}
        for r in self._db().execute(_ITEMS, wanted):
            items.setdefault(r.date, []).append(
                PlannedItem(
                    r.exercise, r.exercise_done, r.sets, r.reps, r.hold_s, r.distance_m, r.per_side
                )
            )
        if len(items) < len(dates):  # a session whose items a coach all left out
            for (day,) in self._db().execute(_SESSIONS, wanted):
                items.setdefault(day, [])
        logs = [log_record(r) for r in self._db().execute(_LOGS, wanted)]
        sessions = {day: PlannedSession(day, tuple(found)) for day, found in items.items()}
        program = Program(athlete_id, as_of, pause, sessions, logs)
        if checkins:  # only a check-in needs them: a log reads one statement less
            program.checkins = [checkin(r) for r in self._db().execute(_CHECKINS, wanted)]
        return program

    def save(self, program: Program) -> None:
        """Write what the program collected (its new logs); the unit of work commits."""
        self.session.add_all(
            [
                LogRow(
                    athlete_id=program.athlete_id,
                    date=lg.day,
                    exercise=lg.exercise,
                    slot=lg.slot,
                    side=lg.side,
                    sets=lg.sets,
                    reps=lg.reps,
                    hold_s=lg.hold_s,
                    distance_m=lg.distance_m,
                    rpe=lg.rpe,
                    pain=lg.pain,
                    pain_area=lg.pain_area,
                )
                for lg in program.new_logs
            ]
        )
        self.session.add_all(
            [
                CheckinRow(
                    athlete_id=program.athlete_id,
                    date=c.day,
                    area=c.area,
                    morning_pain=c.morning_pain,
                    stiffness=c.stiffness,
                    symptoms=json_text(list(c.symptoms)),
                )
                for c in program.new_checkins
            ]
        )
        program.new_logs.clear()
        program.new_checkins.clear()
        self.session.flush()
