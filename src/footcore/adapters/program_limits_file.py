"""Loading data/program_limits.toml into `ProgramLimits`, validated: unknown keys, ranges whose
low end is above the high end and missing reasons are packaging bugs (DataFileError)."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from footcore.adapters.datafiles import read_toml
from footcore.domain.knowledge import ProgramLimits
from footcore.errors import DataFileError

NAME = "program_limits.toml"

Range = tuple[int, int]


class _Choice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    grade: Literal["none"]
    choice: str = Field(min_length=20, pattern=r"^footcore's choice: ")


class _Ranges(_Choice):
    sets: Range
    reps: Range
    hold_s: Range

    @model_validator(mode="after")
    def _ordered(self) -> _Ranges:
        for name in ("sets", "reps", "hold_s"):
            low, high = getattr(self, name)
            if not 1 <= low <= high:
                raise ValueError(f"{name} must be [low, high] with 1 <= low <= high")
        return self


class _Status(_Choice):
    recent_days: int = Field(ge=1, le=60)
    recent_reductions: int = Field(ge=1, le=20)
    latest_checkins: int = Field(ge=1, le=20)


class _Charts(_Choice):
    recent_weeks: int = Field(ge=1, le=520)


class _Review(_Choice):
    max_weeks: int = Field(ge=52, le=5200)


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    log: _Ranges
    coach_edit: _Ranges
    status: _Status
    charts: _Charts
    review: _Review


def _ranges(r: _Ranges) -> dict[str, tuple[int, int]]:
    return {"sets": r.sets, "reps": r.reps, "hold_s": r.hold_s}


@cache
def load_program_limits() -> ProgramLimits:
    try:
        f = _File.model_validate(read_toml(NAME))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DataFileError(f"{NAME}: {where}: {first['msg']}") from None
    return ProgramLimits(
        log=_ranges(f.log),
        coach_edit=_ranges(f.coach_edit),
        recent_days=f.status.recent_days,
        recent_reductions=f.status.recent_reductions,
        latest_checkins=f.status.latest_checkins,
        recent_weeks=f.charts.recent_weeks,
        max_reviews=f.review.max_weeks,
    )
