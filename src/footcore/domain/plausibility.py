"""What a run can be: the limits of data/import_limits.toml applied to a run's figures.

Pure rules over numbers and dates; the importers drop impossible track points with these limits
and the services refuse impossible runs, typed in or imported, with the reason returned here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Unpacking:
    max_unpacked_bytes: int
    max_ratio: float


@dataclass(frozen=True)
class SameRun:
    """When two runs are one run read twice (import_limits.toml [duplicates])."""

    start_tolerance_s: float
    distance_tolerance: float  # a share of the longer distance (0.10 = 10 %)
    min_distance_tolerance_m: float


@dataclass(frozen=True)
class Plausibility:
    max_point_speed_kmh: float
    max_distance_km: float
    max_duration_hours: float
    fastest_pace_s_per_km: float
    earliest_date: date
    confirm_band: str
    stream_from_bytes: int

    @property
    def max_point_speed_ms(self) -> float:
        return self.max_point_speed_kmh / 3.6


def _pace(seconds_per_km: float) -> str:
    minutes, seconds = divmod(round(seconds_per_km), 60)
    return f"{minutes}:{seconds:02d}/km"


@dataclass(frozen=True)
class Implausible:
    """Why a run cannot be true: one line naming the limit, and the figure to blame."""

    field: str  # "date", "km" or "minutes"
    reason: str


def implausible_run(
    limits: Plausibility,
    day: date,
    distance_m: float,
    seconds: float,
    as_of: date,
    grace: timedelta = timedelta(0),
) -> Implausible | None:
    """Why a run cannot be true, or None when it can.

    `seconds` is the time the pace is measured over (moving time); a run with no distance is
    only checked for its date and duration. `grace` lets a run's date pass today by that much (a
    file's UTC date can be a day ahead of the runner's own)."""
    if day > as_of + grace:
        return Implausible(
            "date", f"dated {day.isoformat()}, after today ({as_of.isoformat()}): not run yet"
        )
    if day < limits.earliest_date:
        return Implausible(
            "date",
            f"dated {day.isoformat()}, before {limits.earliest_date.isoformat()}: "
            "older than GPS running watches, so the date is wrong",
        )
    if seconds > limits.max_duration_hours * 3600:
        return Implausible(
            "minutes",
            f"{seconds / 3600:,.1f} hours is longer than the {limits.max_duration_hours:g}-hour "
            "limit of one run",
        )
    km = distance_m / 1000
    if km > limits.max_distance_km:
        return Implausible(
            "km",
            f"{km:,.1f} km is longer than the {limits.max_distance_km:,.0f} km limit of one run",
        )
    if km > 0 and seconds > 0 and seconds / km <= limits.fastest_pace_s_per_km:
        return Implausible(
            "minutes",
            f"an average of {_pace(seconds / km)} is at or faster than "
            f"{_pace(limits.fastest_pace_s_per_km)}, beyond any runner",
        )
    return None
