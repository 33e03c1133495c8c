"""The activities.csv of a Strava bulk export: one row per activity, read with the csv module.

The header repeats names (Distance, Elapsed Time, ...), so columns are found by name and
occurrence: the first Distance is in km, the second in metres; the first Elapsed Time is whole
seconds. Activity Date is UTC, written like "Jul 5, 2018, 3:00:00 PM". A row with an empty
Filename is a manual entry and becomes a run from the row's own figures (distance_source
"manual"); other rows point at a file in the archive.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from footcore.adapters.importers.model import ParsedActivity
from footcore.adapters.importers.sports import RUNNING
from footcore.errors import FileInputError

STRAVA_DATE_FORMAT = "%b %d, %Y, %I:%M:%S %p"
_REQUIRED = ("Activity Date", "Activity Type", "Filename", "Distance", "Elapsed Time")


@dataclass(frozen=True)
class StravaRow:
    number: int
    activity_type: str
    filename: str
    date: str
    distance_km: str
    distance_m: str
    elapsed_s: str
    moving_s: str


def _column(header: list[str], name: str, occurrence: int = 1) -> int | None:
    positions = [i for i, h in enumerate(header) if h.strip() == name]
    return positions[occurrence - 1] if len(positions) >= occurrence else None


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def read_rows(data: bytes) -> Iterator[StravaRow]:
    """The rows of activities.csv; a missing column or broken CSV is a FileInputError."""
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig", errors="replace"), newline=""))
    try:
        header = next(reader, [])
        missing = [name for name in _REQUIRED if _column(header, name) is None]
        if missing:
            raise FileInputError(
                f"activities.csv lacks the column(s) {', '.join(missing)}: not a Strava export?"
            )
        cols = {
            "type": _column(header, "Activity Type"),
            "file": _column(header, "Filename"),
            "date": _column(header, "Activity Date"),
            "km": _column(header, "Distance"),
            "m": _column(header, "Distance", 2),
            "elapsed": _column(header, "Elapsed Time"),
            "moving": _column(header, "Moving Time"),
        }
        for number, row in enumerate(reader, start=1):
            if any(cell.strip() for cell in row):
                values = {key: _cell(row, index) for key, index in cols.items()}
                yield StravaRow(
                    number,
                    values["type"],
                    values["file"],
                    values["date"],
                    values["km"],
                    values["m"],
                    values["elapsed"],
                    values["moving"],
                )
    except csv.Error as exc:
        raise FileInputError(f"activities.csv is not valid CSV ({exc})") from None


def _number(text: str, what: str, row: StravaRow) -> float:
    try:
        return float(text)
    except ValueError:
        raise FileInputError(f"row {row.number}: {what} '{text}' is not a number") from None


def manual_run(source: str, row: StravaRow) -> ParsedActivity:
    """A manual entry (no file): a run from the row's date, distance and times."""
    try:
        start = datetime.strptime(row.date, STRAVA_DATE_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise FileInputError(
            f"row {row.number}: Activity Date '{row.date}' is not like 'Jul 5, 2018, 3:00:00 PM'"
        ) from None
    if row.distance_m:
        distance = _number(row.distance_m, "Distance (m)", row)
    else:
        distance = _number(row.distance_km or "0", "Distance (km)", row) * 1000.0
    elapsed = _number(row.elapsed_s or "0", "Elapsed Time", row)
    moving = _number(row.moving_s, "Moving Time", row) if row.moving_s else elapsed
    return ParsedActivity(
        source=source,
        sport=RUNNING,
        start=start,
        distance_m=distance,
        elapsed_s=elapsed,
        moving_s=min(moving, elapsed),
        distance_source="manual",
        device=None,
    )
