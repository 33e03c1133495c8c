"""Recognising the same run read twice: from two files, two formats or two exports.

Two runs are duplicates when they start within START_TOLERANCE_S of each other and their
distances differ by at most DISTANCE_TOLERANCE of the longer one (or MIN_DISTANCE_TOLERANCE_M,
whichever is larger). One person cannot start two different runs within a minute, so the start is
the real test; the distance check only keeps a different activity logged at the same moment (a
manual entry for another run) apart. The tolerances are wide enough for the same run exported in
two formats: the samples' Strava GPX and TCX of one run start 6 s apart and differ by 4.8 %
(a track-computed versus a device distance).
"""

from __future__ import annotations

from footcore.adapters.importers.model import (
    FileOutcome,
    Imported,
    ParsedActivity,
    Skipped,
)
from footcore.adapters.importers.sports import RUNNING

START_TOLERANCE_S = 60.0
DISTANCE_TOLERANCE = 0.10
MIN_DISTANCE_TOLERANCE_M = 100.0


def is_duplicate(a: ParsedActivity, b: ParsedActivity) -> bool:
    if abs((a.start - b.start).total_seconds()) > START_TOLERANCE_S:
        return False
    allowed = max(DISTANCE_TOLERANCE * max(a.distance_m, b.distance_m), MIN_DISTANCE_TOLERANCE_M)
    return abs(a.distance_m - b.distance_m) <= allowed


class BatchDeduplicator:
    """Drops runs already seen in this batch; the first one read wins (outcomes are streamed)."""

    def __init__(self) -> None:
        # runs by start minute: a duplicate can only be in the same or a neighbouring bucket
        self._by_minute: dict[int, list[ParsedActivity]] = {}

    def _earlier(self, activity: ParsedActivity) -> ParsedActivity | None:
        minute = int(activity.start.timestamp() // START_TOLERANCE_S)
        for bucket in (minute - 1, minute, minute + 1):
            for seen in self._by_minute.get(bucket, ()):
                if is_duplicate(seen, activity):
                    return seen
        self._by_minute.setdefault(minute, []).append(activity)
        return None

    def filter(self, outcome: FileOutcome) -> FileOutcome:
        if not isinstance(outcome, Imported):
            return outcome
        kept: list[ParsedActivity] = []
        notes = list(outcome.notes)
        for activity in outcome.activities:
            earlier = self._earlier(activity)
            if earlier is None:
                kept.append(activity)
            else:
                notes.append(
                    f"a run at {activity.start:%Y-%m-%d %H:%M} is a duplicate of {earlier.source}"
                )
        if kept:
            return Imported(outcome.source, tuple(kept), tuple(notes))
        return Skipped(outcome.source, "; ".join(notes[len(outcome.notes) :]), RUNNING)
