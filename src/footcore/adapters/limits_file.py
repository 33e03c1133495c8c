"""Loading data/limits.toml (name and note lengths, list sizes)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import Field

from footcore.adapters.datafiles import StrictModel, read_toml, validate_data

NAME = "limits.toml"


class _Choice(StrictModel):
    grade: Literal["none"]
    choice: str = Field(min_length=20, pattern=r"^footcore's choice: ")


class CoachEditsIn(_Choice):
    note_chars: int = Field(ge=1, le=10_000)
    reason_chars: int = Field(ge=1, le=10_000)


class NamesIn(_Choice):
    template_chars: int = Field(ge=1, le=1000)
    shoe_chars: int = Field(ge=1, le=1000)
    clearer_chars: int = Field(ge=1, le=1000)


class ListsIn(_Choice):
    audit_entries: int = Field(ge=1, le=100_000)
    runs_shown: int = Field(ge=1, le=10_000)
    session_entries: int = Field(ge=1, le=10_000)


class LimitsFile(StrictModel):
    coach_edits: CoachEditsIn
    names: NamesIn
    lists: ListsIn


@dataclass(frozen=True)
class Limits:
    """The numbers of limits.toml, each named for what it bounds."""

    coach_note_chars: int
    coach_reason_chars: int
    template_name_chars: int
    shoe_name_chars: int
    clearer_chars: int
    audit_entries: int
    runs_shown: int
    session_entries: int


@cache
def limits() -> Limits:
    raw = validate_data(LimitsFile, read_toml(NAME), NAME)
    return Limits(
        coach_note_chars=raw.coach_edits.note_chars,
        coach_reason_chars=raw.coach_edits.reason_chars,
        template_name_chars=raw.names.template_chars,
        shoe_name_chars=raw.names.shoe_chars,
        clearer_chars=raw.names.clearer_chars,
        audit_entries=raw.lists.audit_entries,
        runs_shown=raw.lists.runs_shown,
        session_entries=raw.lists.session_entries,
    )
