"""Loading data/import_limits.toml into `Unpacking`, `Plausibility` and `SameRun`, validated."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

from pydantic import Field

from footcore.adapters.datafiles import StrictModel, read_toml, validate_data
from footcore.domain.plausibility import Plausibility, SameRun, Unpacking

NAME = "import_limits.toml"
MB = 1_000_000


class _Choice(StrictModel):
    grade: Literal["none"]
    choice: str = Field(min_length=20, pattern=r"^footcore's choice: ")


class UnpackingIn(_Choice):
    max_unpacked_mb: int = Field(ge=1, le=100_000)
    max_ratio: float = Field(ge=2, le=10_000)


class PlausibilityIn(_Choice):
    max_point_speed_kmh: float = Field(gt=0, le=1000)
    max_distance_km: float = Field(gt=0, le=10_000)
    max_duration_hours: float = Field(gt=0, le=24 * 365)
    fastest_pace_s_per_km: float = Field(gt=0, le=600)
    earliest_date: dt.date


class ConfirmIn(_Choice):
    spike_band: Literal["small", "moderate", "large"]


class StreamingIn(_Choice):
    stream_from_mb: float = Field(gt=0, le=50)


class DuplicatesIn(_Choice):
    start_tolerance_s: float = Field(gt=0, le=3600)
    distance_tolerance_pct: float = Field(ge=0, le=100)
    min_distance_tolerance_m: float = Field(ge=0, le=10_000)


class ImportLimitsIn(StrictModel):
    unpacking: UnpackingIn
    plausibility: PlausibilityIn
    confirm: ConfirmIn
    streaming: StreamingIn
    duplicates: DuplicatesIn


@cache
def _limits() -> ImportLimitsIn:
    return validate_data(ImportLimitsIn, read_toml(NAME), NAME)


def unpacking() -> Unpacking:
    u = _limits().unpacking
    return Unpacking(max_unpacked_bytes=u.max_unpacked_mb * MB, max_ratio=u.max_ratio)


@cache
def plausibility() -> Plausibility:
    raw = _limits()
    p = raw.plausibility
    return Plausibility(
        max_point_speed_kmh=p.max_point_speed_kmh,
        max_distance_km=p.max_distance_km,
        max_duration_hours=p.max_duration_hours,
        fastest_pace_s_per_km=p.fastest_pace_s_per_km,
        earliest_date=p.earliest_date,
        confirm_band=raw.confirm.spike_band,
        stream_from_bytes=int(raw.streaming.stream_from_mb * MB),
    )


@cache
def same_run() -> SameRun:
    d = _limits().duplicates
    return SameRun(
        start_tolerance_s=d.start_tolerance_s,
        distance_tolerance=d.distance_tolerance_pct / 100,
        min_distance_tolerance_m=d.min_distance_tolerance_m,
    )
