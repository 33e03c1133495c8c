"""The planner's rules as values, built by an adapter from `data/planner_rules.toml`.

Every number a plan is shaped by lives in the data file with its source; these classes only carry
them to the planner's modules (selection, placement, dosing, gates).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from footcore.domain.adaptation import GateRules
from footcore.domain.catalog import Category, Dose, Phase
from footcore.domain.periodization import CycleRules


@dataclass(frozen=True, slots=True)
class InjuryFocus:
    qualities: tuple[str, ...]
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProtocolStep:
    from_week: int
    sets: int
    reps: int


@dataclass(frozen=True, slots=True)
class Protocol:
    """A published dose schedule for one exercise, kept as published.

    `every_second_day` places it at least 48 h apart; `daily` on every training day (where the
    source trained daily, the source wins over the 48 h rule and the day-before-a-run rule).
    """

    exercise: str
    steps: tuple[ProtocolStep, ...]
    sources: tuple[str, ...]
    frequency: str = "every_second_day"  # or "daily"
    weeks: int = 0  # 0 = for as long as the exercise is prescribed
    note: str = ""
    offered_for: str = ""  # the priority quality that brings it into a plan (else: by profile)

    @property
    def daily(self) -> bool:
        return self.frequency == "daily"

    def step_for(self, weeks_done: int) -> ProtocolStep:
        return max((s for s in self.steps if s.from_week <= weeks_done), key=lambda s: s.from_week)

    def dose_for(self, base: Dose, weeks_done: int) -> Dose:
        step = self.step_for(weeks_done)
        return Dose(
            sets=step.sets,
            reps=step.reps,
            tempo=base.tempo,
            per_side=base.per_side,
            rest_s=base.rest_s,
        )


@dataclass(frozen=True, slots=True)
class AchillesProtocol:
    """Which exercises a current Achilles tendinopathy gets, by its site (profile key)."""

    site: str
    exercises: tuple[str, ...]
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AbilityRule:
    """How a tested result sets the starting dose of the exercises that train the same thing."""

    test: str
    exercises: Mapping[str, float]  # exercise id -> fraction of the tested (worse-side) value
    floor: int  # never start below this; a runner tested below it gets the easier variant
    easier: Mapping[str, str]  # exercise id -> the variant used below the floor
    easier_why: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlyometricRules:
    """How plyometrics enter the running-specific phase: kinds first, then contacts."""

    order: tuple[str, ...]  # exercise ids in the order they are introduced
    first_kinds: int
    add_kind_every_weeks: int
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlannerRules:
    cycles: CycleRules
    light_target: float
    light_min: float
    light_max: float
    light_why: str
    light_sources: tuple[str, ...]
    slots: Mapping[Phase, tuple[tuple[Category, ...], ...]]
    repeat_slots: Mapping[Phase, tuple[tuple[Category, ...], ...]]
    week_factors: tuple[float, ...]
    max_reps: int
    max_hold_s: int
    max_distance_m: int
    progression_sources: tuple[str, ...]
    extra_sets: int
    max_sets: int
    plyometric_pain_threshold: int
    contraindication_pain_threshold: int
    lower_leg_areas: frozenset[str]
    always_available: frozenset[str]
    injury_focus: Mapping[str, InjuryFocus]
    protocols: Mapping[str, Protocol]
    quality_labels: Mapping[str, str]
    min_weeks: int = 1
    max_weeks: int = 104
    # Selection (issue #9): each priority on this many days of every week, strength on this many,
    # mobility and stretching at most this share of a day's items.
    priority_days: int = 2
    strength_days: int = 2
    max_easy_share: float = 0.5
    min_fill_sets: int = 2
    easy_categories: frozenset[Category] = frozenset(
        {Category.MOBILITY, Category.STRETCH, Category.RELEASE, Category.RECOVERY}
    )
    # Qualities that mobility and stretching may cover; every other priority needs a loading item.
    mobility_qualities: frozenset[str] = frozenset()
    achilles: Mapping[str, AchillesProtocol] = field(default_factory=dict)
    ability: tuple[AbilityRule, ...] = ()
    plyometrics: PlyometricRules | None = None
    # Habits that lower-leg pain at the plyometric threshold bars too (minimalist-shoe walking).
    impact_habits: frozenset[str] = frozenset()
    # Pain above this (Silbernagel's acceptable zone, 0-5/10) prompts seeing a physiotherapist.
    acceptable_pain_max: int = 5
    # The retest gates of the stored flow (adaptation_rules.toml [gate]) and the tests' names.
    gates: GateRules | None = None
    test_names: Mapping[str, str] = field(default_factory=dict)
