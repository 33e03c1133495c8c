"""Bodies of the REST API: the stored runner: its day, logs, check-ins, retests, status and
clearance."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from footcore.adapters.limits_file import limits
from footcore.entrypoints.http.api.fields import (
    IsoDate,
    PlanWeeks,
    planner_weeks,
    words,
)
from footcore.entrypoints.http.api.schemas.assessment import (
    FindingPublic,
    ProfileCreate,
    ResultsCreate,
)
from footcore.entrypoints.http.api.schemas.base import (
    StrictIn,
    count_field,
    scale_field,
)


class AthleteCreate(StrictIn):
    profile: ProfileCreate
    results: ResultsCreate | None = Field(default=None, description="The baseline assessment.")
    start: IsoDate | None = Field(default=None, description="First day; today when omitted.")
    weeks: PlanWeeks = Field(
        default=None,
        description="Plan length in weeks; 24 when omitted.",
        json_schema_extra=planner_weeks,
    )


class AthletePublic(BaseModel):
    athlete: str
    start: dt.date
    weeks: int
    warnings: list[str]


class ProfileChangedPublic(BaseModel):
    changed: list[str] = Field(description="The profile keys that changed.")
    replanned_from: dt.date | None = Field(description="The plan was rebuilt from this day.")


class DecisionPublic(BaseModel):
    exercise: str
    kind: str
    action: str
    variant: str | None
    reason: str
    sources: list[str]
    date: dt.date = Field(description="The session's date (the day made, for program decisions).")
    session_date: dt.date | None
    made_at: dt.date | None = Field(description="The day the decision was made.")


class DayItemPublic(BaseModel):
    exercise: str = Field(description="The planned slot.")
    exercise_done: str = Field(description="The exercise to do now (a variant after adapting).")
    name: str
    sets: int
    reps: int | None
    hold_s: int | None
    distance_m: int | None
    tempo: str | None
    per_side: bool
    rest_s: int
    cues: list[str]
    why: str
    sources: list[str]
    adaptation: str
    decision: dict[str, Any] | None
    logged: bool


class PlanSpanPublic(BaseModel):
    starts: dt.date = Field(description="The plan's first day.")
    ends: dt.date = Field(description="The plan's last day.")
    position: Literal["before", "within", "after"] = Field(
        description="The day is before the plan starts, within it, or after it ended."
    )


class DayPublic(BaseModel):
    athlete: str
    date: dt.date
    week: dict[str, Any] | None
    paused: str | None
    items: list[DayItemPublic]
    next_session: dt.date | None
    plan: PlanSpanPublic | None = None


class LogCreate(StrictIn):
    exercise: str = Field(description="The exercise id (the planned one or its variant).")
    date: IsoDate | None = Field(default=None, description="The day done; today if omitted.")
    sets: int | None = count_field("sets", "Sets done; as prescribed if omitted")
    reps: int | None = count_field("reps", "Reps per set, for counted exercises")
    hold_s: int | None = count_field("hold_s", "Seconds per set, for holds")
    side: Literal["both", "left", "right"] = "both"
    rpe: int | None = scale_field("Effort 0-10.", None)
    pain: int = scale_field("Pain during it, 0-10.", 0)
    pain_area: str = Field(
        default="",
        description="Where it hurt (a pain-area word).",
        json_schema_extra=words("pain_areas", ""),
    )


class SessionLogCreate(StrictIn):
    date: IsoDate | None = Field(default=None, description="The day; today if omitted.")
    entries: list[LogCreate] = Field(min_length=1, max_length=limits().session_entries)


class LoggedPublic(BaseModel):
    exercise: str
    date: dt.date
    side: str
    already: bool = Field(description="True when the same log was already stored.")
    slot: str
    sets: int
    measure: str
    decision: DecisionPublic | None


class CheckinCreate(StrictIn):
    date: IsoDate | None = Field(default=None, description="The morning; today if omitted.")
    morning_pain: int = scale_field("Pain on getting up, 0-10.")
    stiffness: int | None = scale_field("Stiffness on getting up, 0-10.", None)
    area: str = Field(
        default="",
        description="A pain-area word; '' = overall.",
        json_schema_extra=words("pain_areas", ""),
    )
    symptoms: list[str] = Field(
        default=[], description="Red-flag words, if any.", json_schema_extra=words("symptoms")
    )


class CheckinPublic(BaseModel):
    date: dt.date
    area: str
    morning_pain: int
    stiffness: int | None
    already: bool
    decisions: list[DecisionPublic]


class RetestPublic(BaseModel):
    date: dt.date
    passed: bool
    entering: str
    reasons: list[str]
    sources: list[str]
    effect: str
    already: bool
    failed_in_a_row: int
    findings: list[FindingPublic]


class ExerciseStatusPublic(BaseModel):
    exercise: str
    exercise_done: str
    name: str
    sets: int
    reps: int | None
    hold_s: int | None
    distance_m: int | None
    per_side: bool
    adaptation: str
    decision: dict[str, Any] | None


class StatusPublic(BaseModel):
    athlete: str
    as_of: dt.date
    week: dict[str, Any] | None
    weeks_total: int
    adherence_week: tuple[int, int] = Field(description="(items logged, items planned)")
    adherence_overall: tuple[int, int]
    exercises: list[ExerciseStatusPublic]
    warnings: list[str]
    paused: str | None
    cleared: dict[str, Any] | None = Field(
        description="The last cleared red-flag pause: date, by (NAME, ROLE), started."
    )
    checkins: list[dict[str, Any]] = Field(
        default_factory=list, description="The latest morning check-ins, newest first."
    )


class ClearCreate(StrictIn):
    confirm: bool = Field(description="True: a clinician has cleared me to train.")
    by: str = Field(
        min_length=3,
        max_length=limits().clearer_chars,
        description='Who cleared the runner: "NAME, ROLE".',
    )
