"""The one-pass track measure gives exactly gpxpy's 2D length and moving time, on every recorded
track of the samples (GPX points, TCX trackpoints, FIT records)."""

from __future__ import annotations

from datetime import datetime

import gpxpy
import pytest
from gpxpy.gpx import GPXTrackPoint, GPXTrackSegment

from footcore.adapters.import_limits_file import plausibility
from footcore.adapters.importers.fit import _SEMICIRCLE_DEG, _moment, _scan
from footcore.adapters.importers.limits import STOPPED_SPEED_KMH
from footcore.adapters.importers.safe_xml import child_text, children, local, parse_xml
from footcore.adapters.importers.track import as_utc, measure, point
from tests.corpus import SAMPLES, WHERE
from tests.synthetic import Track, fit_bytes, gpx_text, tcx_text


def by_gpxpy(points: list[GPXTrackPoint]) -> tuple[float, float]:
    segment = GPXTrackSegment(points=list(points))
    data = segment.get_moving_data(stopped_speed_threshold=STOPPED_SPEED_KMH)
    return float(segment.length_2d() or 0.0), float(data.moving_time if data else 0.0)


def gpx_points(name: str, text: str) -> list[tuple[str, list[GPXTrackPoint]]]:
    gpx = gpxpy.parse(text)
    return [(name, [p for p in seg.points if p.time]) for t in gpx.tracks for seg in t.segments]


def tcx_points(data: bytes) -> list[GPXTrackPoint]:
    pts = []
    for tp in (e for e in parse_xml(data, "TCX").iter() if local(e.tag) == "Trackpoint"):
        when, pos = child_text(tp, "Time"), children(tp, "Position")
        if when and pos:
            lat, lon = (
                child_text(pos[0], "LatitudeDegrees"),
                child_text(pos[0], "LongitudeDegrees"),
            )
            if lat and lon:
                ele = child_text(tp, "AltitudeMeters")
                pts.append(
                    point(
                        float(lat),
                        float(lon),
                        as_utc(datetime.fromisoformat(when)),
                        float(ele) if ele else None,
                    )
                )
    return pts


def fit_points(data: bytes) -> list[GPXTrackPoint]:
    pts = []
    for t, _, lat, lon in _scan(data).records:
        if isinstance(lat, int) and isinstance(lon, int):
            moment = _moment(t)
            # The samples' records carry wall-clock stamps, never device-relative seconds.
            assert isinstance(moment, datetime)
            pts.append(point(lat * _SEMICIRCLE_DEG, lon * _SEMICIRCLE_DEG, moment))
    return pts


def tracks() -> list[object]:
    steady = Track(km=8.0, minutes=45.0)  # written by the test: runs on a fresh clone too
    out: list[tuple[str, list[GPXTrackPoint]]] = [
        *gpx_points("synthetic.gpx", gpx_text(steady)),
        ("synthetic.tcx", tcx_points(tcx_text(steady).encode())),
        ("synthetic.fit", fit_points(fit_bytes(steady))),
    ]
    if SAMPLES.is_dir():
        for path in sorted(SAMPLES.glob("gpx/*.gpx")):
            out += gpx_points(path.name, path.read_text(encoding="utf-8"))
        for path in sorted(SAMPLES.glob("tcx/*.tcx")):
            out.append((path.name, tcx_points(path.read_bytes())))
        for name in ("fitparse__activity-small-fenix2-run.fit", "runpandas__run.fit"):
            out.append((name, fit_points((SAMPLES / "fit" / name).read_bytes())))
    found: list[object] = [(n, p) for n, p in out if len(p) >= 2]
    if not SAMPLES.is_dir():
        found.append(pytest.param("the sample corpus", [], marks=pytest.mark.skip(reason=WHERE)))
    return found


@pytest.mark.parametrize(("name", "points"), tracks())
def test_the_one_pass_measure_is_gpxpys_length_and_moving_time(
    name: str, points: list[GPXTrackPoint]
) -> None:
    metrics = measure([points])
    kept = within_reach(points)
    assert metrics.dropped == len(points) - len(kept)
    assert (metrics.distance_m, metrics.moving_s) == by_gpxpy(kept)


def within_reach(points: list[GPXTrackPoint]) -> list[GPXTrackPoint]:
    """The points a runner could reach from the last one kept (import_limits.toml): GPS jumps
    are left out; none of the sample tracks jumps five points in a row."""
    limit = plausibility().max_point_speed_kmh / 3.6
    kept = [points[0]]
    for p in points[1:]:
        last = kept[-1]
        flat = p.distance_2d(last)
        assert p.time is not None and last.time is not None
        seconds = (p.time - last.time).total_seconds()
        if not flat or (seconds > 0 and flat / seconds <= limit):
            kept.append(p)
    return kept
