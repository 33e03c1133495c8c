"""GPX files (gpxpy, after defusedxml vetted the prolog): all tracks of a file form one activity.

The sport is the first track's <type> (see sports.py; no type means a run). Start is the earliest
point time; distance and moving time come from the timed points (track.py), since GPX carries no
device totals. Files over the streaming size are read point by point (gpx_stream.py). Untimed
points are left out; a file that is mostly untimed, or a route without a
track, is not a recording and is refused.
"""

from __future__ import annotations

import gpxpy
from gpxpy.gpx import GPXException, GPXXMLSyntaxException

from footcore.adapters.import_limits_file import plausibility
from footcore.adapters.importers.gpx_stream import parse_gpx_stream
from footcore.adapters.importers.limits import MIN_TIMED_FRACTION
from footcore.adapters.importers.model import ParsedActivity, ParseResult, SessionSkip
from footcore.adapters.importers.safe_xml import vet_xml, xml_text
from footcore.adapters.importers.sports import RUNNING, not_a_run, sport_label
from footcore.adapters.importers.track import as_utc, measure
from footcore.errors import FileInputError


def parse_gpx(source: str, data: bytes) -> list[ParseResult]:
    if len(data) > plausibility().stream_from_bytes:
        return parse_gpx_stream(source, data)  # bounded memory for a large file
    text = xml_text(data, "GPX file")
    # gpxpy parses with the stdlib, which would expand entities: vet the same text first
    root = vet_xml(text, "GPX file")
    if root != "gpx":
        raise FileInputError(f"not a GPX file: the root element is <{root}>")
    try:
        gpx = gpxpy.parse(text)
    except GPXXMLSyntaxException as exc:
        raise FileInputError(
            f"the GPX file is not well-formed XML, truncated or corrupt ({exc.__cause__ or exc})"
        ) from None
    except (GPXException, ValueError, TypeError) as exc:
        raise FileInputError(f"not a valid GPX file ({exc})") from None

    segments = [seg.points for track in gpx.tracks for seg in track.segments]
    total = sum(len(points) for points in segments)
    if total == 0:
        if gpx.routes:
            raise FileInputError("a planned route (<rte>) with no recorded track: not an activity")
        raise FileInputError("the GPX file has no track points")

    types = [str(t.type).strip() for t in gpx.tracks if t.type and str(t.type).strip()]
    if types and sport_label(types[0]) != RUNNING:
        label = sport_label(types[0])
        return [SessionSkip(label, not_a_run(label))]

    timed = [[p for p in points if p.time is not None] for points in segments]
    count = sum(len(points) for points in timed)
    if count < 2:
        raise FileInputError(
            f"the track has no timestamps ({count} of {total} points have a time), "
            "so it cannot be dated or timed"
        )
    if count < MIN_TIMED_FRACTION * total:
        raise FileInputError(
            f"only {count} of {total} track points have a time: "
            "a drawn or stripped track, not a recording"
        )
    for points in timed:
        for p in points:
            # once, in UTC: gpxpy's own zone answers every offset in Python, step after step
            p.time = as_utc(p.time) if p.time is not None else None
    times = [p.time for points in timed for p in points if p.time is not None]
    elapsed = (max(times) - min(times)).total_seconds()
    metrics = measure(timed)
    creator = str(gpx.creator).strip() if gpx.creator else ""
    return [
        ParsedActivity(
            source=source,
            sport=RUNNING,
            start=min(times),
            distance_m=metrics.distance_m,
            elapsed_s=elapsed,
            moving_s=min(metrics.moving_s, elapsed),
            distance_source="track",
            device=creator or None,
            notes=metrics.notes(),
        )
    ]
