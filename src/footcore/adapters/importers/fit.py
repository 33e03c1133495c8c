"""FIT files (fitdecode): one run per running session of every chained activity part.

CRC mismatches are failures (fitdecode only warns by default). Malformed-but-recoverable field
definitions are tolerated (ErrorHandling.IGNORE), as Garmin Connect and fitdecode's own tools do,
because real devices write them (COROS misaligned fields, Wahoo developer data).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import fitdecode

from footcore.adapters.importers.model import ParsedActivity, ParseResult, SessionSkip
from footcore.adapters.importers.sports import RUNNING, not_a_run, sport_label
from footcore.adapters.importers.track import as_utc, measure, point
from footcore.errors import FileInputError

_SEMICIRCLE_DEG = 180.0 / 2**31


@dataclass
class _Scan:
    file_types: list[str] = field(default_factory=list)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    device: str | None = None
    # Watches whose clock was never set stamp seconds since power-on; the activity message's
    # local_timestamp is then the only calendar anchor (time zone unknown: taken as UTC).
    anchor: tuple[int, datetime] | None = None


def _frames(data: bytes) -> Iterator[Any]:
    """Decode frames; any decoder error becomes a FileInputError that says what broke."""
    parts = 0
    try:
        # with these two settings fitdecode never calls warnings.warn: it raises or proceeds
        reader = fitdecode.FitReader(
            io.BytesIO(data),
            check_crc=fitdecode.CrcCheck.RAISE,
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


def _device(file_id: dict[str, Any]) -> str | None:
    if file_id.get("product_name"):
        return str(file_id["product_name"])
    product = file_id.get("garmin_product") or file_id.get("product")
    parts = [str(p) for p in (file_id.get("manufacturer"), product) if p is not None]
    return " ".join(parts) or None


def _scan(data: bytes) -> _Scan:
    scan = _Scan()
    in_activity = False
    for frame in _frames(data):
        if isinstance(frame, fitdecode.FitHeader):
            in_activity = False
        elif isinstance(frame, fitdecode.FitDataMessage):
            if frame.name == "file_id":
                values = _values(frame)
                file_type = str(values.get("type", "unknown"))
                scan.file_types.append(file_type)
                in_activity = file_type == "activity"
                if in_activity and scan.device is None:
                    scan.device = _device(values)
            elif frame.name == "session" and in_activity:
                scan.sessions.append(_values(frame))
            elif frame.name == "activity" and in_activity:
                values = _values(frame)
                stamp, local = values.get("timestamp"), values.get("local_timestamp")
                if isinstance(stamp, int) and isinstance(local, datetime):
                    scan.anchor = (stamp, local)
    return scan


def _record_distance(data: bytes, start: datetime, end: datetime) -> tuple[float, str]:
    """A session without a total: the device's cumulative record distance, else the track."""
    distances: list[float] = []
    points = []
    for frame in _frames(data):
        if not isinstance(frame, fitdecode.FitDataMessage) or frame.name != "record":
            continue
        values = _values(frame)
        moment = values.get("timestamp")
        if not isinstance(moment, datetime) or not start <= moment <= end:
            continue
        if isinstance(values.get("distance"), int | float):
            distances.append(float(values["distance"]))
        lat, lon = values.get("position_lat"), values.get("position_long")
        if isinstance(lat, int) and isinstance(lon, int):
            points.append(point(lat * _SEMICIRCLE_DEG, lon * _SEMICIRCLE_DEG, moment))
    if distances:
        return max(distances) - min(distances), "device"
    return measure([points]).distance_m, "track"


def _anchored(moment: object, anchor: tuple[int, datetime] | None) -> object:
    """A relative FIT time (seconds since power-on) placed on the calendar by the anchor."""
    if isinstance(moment, int) and anchor is not None:
        stamp, local = anchor
        return local - timedelta(seconds=stamp - moment)
    return moment


def _session_run(
    source: str, data: bytes, session: dict[str, Any], device: str | None,
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
    if distance is None:
        # record stamps are whole seconds: allow one past a fractional elapsed time
        until = end if isinstance(end, datetime) else start + timedelta(seconds=elapsed + 1)
        distance, source_kind = _record_distance(data, start, until)
    return ParsedActivity(
        source=source,
        sport=RUNNING,
        start=as_utc(start),
        distance_m=float(distance),
        elapsed_s=float(elapsed),
        moving_s=moving,
        distance_source="device" if source_kind == "device" else "track",
        device=device,
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
    return [_session_run(source, data, s, scan.device, scan.anchor) for s in scan.sessions]
