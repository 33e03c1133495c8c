"""Recognising the same run read twice: from two files, two formats or two exports.

Two runs are duplicates when they start within a tolerance of each other and their distances
differ by at most a share of the longer one (or a number of metres, whichever is larger); the
numbers and the reasons for them are in import_limits.toml [duplicates]. One person cannot start
two different runs within a minute, so the start is the real test; the distance check only keeps
a different activity logged at the same moment (a manual entry for another run) apart.
"""

from __future__ import annotations

from footcore.adapters.import_limits_file import same_run
from footcore.adapters.importers.model import (
    FileOutcome,
    Imported,
    ParsedActivity,
    Skipped,
)
from footcore.adapters.importers.sports import RUNNING

# services/running.py looks stored runs up within this window (import_limits.toml [duplicates]).
START_TOLERANCE_S = same_run().start_tolerance_s


def is_duplicate(a: ParsedActivity, b: ParsedActivity) -> bool:
    rule = same_run()
    if abs((a.start - b.start).total_seconds()) > rule.start_tolerance_s:
        return False
    longer = max(a.distance_m, b.distance_m)
    allowed = max(rule.distance_tolerance * longer, rule.min_distance_tolerance_m)
    return abs(a.distance_m - b.distance_m) <= allowed


class BatchDeduplicator:
    """Drops runs already seen in this batch; the first one read wins (outcomes are streamed)."""

    def __init__(self) -> None:
        # runs by start minute: a duplicate can only be in the same or a neighbouring bucket
        self._by_minute: dict[int, list[ParsedActivity]] = {}

    def _earlier(self, activity: ParsedActivity) -> ParsedActivity | None:
        minute = int(activity.start.timestamp() // same_run().start_tolerance_s)
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
