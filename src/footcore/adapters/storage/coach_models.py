"""The tables of the coach's work (migration 0005_coach), on the same Base as models.py."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from footcore.adapters.storage.account_models import EMAIL, NAME
from footcore.adapters.storage.models import Base


class AlertAckRow(Base):
    """A coach acknowledged one alert (`key`: its kind and the day that raised it)."""

    __tablename__ = "alert_acks"
    __table_args__ = (UniqueConstraint("athlete", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete: Mapped[str] = mapped_column(String(NAME))
    key: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(EMAIL))
    reason: Mapped[str] = mapped_column(Text)


class CoachEditRow(Base):
    """A coach's change to one slot of an athlete's plan from `from_day` on: `kind` swap (value:
    the exercise id), dose (value: JSON sets/reps/hold_s), exclude or note (value: the text).
    It overrides the automatic adaptation of that slot; `ended` once withdrawn."""

    __tablename__ = "coach_edits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), index=True
    )
    slot: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(EMAIL))
    from_day: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ended: Mapped[dt.date | None] = mapped_column(Date)


class CoachTemplateRow(Base):
    """A coach's program template: the edits of one athlete's plan, saved under a name to be
    assigned to others (`edits`: JSON list of kind, exercise, value, reason)."""

    __tablename__ = "coach_templates"
    __table_args__ = (UniqueConstraint("owner", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(EMAIL))
    name: Mapped[str] = mapped_column(String(NAME))
    edits: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
