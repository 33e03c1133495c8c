"""Small GPX and TCX writers for tests that need activity files of a known shape (a steady run,
a GPS jump, an impossible claim), written by the test itself."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

METRES_PER_DEGREE = 111_195.0  # along a meridian, for gpxpy's mean earth radius 6,371 km


def track(
    start: datetime, km: float, minutes: float, every_s: int = 5
) -> list[tuple[float, float, datetime]]:
    """Points (lat, lon, time) due north at an even pace from 45 N 14 E."""
    count = max(2, int(minutes * 60 / every_s) + 1)
    step = km * 1000 / METRES_PER_DEGREE / (count - 1)
    return [
        (45.0 + i * step, 14.0, start + timedelta(seconds=i * minutes * 60 / (count - 1)))
        for i in range(count)
    ]


def with_jump(
    points: list[tuple[float, float, datetime]], at: int
) -> list[tuple[float, float, datetime]]:
    """The same track with one point thrown 10 degrees east (about 800 km): a GPS teleport."""
    lat, lon, when = points[at]
    return [*points[:at], (lat, lon + 10.0, when), *points[at + 1 :]]


def gpx(points: Sequence[tuple[float, float, datetime]], sport: str | None = None) -> bytes:
    kind = f"<type>{sport}</type>" if sport else ""
    body = "".join(
        f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>100.0</ele>'
        f"<time>{when.strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>\n"
        for lat, lon, when in points
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="footcore tests" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk>{kind}<trkseg>\n{body}</trkseg></trk></gpx>\n"
    ).encode()


def tcx(start: datetime, metres: float, seconds: float) -> bytes:
    """A TCX run whose lap claims these totals (no trackpoints needed)."""
    stamp = start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
        'TrainingCenterDatabase/v2"><Activities><Activity Sport="Running">'
        f'<Id>{stamp}</Id><Lap StartTime="{stamp}"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>'
        f"<DistanceMeters>{metres}</DistanceMeters></Lap></Activity></Activities>"
        "</TrainingCenterDatabase>\n"
    ).encode()


def tcx_track(points: Sequence[tuple[float, float, datetime]]) -> bytes:
    """A TCX run with trackpoints only (its lap records no totals): measured from the track."""
    stamp = points[0][2].strftime("%Y-%m-%dT%H:%M:%SZ")
    body = "".join(
        f"<Trackpoint><Time>{when.strftime('%Y-%m-%dT%H:%M:%SZ')}</Time><Position>"
        f"<LatitudeDegrees>{lat:.7f}</LatitudeDegrees><LongitudeDegrees>{lon:.7f}"
        "</LongitudeDegrees></Position></Trackpoint>\n"
        for lat, lon, when in points
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
        'TrainingCenterDatabase/v2"><Activities><Activity Sport="Running">'
        f'<Id>{stamp}</Id><Lap StartTime="{stamp}"><Track>\n{body}</Track></Lap>'
        "<Creator><Name>footcore tests</Name></Creator></Activity></Activities>"
        "</TrainingCenterDatabase>\n"
    ).encode()
