"""The values of the pain-monitoring model (domain/adaptation.py decides over them): the pain
zones and their rules, where an exercise stands (`Level`), one logged session (`Outcome`), what
the dose and the chain allow (`Options`), and the `Decision` with its kind and action.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from footcore.domain.catalog import Dose
from footcore.domain.dose_ladder import DoseSteps
from footcore.domain.flare import BaselineRules


class Zone(StrEnum):
    SAFE = "safe"
    ACCEPTABLE = "acceptable"
    TOO_MUCH = "too_much"


class Kind(StrEnum):
    PROGRESS = "progress"
    HOLD = "hold"
    REGRESS = "regress"
    PAUSE = "pause"


class Action(StrEnum):
    NONE = "none"
    MORE = "more"  # one dose step up
    LESS = "less"  # one dose step down
    HARDER = "harder"  # the next exercise of the progression chain, at its own dose
    EASIER = "easier"  # the easier variant, at its own dose


@dataclass(frozen=True, slots=True)
class AdaptationRules:
    safe_max: int
    acceptable_max: int
    zone_sources: tuple[str, ...]
    moderate_rpe_max: int
    effort_sources: tuple[str, ...]
    progress_after_days: int
    steps: DoseSteps
    progress_sources: tuple[str, ...]
    regress_sources: tuple[str, ...]
    morning_sources: tuple[str, ...]
    trend_window_days: int
    trend_rise: float
    trend_sources: tuple[str, ...]
    missed_sources: tuple[str, ...]
    baseline: BaselineRules

    def zone(self, pain: int) -> Zone:
        if pain <= self.safe_max:
            return Zone.SAFE
        if pain <= self.acceptable_max:
            return Zone.ACCEPTABLE
        return Zone.TOO_MUCH

    @property
    def zones_text(self) -> str:
        return (
            f"0-{self.safe_max} safe, {self.safe_max + 1}-{self.acceptable_max} acceptable, "
            f"over {self.acceptable_max} too much"
        )


@dataclass(frozen=True, slots=True)
class Level:
    """Where one planned exercise (a slot) stands: the exercise done, dose steps from the plan."""

    variant: str
    step: int = 0


@dataclass(frozen=True, slots=True)
class Outcome:
    """One logged session of one exercise, with what is known of the morning after."""

    day: date
    prescribed: Dose
    sets_done: int
    measure_done: int | None  # reps, seconds or metres per set (the lower side when per side)
    sides_done: frozenset[str]  # {"both"} or a subset of {"left", "right"}
    pain: int
    area: str  # "" when the runner named no area
    rpe: int | None
    morning_pain: int | None  # the next morning; None until the check-in comes
    baseline_pain: int  # the runner's pre-flare baseline (domain.flare), or the profile's pain
    rising: str | None  # why the weekly trend is rising, or None


@dataclass(frozen=True, slots=True)
class Options:
    """What the dose and the chain allow from the current level."""

    can_step_up: bool
    can_step_down: bool
    harder: str | None  # an eligible next exercise of the chain
    easier: str | None  # an eligible easier variant
    days_at_level: int
    names: Mapping[str, str] = field(default_factory=dict)  # id -> name, for the reasons
    # A published protocol (Rathleff, Alfredson) progresses by its own schedule, never by the
    # adaptation's steps: its note, or None for every other exercise.
    protocol: str | None = None

    def name(self, exercise_id: str) -> str:
        """An exercise as a person reads it in a reason: its name, never its id."""
        return self.names.get(exercise_id, exercise_id.replace("_", " "))


@dataclass(frozen=True, slots=True)
class Decision:
    kind: Kind
    action: Action
    reason: str
    sources: tuple[str, ...]
    variant: str | None = None

    def apply(self, level: Level) -> Level:
        if self.action is Action.MORE:
            return replace(level, step=level.step + 1)
        if self.action is Action.LESS:
            return replace(level, step=level.step - 1)
        if self.action in (Action.HARDER, Action.EASIER) and self.variant:
            return Level(self.variant, 0)
        return level
