"""Request and response bodies of the REST API (XCreate = what a client sends, XPublic = what it
gets back). Vocabulary words are plain strings here: the data files own the words, and the
service layer rejects an unknown one with a message that lists the accepted words."""

from __future__ import annotations

from datetime import date
from typing import Literal

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

    date: date
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
    date: date
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
    date: date
    minutes: float
    items: list[PrescriptionPublic]


class WeekPublic(BaseModel):
    index: int
    start: date
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
    start: date
    weeks: list[WeekPublic]
    findings: list[FindingPublic]
    priorities: list[str]
    warnings: list[str]
    habits: list[HabitPublic]


class PlanPreviewCreate(_In):
    profile: ProfileCreate
    results: ResultsCreate | None = None
    start: date | None = Field(default=None, description="First day; today when omitted.")
    weeks: int | None = Field(default=None, description="1-104; 24 when omitted.")
