"""Shoes: distance per pair, a soft retirement reminder, rotation, and the minimalist ramp's rules
(the ramp itself is in domain/minimalist_ramp.py).

The numbers come from `FootwearRules`, built by an adapter from data/load_rules.toml (evidence.md
sections 4 and 5). Shoe lifetime is convention, not evidence, so it only ever reminds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from footcore.domain.load import RunRecord
from footcore.errors import InputError


class ShoeKind(StrEnum):
    MINIMALIST = "minimalist"
    NEUTRAL = "neutral"
    CUSHIONED = "cushioned"
    STABILITY = "stability"
    MAXIMAL = "maximal"


@dataclass(frozen=True, slots=True)
class Shoe:
    """A pair of running shoes; runs name it by `name`. Unknown measurements are None."""

    name: str
    kind: ShoeKind
    drop_mm: float | None = None
    stack_mm: float | None = None
    weight_g: float | None = None
    retired: bool = False

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InputError("a shoe needs a name", "name")
        for field_name in ("drop_mm", "stack_mm", "weight_g"):
            value = getattr(self, field_name)
            if value is not None and (not math.isfinite(value) or value < 0):
                raise InputError(f"{value} is not a measurement of 0 or more", field_name)


@dataclass(frozen=True, slots=True)
class RetirementRules:
    reminder_km: float
    min_km: float
    max_km: float
    note: str
    grade: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RotationRules:
    window_days: int
    hr: float
    ci: tuple[float, float]
    note: str
    grade: str
    sources: tuple[str, ...]


class MilestoneKind(StrEnum):
    TRAINING_WEEKS = "training_weeks"
    TEST_NOT_BELOW_NORM = "test_not_below_norm"
    LOWER_LEG_PAIN = "lower_leg_pain"


@dataclass(frozen=True, slots=True)
class Milestone:
    """One condition of the ramp: `at_least` weeks, `test` not below norm, or pain `at_most`."""

    id: str
    kind: MilestoneKind
    text: str
    why: str
    grade: str
    sources: tuple[str, ...]
    test: str | None = None
    at_least: int | None = None
    at_most: int | None = None


@dataclass(frozen=True, slots=True)
class RampRules:
    start_m: int
    growth_pct: int
    pause_pain: int
    recent_pain_days: int  # how far back "current" lower-leg pain looks
    milestones: tuple[Milestone, ...]
    choice: str
    pain_choice: str
    sources: tuple[str, ...]

    def allowance_m(self, step: int) -> int:
        """Weekly minimalist metres at a step: each step adds growth_pct to the one before,
        rounded down to the metre, so no step grows by more than growth_pct of the last."""
        metres = self.start_m
        for _ in range(step):
            metres = metres * (100 + self.growth_pct) // 100
        return metres


@dataclass(frozen=True, slots=True)
class FootwearRules:
    retirement: RetirementRules
    rotation: RotationRules
    ramp: RampRules


# Distance, retirement, rotation ---------------------------------------------------------------


def distance_by_shoe(runs: Iterable[RunRecord]) -> dict[str, float]:
    """Metres run in each named shoe; runs without a shoe are left out."""
    out: dict[str, list[float]] = {}
    for r in runs:
        if r.shoe is not None:
            out.setdefault(r.shoe, []).append(r.distance_m)
    return {name: math.fsum(ds) for name, ds in out.items()}


@dataclass(frozen=True, slots=True)
class ShoeReminder:
    shoe: str
    distance_m: float
    reminder_m: float
    note: str
    grade: str
    sources: tuple[str, ...]


def retirement_reminders(
    shoes: Iterable[Shoe],
    runs: Iterable[RunRecord],
    rules: RetirementRules,
    reminder_km: float | None = None,
) -> list[ShoeReminder]:
    """Pairs in use that have reached the reminder distance (the runner's own, or the default)."""
    km = rules.reminder_km if reminder_km is None else reminder_km
    if not rules.min_km <= km <= rules.max_km:
        raise InputError(
            f"{km} km is outside the conventional {rules.min_km:g}-{rules.max_km:g} km",
            "reminder_km",
        )
    run_m = distance_by_shoe(runs)
    return [
        ShoeReminder(s.name, run_m[s.name], km * 1000, rules.note, rules.grade, rules.sources)
        for s in shoes
        if not s.retired and run_m.get(s.name, 0.0) >= km * 1000
    ]


@dataclass(frozen=True, slots=True)
class RotationSummary:
    """Pairs used in the window up to today, most distance first; `parallel` = more than one."""

    pairs: tuple[str, ...]
    distance_m: Mapping[str, float]
    parallel: bool
    note: str
    sources: tuple[str, ...]


def rotation_summary(
    runs: Iterable[RunRecord], today: date, rules: RotationRules
) -> RotationSummary:
    since = today - timedelta(days=rules.window_days)
    used = distance_by_shoe(r for r in runs if since < r.date <= today)
    pairs = tuple(sorted(used, key=lambda name: (-used[name], name)))
    note = f"{rules.note} (hazard ratio {rules.hr}, 95% CI {rules.ci[0]}-{rules.ci[1]})"
    return RotationSummary(pairs, used, len(pairs) > 1, note, rules.sources)
