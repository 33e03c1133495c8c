"""Weekly totals and the EWMA acute:chronic ratio, shown with its published context."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from footcore.domain.load.model import LoadRules, RunRecord, monday_of


@dataclass(frozen=True, slots=True)
class WeekLoad:
    week_start: date
    distance_m: float
    moving_s: float
    runs: int
    change_pct: float | None


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
