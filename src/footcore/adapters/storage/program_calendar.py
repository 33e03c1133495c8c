"""Mapping the program's calendar (domain/program/calendar.py) to and from its rows: the weeks as
`ProgramWeek` values, a changed calendar (`Rewrite`) written back, the stored sessions with their
items, and the retests as values. Reached as `uow.calendar`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session, selectinload

from footcore.adapters.storage.models import (
    AssessmentRow,
    LogRow,
    PrescriptionRow,
    SessionRow,
    WeekRow,
)
from footcore.adapters.storage.program_items import item_row, stored_item
from footcore.domain.program.calendar import ProgramWeek, Rewrite, StoredSession
from footcore.domain.program.weeks import RetestRecord

_FIELDS = (
    "seq",
    "start",
    "plan_week",
    "phase",
    "cycle",
    "week_in_cycle",
    "light",
    "retest",
    "kind",
    "note",
    "reviewed",
    "gate",
)
# Every command asks it (services.weekly.catch_up): built once, with bound parameters (building
# a select costs about as much as running it on SQLite).
_UNREVIEWED = (
    select(WeekRow)
    .where(
        WeekRow.athlete_id == bindparam("athlete"),
        WeekRow.start <= bindparam("ended_by"),
        WeekRow.reviewed.is_(False),
    )
    .order_by(WeekRow.seq)
    .limit(1)
)


def program_week(row: WeekRow) -> ProgramWeek:
    return ProgramWeek(**{f: getattr(row, f) for f in _FIELDS})


def _write(row: WeekRow, week: ProgramWeek) -> None:
    for f in _FIELDS:
        setattr(row, f, getattr(week, f))


class CalendarRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _rows(self, athlete_id: int) -> list[WeekRow]:
        return list(
            self.session.scalars(
                select(WeekRow).where(WeekRow.athlete_id == athlete_id).order_by(WeekRow.seq)
            )
        )

    def _ids(self, athlete_id: int) -> dict[int, int]:
        """Each week's row id by its seq."""
        found = self.session.execute(
            select(WeekRow.seq, WeekRow.id).where(WeekRow.athlete_id == athlete_id)
        )
        return {seq: id_ for seq, id_ in found}

    # Weeks -------------------------------------------------------------------------------------

    def weeks(self, athlete_id: int) -> list[ProgramWeek]:
        return [program_week(r) for r in self._rows(athlete_id)]

    def first_unreviewed_ended(self, athlete_id: int, as_of: date) -> ProgramWeek | None:
        """The first week that ended by `as_of` and was not reviewed yet."""
        row = self.session.scalars(
            _UNREVIEWED, {"athlete": athlete_id, "ended_by": as_of - timedelta(days=7)}
        ).first()
        return program_week(row) if row is not None else None

    def apply(self, athlete_id: int, change: Rewrite) -> None:
        """Write a changed calendar: delete the weeks it dropped, renumber and move the weeks it
        kept, insert its new weeks."""
        rows = {r.seq: r for r in self._rows(athlete_id)}
        kept = {s for s in change.was if s is not None}
        for seq, row in rows.items():
            if seq not in kept:
                self.session.delete(row)
        self.session.flush()
        # Two passes through a free range of numbers, so the unique (athlete, seq) never collides.
        moving = [
            rows[was]
            for w, was in zip(change.weeks, change.was, strict=True)
            if was is not None and was != w.seq
        ]
        for row in moving:
            row.seq = -row.seq
        self.session.flush()
        for week, was in zip(change.weeks, change.was, strict=True):
            if was is None:
                row = WeekRow(athlete_id=athlete_id)
                _write(row, week)
                self.session.add(row)
            elif rows[was] in moving or program_week(rows[was]) != week:
                _write(rows[was], week)
        self.session.flush()

    # Sessions ----------------------------------------------------------------------------------

    def sessions(self, athlete_id: int, start: date, end: date) -> list[StoredSession]:
        """The stored days with start <= day < end, with their items, in date order."""
        seqs = {id_: seq for seq, id_ in self._ids(athlete_id).items()}
        rows = self.session.scalars(
            select(SessionRow)
            .options(selectinload(SessionRow.items))
            .where(
                SessionRow.athlete_id == athlete_id,
                SessionRow.date >= start,
                SessionRow.date < end,
            )
            .order_by(SessionRow.date)
        )
        return [
            StoredSession(
                seqs[s.week_id],
                s.date,
                tuple(stored_item(p) for p in sorted(s.items, key=lambda p: p.position)),
            )
            for s in rows
        ]

    def session_days(self, athlete_id: int, start: date, end: date) -> list[date]:
        """The days with a stored session, start <= day < end, in order."""
        return list(
            self.session.scalars(
                select(SessionRow.date)
                .where(
                    SessionRow.athlete_id == athlete_id,
                    SessionRow.date >= start,
                    SessionRow.date < end,
                )
                .order_by(SessionRow.date)
            )
        )

    def add_sessions(self, athlete_id: int, sessions: Sequence[StoredSession]) -> None:
        ids = self._ids(athlete_id)
        rows = []
        for s in sessions:
            row = SessionRow(athlete_id=athlete_id, week_id=ids[s.seq], date=s.day)
            row.items.extend(item_row(athlete_id, item) for item in s.items)
            rows.append(row)
        self.session.add_all(rows)
        self.session.flush()

    def delete_sessions_from(self, athlete_id: int, day: date) -> None:
        ids = select(SessionRow.id).where(
            SessionRow.athlete_id == athlete_id, SessionRow.date >= day
        )
        self.session.execute(delete(PrescriptionRow).where(PrescriptionRow.session_id.in_(ids)))
        self.session.execute(
            delete(SessionRow).where(SessionRow.athlete_id == athlete_id, SessionRow.date >= day)
        )
        self.session.expire_all()

    def assign_sessions(self, athlete_id: int, week_of: Mapping[date, int]) -> None:
        """Move the sessions of some days to other weeks (day -> the week's seq)."""
        if not week_of:
            return
        ids = self._ids(athlete_id)
        rows = self.session.scalars(
            select(SessionRow).where(
                SessionRow.athlete_id == athlete_id, SessionRow.date.in_(list(week_of))
            )
        )
        for row in rows:
            row.week_id = ids[week_of[row.date]]
        self.session.flush()

    # Logs and retests --------------------------------------------------------------------------

    def logged_days(self, athlete_id: int, start: date, end: date) -> list[date]:
        """The days with a log, start <= day <= end (inclusive), in order."""
        return list(
            self.session.scalars(
                select(LogRow.date)
                .where(LogRow.athlete_id == athlete_id, LogRow.date >= start, LogRow.date <= end)
                .distinct()
                .order_by(LogRow.date)
            )
        )

    def last_log(self, athlete_id: int) -> date | None:
        return self.session.scalar(
            select(func.max(LogRow.date)).where(LogRow.athlete_id == athlete_id)
        )

    def retests(self, athlete_id: int) -> list[RetestRecord]:
        """The stored retests, oldest first."""
        found = self.session.execute(
            select(AssessmentRow.date, AssessmentRow.passed, AssessmentRow.results)
            .where(AssessmentRow.athlete_id == athlete_id, AssessmentRow.kind == "retest")
            .order_by(AssessmentRow.date, AssessmentRow.id)
        )
        return [RetestRecord(d, passed, results) for d, passed, results in found]

    def add_retest(
        self, athlete_id: int, retest: RetestRecord, findings: str, reasons: str
    ) -> None:
        """Store a retest; a passing one becomes the reference assessment."""
        self.session.add(
            AssessmentRow(
                athlete_id=athlete_id,
                date=retest.day,
                kind="retest",
                results=retest.results,
                findings=findings,
                passed=retest.passed,
                reference=bool(retest.passed),
                reasons=reasons,
            )
        )
        self.session.flush()
