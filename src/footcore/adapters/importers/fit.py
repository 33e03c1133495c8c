"""FIT files (fitdecode): one run per running session of every chained activity part.

CRC mismatches are failures (fitdecode only warns by default); the CRCs are checked by fit_crc.py
before decoding, because fitdecode's own check is a third of its decode time. Malformed-but-
recoverable field definitions are tolerated (ErrorHandling.IGNORE), as Garmin Connect and
fitdecode's own tools do, because real devices write them (COROS misaligned fields, Wahoo
developer data).

The file is decoded once, without fitdecode's data processor (which converts every field of every
message, while only a few fields of a few messages are used here): FIT times stay raw integers
until `_moment` converts the ones read, exactly as fitdecode's DefaultDataProcessor would. The
records' timestamp, distance and position are kept as small tuples on the way, for the rare
session without a total distance.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import fitdecode
from fitdecode.processors import FIT_DATETIME_MIN, FIT_UTC_REFERENCE

from footcore.adapters.importers.fit_crc import check_fit_crcs
from footcore.adapters.importers.model import ParsedActivity, ParseResult, SessionSkip
from footcore.adapters.importers.sports import RUNNING, not_a_run, sport_label
from footcore.adapters.importers.track import as_utc, measure, point
from footcore.errors import FileInputError

_SEMICIRCLE_DEG = 180.0 / 2**31

# A record's (timestamp, distance, latitude, longitude) as decoded, each None when absent.
RecordPoint = tuple[object, object, object, object]


@dataclass
class _Scan:
    file_types: list[str] = field(default_factory=list)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    device: str | None = None
    # Watches whose clock was never set stamp seconds since power-on; the activity message's
    # local_timestamp is then the only calendar anchor (time zone unknown: taken as UTC).
    anchor: tuple[int, datetime] | None = None
    records: list[RecordPoint] = field(default_factory=list)


def _moment(value: object) -> object:
    """A FIT date_time as fitdecode's DefaultDataProcessor gives it: a UTC datetime from
    FIT_DATETIME_MIN on, else the raw int (seconds since the device was switched on)."""
    if isinstance(value, int) and value >= FIT_DATETIME_MIN:
        return datetime.fromtimestamp(FIT_UTC_REFERENCE + value, UTC)
    return value


def _local_moment(value: object) -> datetime | None:
    """A FIT local_date_time, as DefaultDataProcessor gives it (wall-clock time labelled UTC)."""
    if isinstance(value, int):
        return datetime.fromtimestamp(FIT_UTC_REFERENCE + value, UTC)
    return None


def _frames(data: bytes) -> Iterator[Any]:
    """Decode frames; any decoder error becomes a FileInputError that says what broke."""
    check_fit_crcs(data)
    parts = 0
    try:
        # with these settings fitdecode never calls warnings.warn: it raises or proceeds
        reader = fitdecode.FitReader(
            io.BytesIO(data),
            processor=None,
            check_crc=fitdecode.CrcCheck.DISABLED,
            error_handling=fitdecode.ErrorHandling.IGNORE,
        )
        for frame in reader:
            if isinstance(frame, fitdecode.FitHeader):
                parts += 1
            yield frame
    except fitdecode.FitCRCError as exc:
        raise FileInputError(f"the FIT file is corrupt: CRC check failed ({exc})") from None
    except fitdecode.FitEOFError as exc:
        raise FileInputError(f"the FIT file is truncated ({exc})") from None
    except fitdecode.FitHeaderError as exc:
        if parts:
            raise FileInputError(
                f"chained FIT part {parts + 1} has a corrupt header ({exc})"
            ) from None
        raise FileInputError(f"not a FIT file: the header is missing or corrupt ({exc})") from None
    except Exception as exc:
        # fitdecode reports malformed bytes with assorted internal errors (struct, key, index,
        # assertion); all of them mean the same thing to the user
        raise FileInputError(f"the FIT file is corrupt ({type(exc).__name__}: {exc})") from None


def _values(message: Any) -> dict[str, Any]:
    return {f.name: f.value for f in message.fields if f.value is not None}


def _record_point(message: Any) -> RecordPoint:
    # the same last-one-wins reading as _values, for the four fields a distance may need
    stamp = distance = lat = lon = None
    for f in message.fields:
        value = f.value
        if value is None:
            continue
        name = f.name
        if name == "timestamp":
            stamp = value
        elif name == "distance":
            distance = value
        elif name == "position_lat":
            lat = value
        elif name == "position_long":
            lon = value
    return stamp, distance, lat, lon


def _device(file_id: dict[str, Any]) -> str | None:
    if file_id.get("product_name"):
        return str(file_id["product_name"])
    product = file_id.get("garmin_product") or file_id.get("product")
    parts = [str(p) for p in (file_id.get("manufacturer"), product) if p is not None]
    return " ".join(parts) or None


def _scan(data: bytes) -> _Scan:
    scan = _Scan()
    in_activity = False
    try:
        for frame in _frames(data):
            if isinstance(frame, fitdecode.FitHeader):
                in_activity = False
            elif isinstance(frame, fitdecode.FitDataMessage):
                name = frame.name
                if name == "record":
                    scan.records.append(_record_point(frame))
                elif name == "file_id":
                    values = _values(frame)
                    file_type = str(values.get("type", "unknown"))
                    scan.file_types.append(file_type)
                    in_activity = file_type == "activity"
                    if in_activity and scan.device is None:
                        scan.device = _device(values)
                elif name == "session" and in_activity:
                    values = _values(frame)
                    for key in ("start_time", "timestamp"):
                        if key in values:
                            values[key] = _moment(values[key])
                    scan.sessions.append(values)
                elif name == "activity" and in_activity:
                    values = _values(frame)
                    stamp = _moment(values.get("timestamp"))
                    local = _local_moment(values.get("local_timestamp"))
                    if isinstance(stamp, int) and local is not None:
                        scan.anchor = (stamp, local)
    except (OverflowError, OSError, ValueError) as exc:
        # a time too far out for datetime: only a corrupt file holds one
        raise FileInputError(f"the FIT file is corrupt ({type(exc).__name__}: {exc})") from None
    return scan


def _record_distance(
    records: list[RecordPoint], start: datetime, end: datetime
) -> tuple[float, str, tuple[str, ...]]:
    """A session without a total: the device's cumulative record distance, else the track."""
    distances: list[float] = []
    points = []
    for stamp, distance, lat, lon in records:
        moment = _moment(stamp)
        if not isinstance(moment, datetime) or not start <= moment <= end:
            continue
        if isinstance(distance, int | float):
            distances.append(float(distance))
        if isinstance(lat, int) and isinstance(lon, int):
            points.append(point(lat * _SEMICIRCLE_DEG, lon * _SEMICIRCLE_DEG, moment))
    if distances:
        return max(distances) - min(distances), "device", ()
    metrics = measure([points])
    return metrics.distance_m, "track", metrics.notes()


def _anchored(moment: object, anchor: tuple[int, datetime] | None) -> object:
    """A relative FIT time (seconds since power-on) placed on the calendar by the anchor."""
    if isinstance(moment, int) and anchor is not None:
        stamp, local = anchor
        return local - timedelta(seconds=stamp - moment)
    return moment


def _session_run(
    source: str,
    records: list[RecordPoint],
    session: dict[str, Any],
    device: str | None,
    anchor: tuple[int, datetime] | None = None,
) -> ParseResult:
    raw = session.get("sport", "unknown")
    # fitdecode gives a name for known sports and the bare number for newer ones
    label = sport_label(raw) if isinstance(raw, str) else f"FIT sport {raw}"
    if label == "generic":
        label = "an unspecified sport ('generic')"
    if label != RUNNING:
        return SessionSkip(label, not_a_run(label))
    start = _anchored(session.get("start_time"), anchor)
    if not isinstance(start, datetime):
        raise FileInputError(
            "the device clock was not set: the run's times are relative (no calendar date), "
            "so it cannot be dated"
        )
    end = _anchored(session.get("timestamp"), anchor)
    elapsed = session.get("total_elapsed_time")
    if elapsed is None:
        elapsed = (end - start).total_seconds() if isinstance(end, datetime) else 0.0
    moving = min(float(session.get("total_timer_time", elapsed)), float(elapsed))
    distance = session.get("total_distance")
    source_kind = "device"
    notes: tuple[str, ...] = ()
    if distance is None:
        # record stamps are whole seconds: allow one past a fractional elapsed time
        until = end if isinstance(end, datetime) else start + timedelta(seconds=elapsed + 1)
        distance, source_kind, notes = _record_distance(records, start, until)
    return ParsedActivity(
        source=source,
        sport=RUNNING,
        start=as_utc(start),
        distance_m=float(distance),
        elapsed_s=float(elapsed),
        moving_s=moving,
        distance_source="device" if source_kind == "device" else "track",
        device=device,
        notes=notes,
    )


def parse_fit(source: str, data: bytes) -> list[ParseResult]:
    scan = _scan(data)
    if "activity" not in scan.file_types:
        kinds = ", ".join(dict.fromkeys(scan.file_types)) or "none"
        raise FileInputError(f"not an activity: the FIT file type is {kinds}")
    if not scan.sessions:
        raise FileInputError(
            "the FIT activity has no session summary (the recording was not saved completely)"
        )
    return [_session_run(source, scan.records, s, scan.device, scan.anchor) for s in scan.sessions]
