"""Single-run spikes: each run against the longest run of the window before it (Frandsen 2025)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from footcore.domain.load.model import LoadRules, RunRecord, SpikeBand, whole_metres


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
