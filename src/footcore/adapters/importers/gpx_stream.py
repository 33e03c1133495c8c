"""Large GPX files read point by point (ElementTree iterparse): memory stays bounded.

gpxpy builds the whole document, about 20 times a file's size in memory; above the streaming
size of import_limits.toml a GPX is read here instead, with the same figures as gpx.py: the same
points (timed track points), the same measure (track.TrackMeter), the same refusals. Entities
were refused first by vet_xml, as for every XML read (safe_xml.py says why that suffices).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from xml.etree.ElementTree import Element, ParseError, iterparse

from footcore.adapters.importers.limits import MIN_TIMED_FRACTION
from footcore.adapters.importers.model import ParsedActivity, ParseResult, SessionSkip
from footcore.adapters.importers.safe_xml import local, vet_xml
from footcore.adapters.importers.sports import RUNNING, not_a_run, sport_label
from footcore.adapters.importers.track import TrackMeter, as_utc, point
from footcore.errors import FileInputError


@dataclass
class _Scan:
    meter: TrackMeter = field(default_factory=TrackMeter)
    total: int = 0
    timed: int = 0
    routes: int = 0
    first: datetime | None = None
    last: datetime | None = None
    sport: str | None = None
    creator: str = ""


def _time(text: str | None) -> datetime | None:
    if not text or not text.strip():
        return None
    try:
        return as_utc(datetime.fromisoformat(text.strip()))
    except ValueError:
        return None


def _number(text: str | None, what: str) -> float:
    try:
        return float(text or "")
    except ValueError:
        raise FileInputError(f"not a valid GPX file (the {what} '{(text or '')[:40]}')") from None


def _child(element: Element, name: str) -> str | None:
    for child in element:
        if local(child.tag) == name:
            return child.text
    return None


def _events(data: bytes) -> Iterator[tuple[str, Element, Element | None]]:
    """(event, element, parent) with every finished point removed from its parent."""
    stack: list[Element] = []
    try:
        for event, element in iterparse(io.BytesIO(data), events=("start", "end")):
            if event == "start":
                stack.append(element)
                continue
            stack.pop()
            parent = stack[-1] if stack else None
            yield event, element, parent
            if parent is not None and local(element.tag) in ("trkpt", "rtept", "trkseg", "trk"):
                parent.remove(element)  # the only child left: removing it is cheap
    except ParseError as exc:
        raise FileInputError(
            f"the GPX file is not well-formed XML, truncated or corrupt ({exc})"
        ) from None


def _point(scan: _Scan, element: Element) -> None:
    scan.total += 1
    moment = _time(_child(element, "time"))
    if moment is None:
        return
    scan.timed += 1
    scan.first = moment if scan.first is None else min(scan.first, moment)
    scan.last = moment if scan.last is None else max(scan.last, moment)
    ele = _child(element, "ele")
    scan.meter.add(
        point(
            _number(element.get("lat"), "latitude"),
            _number(element.get("lon"), "longitude"),
            moment,
            _number(ele, "elevation") if ele and ele.strip() else None,
        )
    )


def _scan(data: bytes) -> _Scan:
    scan = _Scan()
    for _, element, parent in _events(data):
        name = local(element.tag)
        if name == "trkpt":
            _point(scan, element)
        elif name == "trkseg":
            scan.meter.end_segment()
        elif name == "rtept":
            scan.routes += 1
        elif name == "type" and parent is not None and local(parent.tag) == "trk":
            if scan.sport is None and element.text and element.text.strip():
                scan.sport = element.text.strip()
        elif name == "gpx":
            scan.creator = (element.get("creator") or "").strip()
            if (element.get("version") or "").strip() == "1.0":
                scan.sport = None  # GPX 1.0 tracks have no <type>: gpxpy ignores one
    return scan


def parse_gpx_stream(source: str, data: bytes) -> list[ParseResult]:
    root = vet_xml(data, "GPX file")
    if root != "gpx":
        raise FileInputError(f"not a GPX file: the root element is <{root}>")
    scan = _scan(data)
    if scan.total == 0:
        if scan.routes:
            raise FileInputError("a planned route (<rte>) with no recorded track: not an activity")
        raise FileInputError("the GPX file has no track points")
    if scan.sport is not None and sport_label(scan.sport) != RUNNING:
        label = sport_label(scan.sport)
        return [SessionSkip(label, not_a_run(label))]
    if scan.timed < 2 or scan.first is None or scan.last is None:
        raise FileInputError(
            f"the track has no timestamps ({scan.timed} of {scan.total} points have a time), "
            "so it cannot be dated or timed"
        )
    if scan.timed < MIN_TIMED_FRACTION * scan.total:
        raise FileInputError(
            f"only {scan.timed} of {scan.total} track points have a time: "
            "a drawn or stripped track, not a recording"
        )
    elapsed = (scan.last - scan.first).total_seconds()
    metrics = scan.meter.metrics()
    return [
        ParsedActivity(
            source=source,
            sport=RUNNING,
            start=scan.first,
            distance_m=metrics.distance_m,
            elapsed_s=elapsed,
            moving_s=min(metrics.moving_s, elapsed),
            distance_source="track",
            device=scan.creator or None,
            notes=metrics.notes(),
        )
    ]
