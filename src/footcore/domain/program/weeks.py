"""The end of a week, as rules over plain values (evidence and criteria: data/adaptation_rules.toml
[missed_week] and [gates]): a week with planned sessions and no log repeats (as many times as the
runner has been away since); a retest week opens the next phase only when a retest passed, repeats
while none was recorded, and repeats the last weeks of its cycle when it failed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum

from footcore.domain.adaptation import missed_week

WEEK = timedelta(days=7)


class Gate(StrEnum):
    MISSING = "missing"  # the retest week ended without a retest: it repeats, waiting
    PASSED = "passed"
    FAILED = "failed"  # the last weeks of the cycle again, then another retest


def repeats_after_missed(end: date, as_of: date, logged_since_end: bool) -> int:
    """How many times a missed week repeats: once, or once per week the runner has been away
    since it ended (every such week would be missed too, so they are inserted at once)."""
    return 1 + ((as_of - end).days // 7 if not logged_since_end else 0)


def missed(planned_days: Sequence[date], logged_days: Sequence[date]) -> bool:
    return missed_week(planned_days, logged_days)


def gate_at_week_end(retest_passed: bool | None) -> Gate:
    """The gate of a retest week when it ends: `retest_passed` is None without a retest."""
    if retest_passed is None:
        return Gate.MISSING
    return Gate.PASSED if retest_passed else Gate.FAILED


def repeat_block(cycle_weeks: Sequence[int], week: int, repeat_weeks: int) -> list[int]:
    """The generated weeks a failed gate repeats: the last `repeat_weeks` of its cycle up to and
    including the retest week itself, so the block ends with another retest."""
    return [w for w in cycle_weeks if w <= week][-repeat_weeks:]
