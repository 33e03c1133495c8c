"""What an import produces: runs, and one outcome per file that says what happened to it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from footcore.errors import InputError

DistanceSource = Literal["device", "track", "manual"]


@dataclass(frozen=True)
class ParsedActivity:
    """One run read from a file. `start` is UTC; times are seconds; distance is metres.

    `distance_source` says where the distance came from: "device" (the recorder's own total),
    "track" (computed from the recorded positions) or "manual" (typed in by hand, e.g. a Strava
    manual entry). `moving_s` is never more than `elapsed_s`.
    """

    source: str
    sport: str
    start: datetime
    distance_m: float
    elapsed_s: float
    moving_s: float
    distance_source: DistanceSource
    device: str | None
    # What was left out of the file's figures (GPS jumps): the run is then "questionable".
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.start.utcoffset() != timedelta(0):
            raise InputError(f"{self.source}: start time {self.start} is not in UTC")
        for name, value in (
            ("distance", self.distance_m),
            ("elapsed time", self.elapsed_s),
            ("moving time", self.moving_s),
        ):
            if not math.isfinite(value) or value < 0:
                raise InputError(f"{self.source}: the {name} ({value}) is not a usable number")
        if self.moving_s > self.elapsed_s:
            raise InputError(
                f"{self.source}: moving time {self.moving_s:.0f} s is longer than "
                f"elapsed time {self.elapsed_s:.0f} s"
            )


@dataclass(frozen=True)
class Imported:
    """The file held one or more runs. `notes` name the parts that were left out and why."""

    source: str
    activities: tuple[ParsedActivity, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """A readable file that holds no run to import; `sport` names what it holds, when known."""

    source: str
    reason: str
    sport: str | None = None


@dataclass(frozen=True)
class Failed:
    """The file could not be read; `reason` is one line that says what is wrong with it."""

    source: str
    reason: str


FileOutcome = Imported | Skipped | Failed


@dataclass(frozen=True)
class SessionSkip:
    """A part of a file (a session, a track, an activity) that is not a run."""

    sport: str
    reason: str


ParseResult = ParsedActivity | SessionSkip


def outcome_from(source: str, results: list[ParseResult]) -> FileOutcome:
    """Fold a parser's per-session results into the file's one outcome."""
    runs = tuple(r for r in results if isinstance(r, ParsedActivity))
    skips = [r for r in results if isinstance(r, SessionSkip)]
    if runs:
        notes = tuple(note for run in runs for note in run.notes)
        notes += tuple(f"{s.sport} session skipped: {s.reason}" for s in skips)
        return Imported(source, runs, notes)
    if not skips:
        return Failed(source, "the file holds no activity")
    if len(skips) == 1:
        return Skipped(source, skips[0].reason, skips[0].sport)
    sports = ", ".join(dict.fromkeys(s.sport for s in skips))
    return Skipped(source, f"no run in this multisport file ({sports})", skips[0].sport)
