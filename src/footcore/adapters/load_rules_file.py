"""Loading data/load_rules.toml into `LoadRules` and `FootwearRules`, validated.

Unknown keys, numbers out of range, bands out of order, sources that name no evidence row and
milestones that name no assessment test are packaging bugs: DataFileError with a one-line message.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Literal

from pydantic import Field, model_validator

from footcore.adapters.assessment_files import load_battery
from footcore.adapters.datafiles import StrictModel, check_sources, read_toml, validate_data
from footcore.domain.footwear import (
    FootwearRules,
    Milestone,
    MilestoneKind,
    RampRules,
    RetirementRules,
    RotationRules,
)
from footcore.domain.load import AcwrContext, Drop, LoadRules, SpikeBand, SpikeThreshold
from footcore.errors import DataFileError

NAME = "load_rules.toml"

Grade = Literal["A", "S", "none"]


class _Cited(StrictModel):
    grade: Grade
    sources: list[str] = Field(min_length=1)


class BandIn(StrictModel):
    band: SpikeBand
    over_pct: int = Field(ge=1)
    hrr: float = Field(gt=0)
    ci: tuple[float, float]

    @model_validator(mode="after")
    def _sane(self) -> BandIn:
        if self.band is SpikeBand.NONE:
            raise ValueError("'none' is the reference band, below the first threshold")
        if not self.ci[0] <= self.hrr <= self.ci[1]:
            raise ValueError("hrr must lie inside its confidence interval")
        return self


class SpikeIn(_Cited):
    window_days: int = Field(ge=1, le=365)
    choice: str
    no_reference: str = Field(min_length=10)
    bands: list[BandIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _rising(self) -> SpikeIn:
        pcts = [b.over_pct for b in self.bands]
        ranks = [b.band.rank for b in self.bands]
        if pcts != sorted(set(pcts)) or ranks != sorted(set(ranks)):
            raise ValueError("bands must rise: small, moderate, large, each over a higher over_pct")
        return self


class ContextIn(_Cited):
    text: str = Field(min_length=10)
    at_least: float | None = None
    above: float | None = None
    at_most: float | None = None

    @model_validator(mode="after")
    def _bounded(self) -> ContextIn:
        if self.at_least is None and self.above is None and self.at_most is None:
            raise ValueError("a context line needs at_least, above or at_most")
        return self


class AcwrIn(_Cited):
    acute_days: int = Field(ge=1)
    chronic_days: int = Field(ge=2)
    unit: Literal["km"]
    choice: str
    caveat: str = Field(min_length=20)
    caveat_sources: list[str] = Field(min_length=1)
    context: list[ContextIn] = Field(default_factory=list)

    @model_validator(mode="after")
    def _windows(self) -> AcwrIn:
        if self.acute_days >= self.chronic_days:
            raise ValueError("the acute window must be shorter than the chronic window")
        return self


class WeeklyIn(_Cited):
    sharp_increase_pct: int = Field(ge=1, le=1000)
    choice: str
    note: str


class RestrictionIn(_Cited):
    after_spikes: list[SpikeBand]
    after_sharp_week: bool
    days_after: int = Field(ge=0, le=14)
    drop: list[Drop] = Field(min_length=1)
    choice: str
    why: str = Field(min_length=20)


class RetirementIn(_Cited):
    reminder_km: float = Field(gt=0)
    range_km: tuple[float, float]
    choice: str
    note: str = Field(min_length=20)

    @model_validator(mode="after")
    def _in_range(self) -> RetirementIn:
        if not 0 < self.range_km[0] <= self.reminder_km <= self.range_km[1]:
            raise ValueError("reminder_km must lie inside range_km")
        return self


class RotationIn(_Cited):
    hr: float = Field(gt=0)
    ci: tuple[float, float]
    window_days: int = Field(ge=1, le=365)
    choice: str
    note: str = Field(min_length=20)


class ShoesIn(StrictModel):
    retirement: RetirementIn
    rotation: RotationIn


class MilestoneIn(_Cited):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: MilestoneKind
    test: str | None = None
    at_least: int | None = Field(default=None, ge=1)
    at_most: int | None = Field(default=None, ge=0, le=10)
    text: str = Field(min_length=10)
    why: str = Field(min_length=10)

    @model_validator(mode="after")
    def _fields_of_kind(self) -> MilestoneIn:
        needs = {
            MilestoneKind.TRAINING_WEEKS: "at_least",
            MilestoneKind.TEST_NOT_BELOW_NORM: "test",
            MilestoneKind.LOWER_LEG_PAIN: "at_most",
        }[self.kind]
        given = {k for k in ("test", "at_least", "at_most") if getattr(self, k) is not None}
        if given != {needs}:
            raise ValueError(f"a {self.kind.value} milestone sets {needs} and nothing else")
        return self


class MinimalistIn(_Cited):
    start_km: float = Field(gt=0, le=50)
    growth_pct: int = Field(ge=1)
    pause_pain: int = Field(ge=1, le=10)
    recent_pain_days: int = Field(ge=1, le=28)
    choice: str
    pain_choice: str
    recent_pain_choice: str = Field(min_length=10)
    pain_sources: list[str] = Field(min_length=1)
    milestone: list[MilestoneIn] = Field(min_length=1)


class LoadRulesFile(StrictModel):
    spike: SpikeIn
    acwr: AcwrIn
    weekly: WeeklyIn
    restriction: RestrictionIn
    shoes: ShoesIn
    minimalist: MinimalistIn

    @model_validator(mode="after")
    def _ramp_within_reference_band(self) -> LoadRulesFile:
        # The ramp may not grow faster than the single-run rule's reference band.
        if self.minimalist.growth_pct > self.spike.bands[0].over_pct:
            raise ValueError("minimalist.growth_pct exceeds the first spike band's over_pct")
        ids = [m.id for m in self.minimalist.milestone]
        if len(set(ids)) != len(ids):
            raise ValueError("minimalist milestone ids must be unique")
        return self


def parse_load_rules(raw: Mapping[str, Any]) -> LoadRulesFile:
    """Validate the shape and numbers of a parsed load_rules.toml (sources are checked apart)."""
    return validate_data(LoadRulesFile, raw, NAME)


def check_references(f: LoadRulesFile, test_ids: frozenset[str]) -> None:
    """Every section cites evidence rows that exist; every milestone test is an assessment test."""
    cited: list[tuple[str, list[str]]] = [
        ("spike", f.spike.sources),
        ("acwr", f.acwr.sources),
        ("acwr.caveat_sources", f.acwr.caveat_sources),
        *((f"acwr.context.{i}", c.sources) for i, c in enumerate(f.acwr.context)),
        ("weekly", f.weekly.sources),
        ("restriction", f.restriction.sources),
        ("shoes.retirement", f.shoes.retirement.sources),
        ("shoes.rotation", f.shoes.rotation.sources),
        ("minimalist", f.minimalist.sources),
        ("minimalist.pain_sources", f.minimalist.pain_sources),
        *((f"minimalist.milestone.{m.id}", m.sources) for m in f.minimalist.milestone),
    ]
    for m in f.minimalist.milestone:
        if m.test is not None and m.test not in test_ids:
            raise DataFileError(f"{NAME}: milestone {m.id} names unknown test '{m.test}'")
    for where, sources in cited:
        check_sources(sources, f"{NAME}: {where}")


def build_load_rules(f: LoadRulesFile) -> LoadRules:
    r = f.restriction
    return LoadRules(
        spike_window_days=f.spike.window_days,
        spike_thresholds=tuple(
            SpikeThreshold(b.band, b.over_pct, b.hrr, b.ci) for b in f.spike.bands
        ),
        spike_sources=tuple(f.spike.sources),
        no_reference_note=f.spike.no_reference,
        acute_days=f.acwr.acute_days,
        chronic_days=f.acwr.chronic_days,
        acwr_sources=tuple(f.acwr.sources),
        acwr_caveat=f.acwr.caveat,
        acwr_context=tuple(
            AcwrContext(c.text, c.grade, tuple(c.sources), c.at_least, c.above, c.at_most)
            for c in f.acwr.context
        ),
        sharp_week_pct=f.weekly.sharp_increase_pct,
        weekly_sources=tuple(f.weekly.sources),
        weekly_note=f.weekly.note,
        restrict_after_spikes=frozenset(r.after_spikes),
        restrict_after_sharp_week=r.after_sharp_week,
        restrict_days_after=r.days_after,
        restrict_drops=frozenset(r.drop),
        restrict_why=r.why,
        restrict_sources=tuple(r.sources),
    )


def build_footwear_rules(f: LoadRulesFile) -> FootwearRules:
    ret, rot, mini = f.shoes.retirement, f.shoes.rotation, f.minimalist
    return FootwearRules(
        retirement=RetirementRules(
            ret.reminder_km, *ret.range_km, ret.note, ret.grade, tuple(ret.sources)
        ),
        rotation=RotationRules(
            rot.window_days, rot.hr, rot.ci, rot.note, rot.grade, tuple(rot.sources)
        ),
        ramp=RampRules(
            start_m=round(mini.start_km * 1000),
            growth_pct=mini.growth_pct,
            pause_pain=mini.pause_pain,
            recent_pain_days=mini.recent_pain_days,
            milestones=tuple(
                Milestone(
                    m.id,
                    m.kind,
                    m.text,
                    m.why,
                    m.grade,
                    tuple(m.sources),
                    m.test,
                    m.at_least,
                    m.at_most,
                )
                for m in mini.milestone
            ),
            choice=mini.choice,
            pain_choice=mini.pain_choice,
            sources=tuple(dict.fromkeys((*mini.sources, *mini.pain_sources))),
        ),
    )


@cache
def _checked_file() -> LoadRulesFile:
    parsed = parse_load_rules(read_toml(NAME))
    check_references(parsed, frozenset(t.id for t in load_battery()))
    return parsed


@cache
def load_load_rules() -> LoadRules:
    return build_load_rules(_checked_file())


@cache
def load_footwear_rules() -> FootwearRules:
    return build_footwear_rules(_checked_file())
