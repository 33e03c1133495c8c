"""Running load: single-run spikes, weekly totals, the EWMA acute:chronic ratio, and the days on
which the foot plan drops plyometric and high-load items because the running load rose sharply.

The numbers come from `LoadRules`, built by an adapter from data/load_rules.toml (evidence.md
section 3). Distances are metres; the daily load of the ratio is the day's distance in km.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from footcore.domain.catalog import Exercise, LoadLevel
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


# Spikes -----------------------------------------------------------------------------------------


def whole_metres(distance_m: float) -> int:
    """The distance rounded half-up to the metre, from its shortest decimal form.

    Comparing whole metres in integers makes each band edge exact: 1.1 * 10_000 (which is
    11000.000000000002 as a float) is 11,000 m, +10% of 10 km, not a hair over it.
    """
    return int(Decimal(repr(float(distance_m))).to_integral_value(rounding=ROUND_HALF_UP))


def classify_spike(
    distance_m: float, longest_prev_m: float | None, rules: LoadRules
) -> SpikeBand | None:
    """The band of a run against the longest run of the previous 30 days.

    None means no spike can be computed: there was no run (of any length) in the window.
    """
    if longest_prev_m is None:
        return None
    reference = whole_metres(longest_prev_m)
    if reference <= 0:
        return None
    increase = whole_metres(distance_m) - reference
    band = SpikeBand.NONE
    for t in sorted(rules.spike_thresholds, key=lambda t: t.over_pct):
        if 100 * increase > t.over_pct * reference:
            band = t.band
    return band


@dataclass(frozen=True, slots=True)
class Spike:
    """One run measured against the longest run of the previous window; band None = no reference."""

    run_date: date
    distance_m: float
    reference_m: float | None
    ratio: float | None
    band: SpikeBand | None

    @property
    def increase_pct(self) -> float | None:
        return None if self.ratio is None else (self.ratio - 1) * 100


def spikes(runs: Iterable[RunRecord], rules: LoadRules) -> list[Spike]:
    """Every run, in date order, with its band (None when the window before it holds no run)."""
    ordered = sorted(runs, key=lambda r: r.date)
    days = [r.date for r in ordered]
    out = []
    for run in ordered:
        start = bisect_left(days, run.date - timedelta(days=rules.spike_window_days))
        end = bisect_left(days, run.date)
        window = [r.distance_m for r in ordered[start:end]]
        longest = max(window) if window else None
        band = classify_spike(run.distance_m, longest, rules)
        ratio = run.distance_m / longest if band is not None and longest else None
        out.append(Spike(run.date, run.distance_m, longest, ratio, band))
    return out


def describe_spike(spike: Spike, rules: LoadRules) -> str:
    if spike.band is None or spike.reference_m is None:
        return rules.no_reference_note
    head = (
        f"{spike.distance_m / 1000:.2f} km is {spike.increase_pct:+.0f}% against the"
        f" longest run of the previous {rules.spike_window_days} days"
        f" ({spike.reference_m / 1000:.2f} km)"
    )
    t = rules.threshold(spike.band)
    if t is None:
        return f"{head}: the reference band"
    return (
        f"{head}: a {spike.band.value} spike (over {t.over_pct}%; hazard rate ratio {t.hrr},"
        f" 95% CI {t.ci[0]:.2f}-{t.ci[1]:.2f}, Frandsen 2025)"
    )


# Weekly totals and the acute:chronic ratio -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekLoad:
    week_start: date
    distance_m: float
    moving_s: float
    runs: int
    change_pct: float | None


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_loads(runs: Iterable[RunRecord]) -> list[WeekLoad]:
    """Calendar weeks (Monday start) from the first run's week to the last, empty weeks included.

    change_pct compares a week's distance with the week before; None when that week had none.
    """
    by_week: dict[date, list[RunRecord]] = {}
    for r in runs:
        by_week.setdefault(monday_of(r.date), []).append(r)
    if not by_week:
        return []
    out: list[WeekLoad] = []
    week, last = min(by_week), max(by_week)
    while week <= last:
        rs = by_week.get(week, [])
        distance = math.fsum(r.distance_m for r in rs)
        prev = out[-1].distance_m if out else 0.0
        change = (distance - prev) / prev * 100 if prev > 0 else None
        out.append(WeekLoad(week, distance, math.fsum(r.moving_s for r in rs), len(rs), change))
        week += timedelta(days=7)
    return out


def daily_km(runs: Iterable[RunRecord]) -> dict[date, float]:
    """The daily load of the acute:chronic ratio: each day's running distance in km."""
    out: dict[date, float] = {}
    for r in runs:
        out[r.date] = out.get(r.date, 0.0) + r.distance_m / 1000
    return out


@dataclass(frozen=True, slots=True)
class AcwrPoint:
    date: date
    daily_load: float
    acute: float
    chronic: float
    ratio: float | None


def ewma_acwr(daily_loads: Mapping[date, float], rules: LoadRules) -> list[AcwrPoint]:
    """EWMA acute and chronic loads for every day from the first to the last; missing days are 0.

    Day 1 seeds both averages with its load. Each day adds lambda of the gap to the day's load,
    EWMA + lambda * (L - EWMA), the same sum as L * lambda + (1 - lambda) * EWMA but exact when the
    load does not change, so a constant load gives a ratio of exactly 1. The ratio is None while
    the chronic load is 0.
    """
    if not daily_loads:
        return []
    la, lc = rules.acute_lambda, rules.chronic_lambda
    day, last = min(daily_loads), max(daily_loads)
    acute = chronic = daily_loads[day]
    out: list[AcwrPoint] = []
    while day <= last:
        load = daily_loads.get(day, 0.0)
        if out:
            acute += la * (load - acute)
            chronic += lc * (load - chronic)
        out.append(AcwrPoint(day, load, acute, chronic, acute / chronic if chronic > 0 else None))
        day += timedelta(days=1)
    return out


def acwr_context(ratio: float, rules: LoadRules) -> tuple[str, ...]:
    """The context lines for a ratio, caveat first: shown, never acted on."""
    return (rules.acwr_caveat, *(c.text for c in rules.acwr_context if c.contains(ratio)))


# The foot-plan rule -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Restriction:
    """On `day`, the foot plan drops `drops` because of the load event on `trigger_date`."""

    day: date
    trigger_date: date
    trigger: Trigger
    drops: frozenset[Drop]
    reason: str
    sources: tuple[str, ...]

    def rules_out(self, exercise: Exercise) -> bool:
        return (Drop.PLYOMETRIC in self.drops and exercise.is_plyometric) or (
            Drop.HIGH_LOAD in self.drops and exercise.load is LoadLevel.HIGH
        )


def sharp_weeks(runs: Iterable[RunRecord], rules: LoadRules) -> list[tuple[date, float]]:
    """(day, rise %) for each week whose distance reached the sharp-rise threshold over the week
    before, dated on the day whose run took it there. A week after one without running has no
    rise to measure and is skipped. Sums are whole metres, so the threshold is exact."""
    days: dict[date, dict[date, int]] = {}
    for r in runs:
        week = days.setdefault(monday_of(r.date), {})
        week[r.date] = week.get(r.date, 0) + whole_metres(r.distance_m)
    out = []
    for monday in sorted(days):
        prev = sum(days.get(monday - timedelta(days=7), {}).values())
        if prev <= 0:
            continue
        done = 0
        for day in sorted(days[monday]):
            done += days[monday][day]
            if 100 * done >= (100 + rules.sharp_week_pct) * prev:
                out.append((day, (done - prev) / prev * 100))
                break
    return out


def foot_load_restrictions(
    runs: Iterable[RunRecord], today: date, rules: LoadRules
) -> list[Restriction]:
    """Restrictions on `today` and later, from runs on or before today, sorted by date.

    A date covered by two events appears once for each, so that both reasons reach the runner.
    """
    done = [r for r in runs if r.date <= today]
    events: list[tuple[date, Trigger, str]] = []
    for s in spikes(done, rules):
        if s.band is not None and s.band in rules.restrict_after_spikes:
            events.append((s.run_date, Trigger.SPIKE, describe_spike(s, rules)))
    if rules.restrict_after_sharp_week:
        for day, rise in sharp_weeks(done, rules):
            events.append(
                (
                    day,
                    Trigger.SHARP_WEEK,
                    f"by {day.isoformat()} the week's running was {rise:.0f}% over the week"
                    f" before (sharp rise: {rules.sharp_week_pct}% or more)",
                )
            )
    out: list[Restriction] = []
    for trigger_date, trigger, what in events:
        sources = rules.spike_sources if trigger is Trigger.SPIKE else rules.weekly_sources
        for offset in range(rules.restrict_days_after + 1):
            day = trigger_date + timedelta(days=offset)
            if day >= today:
                out.append(
                    Restriction(
                        day,
                        trigger_date,
                        trigger,
                        rules.restrict_drops,
                        f"{what}; {rules.restrict_why}",
                        tuple(dict.fromkeys((*sources, *rules.restrict_sources))),
                    )
                )
    return sorted(out, key=lambda r: (r.day, r.trigger_date, r.trigger))
