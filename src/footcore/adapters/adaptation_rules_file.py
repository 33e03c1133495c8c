"""Loading data/adaptation_rules.toml into `AdaptationRules` and `GateRules`, validated.

Unknown keys, numbers out of range, zones out of order, unknown test ids and sources that name no
seed or evidence row are packaging bugs: DataFileError with a one-line message.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from footcore.adapters.datafiles import check_sources, read_toml
from footcore.domain.adaptation import AdaptationRules, DoseSteps, GateRules
from footcore.domain.catalog import Phase
from footcore.domain.flare import BaselineRules
from footcore.errors import DataFileError

NAME = "adaptation_rules.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Cited(_Strict):
    sources: list[str] = Field(min_length=1)


class ZonesIn(_Cited):
    safe_max: int = Field(ge=0, le=10)
    acceptable_max: int = Field(ge=0, le=10)


class EffortIn(_Cited):
    moderate_max_rpe: int = Field(ge=1, le=10)


class ProgressionIn(_Cited):
    progress_after_days: int = Field(ge=1, le=60)
    reps_step: int = Field(ge=1, le=10)
    hold_step_s: int = Field(ge=1, le=30)
    distance_step_m: int = Field(ge=1, le=100)
    max_reps: int = Field(ge=1, le=200)
    max_hold_s: int = Field(ge=1, le=600)
    max_distance_m: int = Field(ge=1, le=2000)
    max_sets: int = Field(ge=1, le=10)


class RegressionIn(_Cited):
    floor_ratio: float = Field(gt=0, le=1)


class TrendIn(_Cited):
    window_days: int = Field(ge=1, le=28)
    rise: float = Field(gt=0, le=10)


class BaselineIn(_Cited):
    window_days: int = Field(ge=1, le=60)
    method: Literal["median", "max"]
    reduce_within_safe_zone: bool


class AreaLoadIn(_Cited):
    following_days: int = Field(ge=1, le=28)
    gentle: list[Literal["mobility", "stretch", "release", "recovery"]]
    tissues: dict[str, list[str]]


class WithinNormIn(_Strict):
    strength: list[str] = []
    running_specific: list[str] = []


class GateIn(_Strict):
    max_lower_leg_pain: int = Field(ge=0, le=10)
    pain_sources: list[str]
    change_sources: list[str]
    within_norm_sources: list[str]
    repeat_weeks: int = Field(ge=1, le=8)
    repeat_sources: list[str]
    clinician_after: int = Field(ge=1, le=10)
    clinician_sources: list[str]
    within_norm: WithinNormIn


class RulesIn(_Strict):
    zones: ZonesIn
    effort: EffortIn
    progression: ProgressionIn
    regression: RegressionIn
    morning: _Cited
    baseline: BaselineIn
    area_load: AreaLoadIn
    trend: TrendIn
    missed_week: _Cited
    gate: GateIn


def _parse() -> RulesIn:
    try:
        return RulesIn.model_validate(read_toml(NAME))
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise DataFileError(f"{NAME}: {loc}: {err['msg']}") from None


@cache
def load_adaptation_rules() -> AdaptationRules:
    r = _parse()
    for section in (
        "zones",
        "effort",
        "progression",
        "regression",
        "morning",
        "baseline",
        "area_load",
        "trend",
        "missed_week",
    ):
        check_sources(getattr(r, section).sources, f"{NAME}: [{section}]")
    if not r.zones.safe_max < r.zones.acceptable_max:
        raise DataFileError(f"{NAME}: zones.safe_max must be below zones.acceptable_max")
    p = r.progression
    return AdaptationRules(
        baseline=_baseline_rules(r),
        safe_max=r.zones.safe_max,
        acceptable_max=r.zones.acceptable_max,
        zone_sources=tuple(r.zones.sources),
        moderate_rpe_max=r.effort.moderate_max_rpe,
        effort_sources=tuple(r.effort.sources),
        progress_after_days=p.progress_after_days,
        steps=DoseSteps(
            reps=p.reps_step,
            hold_s=p.hold_step_s,
            distance_m=p.distance_step_m,
            max_reps=p.max_reps,
            max_hold_s=p.max_hold_s,
            max_distance_m=p.max_distance_m,
            max_sets=p.max_sets,
            floor_ratio=r.regression.floor_ratio,
        ),
        progress_sources=tuple(p.sources),
        regress_sources=tuple(r.regression.sources),
        morning_sources=tuple(r.morning.sources),
        trend_window_days=r.trend.window_days,
        trend_rise=r.trend.rise,
        trend_sources=tuple(r.trend.sources),
        missed_sources=tuple(r.missed_week.sources),
    )


def _baseline_rules(r: RulesIn) -> BaselineRules:
    from footcore.adapters.datafiles import vocabulary

    areas, muscles = set(vocabulary().words("pain_areas")), set(vocabulary().words("muscles"))
    for area, tissues in r.area_load.tissues.items():
        unknown = [t for t in tissues if t not in muscles]
        if area not in areas or unknown:
            what = f"unknown muscle '{unknown[0]}'" if unknown else "no pain area"
            raise DataFileError(f"{NAME}: area_load.tissues.{area}: {what}")
    return BaselineRules(
        window_days=r.baseline.window_days,
        method=r.baseline.method,
        reduce_within_safe=r.baseline.reduce_within_safe_zone,
        following_days=r.area_load.following_days,
        gentle=frozenset(r.area_load.gentle),
        area_tissues={a: frozenset(t) for a, t in r.area_load.tissues.items()},
        sources=tuple(r.baseline.sources),
        area_sources=tuple(r.area_load.sources),
    )


@cache
def load_gate_rules() -> GateRules:
    from footcore.adapters.assessment_files import load_battery

    g = _parse().gate
    for name in (
        "pain_sources",
        "change_sources",
        "within_norm_sources",
        "repeat_sources",
        "clinician_sources",
    ):
        check_sources(getattr(g, name), f"{NAME}: gate.{name}")
    tests = {t.id for t in load_battery()}
    within = {
        Phase.STRENGTH: tuple(g.within_norm.strength),
        Phase.RUNNING_SPECIFIC: tuple(g.within_norm.running_specific),
    }
    for phase, ids in within.items():
        for test_id in ids:
            if test_id not in tests:
                raise DataFileError(
                    f"{NAME}: gate.within_norm.{phase.value}: '{test_id}' is no assessment test"
                )
    return GateRules(
        max_lower_leg_pain=g.max_lower_leg_pain,
        pain_sources=tuple(g.pain_sources),
        change_sources=tuple(g.change_sources),
        within_norm=within,
        within_norm_sources=tuple(g.within_norm_sources),
        repeat_weeks=g.repeat_weeks,
        repeat_sources=tuple(g.repeat_sources),
        clinician_after=g.clinician_after,
        clinician_sources=tuple(g.clinician_sources),
    )
