"""Loading data/team.toml (session, throttling, password and invitation policy, the roster's
alerts and windows), validated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from pydantic import Field

from footcore.adapters.datafiles import StrictModel, read_toml, validate_data
from footcore.domain.accounts import PasswordPolicy, SessionPolicy, ThrottlePolicy
from footcore.domain.roster import AlertRules, Compliance, RosterWindows

NAME = "team.toml"


class _Basis(StrictModel):
    basis: str = Field(min_length=10)


class SessionsIn(_Basis):
    idle_minutes: int = Field(ge=1, le=24 * 60)
    absolute_hours: int = Field(ge=1, le=24 * 30)
    touch_every_seconds: int = Field(ge=0, le=3600)


class ThrottleIn(_Basis):
    max_failures: int = Field(ge=1, le=100)
    window_minutes: int = Field(ge=1, le=24 * 60)
    lockout_minutes: int = Field(ge=1, le=24 * 60)


class PasswordsIn(_Basis):
    min_length: int = Field(ge=8, le=64)
    max_length: int = Field(ge=64, le=1024)


class InvitationsIn(_Basis):
    valid_days: int = Field(ge=1, le=90)


class ComplianceIn(_Basis):
    green_low: int = Field(ge=0, le=100)
    green_high: int = Field(ge=100, le=300)
    yellow_low: int = Field(ge=0, le=100)
    yellow_high: int = Field(ge=100, le=500)


class AlertsIn(_Basis):
    pain_critical: int = Field(ge=1, le=10)
    pain_rise: int = Field(ge=1, le=10)
    engagement_low_days: int = Field(ge=1, le=365)
    engagement_stalled_days: int = Field(ge=1, le=365)
    engagement_dropped_days: int = Field(ge=1, le=365)
    failed_retests: int = Field(ge=1, le=10)


class RosterIn(_Basis):
    pain_window_days: int = Field(ge=1, le=90)
    spike_days: int = Field(ge=1, le=365)


class TeamFile(StrictModel):
    sessions: SessionsIn
    throttle: ThrottleIn
    passwords: PasswordsIn
    invitations: InvitationsIn
    compliance: ComplianceIn
    alerts: AlertsIn
    roster: RosterIn


@dataclass(frozen=True)
class TeamPolicy:
    sessions: SessionPolicy
    throttle: ThrottlePolicy
    passwords: PasswordPolicy
    invitation_valid: timedelta
    compliance: Compliance
    alerts: AlertRules
    roster: RosterWindows


@cache
def team_policy() -> TeamPolicy:
    raw = validate_data(TeamFile, read_toml(NAME), NAME)
    return TeamPolicy(
        sessions=SessionPolicy(
            idle=timedelta(minutes=raw.sessions.idle_minutes),
            absolute=timedelta(hours=raw.sessions.absolute_hours),
            touch_every=timedelta(seconds=raw.sessions.touch_every_seconds),
        ),
        throttle=ThrottlePolicy(
            max_failures=raw.throttle.max_failures,
            window=timedelta(minutes=raw.throttle.window_minutes),
            lockout=timedelta(minutes=raw.throttle.lockout_minutes),
        ),
        passwords=PasswordPolicy(raw.passwords.min_length, raw.passwords.max_length),
        invitation_valid=timedelta(days=raw.invitations.valid_days),
        compliance=Compliance(**raw.compliance.model_dump(exclude={"basis"})),
        alerts=AlertRules(**raw.alerts.model_dump(exclude={"basis"})),
        roster=RosterWindows(**raw.roster.model_dump(exclude={"basis"})),
    )
