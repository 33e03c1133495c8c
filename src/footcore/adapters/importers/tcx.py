"""TCX files (defusedxml ElementTree): one run per <Activity Sport="Running">.

Moving time is the sum of the laps' TotalTimeSeconds (the device's timer) and distance the sum of
their DistanceMeters; when laps lack them, both are computed from the trackpoints (track.py).
Start is the earliest time in the activity (Id, lap StartTime, trackpoint Time).
"""

from __future__ import annotations

import math
from datetime import datetime
from xml.etree.ElementTree import Element

from footcore.adapters.importers.model import (
    DistanceSource,
    ParsedActivity,
    ParseResult,
    SessionSkip,
)
from footcore.adapters.importers.safe_xml import child_text, children, local, parse_xml
from footcore.adapters.importers.sports import RUNNING, not_a_run, sport_label
from footcore.adapters.importers.track import as_utc, measure, point
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


def _track_distance(
    trackpoints: list[Element],
) -> tuple[float, float, DistanceSource, tuple[str, ...]]:
    """Distance and moving time from the trackpoints, for laps without totals."""
    points = []
    cumulative: list[float] = []
    for tp in trackpoints:
        moment = child_text(tp, "Time")
        when = _time(moment) if moment else None
        recorded = child_text(tp, "DistanceMeters")
        if recorded:
            cumulative.append(_number(recorded, "DistanceMeters"))
        for position in children(tp, "Position"):
            lat, lon = (
                child_text(position, "LatitudeDegrees"),
                child_text(position, "LongitudeDegrees"),
            )
            if lat and lon and when is not None:
                points.append(point(_number(lat, "latitude"), _number(lon, "longitude"), when))
    metrics = measure([points])
    if cumulative:
        return max(cumulative) - min(cumulative), metrics.moving_s, "device", ()
    return metrics.distance_m, metrics.moving_s, "track", metrics.notes()


def _activity(source: str, activity: Element) -> ParseResult:
    label = sport_label(activity.get("Sport") or "Other")
    if label != RUNNING:
        return SessionSkip(label, not_a_run(label))
    laps = children(activity, "Lap")
    trackpoints = [e for e in activity.iter() if local(e.tag) == "Trackpoint"]
    stamps = [child_text(activity, "Id") or ""]
    stamps += [lap.get("StartTime") or "" for lap in laps]
    stamps += [child_text(tp, "Time") or "" for tp in trackpoints]
    times = [_time(s) for s in stamps if s]
    if not times:
        raise FileInputError("the TCX activity has no times, so it cannot be dated")

    lap_times = [t for t in (child_text(lap, "TotalTimeSeconds") for lap in laps) if t]
    lap_distances = [d for d in (child_text(lap, "DistanceMeters") for lap in laps) if d]
    track_distance, track_moving, distance_source, notes = (
        _track_distance(trackpoints)
        if not (lap_times and lap_distances)
        else (0.0, 0.0, "device", ())
    )
    moving = sum(_number(t, "TotalTimeSeconds") for t in lap_times) if lap_times else track_moving
    if lap_distances:
        distance = sum(_number(d, "DistanceMeters") for d in lap_distances)
        distance_source, notes = "device", ()
    else:
        distance = track_distance
    # wall clock can never be shorter than the timer (trackpoints stop a second early)
    elapsed = max((max(times) - min(times)).total_seconds(), moving)
    creator = children(activity, "Creator")
    device = child_text(creator[0], "Name") if creator else None
    return ParsedActivity(
        source=source,
        sport=RUNNING,
        start=min(times),
        distance_m=distance,
        elapsed_s=elapsed,
        moving_s=moving,
        distance_source=distance_source,
        device=device or None,
        notes=notes,
    )


def parse_tcx(source: str, data: bytes) -> list[ParseResult]:
    root = parse_xml(data, "TCX file")
    if local(root.tag) != "TrainingCenterDatabase":
        raise FileInputError(f"not a TCX file: the root element is <{local(root.tag)}>")
    activities = [e for e in root.iter() if local(e.tag) == "Activity"]
    if not activities:
        raise FileInputError("the TCX file holds no <Activity> (a course or workout file?)")
    return [_activity(source, activity) for activity in activities]
