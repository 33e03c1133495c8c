"""TCX files (defusedxml vetting, then ElementTree): one run per <Activity Sport="Running">.

Moving time is the sum of the laps' TotalTimeSeconds (the device's timer) and distance the sum of
their DistanceMeters; when laps lack them, both are computed from the trackpoints (track.py).
Start is the earliest time in the activity (Id, lap StartTime, trackpoint Time).

Each activity's parts are fed to one `_Summary`, from a whole document or, for a file over the
streaming size (import_limits.toml), from a stream of elements that are dropped once read: the
same figures in bounded memory.
"""

from __future__ import annotations

import io
import math
from datetime import datetime
from xml.etree.ElementTree import Element, ParseError, iterparse

from footcore.adapters.import_limits_file import plausibility
from footcore.adapters.importers.model import ParsedActivity, ParseResult, SessionSkip
from footcore.adapters.importers.safe_xml import child_text, children, local, parse_xml, vet_xml
from footcore.adapters.importers.sports import RUNNING, not_a_run, sport_label
from footcore.adapters.importers.track import TrackMeter, as_utc, point
from footcore.errors import FileInputError


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise FileInputError(f"the TCX {what} '{text[:40]}' is not a number") from None
    if not math.isfinite(value):
        raise FileInputError(f"the TCX {what} '{text[:40]}' is not a number")
    return value


def _time(text: str) -> datetime:
    try:
        return as_utc(datetime.fromisoformat(text))
    except ValueError:
        raise FileInputError(f"the TCX time '{text[:40]}' is not an ISO 8601 time") from None


class _Summary:
    """What one activity's figures need, fed part by part in document order."""

    def __init__(self, sport: str) -> None:
        self.label = sport_label(sport or "Other")
        self.first: datetime | None = None
        self.last: datetime | None = None
        self.lap_times: list[str] = []
        self.lap_distances: list[str] = []
        self.cumulative: tuple[float, float] | None = None
        self.meter = TrackMeter()
        self.device: str | None = None
        # a broken trackpoint number matters only when the laps lack totals
        self.track_error: FileInputError | None = None

    def stamp(self, text: str | None) -> datetime | None:
        if not text:
            return None
        moment = _time(text)
        self.first = moment if self.first is None else min(self.first, moment)
        self.last = moment if self.last is None else max(self.last, moment)
        return moment

    def lap(self, lap: Element) -> None:
        self.stamp(lap.get("StartTime") or "")
        seconds, metres = child_text(lap, "TotalTimeSeconds"), child_text(lap, "DistanceMeters")
        if seconds:
            self.lap_times.append(seconds)
        if metres:
            self.lap_distances.append(metres)

    def trackpoint(self, tp: Element) -> None:
        when = self.stamp(child_text(tp, "Time"))
        try:
            self._track(tp, when)
        except FileInputError as exc:
            self.track_error = self.track_error or exc

    def _track(self, tp: Element, when: datetime | None) -> None:
        recorded = child_text(tp, "DistanceMeters")
        if recorded:
            value = _number(recorded, "DistanceMeters")
            low, high = self.cumulative or (value, value)
            self.cumulative = (min(low, value), max(high, value))
        for position in children(tp, "Position"):
            lat, lon = (
                child_text(position, "LatitudeDegrees"),
                child_text(position, "LongitudeDegrees"),
            )
            if lat and lon and when is not None:
                self.meter.add(point(_number(lat, "latitude"), _number(lon, "longitude"), when))

    def result(self, source: str) -> ParseResult:
        if self.label != RUNNING:
            return SessionSkip(self.label, not_a_run(self.label))
        if self.first is None or self.last is None:
            raise FileInputError("the TCX activity has no times, so it cannot be dated")
        metrics = self.meter.metrics()
        if self.track_error is not None and not (self.lap_times and self.lap_distances):
            raise self.track_error
        if self.lap_times:
            moving = sum(_number(t, "TotalTimeSeconds") for t in self.lap_times)
        else:
            moving = metrics.moving_s
        notes: tuple[str, ...] = ()
        if self.lap_distances:
            distance = sum(_number(d, "DistanceMeters") for d in self.lap_distances)
            kind = "device"
        elif self.cumulative is not None:
            distance, kind = self.cumulative[1] - self.cumulative[0], "device"
        else:
            distance, kind, notes = metrics.distance_m, "track", metrics.notes()
        # wall clock can never be shorter than the timer (trackpoints stop a second early)
        elapsed = max((self.last - self.first).total_seconds(), moving)
        return ParsedActivity(
            source=source,
            sport=RUNNING,
            start=self.first,
            distance_m=distance,
            elapsed_s=elapsed,
            moving_s=moving,
            distance_source="device" if kind == "device" else "track",
            device=self.device or None,
            notes=notes,
        )


def _activity(source: str, activity: Element) -> ParseResult:
    summary = _Summary(activity.get("Sport") or "Other")
    if summary.label != RUNNING:
        return summary.result(source)
    summary.stamp(child_text(activity, "Id") or "")
    for lap in children(activity, "Lap"):
        summary.lap(lap)
    for tp in (e for e in activity.iter() if local(e.tag) == "Trackpoint"):
        summary.trackpoint(tp)
    creator = children(activity, "Creator")
    summary.device = child_text(creator[0], "Name") if creator else None
    return summary.result(source)


def _streamed(source: str, data: bytes) -> list[ParseResult]:
    """The activities of a large file, each element dropped from its parent once read."""
    results: list[ParseResult] = []
    stack: list[Element] = []
    summary: _Summary | None = None
    try:
        for event, element in iterparse(io.BytesIO(data), events=("start", "end")):
            name = local(element.tag)
            if event == "start":
                stack.append(element)
                if name == "Activity":
                    summary = _Summary(element.get("Sport") or "Other")
                continue
            stack.pop()
            parent = stack[-1] if stack else None
            parent_name = local(parent.tag) if parent is not None else ""
            if summary is not None and summary.label == RUNNING:
                if name == "Trackpoint":
                    summary.trackpoint(element)
                elif name == "Id" and parent_name == "Activity":
                    summary.stamp((element.text or "").strip())
                elif name == "Name" and parent_name == "Creator" and summary.device is None:
                    summary.device = (element.text or "").strip()
                elif name == "Lap" and parent_name == "Activity":
                    summary.lap(element)
            if name == "Activity" and summary is not None:
                results.append(summary.result(source))
                summary = None
            if parent is not None and name in ("Trackpoint", "Track", "Lap", "Activity"):
                parent.remove(element)  # read: only the element's own figures are kept
    except ParseError as exc:
        raise FileInputError(
            f"the TCX file is not well-formed XML, truncated or corrupt ({exc})"
        ) from None
    return results


def parse_tcx(source: str, data: bytes) -> list[ParseResult]:
    if len(data) > plausibility().stream_from_bytes:
        root_name = vet_xml(data, "TCX file")
        if root_name != "TrainingCenterDatabase":
            raise FileInputError(f"not a TCX file: the root element is <{root_name}>")
        results = _streamed(source, data)
    else:
        root = parse_xml(data, "TCX file")
        if local(root.tag) != "TrainingCenterDatabase":
            raise FileInputError(f"not a TCX file: the root element is <{local(root.tag)}>")
        activities = [e for e in root.iter() if local(e.tag) == "Activity"]
        results = [_activity(source, activity) for activity in activities]
    if not results:
        raise FileInputError("the TCX file holds no <Activity> (a course or workout file?)")
    return results
