"""Mapping the program's slots (domain/program: decision_log, levels, items, overlay) to and
from their rows: the decisions, each slot's stored level, the stored items with their days, the
coaches' edits, and the pain history the decisions read. The use cases see only values
(services/slot_store.py)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from footcore.adapters.storage.coach_models import CoachEditRow
from footcore.adapters.storage.models import (
    DecisionRow,
    LogRow,
    PrescriptionRow,
    SessionRow,
    StateRow,
    WeekRow,
    json_text,
)
from footcore.adapters.storage.program_items import stored_item, write_adapted
from footcore.adapters.storage.programs import ProgramRepository
from footcore.domain.catalog import Phase
from footcore.domain.program import CheckIn, LogRecord
from footcore.domain.program.decision_log import StoredDecision
from footcore.domain.program.items import DatedItem
from footcore.domain.program.levels import SlotLevel
from footcore.domain.program.overlay import CoachEdit
from footcore.domain.program.refresh import Refresh

WEEK = timedelta(days=7)


def stored_decision(row: DecisionRow) -> StoredDecision:
    return StoredDecision(
        seq=row.seq,
        slot=row.exercise,
        kind=row.kind,
        action=row.action,
        variant=row.variant,
        reason=row.reason,
        sources=tuple(json.loads(row.sources)),
        date=row.date,
        session_date=row.session_date,
        made_at=row.made_at,
    )


def coach_edit(row: CoachEditRow) -> CoachEdit:
    return CoachEdit(row.id, row.slot, row.kind, row.value, row.reason, row.actor, row.from_day)


class SlotRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # Decisions and levels ------------------------------------------------------------------------

    def decisions(self, athlete_id: int, slot: str | None) -> list[StoredDecision]:
        """A slot's decisions in order (None: every decision of the program)."""
        query = select(DecisionRow).where(DecisionRow.athlete_id == athlete_id)
        if slot is not None:
            query = query.where(DecisionRow.exercise == slot)
        return [stored_decision(r) for r in self.session.scalars(query.order_by(DecisionRow.seq))]

    def last_seq(self, athlete_id: int) -> int:
        top = self.session.scalar(
            select(func.max(DecisionRow.seq)).where(DecisionRow.athlete_id == athlete_id)
        )
        return top or 0

    def add_decision(self, athlete_id: int, d: StoredDecision) -> None:
        self.session.add(
            DecisionRow(
                athlete_id=athlete_id,
                seq=d.seq,
                date=d.date,
                made_at=d.made_at,
                session_date=d.session_date,
                exercise=d.slot,
                kind=d.kind,
                action=d.action,
                variant=d.variant,
                reason=d.reason,
                sources=json_text(list(d.sources)),
            )
        )
        self.session.flush()

    def levels(self, athlete_id: int) -> dict[str, SlotLevel]:
        rows = self.session.scalars(select(StateRow).where(StateRow.athlete_id == athlete_id))
        return {r.exercise: SlotLevel(r.variant, r.step, r.since) for r in rows}

    def set_level(self, athlete_id: int, slot: str, level: SlotLevel) -> None:
        row = self.session.scalars(
            select(StateRow).where(StateRow.athlete_id == athlete_id, StateRow.exercise == slot)
        ).first()
        if row is None:
            row = StateRow(athlete_id=athlete_id, exercise=slot)
            self.session.add(row)
        row.variant, row.step, row.since = level.variant, level.step, level.since
        self.session.flush()

    # Weeks and items -----------------------------------------------------------------------------

    def week_on(self, athlete_id: int, day: date) -> tuple[date, Phase] | None:
        row = self.session.execute(
            select(WeekRow.start, WeekRow.phase)
            .where(WeekRow.athlete_id == athlete_id, WeekRow.start <= day)
            .order_by(WeekRow.start.desc())
            .limit(1)
        ).first()
        if row is None or day >= row.start + WEEK:
            return None
        return row.start, Phase(row.phase)

    def items(
        self, athlete_id: int, start: date, end: date | None = None, slot: str | None = None
    ) -> list[DatedItem]:
        query = (
            select(PrescriptionRow, SessionRow.date)
            .join(SessionRow, PrescriptionRow.session_id == SessionRow.id)
            .where(PrescriptionRow.athlete_id == athlete_id, SessionRow.date >= start)
        )
        if end is not None:
            query = query.where(SessionRow.date < end)
        if slot is not None:
            query = query.where(PrescriptionRow.exercise == slot)
        rows = self.session.execute(query.order_by(SessionRow.date, PrescriptionRow.position))
        return [DatedItem(day, stored_item(p), p.id) for p, day in rows]

    def write(self, athlete_id: int, refresh: Refresh) -> None:
        """Write the changed items onto their rows and delete the items left out (the rows were
        read by `items` in this unit of work, so no statement reads them again)."""
        for d in refresh.changed:
            row = self.session.get(PrescriptionRow, d.id)
            if row is not None and row.athlete_id == athlete_id:
                write_adapted(row, d.item)
        for d in refresh.removed:
            row = self.session.get(PrescriptionRow, d.id)
            if row is not None and row.athlete_id == athlete_id:
                self.session.delete(row)
        self.session.flush()

    # Logs and check-ins --------------------------------------------------------------------------

    def logged(self, athlete_id: int, day: date) -> set[tuple[date, str]]:
        rows = self.session.execute(
            select(LogRow.date, LogRow.slot)
            .where(LogRow.athlete_id == athlete_id, LogRow.date == day)
            .distinct()
        )
        return {(r.date, r.slot) for r in rows}

    def history(self, athlete_id: int, end: date) -> tuple[list[CheckIn], list[LogRecord]]:
        """Every check-in and log up to `end` (inclusive)."""
        reads = ProgramRepository(self.session)
        return (
            reads.checkins_between(athlete_id, date.min, end),
            reads.logs_between(athlete_id, date.min, end),
        )

    # Coaches' edits ------------------------------------------------------------------------------

    def edits(self, athlete_id: int) -> list[CoachEdit]:
        rows = self.session.scalars(
            select(CoachEditRow)
            .where(CoachEditRow.athlete_id == athlete_id, CoachEditRow.ended.is_(None))
            .order_by(CoachEditRow.id)
        )
        return [coach_edit(r) for r in rows]

    def add_edit(self, athlete_id: int, edit: CoachEdit, created_at: datetime) -> CoachEdit:
        """Store a new edit; the edit as stored, with its id."""
        row = CoachEditRow(
            athlete_id=athlete_id,
            slot=edit.slot,
            kind=edit.kind,
            value=edit.value,
            reason=edit.reason,
            actor=edit.actor,
            from_day=edit.from_day,
            created_at=created_at,
            ended=None,
        )
        self.session.add(row)
        self.session.flush()
        return coach_edit(row)

    def end_edits(self, athlete_id: int, kind: str, day: date) -> None:
        """End the standing edits of one kind on `day` (they stay as history)."""
        for row in self.session.scalars(
            select(CoachEditRow).where(
                CoachEditRow.athlete_id == athlete_id,
                CoachEditRow.kind == kind,
                CoachEditRow.ended.is_(None),
            )
        ):
            row.ended = day
        self.session.flush()
