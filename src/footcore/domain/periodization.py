"""Cycles, phases and lighter weeks: the calendar skeleton of a plan."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from footcore.domain.catalog import Phase


@dataclass(frozen=True, slots=True)
class CycleRules:
    min_weeks: int
    max_weeks: int
    phase_order: tuple[Phase, ...]
    light_every: int


@dataclass(frozen=True, slots=True)
class WeekSlot:
    """Where a week of the plan stands: its cycle, phase and whether it is light or a retest."""

    index: int  # 1-based week of the plan
    cycle: int  # 1-based
    week_in_cycle: int  # 1-based
    phase: Phase
    light: bool
    retest: bool


def cycle_lengths(weeks: int, rules: CycleRules) -> list[int]:
    """Split a plan into cycles of min..max weeks, as evenly as possible, longer cycles first.

    The fewest cycles that keep each within max_weeks; when the plan is too short to give every
    cycle min_weeks (1-5 or 9-11 weeks, say) the even split is still used, which is the closest
    to the seeds' 6-8-week rhythm that the length allows.
    """
    if weeks < 1:
        raise ValueError("a plan has at least one week")
    count = max(1, math.ceil(weeks / rules.max_weeks))
    base, extra = divmod(weeks, count)
    return [base + 1] * extra + [base] * (count - extra)


def phase_of_cycle(cycle: int, order: Sequence[Phase]) -> Phase:
    return order[min(cycle, len(order)) - 1]


def skeleton(weeks: int, rules: CycleRules) -> list[WeekSlot]:
    slots: list[WeekSlot] = []
    index = 0
    for cycle, length in enumerate(cycle_lengths(weeks, rules), start=1):
        phase = phase_of_cycle(cycle, rules.phase_order)
        for week_in_cycle in range(1, length + 1):
            index += 1
            slots.append(
                WeekSlot(
                    index=index,
                    cycle=cycle,
                    week_in_cycle=week_in_cycle,
                    phase=phase,
                    # Counted over the whole plan (weeks 3, 6, 9, ...), not within a cycle.
                    light=index % rules.light_every == 0,
                    retest=week_in_cycle == length,
                )
            )
    return slots
