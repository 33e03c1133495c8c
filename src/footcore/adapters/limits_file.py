"""Loading data/limits.toml (typed-value ranges, name lengths, list sizes, default windows)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, Self

from pydantic import Field, model_validator

from footcore.adapters.datafiles import StrictModel, read_toml, validate_data

NAME = "limits.toml"

Range = tuple[int, int]


class _Choice(StrictModel):
    grade: Literal["none"]
    choice: str = Field(min_length=20, pattern=r"^footcore's choice: ")


def _ordered(*ranges: Range) -> None:
    for low, high in ranges:
        if not 0 <= low <= high:
            raise ValueError(f"[{low}, {high}] is not a range from low to high")


class DoseRangesIn(_Choice):
    reps: Range
    hold_s: Range
    sets: Range

    @model_validator(mode="after")
    def _ranges(self) -> Self:
        _ordered(self.reps, self.hold_s, self.sets)
        return self


class CoachEditsIn(DoseRangesIn):
    note_chars: int = Field(ge=1, le=10_000)


class NamesIn(_Choice):
    template_chars: int = Field(ge=1, le=1000)
    shoe_chars: int = Field(ge=1, le=1000)


class ListsIn(_Choice):
    audit_entries: int = Field(ge=1, le=100_000)
    runs_shown: int = Field(ge=1, le=10_000)


class WindowsIn(_Choice):
    chart_weeks: int = Field(ge=1, le=520)
    shoe_pain_days: int = Field(ge=1, le=90)


class LimitsFile(StrictModel):
    log: DoseRangesIn
    coach_edits: CoachEditsIn
    names: NamesIn
    lists: ListsIn
    windows: WindowsIn


@dataclass(frozen=True)
class Limits:
    """The numbers of limits.toml, each named for what it bounds."""

    log_ranges: dict[str, Range]  # "reps", "hold_s", "sets" of one logged exercise, per set
    coach_dose_ranges: dict[str, Range]  # the same fields of a coach's dose edit
    coach_note_chars: int
    template_name_chars: int
    shoe_name_chars: int
    audit_entries: int
    runs_shown: int
    chart_weeks: int
    shoe_pain_days: int


def _ranges(raw: DoseRangesIn) -> dict[str, Range]:
    return {"reps": raw.reps, "hold_s": raw.hold_s, "sets": raw.sets}


@cache
def limits() -> Limits:
    raw = validate_data(LimitsFile, read_toml(NAME), NAME)
    return Limits(
        log_ranges=_ranges(raw.log),
        coach_dose_ranges=_ranges(raw.coach_edits),
        coach_note_chars=raw.coach_edits.note_chars,
        template_name_chars=raw.names.template_chars,
        shoe_name_chars=raw.names.shoe_chars,
        audit_entries=raw.lists.audit_entries,
        runs_shown=raw.lists.runs_shown,
        chart_weeks=raw.windows.chart_weeks,
        shoe_pain_days=raw.windows.shoe_pain_days,
    )
