"""Request and response bodies of the REST API (XCreate = what a client sends, XPublic = what it
gets back). Vocabulary words are plain strings here: the data files own the words, and the
service layer rejects an unknown one with a message that lists the accepted words."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from footcore.adapters.inputs import ProfileIn
from footcore.domain.footwear import ShoeKind
from footcore.entrypoints.http.api.fields import (
    IsoDate,
    IsoTime,
    PlanWeeks,
    bounds,
    choices,
    planner_weeks,
    run_limit,
    shoe_reminder,
    words,
)
from footcore.services.logbook import LOG_RANGES
from footcore.services.running import SURFACES

SideValue = float | bool | str | None


class _In(BaseModel):
    # Strict: `true` is not 1 and `0` is not a date (fields.py); 422 names the field.
    model_config = ConfigDict(extra="forbid", strict=True)


def _scale(description: str, default: Any = ...) -> Any:
    return Field(default=default, ge=0, le=10, description=description)


def _count(name: str, description: str) -> Any:
    low, high = LOG_RANGES[name]
    return Field(default=None, ge=low, le=high, description=f"{description} ({low}-{high}).")


class ErrorPublic(BaseModel):
    error: str = Field(description="What went wrong and what to fix, in one line.")
    field: str | None = Field(default=None, description="The field to blame, if one is.")


class HealthPublic(BaseModel):
    status: Literal["ok"]


class CsrfPublic(BaseModel):
    token: str = Field(description="Send it back in the X-CSRF-Token header of unsafe requests.")
    header: str = "X-CSRF-Token"


# Library ----------------------------------------------------------------------------------------


class DosePublic(BaseModel):
    sets: int
    reps: int | None
    hold_s: int | None
    distance_m: int | None
    tempo: str | None
    per_side: bool
    rest_s: int


class ContraindicationsPublic(BaseModel):
    pain_areas: list[str]
    conditions: list[str]


class ExercisePublic(BaseModel):
    id: str
    name: str
    aliases: list[str]
    category: str
    muscles: list[str]
    qualities: list[str]
    equipment: list[str]
    position: str
    load: str
    dose: DosePublic
    description: str
    cues: list[str]
    why: str
    progression: list[str]
    regression: list[str]
    contraindications: ContraindicationsPublic
    phases: list[str]
    habit: bool
    sources: list[str]


class TopicSummary(BaseModel):
    id: str
    title: str
    kind: str


class TopicPublic(TopicSummary):
    summary: str
    points: list[str]
    related_injury: str | None
    exercises: list[str]
    sources: list[str]


class VocabularyPublic(BaseModel):
    """Every controlled word with its label, by kind (equipment, muscles, pain_areas, ...)."""

    words: dict[str, dict[str, str]]


# Profile, red flags, assessment ----------------------------------------------------------------


class ProfileCreate(ProfileIn):
    """A runner's profile: the same keys as the profile TOML file (see the README)."""


class ScreenCreate(_In):
    symptoms: list[str] = Field(
        default=[], description="Red-flag words answered yes.", json_schema_extra=words("symptoms")
    )


class RedFlagPublic(BaseModel):
    symptom: str
    label: str
    urgency: str
    reason: str
    sources: list[str]


class ScreenPublic(BaseModel):
    clear: bool = Field(description="True when no red flag was raised and training may go on.")
    referral: str | None = None
    flags: list[RedFlagPublic] = []


class SidesCreate(_In):
    left: SideValue = None
    right: SideValue = None


class ResultsCreate(_In):
    """Assessment results: a date and, per battery test id, the left and right values."""

    date: IsoDate
    tests: dict[str, SidesCreate] = Field(
        description="Test id -> {left, right}; numbers, 'pass'/'fail' or true/false by test."
    )


class AssessmentCreate(_In):
    profile: ProfileCreate | None = Field(
        default=None, description="For age and sex norms; the stored profile when omitted."
    )
    results: ResultsCreate


class BandPublic(BaseModel):
    min_age: int
    max_age: int
    sexes: list[str]
    reference: float
    low: float
    high: float


class BatteryTestPublic(BaseModel):
    id: str
    name: str
    kind: str
    unit: str
    quality: str
    protocol: list[str]
    hold_s: int | None
    side_tolerance: float
    side_tolerance_basis: str
    retest_noise: float
    grade: str
    basis: str
    bands: list[BandPublic]


class NormPublic(BaseModel):
    reference: float | None
    low: float | None
    high: float | None


class StandingPublic(BaseModel):
    left: str
    right: str


class FindingPublic(BaseModel):
    test: str
    name: str
    left: SideValue
    right: SideValue
    unit: str
    standing: StandingPublic
    norm: NormPublic
    asymmetry: bool
    difference: float | None
    side_tolerance: float
    quality: str
    priority: bool
    grade: str
    grade_text: str
    sources: list[str]
    note: str


class AssessmentPublic(BaseModel):
    date: dt.date
    findings: list[FindingPublic]
    priorities: list[str]
    warnings: list[str] = []


# Plans ------------------------------------------------------------------------------------------


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


class PlanPreviewCreate(_In):
    profile: ProfileCreate
    results: ResultsCreate | None = None
    start: IsoDate | None = Field(default=None, description="First day; today when omitted.")
    weeks: PlanWeeks = Field(
        default=None,
        description="Plan length in weeks; 24 when omitted.",
        json_schema_extra=planner_weeks,
    )


# The stored runner ------------------------------------------------------------------------------


class AthleteCreate(_In):
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


class LogCreate(_In):
    exercise: str = Field(description="The exercise id (the planned one or its variant).")
    date: IsoDate | None = Field(default=None, description="The day done; today if omitted.")
    sets: int | None = _count("sets", "Sets done; as prescribed if omitted")
    reps: int | None = _count("reps", "Reps per set, for counted exercises")
    hold_s: int | None = _count("hold_s", "Seconds per set, for holds")
    side: Literal["both", "left", "right"] = "both"
    rpe: int | None = _scale("Effort 0-10.", None)
    pain: int = _scale("Pain during it, 0-10.", 0)
    pain_area: str = Field(
        default="",
        description="Where it hurt (a pain-area word).",
        json_schema_extra=words("pain_areas", ""),
    )


class SessionLogCreate(_In):
    date: IsoDate | None = Field(default=None, description="The day; today if omitted.")
    entries: list[LogCreate] = Field(min_length=1, max_length=60)


class LoggedPublic(BaseModel):
    exercise: str
    date: dt.date
    side: str
    already: bool = Field(description="True when the same log was already stored.")
    slot: str
    sets: int
    measure: str
    decision: DecisionPublic | None


class CheckinCreate(_In):
    date: IsoDate | None = Field(default=None, description="The morning; today if omitted.")
    morning_pain: int = _scale("Pain on getting up, 0-10.")
    stiffness: int | None = _scale("Stiffness on getting up, 0-10.", None)
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


class ClearCreate(_In):
    confirm: bool = Field(description="True: a clinician has cleared me to train.")
    by: str = Field(
        min_length=3, max_length=200, description='Who cleared the runner: "NAME, ROLE".'
    )


class MessagePublic(BaseModel):
    message: str


# Progress and calendar ---------------------------------------------------------------------------


class AdherenceWeekPublic(BaseModel):
    index: int
    start: dt.date
    planned: int
    done: int


class PainPointPublic(BaseModel):
    date: dt.date
    pain: int


class PainPublic(BaseModel):
    during: list[PainPointPublic]
    next_morning: list[PainPointPublic]


class RetestPointPublic(BaseModel):
    date: dt.date
    left: float | None
    right: float | None


class RetestSeriesPublic(BaseModel):
    test: str
    name: str
    unit: str
    points: list[RetestPointPublic]
    band: BandPublic | None
    band_note: str | None


class LoadWeekPublic(BaseModel):
    start: dt.date
    distance_m: float
    runs: int
    worst_spike: str | None
    marked: bool = Field(description="A spike that restricts the foot plan happened this week.")


class ProgressPublic(BaseModel):
    adherence: list[AdherenceWeekPublic]
    pain: PainPublic
    retests: list[RetestSeriesPublic]
    load: list[LoadWeekPublic]
    units: str


class CalendarPublic(BaseModel):
    url: str = Field(description="The subscription address (keep it private: it is the key).")


# Running and shoes ------------------------------------------------------------------------------


class RunCreate(_In):
    date: IsoDate = Field(description="The day of the run (not in the future).")
    # Published only: the service checks these with messages that say what a run can be.
    km: float = Field(
        description="Distance in kilometres.",
        json_schema_extra=run_limit("km"),
    )
    minutes: float = Field(
        description="Moving time in minutes.",
        json_schema_extra=run_limit("minutes"),
    )
    rpe: int | None = Field(
        default=None, description="Effort 0-10.", json_schema_extra=bounds(0, 10)
    )
    shoe: str | None = Field(default=None, description="A stored shoe's name.")
    surface: str | None = Field(
        default=None, description="Where it was run.", json_schema_extra=choices(SURFACES)
    )
    time: IsoTime | None = Field(default=None, description="Start time (UTC), for a second run.")


class RunPublic(BaseModel):
    start: str
    date: str
    distance_m: float
    distance: float = Field(description="The distance in the runner's units.")
    elapsed_s: float
    moving_s: float
    pace: str
    rpe: int | None
    shoe: str | None
    surface: str | None
    source: str
    distance_source: str
    device: str | None


class RunAddedPublic(RunPublic):
    spike: str | None = Field(description="Why the run is a spike, when it is one.")
    restricted_until: dt.date | None = Field(
        description="The foot plan leaves out plyometric and high-load items until this day."
    )


class RunsPublic(BaseModel):
    units: str
    total: int
    runs: list[RunPublic]


class UploadFilePublic(BaseModel):
    source: str
    outcome: Literal["imported", "duplicate", "skipped", "failed", "note"]
    detail: str


class UploadPublic(BaseModel):
    summary: str
    files: list[UploadFilePublic]
    restricted_days: list[dt.date]


class ShoeCreate(_In):
    name: str = Field(description="A name unique among your shoes.")
    kind: str = Field(
        default="neutral",
        description="A shoe kind (see the README).",
        json_schema_extra=choices([k.value for k in ShoeKind]),
    )
    drop_mm: float | None = Field(default=None, ge=0, le=50)
    stack_mm: float | None = Field(default=None, ge=0, le=100)
    weight_g: float | None = Field(default=None, ge=0, le=2000)
    reminder_km: float | None = Field(
        default=None,
        description="Reminder distance; the default when omitted.",
        json_schema_extra=shoe_reminder,
    )


class ShoePublic(BaseModel):
    name: str
    kind: str
    drop_mm: float | None
    stack_mm: float | None
    weight_g: float | None
    reminder_km: float
    retired: bool
    added_on: dt.date


class RampCreate(_In):
    target_km: float = Field(gt=0, le=300, description="Your weekly goal in minimalist shoes, km.")
