"""Request and response bodies of team mode's endpoints (log-in, sessions, audit)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from footcore.adapters.limits_file import limits
from footcore.services.coach_edits import LIMITS


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginCreate(_In):
    email: str = Field(max_length=254)
    password: str = Field(max_length=1024, repr=False)
    totp: str | None = Field(default=None, max_length=12, description="Authenticator code.")


class InvitationCreate(_In):
    code: str = Field(max_length=200, repr=False)
    password: str = Field(max_length=1024, repr=False)


class TotpCreate(_In):
    secret: str = Field(min_length=16, max_length=64, repr=False)
    code: str = Field(max_length=12)


class GrantPublic(BaseModel):
    athlete: str
    access: str


class MePublic(BaseModel):
    email: str
    role: str
    athlete: str | None
    grants: list[GrantPublic]


class LoginSessionPublic(BaseModel):
    id: int
    created_at: dt.datetime
    last_seen: dt.datetime
    agent: str
    current: bool


class TotpSecretPublic(BaseModel):
    secret: str = Field(description="Send it back with a code of your app to turn it on.")
    uri: str = Field(description="otpauth:// URI for an authenticator app (or its QR code).")


class AuditPublic(BaseModel):
    at: dt.datetime
    actor: str
    action: str
    athlete: str | None
    detail: str
    reason: str


class EmailPublic(BaseModel):
    email: str


class AlertPublic(BaseModel):
    key: str = Field(description="Names this occurrence; send it to acknowledge the alert.")
    kind: str
    severity: str = Field(description="critical, high or medium")
    reason: str
    source: str


class RosterRowPublic(BaseModel):
    athlete: str
    phase: str | None
    week: int | None
    adherence_7: int | None = Field(description="% of planned sessions logged, 7 days to yesterday")
    colour_7: str = Field(description="TrainingPeaks compliance colour (vendor convention)")
    adherence_28: int | None
    colour_28: str
    worst_pain: int | None = Field(description="Worst pain 0-10 of the last 7 days")
    pain_trend: str = Field(description="rising, falling, steady or unknown vs the 7 days before")
    alerts: list[AlertPublic]
    paused: str | None = Field(description="A red-flag pause, if one is open")
    last_activity: dt.date | None
    next_retest: dt.date | None
    spikes: int = Field(description="Running spikes (Frandsen 2025 bands) in the last 28 days")
    largest_spike: str | None


class AckCreate(_In):
    key: str = Field(max_length=64)
    reason: str = Field(default="", max_length=1000)


class EditCreate(_In):
    kind: str = Field(description="swap, dose, exclude, note or retest")
    exercise: str = Field(
        default="", max_length=64, description="The planned exercise (slot) to change."
    )
    reason: str = Field(
        max_length=limits().coach_reason_chars, description="Why: shown to the athlete."
    )
    to: str | None = Field(
        default=None,
        max_length=64,
        description="swap: the exercise in; retest: a day (YYYY-MM-DD) of the week to move to.",
    )
    sets: int | None = Field(
        default=None, ge=LIMITS["sets"][0], le=LIMITS["sets"][1], description="dose: sets."
    )
    reps: int | None = Field(
        default=None, ge=LIMITS["reps"][0], le=LIMITS["reps"][1], description="dose: reps."
    )
    hold_s: int | None = Field(
        default=None,
        ge=LIMITS["hold_s"][0],
        le=LIMITS["hold_s"][1],
        description="dose: seconds held.",
    )
    note: str | None = Field(default=None, max_length=limits().coach_note_chars)


class EditPublic(BaseModel):
    id: int
    exercise: str
    kind: str
    value: str
    reason: str
    by: str
    from_day: dt.date


class TemplateCreate(_In):
    name: str = Field(max_length=limits().template_name_chars)


class TemplatePublic(BaseModel):
    name: str
    edits: list[dict[str, str]]


class AssignedPublic(BaseModel):
    applied: int
    skipped: list[str] = Field(description="Edits whose exercise is not in this plan, and why.")
