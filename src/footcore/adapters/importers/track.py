"""Distance and moving time computed from recorded positions, for files without device totals.

Both are gpxpy's, so that GPX, TCX and FIT tracks are measured the same way: distance is the
2D (horizontal) length, because device totals are horizontal too and GPS elevation noise would
only inflate a 3D sum; moving time is gpxpy's moving time with STOPPED_SPEED_KMH as threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from gpxpy.gpx import GPXTrackPoint

from footcore.adapters.import_limits_file import plausibility
from footcore.adapters.importers.limits import STOPPED_SPEED_KMH

# After this many points in a row out of reach, the track is taken to go on from where they are.
RESUME_AFTER = 5


@dataclass(frozen=True)
class TrackMetrics:
    distance_m: float
    moving_s: float
    dropped: int = 0  # points left out as GPS jumps

    def notes(self) -> tuple[str, ...]:
        if not self.dropped:
            return ()
        limit = plausibility().max_point_speed_kmh
        return (
            f"{self.dropped} track point(s) left out: reaching them needed over {limit:g} km/h "
            "from the point before (a GPS jump)",
        )


def as_utc(moment: datetime) -> datetime:
    """Files without a zone mean UTC (GPX, TCX and FIT all specify UTC times)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def point(lat: float, lon: float, time: datetime | None, ele: float | None = None) -> GPXTrackPoint:
    return GPXTrackPoint(latitude=lat, longitude=lon, elevation=ele, time=time)


class TrackMeter:
    """2D length and moving time, fed one point at a time (a streamed file never holds its
    points), per segment: gaps between segments count for neither.

    gpxpy's own point distances and sums in gpxpy's order, giving exactly what gpxpy's
    `GPXTrackSegment.length_2d()` and `get_moving_data(STOPPED_SPEED_KMH).moving_time` give
    (tests/integration/test_track_measure.py), without gpxpy computing every distance twice and
    sorting the speeds. Moving: a timed step whose distance (3D when both points have an
    elevation, as in gpxpy) is not zero and whose speed is over the threshold.

    A point that could only be reached from the last kept one at over the plausible speed
    (import_limits.toml) is a GPS jump: it is left out and counted, and the next point is
    measured from the last kept one.
    """

    def __init__(self) -> None:
        self.distance = 0.0
        self.moving = 0.0
        self.dropped = 0
        self.max_speed_ms = plausibility().max_point_speed_ms
        self._length = self._time_moving = 0.0
        self._previous: GPXTrackPoint | None = None
        self._jumped = 0

    def add(self, current: GPXTrackPoint) -> None:
        previous = self._previous
        if previous is None:
            self._previous = current
            return
        flat = current.distance_2d(previous)
        seconds = (
            (current.time - previous.time).total_seconds()
            if current.time and previous.time
            else None
        )
        if flat and seconds is not None and (seconds <= 0 or flat / seconds > self.max_speed_ms):
            self.dropped += 1
            self._jumped += 1
            if self._jumped >= RESUME_AFTER:
                # the track really goes on from there (a watch resumed elsewhere): the jump is
                # a gap that counts for neither distance nor time, like one between segments
                self.end_segment()
                self._previous = current
            return
        self._jumped = 0
        if flat:
            self._length += flat
        if seconds is not None:
            both = current.elevation and previous.elevation
            step = current.distance_3d(previous) if both else flat
            if seconds > 0 and step and step / 1000 / (seconds / 3600) > STOPPED_SPEED_KMH:
                self._time_moving += seconds
        self._previous = current

    def end_segment(self) -> None:
        # each segment summed on its own, then added: gpxpy's order, to the last bit
        self.distance += self._length
        self.moving += self._time_moving
        self._length = self._time_moving = 0.0
        self._previous = None
        self._jumped = 0

    def metrics(self) -> TrackMetrics:
        self.end_segment()
        return TrackMetrics(self.distance, self.moving, self.dropped)


def measure(segments: Iterable[Iterable[GPXTrackPoint]]) -> TrackMetrics:
    """Sum 2D length and moving time over segments (TrackMeter)."""
    meter = TrackMeter()
    for points in segments:
        for p in points:
            meter.add(p)
        meter.end_segment()
    return meter.metrics()
