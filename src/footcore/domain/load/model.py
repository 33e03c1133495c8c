"""The values of running load: a run as the load rules see it, the rules themselves (from
data/load_rules.toml), and the two measures every rule shares: whole metres and the week's
Monday."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from footcore.errors import InputError


class SpikeBand(StrEnum):
    """Frandsen 2025's bands, in rising order of the increase over the 30-day longest run."""

    NONE = "none"
    SMALL = "small"
    MODERATE = "moderate"
    LARGE = "large"

    @property
    def rank(self) -> int:
        return list(SpikeBand).index(self)


class Drop(StrEnum):
    PLYOMETRIC = "plyometric"
    HIGH_LOAD = "high_load"


class Trigger(StrEnum):
    SPIKE = "spike"
    SHARP_WEEK = "sharp_week"


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One run as the load rules see it: its day, distance (m), times (s) and optional context."""

    date: date
    distance_m: float
    moving_s: float
    elapsed_s: float
    rpe: int | None = None
    shoe: str | None = None
    surface: str | None = None

    def __post_init__(self) -> None:
        for name, value in (
            ("distance_m", self.distance_m),
            ("moving_s", self.moving_s),
            ("elapsed_s", self.elapsed_s),
        ):
            if not math.isfinite(value) or value < 0:
                raise InputError(f"{value} is not a distance or time of 0 or more", name)
        if self.moving_s > self.elapsed_s:
            raise InputError("moving time cannot be longer than elapsed time", "moving_s")
        if self.rpe is not None and not 0 <= self.rpe <= 10:
            raise InputError(f"{self.rpe} is not an effort rating from 0 to 10", "rpe")


@dataclass(frozen=True, slots=True)
class SpikeThreshold:
    band: SpikeBand
    over_pct: int
    hrr: float
    ci: tuple[float, float]


@dataclass(frozen=True, slots=True)
class AcwrContext:
    """A published range shown next to a ratio; `above` is exclusive, the others inclusive."""

    text: str
    grade: str
    sources: tuple[str, ...]
    at_least: float | None = None
    above: float | None = None
    at_most: float | None = None

    def contains(self, ratio: float) -> bool:
        return not (
            (self.at_least is not None and ratio < self.at_least)
            or (self.above is not None and ratio <= self.above)
            or (self.at_most is not None and ratio > self.at_most)
        )


@dataclass(frozen=True, slots=True)
class LoadRules:
    spike_window_days: int
    spike_thresholds: tuple[SpikeThreshold, ...]
    spike_sources: tuple[str, ...]
    no_reference_note: str
    acute_days: int
    chronic_days: int
    acwr_sources: tuple[str, ...]
    acwr_caveat: str
    acwr_context: tuple[AcwrContext, ...]
    sharp_week_pct: int
    weekly_sources: tuple[str, ...]
    weekly_note: str
    restrict_after_spikes: frozenset[SpikeBand]
    restrict_after_sharp_week: bool
    restrict_days_after: int
    restrict_drops: frozenset[Drop]
    restrict_why: str
    restrict_sources: tuple[str, ...]

    @property
    def acute_lambda(self) -> float:
        return 2 / (self.acute_days + 1)

    @property
    def chronic_lambda(self) -> float:
        return 2 / (self.chronic_days + 1)

    def threshold(self, band: SpikeBand) -> SpikeThreshold | None:
        return next((t for t in self.spike_thresholds if t.band is band), None)


def whole_metres(distance_m: float) -> int:
    """The distance rounded half-up to the metre, from its shortest decimal form.

    Comparing whole metres in integers makes each band edge exact: 1.1 * 10_000 (which is
    11000.000000000002 as a float) is 11,000 m, +10% of 10 km, not a hair over it.
    """
    return int(Decimal(repr(float(distance_m))).to_integral_value(rounding=ROUND_HALF_UP))


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())
