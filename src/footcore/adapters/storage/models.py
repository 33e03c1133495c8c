"""The tables of footcore, as SQLAlchemy 2 ORM rows. Every row belongs to an athlete.

Later migrations add tables (runs, shoes) next to these; the naming convention keeps constraint
names identical on SQLite and PostgreSQL so that autogenerate finds no drift on either.

JSON columns are Text holding JSON as `json_text` writes it (sorted keys), so that the same bytes
come back on both backends and an export is stable.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def json_text(data: Any) -> str:
    """JSON as the JSON columns hold it: sorted keys, no spaces, UTF-8 text."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = 64  # exercise ids, vocabulary words
SHORT = 16


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _athlete_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"), index=True)


class AppMeta(Base):
    """Facts about the database itself (schema owner, format); the only table without an athlete."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(ID), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Athlete(Base):
    __tablename__ = "athletes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_on: Mapped[dt.date] = mapped_column(Date)


class ProfileRow(Base):
    """One revision of the runner's profile: the validated input mapping as JSON, and the units."""

    __tablename__ = "profiles"
    __table_args__ = (UniqueConstraint("athlete_id", "revision"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    revision: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    data: Mapped[str] = mapped_column(Text)
    units: Mapped[str] = mapped_column(String(SHORT))


class PlanRow(Base):
    """What the stored plan was generated from: start, length and the generator's warnings."""

    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), unique=True
    )
    start: Mapped[dt.date] = mapped_column(Date)
    weeks: Mapped[int] = mapped_column(Integer)
    warnings: Mapped[str] = mapped_column(Text)


class WeekRow(Base):
    """A calendar week of the plan; `plan_week` is the generated week it follows (a repeat
    follows an earlier one). `reviewed` is set once the week has ended and was checked for a
    missed week and its retest gate."""

    __tablename__ = "planned_weeks"
    __table_args__ = (
        UniqueConstraint("athlete_id", "seq"),
        Index("ix_weeks_start", "athlete_id", "start"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    seq: Mapped[int] = mapped_column(Integer)
    start: Mapped[dt.date] = mapped_column(Date)
    plan_week: Mapped[int] = mapped_column(Integer)
    phase: Mapped[str] = mapped_column(String(SHORT * 2))
    cycle: Mapped[int] = mapped_column(Integer)
    week_in_cycle: Mapped[int] = mapped_column(Integer)
    light: Mapped[bool] = mapped_column(Boolean)
    retest: Mapped[bool] = mapped_column(Boolean)
    kind: Mapped[str] = mapped_column(String(SHORT))
    note: Mapped[str] = mapped_column(Text)
    reviewed: Mapped[bool] = mapped_column(Boolean)
    gate: Mapped[str | None] = mapped_column(String(SHORT))


class SessionRow(Base):
    __tablename__ = "planned_sessions"
    __table_args__ = (UniqueConstraint("athlete_id", "date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    week_id: Mapped[int] = mapped_column(
        ForeignKey("planned_weeks.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    items: Mapped[list[PrescriptionRow]] = relationship(
        order_by="PrescriptionRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class PrescriptionRow(Base):
    """One item of a planned session: the planner's dose (`planned_*`) and the dose after
    adaptation (`exercise_done`, `sets`...), with the cues to show and the adaptation note."""

    __tablename__ = "prescriptions"
    __table_args__ = (
        UniqueConstraint("session_id", "position"),
        Index("ix_prescriptions_slot", "athlete_id", "exercise"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    session_id: Mapped[int] = mapped_column(ForeignKey("planned_sessions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    exercise: Mapped[str] = mapped_column(String(ID))
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(SHORT * 2))
    load: Mapped[str] = mapped_column(String(SHORT))
    planned_sets: Mapped[int] = mapped_column(Integer)
    planned_reps: Mapped[int | None] = mapped_column(Integer)
    planned_hold_s: Mapped[int | None] = mapped_column(Integer)
    planned_distance_m: Mapped[int | None] = mapped_column(Integer)
    tempo: Mapped[str | None] = mapped_column(String(SHORT))
    per_side: Mapped[bool] = mapped_column(Boolean)
    rest_s: Mapped[int] = mapped_column(Integer)
    priority: Mapped[bool] = mapped_column(Boolean)
    why: Mapped[str] = mapped_column(Text)
    sources: Mapped[str] = mapped_column(Text)
    exercise_done: Mapped[str] = mapped_column(String(ID))
    name_done: Mapped[str] = mapped_column(String(200))
    sets: Mapped[int] = mapped_column(Integer)
    reps: Mapped[int | None] = mapped_column(Integer)
    hold_s: Mapped[int | None] = mapped_column(Integer)
    distance_m: Mapped[int | None] = mapped_column(Integer)
    cues: Mapped[str] = mapped_column(Text)
    adaptation: Mapped[str] = mapped_column(Text)


class LogRow(Base):
    """One exercise done on one day and side; `slot` is the planned exercise it stands for."""

    __tablename__ = "logs"
    __table_args__ = (
        UniqueConstraint("athlete_id", "date", "exercise", "side"),
        Index("ix_logs_slot", "athlete_id", "slot", "date"),
        # The roster's pain, adherence and last activity read only these: from the index alone.
        Index("ix_logs_day_pain", "athlete_id", "date", "pain"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    date: Mapped[dt.date] = mapped_column(Date)
    exercise: Mapped[str] = mapped_column(String(ID))
    slot: Mapped[str] = mapped_column(String(ID))
    side: Mapped[str] = mapped_column(String(SHORT))
    sets: Mapped[int] = mapped_column(Integer)
    reps: Mapped[int | None] = mapped_column(Integer)
    hold_s: Mapped[int | None] = mapped_column(Integer)
    distance_m: Mapped[int | None] = mapped_column(Integer)
    rpe: Mapped[int | None] = mapped_column(Integer)
    pain: Mapped[int] = mapped_column(Integer)
    pain_area: Mapped[str] = mapped_column(String(ID))


class CheckinRow(Base):
    """Next-morning pain in one area ('' = overall), morning stiffness (0-10, may be missing),
    with any symptoms reported."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("athlete_id", "date", "area"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    date: Mapped[dt.date] = mapped_column(Date)
    area: Mapped[str] = mapped_column(String(ID))
    morning_pain: Mapped[int] = mapped_column(Integer)
    stiffness: Mapped[int | None] = mapped_column(Integer)
    symptoms: Mapped[str] = mapped_column(Text)


class AssessmentRow(Base):
    """A baseline assessment or a retest: the results, the scored findings and the gate."""

    __tablename__ = "assessments"
    __table_args__ = (UniqueConstraint("athlete_id", "date", "kind"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(SHORT))
    results: Mapped[str] = mapped_column(Text)
    findings: Mapped[str] = mapped_column(Text)
    passed: Mapped[bool | None] = mapped_column(Boolean)
    reference: Mapped[bool] = mapped_column(Boolean)
    reasons: Mapped[str] = mapped_column(Text)


class DecisionRow(Base):
    """Every decision, in order (`seq`), with its reason and sources; never updated.
    `exercise` is the slot ('' for the whole program: pause, resume, repeat, gate). `date` is the
    session's date when the decision follows a session, `made_at` the day it was made."""

    __tablename__ = "decisions"
    __table_args__ = (
        UniqueConstraint("athlete_id", "seq"),
        Index("ix_decisions_slot", "athlete_id", "exercise", "seq"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    seq: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    session_date: Mapped[dt.date | None] = mapped_column(Date)
    made_at: Mapped[dt.date | None] = mapped_column(Date)
    exercise: Mapped[str] = mapped_column(String(ID))
    kind: Mapped[str] = mapped_column(String(SHORT))
    action: Mapped[str] = mapped_column(String(SHORT))
    variant: Mapped[str | None] = mapped_column(String(ID))
    reason: Mapped[str] = mapped_column(Text)
    sources: Mapped[str] = mapped_column(Text)


class StateRow(Base):
    """Where a slot stands now (the fold of its decisions): the exercise done and dose steps."""

    __tablename__ = "exercise_states"
    __table_args__ = (UniqueConstraint("athlete_id", "exercise"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    exercise: Mapped[str] = mapped_column(String(ID))
    variant: Mapped[str] = mapped_column(String(ID))
    step: Mapped[int] = mapped_column(Integer)
    since: Mapped[dt.date] = mapped_column(Date)


class PauseRow(Base):
    """The program paused for a red flag, until the runner confirms a clinician's clearance:
    when (`cleared`) and by whom (`cleared_by`, "NAME, ROLE")."""

    __tablename__ = "pauses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    started: Mapped[dt.date] = mapped_column(Date)
    symptoms: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    cleared: Mapped[dt.date | None] = mapped_column(Date)
    cleared_by: Mapped[str | None] = mapped_column(String(200))
