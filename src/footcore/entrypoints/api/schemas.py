"""Request and response bodies of the REST API (XCreate = what a client sends, XPublic = what it
gets back). Vocabulary words are plain strings here: the data files own the words, and the
service layer rejects an unknown one with a message that lists the accepted words."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from footcore.adapters.inputs import ProfileIn

SideValue = float | bool | str | None


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


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
    symptoms: list[str] = Field(default=[], description="Red-flag words answered yes.")


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

    date: dt.date
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


class PlanPreviewCreate(_In):
    profile: ProfileCreate
    results: ResultsCreate | None = None
    start: dt.date | None = Field(default=None, description="First day; today when omitted.")
    weeks: int | None = Field(default=None, description="1-104; 24 when omitted.")


# The stored runner ------------------------------------------------------------------------------


class AthleteCreate(_In):
    profile: ProfileCreate
    results: ResultsCreate | None = Field(default=None, description="The baseline assessment.")
    start: dt.date | None = Field(default=None, description="First day; today when omitted.")
    weeks: int | None = Field(default=None, description="1-104; 24 when omitted.")


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
    date: dt.date
    session_date: dt.date | None


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
    date: dt.date | None = Field(default=None, description="The day done; today if omitted.")
    sets: int | None = Field(default=None, description="Sets done; as prescribed if omitted.")
    reps: int | None = Field(default=None, description="Reps per set, for counted exercises.")
    hold_s: int | None = Field(default=None, description="Seconds per set, for holds.")
    side: Literal["both", "left", "right"] = "both"
    rpe: int | None = Field(default=None, description="Effort 0-10.")
    pain: int = Field(default=0, description="Pain during it, 0-10.")
    pain_area: str = Field(default="", description="Where it hurt (a pain-area word).")


class SessionLogCreate(_In):
    date: dt.date | None = Field(default=None, description="The day; today if omitted.")
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
    date: dt.date | None = Field(default=None, description="The morning; today if omitted.")
    morning_pain: int = Field(description="Pain on getting up, 0-10.")
    area: str = Field(default="", description="A pain-area word; '' = overall.")
    symptoms: list[str] = Field(default=[], description="Red-flag words, if any.")


class CheckinPublic(BaseModel):
    date: dt.date
    area: str
    morning_pain: int
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
    checkins: list[dict[str, Any]] = Field(
        default_factory=list, description="The latest morning check-ins, newest first."
    )


class ClearCreate(_In):
    confirm: bool = Field(description="True: a clinician has cleared me to train.")


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
    date: dt.date = Field(description="The day of the run (not in the future).")
    km: float = Field(description="Distance in kilometres (more than 0).")
    minutes: float = Field(description="Moving time in minutes (more than 0).")
    rpe: int | None = Field(default=None, description="Effort 0-10.")
    shoe: str | None = Field(default=None, description="A stored shoe's name.")
    surface: str | None = Field(default=None, description="road, trail, track or treadmill.")
    time: dt.time | None = Field(default=None, description="Start time (UTC), for a second run.")


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
    kind: str = Field(default="neutral", description="A shoe kind (see the README).")
    drop_mm: float | None = None
    stack_mm: float | None = None
    weight_g: float | None = None
    reminder_km: float | None = Field(default=None, description="480-800; 640 if omitted.")


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
    target_km: float = Field(description="Your weekly goal in minimalist shoes, in km.")
