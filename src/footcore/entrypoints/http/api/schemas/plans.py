"""Bodies of the REST API: a plan: its weeks, sessions and prescriptions, and a preview from a
profile."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from footcore.entrypoints.http.api.fields import (
    IsoDate,
    PlanWeeks,
    planner_weeks,
)
from footcore.entrypoints.http.api.schemas.assessment import (
    FindingPublic,
    ProfileCreate,
    ResultsCreate,
)
from footcore.entrypoints.http.api.schemas.base import (
    StrictIn,
)


class PrescriptionPublic(BaseModel):
    exercise: str
    name: str
    category: str
    sets: int
    reps: int | None
    hold_s: int | None
    distance_m: int | None
    tempo: str | None
    per_side: bool
    rest_s: int
    minutes: float
    priority: bool
    why: str
    sources: list[str]


class SessionPublic(BaseModel):
    date: dt.date
    minutes: float
    items: list[PrescriptionPublic]


class WeekPublic(BaseModel):
    index: int
    start: dt.date
    phase: str
    cycle: int
    week_in_cycle: int
    light: bool
    retest: bool
    days: list[SessionPublic]


class HabitPublic(BaseModel):
    exercise: str
    name: str
    why: str
    sources: list[str]


class PlanPublic(BaseModel):
    start: dt.date
    weeks: list[WeekPublic]
    findings: list[FindingPublic]
    priorities: list[str]
    warnings: list[str]
    habits: list[HabitPublic]
    evidence_summary: dict[str, Any] = Field(
        description="Taddei 2020 and Leppänen 2024 side by side: title, trials (source, text), "
        "bottom_line, sources."
    )


class PlanPreviewCreate(StrictIn):
    profile: ProfileCreate
    results: ResultsCreate | None = None
    start: IsoDate | None = Field(default=None, description="First day; today when omitted.")
    weeks: PlanWeeks = Field(
        default=None,
        description="Plan length in weeks; 24 when omitted.",
        json_schema_extra=planner_weeks,
    )
