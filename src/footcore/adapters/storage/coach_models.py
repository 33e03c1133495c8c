"""The tables of the coach's work (migration 0005_coach), on the same Base as models.py."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint
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
