"""The tables of running load and footwear (migration 0002_running), on the same Base as models.py.

Times are naive UTC `DateTime` on both backends (the same value comes back from SQLite and
PostgreSQL); `date` is the start's UTC date, the day the load rules count the run on.
`foot_restrictions` holds what the load rules decided for the foot plan, written with every runs
change so that `footcore today` can read it with plain SQL (services/queries/, domain/load_gate.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from footcore.adapters.storage.models import SHORT, Base


def _athlete_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"), index=True)


class ShoeRow(Base):
    """A pair of running shoes; `reminder_km` None means the default reminder distance."""

    __tablename__ = "shoes"
    __table_args__ = (UniqueConstraint("athlete_id", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(SHORT))
    drop_mm: Mapped[float | None] = mapped_column(Float)
    stack_mm: Mapped[float | None] = mapped_column(Float)
    weight_g: Mapped[float | None] = mapped_column(Float)
    reminder_km: Mapped[float | None] = mapped_column(Float)
    retired: Mapped[bool] = mapped_column(Boolean)
    added_on: Mapped[dt.date] = mapped_column(Date)


class RunRow(Base):
    """One run: typed in (`distance_source` "manual") or imported from a file (`source`).

    The unique constraint is the last guard against the same file imported twice at once; the
    services catch near-duplicates (importers.is_duplicate) before writing.
    """

    __tablename__ = "runs"
    __table_args__ = (
        UniqueConstraint("athlete_id", "start", "distance_m"),
        Index("ix_runs_day", "athlete_id", "date"),
        # The roster's spikes read only day and distance of recent runs: from the index alone.
        Index("ix_runs_day_distance", "athlete_id", "date", "distance_m"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    start: Mapped[dt.datetime] = mapped_column(DateTime)
    date: Mapped[dt.date] = mapped_column(Date)
    distance_m: Mapped[float] = mapped_column(Float)
    elapsed_s: Mapped[float] = mapped_column(Float)
    moving_s: Mapped[float] = mapped_column(Float)
    rpe: Mapped[int | None] = mapped_column(Integer)
    shoe_id: Mapped[int | None] = mapped_column(
        ForeignKey("shoes.id", ondelete="SET NULL"), index=True
    )
    surface: Mapped[str | None] = mapped_column(String(SHORT))
    source: Mapped[str] = mapped_column(Text)
    distance_source: Mapped[str] = mapped_column(String(SHORT))
    device: Mapped[str | None] = mapped_column(String(200))


class FootRestrictionRow(Base):
    """On `day` the foot plan leaves out `exercises` (ids the rule rules out) for `reason`."""

    __tablename__ = "foot_restrictions"
    __table_args__ = (Index("ix_foot_restrictions_day", "athlete_id", "day"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(Date)
    trigger_date: Mapped[dt.date] = mapped_column(Date)
    trigger: Mapped[str] = mapped_column(String(SHORT))
    drops: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    sources: Mapped[str] = mapped_column(Text)
    exercises: Mapped[str] = mapped_column(Text)


class MinimalistRampRow(Base):
    """The runner started the minimalist transition on `started_on`, aiming at `target_m` a week.
    Where the ramp stands is replayed from the runs and pain since then (services/running.py)."""

    __tablename__ = "minimalist_ramps"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), unique=True
    )
    started_on: Mapped[dt.date] = mapped_column(Date)
    target_m: Mapped[int] = mapped_column(Integer)
