"""The repository: every query the services need, by name, over the ORM rows of models.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, selectinload

from footcore.adapters.storage.models import (
    AssessmentRow,
    Athlete,
    Base,
    CheckinRow,
    DecisionRow,
    LogRow,
    PlanRow,
    PrescriptionRow,
    ProfileRow,
    SessionRow,
    WeekRow,
)

R = TypeVar("R", bound=Base)

# A statement every command runs, built once with bound parameters (building a select costs
# about as much as running it on SQLite); the other one is program_calendar's _UNREVIEWED.
_ATHLETE = select(Athlete).where(Athlete.name == bindparam("name"))


class Repository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # Generic ---------------------------------------------------------------------------------

    def add(self, row: Base) -> None:
        self.session.add(row)

    def add_all(self, rows: Sequence[Base]) -> None:
        self.session.add_all(rows)

    def delete(self, row: Base) -> None:
        self.session.delete(row)

    def flush(self) -> None:
        self.session.flush()

    def all(self, model: type[R], athlete_id: int) -> list[R]:
        """Every row of a table for one athlete, in insertion order."""
        column = model.__table__.c
        return list(
            self.session.scalars(
                select(model).where(column.athlete_id == athlete_id).order_by(column.id)
            )
        )

    # Athletes and profiles ---------------------------------------------------------------------

    def athlete(self, name: str) -> Athlete | None:
        return self.session.scalars(_ATHLETE, {"name": name}).first()

    def profile(self, athlete_id: int) -> ProfileRow:
        row = self.session.scalars(
            select(ProfileRow)
            .where(ProfileRow.athlete_id == athlete_id)
            .order_by(ProfileRow.revision.desc())
            .limit(1)
        ).first()
        if row is None:
            raise LookupError(f"athlete {athlete_id} has no profile")
        return row

    def plan(self, athlete_id: int) -> PlanRow | None:
        return self.session.scalars(select(PlanRow).where(PlanRow.athlete_id == athlete_id)).first()

    # Weeks and sessions -------------------------------------------------------------------------

    def weeks(self, athlete_id: int) -> list[WeekRow]:
        return list(
            self.session.scalars(
                select(WeekRow).where(WeekRow.athlete_id == athlete_id).order_by(WeekRow.seq)
            )
        )

    def week_on(self, athlete_id: int, day: date) -> WeekRow | None:
        row = self.session.scalars(
            select(WeekRow)
            .where(WeekRow.athlete_id == athlete_id, WeekRow.start <= day)
            .order_by(WeekRow.start.desc())
            .limit(1)
        ).first()
        return row if row is not None and day < row.start + timedelta(days=7) else None

    def session_on(self, athlete_id: int, day: date) -> SessionRow | None:
        return self.session.scalars(
            select(SessionRow)
            .options(selectinload(SessionRow.items))
            .where(SessionRow.athlete_id == athlete_id, SessionRow.date == day)
        ).first()

    def sessions_between(self, athlete_id: int, start: date, end: date) -> list[SessionRow]:
        """Sessions with start <= date < end, with their items, in date order."""
        return list(
            self.session.scalars(
                select(SessionRow)
                .options(selectinload(SessionRow.items))
                .where(
                    SessionRow.athlete_id == athlete_id,
                    SessionRow.date >= start,
                    SessionRow.date < end,
                )
                .order_by(SessionRow.date)
            )
        )

    def count_items(self, athlete_id: int, start: date, end: date) -> int:
        return int(
            self.session.scalar(
                select(func.count(PrescriptionRow.id))
                .join(SessionRow, PrescriptionRow.session_id == SessionRow.id)
                .where(
                    PrescriptionRow.athlete_id == athlete_id,
                    SessionRow.date >= start,
                    SessionRow.date <= end,
                )
            )
            or 0
        )

    # Logs and check-ins -------------------------------------------------------------------------

    def log(self, athlete_id: int, day: date, exercise: str, side: str) -> LogRow | None:
        return self.session.scalars(
            select(LogRow).where(
                LogRow.athlete_id == athlete_id,
                LogRow.date == day,
                LogRow.exercise == exercise,
                LogRow.side == side,
            )
        ).first()

    def logged_items(self, athlete_id: int, start: date, end: date) -> int:
        """Distinct (day, planned exercise) pairs logged with start <= date <= end."""
        pairs = (
            select(LogRow.date, LogRow.slot)
            .where(LogRow.athlete_id == athlete_id, LogRow.date >= start, LogRow.date <= end)
            .distinct()
            .subquery()
        )
        return int(self.session.scalar(select(func.count()).select_from(pairs)) or 0)

    def checkins_between(self, athlete_id: int, start: date, end: date) -> list[CheckinRow]:
        return list(
            self.session.scalars(
                select(CheckinRow)
                .where(
                    CheckinRow.athlete_id == athlete_id,
                    CheckinRow.date >= start,
                    CheckinRow.date <= end,
                )
                .order_by(CheckinRow.date, CheckinRow.area)
            )
        )

    def checkin(self, athlete_id: int, day: date, area: str) -> CheckinRow | None:
        return self.session.scalars(
            select(CheckinRow).where(
                CheckinRow.athlete_id == athlete_id, CheckinRow.date == day, CheckinRow.area == area
            )
        ).first()

    def assessments(self, athlete_id: int) -> list[AssessmentRow]:
        return list(
            self.session.scalars(
                select(AssessmentRow)
                .where(AssessmentRow.athlete_id == athlete_id)
                .order_by(AssessmentRow.date, AssessmentRow.id)
            )
        )

    def next_seq(self, athlete_id: int) -> int:
        top = self.session.scalar(
            select(func.max(DecisionRow.seq)).where(DecisionRow.athlete_id == athlete_id)
        )
        return (top or 0) + 1

    def decisions(self, athlete_id: int, slot: str | None = None) -> list[DecisionRow]:
        query = select(DecisionRow).where(DecisionRow.athlete_id == athlete_id)
        if slot is not None:
            query = query.where(DecisionRow.exercise == slot)
        return list(self.session.scalars(query.order_by(DecisionRow.seq)))
