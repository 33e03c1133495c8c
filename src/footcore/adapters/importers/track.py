"""Distance and moving time computed from recorded positions, for files without device totals.

Both are gpxpy's, so that GPX, TCX and FIT tracks are measured the same way: distance is the
2D (horizontal) length, because device totals are horizontal too and GPS elevation noise would
only inflate a 3D sum; moving time is gpxpy's moving time with STOPPED_SPEED_KMH as threshold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise

from gpxpy.gpx import GPXTrackPoint

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
    """Sum 2D length and moving time over segments; gaps between segments count for neither.

    One pass per segment with gpxpy's own point distances, giving exactly what gpxpy's
    `GPXTrackSegment.length_2d()` and `get_moving_data(STOPPED_SPEED_KMH).moving_time` give
    (the same pairs, the same sums in the same order; tests/integration/test_track_measure.py),
    without gpxpy computing every distance twice and sorting the speeds for a maximum speed.
    Moving: a timed step whose distance (3D when both points have an elevation, as in gpxpy) is
    not zero and whose speed is over the threshold.
    """
    distance = 0.0
    moving = 0.0
    for points in segments:
        # each segment summed on its own, then added: gpxpy's order, to the last bit
        length = time_moving = 0.0
        for previous, current in pairwise(points):
            flat = current.distance_2d(previous)
            if flat:
                length += flat
            if current.time and previous.time:
                seconds = (current.time - previous.time).total_seconds()
                step = (
                    current.distance_3d(previous)
                    if current.elevation and previous.elevation
                    else flat
                )
                if seconds > 0 and step and step / 1000 / (seconds / 3600) > STOPPED_SPEED_KMH:
                    time_moving += seconds
        distance += length
        moving += time_moving
    return TrackMetrics(distance, moving)
