"""Loading the assessment battery (data/assessment.toml) and the red-flag screen
(data/redflags.toml), validated: unknown keys, bands the wrong way round, sources that name no
evidence row and symptoms missing from the vocabulary are DataFileError with a one-line message."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field

from footcore.adapters.datafiles import (
    StrictModel,
    check_sources,
    read_toml,
    validate_data,
    vocabulary,
)
from footcore.domain.assessment import BatteryTest, Norm, NormBand, ResultKind
from footcore.domain.profile import Sex
from footcore.domain.redflags import RedFlag
from footcore.errors import DataFileError


class BandIn(StrictModel):
    min_age: int = Field(ge=0, le=120)
    max_age: int = Field(ge=0, le=120)
    sexes: list[Sex] = Field(min_length=1)
    reference: float
    low: float
    high: float


class NormIn(StrictModel):
    grade: Literal["A", "S", "none"]
    sources: list[str]
    basis: str
    bands: list[BandIn] = Field(min_length=1)


class SidesIn(StrictModel):
    tolerance: float = Field(ge=0)
    retest_noise: float = Field(ge=0)
    sources: list[str]
    basis: str


class TestIn(StrictModel):
    id: str
    name: str
    kind: ResultKind
    unit: str
    quality: str
    hold_s: int | None = None
    trials: int = Field(default=1, ge=1, le=5)
    protocol: list[str] = Field(min_length=2)
    norm: NormIn | None = None
    sides: SidesIn


class BatteryIn(StrictModel):
    test: list[TestIn] = Field(min_length=1)


@cache
def load_battery() -> tuple[BatteryTest, ...]:
    parsed = validate_data(BatteryIn, read_toml("assessment.toml"), "assessment.toml")
    vocab = vocabulary()
    out = []
    for t in parsed.test:
        where = f"assessment.toml: {t.id}"
        vocab.check("qualities", [t.quality], where)
        check_sources(t.sides.sources, where)
        norm = None
        if t.norm is not None:
            check_sources(t.norm.sources, where)
            for b in t.norm.bands:
                if not (b.min_age <= b.max_age and b.low <= b.high):
                    raise DataFileError(f"{where}: a band has its bounds the wrong way round")
            norm = Norm(
                bands=tuple(
                    NormBand(b.min_age, b.max_age, frozenset(b.sexes), b.reference, b.low, b.high)
                    for b in t.norm.bands
                ),
                grade=t.norm.grade,
                sources=tuple(t.norm.sources),
                basis=t.norm.basis,
            )
        out.append(
            BatteryTest(
                id=t.id,
                name=t.name,
                kind=t.kind,
                unit=t.unit,
                quality=t.quality,
                protocol=tuple(t.protocol),
                side_tolerance=t.sides.tolerance,
                side_tolerance_basis=t.sides.basis,
                side_sources=tuple(t.sides.sources),
                retest_noise=t.sides.retest_noise,
                hold_s=t.hold_s,
                norm=norm,
                trials=t.trials,
            )
        )
    return tuple(out)


# Red flags --------------------------------------------------------------------------------------


class SymptomIn(StrictModel):
    urgency: Literal["urgent", "soon"]
    reason: str
    sources: list[str]


class RedFlagsIn(StrictModel):
    symptom: dict[str, SymptomIn]


@cache
def load_red_flags() -> dict[str, RedFlag]:
    parsed = validate_data(RedFlagsIn, read_toml("redflags.toml"), "redflags.toml")
    labels = vocabulary().words("symptoms")
    out = {}
    for key, s in parsed.symptom.items():
        if key not in labels:
            raise DataFileError(f"redflags.toml: '{key}' is not a word of [symptoms]")
        check_sources(s.sources, f"redflags.toml: {key}")
        out[key] = RedFlag(key, labels[key], s.urgency, s.reason, tuple(s.sources))
    missing = set(labels) - set(out)
    if missing:
        raise DataFileError(f"redflags.toml: no entry for symptom '{sorted(missing)[0]}'")
    return out
