"""Loading the planner rules (data/planner_rules.toml) into `PlannerRules`, validated against
the catalog, the assessment battery and the vocabulary: an exercise, test or word the rules name
that does not exist is a DataFileError with a one-line message."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field

from footcore.adapters.adaptation_rules_file import load_gate_rules
from footcore.adapters.assessment_files import load_battery
from footcore.adapters.datafiles import (
    StrictModel,
    check_sources,
    load_catalog,
    read_toml,
    validate_data,
    vocabulary,
)
from footcore.domain.catalog import Category, Phase
from footcore.domain.periodization import CycleRules
from footcore.domain.plan_rules import (
    AbilityRule,
    AchillesProtocol,
    InjuryFocus,
    PlannerRules,
    PlyometricRules,
    Protocol,
    ProtocolStep,
)
from footcore.errors import DataFileError

NAME = "planner_rules.toml"


def _parsed() -> PlannerRulesIn:
    return validate_data(PlannerRulesIn, read_toml(NAME), NAME)


class PlanIn(StrictModel):
    default_weeks: int
    min_weeks: int
    max_weeks: int
    default_minutes_per_day: int
    sources: list[str]


class CyclesIn(StrictModel):
    min_weeks: int = Field(ge=1)
    max_weeks: int = Field(ge=1)
    sources: list[str]


class LightIn(StrictModel):
    every: int = Field(ge=2)
    target: float = Field(gt=0, lt=1)
    min_ratio: float = Field(gt=0, lt=1)
    max_ratio: float = Field(gt=0, le=1)
    sources: list[str]
    why: str


class PhaseShapeIn(StrictModel):
    slots: list[list[Category]] = Field(min_length=1)
    repeat: list[list[Category]] = Field(default_factory=list)


class PhasesIn(StrictModel):
    order: list[Phase] = Field(min_length=1)
    sources: list[str]
    foundation: PhaseShapeIn
    strength: PhaseShapeIn
    running_specific: PhaseShapeIn


class ProgressionIn(StrictModel):
    week_factors: list[float] = Field(min_length=1)
    max_reps: int
    max_hold_s: int
    max_distance_m: int
    sources: list[str]
    why: str


class PriorityIn(StrictModel):
    extra_sets: int = Field(ge=0, le=3)
    max_sets: int = Field(ge=1, le=10)
    sources: list[str]


class RestrictionsIn(StrictModel):
    plyometric_pain_threshold: int = Field(ge=0, le=10)
    contraindication_pain_threshold: int = Field(ge=0, le=10)
    high_load_recovery_days: int = Field(ge=0, le=3)
    impact_habits: list[str] = Field(default_factory=list)
    acceptable_pain_max: int = Field(default=5, ge=0, le=10)
    sources: list[str]


class FocusIn(StrictModel):
    qualities: list[str]
    why: str
    sources: list[str]


class StepIn(StrictModel):
    from_week: int = Field(ge=0)
    sets: int = Field(ge=1)
    reps: int = Field(ge=1)


class ProtocolIn(StrictModel):
    exercise: str
    sources: list[str]
    schedule: list[StepIn] = Field(min_length=1)
    frequency: Literal["every_second_day", "daily"] = "every_second_day"
    weeks: int = Field(default=0, ge=0, le=104)
    note: str = ""
    offered_for: str = ""


class SelectionIn(StrictModel):
    priority_days: int = Field(ge=1, le=7)
    strength_days: int = Field(ge=0, le=7)
    max_easy_share: float = Field(gt=0, le=1)
    min_fill_sets: int = Field(ge=1, le=5)
    easy_categories: list[Category]
    mobility_qualities: list[str]
    sources: list[str]


class AbilityIn(StrictModel):
    test: str
    exercises: dict[str, float]
    floor: int = Field(ge=1)
    easier: dict[str, str]
    easier_why: str
    sources: list[str]


class PlyometricsIn(StrictModel):
    order: list[str] = Field(min_length=1)
    first_kinds: int = Field(ge=1)
    add_kind_every_weeks: int = Field(ge=1)
    why: str
    sources: list[str]


class AchillesIn(StrictModel):
    exercises: list[str] = Field(min_length=1)
    why: str
    sources: list[str]


class PlannerRulesIn(StrictModel):
    plan: PlanIn
    cycles: CyclesIn
    light_week: LightIn
    phases: PhasesIn
    progression: ProgressionIn
    priority: PriorityIn
    restrictions: RestrictionsIn
    injury_focus: dict[str, FocusIn]
    protocol: list[ProtocolIn] = Field(default_factory=list)
    selection: SelectionIn
    ability: list[AbilityIn] = Field(default_factory=list)
    plyometrics: PlyometricsIn
    achilles: dict[Literal["mid_portion", "insertional"], AchillesIn] = Field(default_factory=dict)


@cache
def load_planner_rules() -> PlannerRules:
    r = _parsed()
    vocab, name = vocabulary(), NAME
    catalog = load_catalog()
    for section in (
        r.plan,
        r.cycles,
        r.light_week,
        r.phases,
        r.progression,
        r.priority,
        r.restrictions,
        r.selection,
        r.plyometrics,
    ):
        check_sources(section.sources, name)
    vocab.check("qualities", r.selection.mobility_qualities, f"{name}: selection")
    battery = {t.id: t for t in load_battery()}
    for a in r.ability:
        check_sources(a.sources, f"{name}: ability {a.test}")
        if a.test not in battery:
            raise DataFileError(f"{name}: ability names unknown test '{a.test}'")
        for ex_id in [*a.exercises, *a.easier.values()]:
            if ex_id not in catalog:
                raise DataFileError(f"{name}: ability {a.test} names unknown exercise '{ex_id}'")
    for ex_id in [*r.plyometrics.order, *r.restrictions.impact_habits]:
        if ex_id not in catalog:
            raise DataFileError(f"{name}: unknown exercise '{ex_id}'")
    for site, ach in r.achilles.items():
        check_sources(ach.sources, f"{name}: achilles.{site}")
        for ex_id in ach.exercises:
            if ex_id not in {p.exercise for p in r.protocol}:
                raise DataFileError(f"{name}: achilles.{site}: '{ex_id}' has no [[protocol]]")
    for injury, focus in r.injury_focus.items():
        vocab.check("injuries", [injury], f"{name}: injury_focus")
        vocab.check("qualities", focus.qualities, f"{name}: injury_focus.{injury}")
        check_sources(focus.sources, f"{name}: injury_focus.{injury}")
    for p in r.protocol:
        if p.exercise not in catalog:
            raise DataFileError(f"{name}: protocol names unknown exercise '{p.exercise}'")
        check_sources(p.sources, f"{name}: protocol {p.exercise}")
    if not r.light_week.min_ratio <= r.light_week.target <= r.light_week.max_ratio:
        raise DataFileError(f"{name}: light_week.target must lie between min_ratio and max_ratio")
    shapes = {
        Phase.FOUNDATION: r.phases.foundation,
        Phase.STRENGTH: r.phases.strength,
        Phase.RUNNING_SPECIFIC: r.phases.running_specific,
    }
    return PlannerRules(
        cycles=CycleRules(
            min_weeks=r.cycles.min_weeks,
            max_weeks=r.cycles.max_weeks,
            phase_order=tuple(r.phases.order),
            light_every=r.light_week.every,
        ),
        light_target=r.light_week.target,
        light_min=r.light_week.min_ratio,
        light_max=r.light_week.max_ratio,
        light_why=r.light_week.why,
        light_sources=tuple(r.light_week.sources),
        slots={ph: tuple(tuple(s) for s in shape.slots) for ph, shape in shapes.items()},
        repeat_slots={ph: tuple(tuple(s) for s in shape.repeat) for ph, shape in shapes.items()},
        week_factors=tuple(r.progression.week_factors),
        max_reps=r.progression.max_reps,
        max_hold_s=r.progression.max_hold_s,
        max_distance_m=r.progression.max_distance_m,
        progression_sources=tuple(r.progression.sources),
        extra_sets=r.priority.extra_sets,
        max_sets=r.priority.max_sets,
        plyometric_pain_threshold=r.restrictions.plyometric_pain_threshold,
        contraindication_pain_threshold=r.restrictions.contraindication_pain_threshold,
        lower_leg_areas=frozenset(vocab.words("lower_leg_pain_areas")),
        always_available=frozenset(vocab.words("equipment_always_available")),
        injury_focus={
            k: InjuryFocus(tuple(v.qualities), v.why, tuple(v.sources))
            for k, v in r.injury_focus.items()
        },
        protocols={
            p.exercise: Protocol(
                p.exercise,
                tuple(ProtocolStep(s.from_week, s.sets, s.reps) for s in p.schedule),
                tuple(p.sources),
                frequency=p.frequency,
                weeks=p.weeks,
                note=p.note,
                offered_for=p.offered_for,
            )
            for p in r.protocol
        },
        quality_labels=vocab.words("qualities"),
        min_weeks=r.plan.min_weeks,
        max_weeks=r.plan.max_weeks,
        priority_days=r.selection.priority_days,
        strength_days=r.selection.strength_days,
        max_easy_share=r.selection.max_easy_share,
        min_fill_sets=r.selection.min_fill_sets,
        easy_categories=frozenset(r.selection.easy_categories),
        mobility_qualities=frozenset(r.selection.mobility_qualities),
        achilles={
            site: AchillesProtocol(site, tuple(a.exercises), a.why, tuple(a.sources))
            for site, a in r.achilles.items()
        },
        ability=tuple(
            AbilityRule(
                a.test, dict(a.exercises), a.floor, dict(a.easier), a.easier_why, tuple(a.sources)
            )
            for a in r.ability
        ),
        plyometrics=PlyometricRules(
            tuple(r.plyometrics.order),
            r.plyometrics.first_kinds,
            r.plyometrics.add_kind_every_weeks,
            r.plyometrics.why,
            tuple(r.plyometrics.sources),
        ),
        impact_habits=frozenset(r.restrictions.impact_habits),
        acceptable_pain_max=r.restrictions.acceptable_pain_max,
        gates=load_gate_rules(),
        test_names={t.id: t.name for t in battery.values()},
    )


@cache
def default_weeks() -> int:
    return _parsed().plan.default_weeks
