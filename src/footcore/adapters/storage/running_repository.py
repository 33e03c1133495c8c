"""Every query of the running services, by name, over the rows of running_models.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from footcore.adapters.storage.running_models import (
    FootRestrictionRow,
    MinimalistRampRow,
    RunRow,
    ShoeRow,
)


class RunningRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # Runs --------------------------------------------------------------------------------------

    def runs(
        self, athlete_id: int, since: date | None = None, until: date | None = None
    ) -> list[RunRow]:
        """Runs with since <= date <= until (either open), oldest first."""
        query = select(RunRow).where(RunRow.athlete_id == athlete_id)
        if since is not None:
            query = query.where(RunRow.date >= since)
        if until is not None:
            query = query.where(RunRow.date <= until)
        return list(self.session.scalars(query.order_by(RunRow.start, RunRow.id)))

    def runs_starting_near(self, athlete_id: int, start: datetime, seconds: float) -> list[RunRow]:
        """Runs starting within `seconds` of `start` (naive UTC), the duplicate candidates."""
        margin = timedelta(seconds=seconds)
        return list(
            self.session.scalars(
                select(RunRow).where(
                    RunRow.athlete_id == athlete_id,
                    RunRow.start >= start - margin,
                    RunRow.start <= start + margin,
                )
            )
        )

    def latest_runs(self, athlete_id: int, limit: int) -> list[RunRow]:
        return list(
            self.session.scalars(
                select(RunRow)
                .where(RunRow.athlete_id == athlete_id)
                .order_by(RunRow.start.desc(), RunRow.id.desc())
                .limit(limit)
            )
        )

    def count_runs(self, athlete_id: int) -> int:
        return int(
            self.session.scalar(
                select(func.count(RunRow.id)).where(RunRow.athlete_id == athlete_id)
            )
            or 0
        )

    # Shoes -------------------------------------------------------------------------------------

    def shoes(self, athlete_id: int) -> list[ShoeRow]:
        return list(
            self.session.scalars(
                select(ShoeRow).where(ShoeRow.athlete_id == athlete_id).order_by(ShoeRow.name)
            )
        )

    def shoe(self, athlete_id: int, name: str) -> ShoeRow | None:
        return self.session.scalars(
            select(ShoeRow).where(ShoeRow.athlete_id == athlete_id, ShoeRow.name == name)
        ).first()

    # Foot restrictions -------------------------------------------------------------------------

    def replace_restrictions_from(
        self, athlete_id: int, day: date, rows: Sequence[FootRestrictionRow]
    ) -> None:
        """Drop the restrictions dated `day` or later and store `rows` in their place."""
        self.session.execute(
            delete(FootRestrictionRow).where(
                FootRestrictionRow.athlete_id == athlete_id, FootRestrictionRow.day >= day
            )
        )
        self.session.add_all(rows)

    def restrictions_from(self, athlete_id: int, day: date) -> list[FootRestrictionRow]:
        return list(
            self.session.scalars(
                select(FootRestrictionRow)
                .where(FootRestrictionRow.athlete_id == athlete_id, FootRestrictionRow.day >= day)
                .order_by(
                    FootRestrictionRow.day, FootRestrictionRow.trigger_date, FootRestrictionRow.id
                )
            )
        )

    # Minimalist ramp ---------------------------------------------------------------------------

    def ramp(self, athlete_id: int) -> MinimalistRampRow | None:
        return self.session.scalars(
            select(MinimalistRampRow).where(MinimalistRampRow.athlete_id == athlete_id)
        ).first()
