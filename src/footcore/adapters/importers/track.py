"""Distance and moving time computed from recorded positions, for files without device totals.

Both come from gpxpy so that GPX, TCX and FIT tracks are measured the same way: distance is the
2D (horizontal) length, because device totals are horizontal too and GPS elevation noise would
only inflate a 3D sum; moving time is gpxpy's moving time with STOPPED_SPEED_KMH as threshold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from gpxpy.gpx import GPXTrackPoint, GPXTrackSegment

from footcore.adapters.importers.limits import STOPPED_SPEED_KMH


@dataclass(frozen=True)
class TrackMetrics:
    distance_m: float
    moving_s: float


def as_utc(moment: datetime) -> datetime:
    """Files without a zone mean UTC (GPX, TCX and FIT all specify UTC times)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def point(lat: float, lon: float, time: datetime | None, ele: float | None = None) -> GPXTrackPoint:
    return GPXTrackPoint(latitude=lat, longitude=lon, elevation=ele, time=time)


def measure(segments: Iterable[Sequence[GPXTrackPoint]]) -> TrackMetrics:
    """Sum 2D length and moving time over segments; gaps between segments count for neither."""
    distance = 0.0
    moving = 0.0
    for points in segments:
        if len(points) < 2:
            continue
        segment = GPXTrackSegment(points=list(points))
        distance += float(segment.length_2d() or 0.0)
        data = segment.get_moving_data(stopped_speed_threshold=STOPPED_SPEED_KMH)
        if data is not None:
            moving += float(data.moving_time)
    return TrackMetrics(distance, moving)
