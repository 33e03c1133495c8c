"""Bodies of the REST API: the profile, the red-flag screen and the assessment with its findings."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from footcore.adapters.inputs import ProfileIn
from footcore.entrypoints.http.api.fields import (
    IsoDate,
    words,
)
from footcore.entrypoints.http.api.schemas.base import (
    SideValue,
    StrictIn,
)


class ProfileCreate(ProfileIn):
    """A runner's profile: the same keys as the profile TOML file (see the README)."""


class ScreenCreate(StrictIn):
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


class SidesCreate(StrictIn):
    left: SideValue = None
    right: SideValue = None


class ResultsCreate(StrictIn):
    """Assessment results: a date and, per battery test id, the left and right values."""

    date: IsoDate
    tests: dict[str, SidesCreate] = Field(
        description="Test id -> {left, right}; numbers, 'pass'/'fail' or true/false by test."
    )


class AssessmentCreate(StrictIn):
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
