"""Activity files the tests write themselves, so that the suite runs on a fresh clone without the
real-file corpus (../shared/samples).

A `Track` is a steady run due north from a start point; it is written as FIT (a small encoder
following the FIT protocol's layout: 14-byte header with its CRC, definition and data messages,
the file CRC), GPX 1.1 or TCX v2 text. The CRC comes from fitdecode (the decoder the app uses) so
that this encoder does not share code with the importer's own CRC check.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fitdecode.utils import compute_crc

EARTH_RADIUS_M = 6_371_000.0
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)  # FIT date_time 0
SEMICIRCLES_PER_DEGREE = 2**31 / 180.0
# FIT profile enums (FIT SDK Profile.xlsx): file type 4 = activity; sport 1 = running,
# 2 = cycling, 11 = walking; manufacturer 255 = development.
FIT_SPORTS = {"running": 1, "cycling": 2, "walking": 11}
TCX_SPORTS = {"running": "Running", "cycling": "Biking", "walking": "Other"}
GPX_TYPES = {"running": "running", "cycling": "cycling", "walking": "walking"}


@dataclass(frozen=True)
class Track:
    """A steady activity of `km` in `minutes`, recorded as `points` evenly spaced fixes."""

    start: datetime = datetime(2026, 10, 4, 7, 30, tzinfo=UTC)
    km: float = 5.0
    minutes: float = 30.0
    points: int = 61
    sport: str = "running"
    lat: float = 60.17
    lon: float = 24.94

    def fixes(self) -> list[tuple[datetime, float, float, float]]:
        """(time, latitude, longitude, cumulative metres) of every fix."""
        steps = self.points - 1
        out = []
        for i in range(self.points):
            metres = self.km * 1000 * i / steps
            moment = self.start + timedelta(seconds=self.minutes * 60 * i / steps)
            lat = self.lat + math.degrees(metres / EARTH_RADIUS_M)
            out.append((moment, lat, self.lon, metres))
        return out

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


# --- FIT -------------------------------------------------------------------------------------

# base types of the FIT protocol: (code, struct format)
ENUM, UINT16, UINT32, SINT32 = (0x00, "B"), (0x84, "H"), (0x86, "I"), (0x85, "i")
FitField = tuple[int, tuple[int, str], int]  # (field number, base type, value)


def _fit_time(moment: datetime) -> int:
    return int((moment - FIT_EPOCH).total_seconds())


def _message(local: int, global_number: int, fields: Sequence[FitField]) -> bytes:
    """A definition message followed by one data message (little-endian)."""
    definition = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_number, len(fields))
    for number, (code, fmt), _ in fields:
        definition += struct.pack("<BBB", number, struct.calcsize(fmt), code)
    data = bytes([local]) + b"".join(struct.pack("<" + fmt, v) for _, (_, fmt), v in fields)
    return definition + data


def _records(track: Track) -> bytes:
    out = b""
    for i, (moment, lat, lon, metres) in enumerate(track.fixes()):
        fields: list[FitField] = [
            (253, UINT32, _fit_time(moment)),
            (0, SINT32, round(lat * SEMICIRCLES_PER_DEGREE)),
            (1, SINT32, round(lon * SEMICIRCLES_PER_DEGREE)),
            (5, UINT32, round(metres * 100)),  # distance, scale 100
        ]
        if i == 0:
            out += _message(1, 20, fields)
        else:  # later records reuse the definition: data message only
            out += bytes([1]) + b"".join(struct.pack("<" + f[1][1], f[2]) for f in fields)
    return out


def fit_bytes(track: Track, with_total: bool = True, file_type: int = 4) -> bytes:
    """A FIT file: file_id, the records, one session (with or without its total). File type 4 is
    an activity; 15 is a monitoring file (not an activity)."""
    file_id = _message(
        0,
        0,
        [
            (0, ENUM, file_type),
            (1, UINT16, 255),
            (2, UINT16, 1),
            (4, UINT32, _fit_time(track.start)),
        ],
    )
    session: list[FitField] = [
        (253, UINT32, _fit_time(track.end)),
        (2, UINT32, _fit_time(track.start)),
        (7, UINT32, round(track.minutes * 60_000)),  # total_elapsed_time, scale 1000
        (8, UINT32, round(track.minutes * 60_000)),  # total_timer_time, scale 1000
        (5, ENUM, FIT_SPORTS[track.sport]),
    ]
    if with_total:
        session.append((9, UINT32, round(track.km * 100_000)))  # total_distance, scale 100
    body = file_id + _records(track) + _message(2, 18, session)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", compute_crc(header))
    whole = header + body
    return whole + struct.pack("<H", compute_crc(whole))


# --- GPX and TCX --------------------------------------------------------------------------------


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def gpx_text(track: Track, creator: str = "footcore tests") -> str:
    points = "\n".join(
        f'      <trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>10.0</ele>'
        f"<time>{_iso(moment)}</time></trkpt>"
        for moment, lat, lon, _ in track.fixes()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gpx version="1.1" creator="{creator}" xmlns="http://www.topografix.com/GPX/1/1">\n'
        f"  <metadata><time>{_iso(track.start)}</time></metadata>\n"
        f"  <trk><name>Synthetic {track.sport}</name><type>{GPX_TYPES[track.sport]}</type>\n"
        f"    <trkseg>\n{points}\n    </trkseg>\n  </trk>\n</gpx>\n"
    )


def tcx_text(track: Track) -> str:
    points = "\n".join(
        f"          <Trackpoint><Time>{_iso(moment)}</Time><Position>"
        f"<LatitudeDegrees>{lat:.7f}</LatitudeDegrees>"
        f"<LongitudeDegrees>{lon:.7f}</LongitudeDegrees></Position>"
        f"<DistanceMeters>{metres:.1f}</DistanceMeters></Trackpoint>"
        for moment, lat, lon, metres in track.fixes()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">\n'
        f'  <Activities>\n    <Activity Sport="{TCX_SPORTS[track.sport]}">\n'
        f"      <Id>{_iso(track.start)}</Id>\n"
        f'      <Lap StartTime="{_iso(track.start)}">\n'
        f"        <TotalTimeSeconds>{track.minutes * 60:.1f}</TotalTimeSeconds>\n"
        f"        <DistanceMeters>{track.km * 1000:.1f}</DistanceMeters>\n"
        "        <Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>\n"
        f"        <Track>\n{points}\n        </Track>\n      </Lap>\n"
        "    </Activity>\n  </Activities>\n</TrainingCenterDatabase>\n"
    )


def activity_bytes(name: str, track: Track) -> bytes:
    """The track in the format its file name says (.fit, .gpx or .tcx)."""
    suffix = Path(name).suffix
    if suffix == ".fit":
        return fit_bytes(track)
    if suffix == ".gpx":
        return gpx_text(track).encode()
    if suffix == ".tcx":
        return tcx_text(track).encode()
    raise ValueError(f"no synthetic format for {name}")


def write_activity(path: Path, track: Track | None = None) -> Path:
    path.write_bytes(activity_bytes(path.name, track or Track()))
    return path
