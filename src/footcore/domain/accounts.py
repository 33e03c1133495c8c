"""Team mode's rules: roles, coach grants, who may read or change whose data, and the policy
numbers of sessions, log-in throttling and invitations (values come from data/team.toml).

Pure: no clock is read here; every rule takes the moment it judges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from footcore.errors import InputError


class Role(StrEnum):
    ADMIN = "admin"
    COACH = "coach"
    ATHLETE = "athlete"


class Access(StrEnum):
    """A coach's grant on one athlete; `edit` includes `view`."""

    VIEW = "view"
    EDIT = "edit"

    def covers(self, needed: Access) -> bool:
        return self is Access.EDIT or needed is Access.VIEW


class Verdict(StrEnum):
    """The answer of `authorize`: ALLOW, FORBIDDEN (403: the actor may see the athlete but not
    do this) or HIDDEN (404: the actor may not even learn that the athlete exists)."""

    ALLOW = "allow"
    FORBIDDEN = "forbidden"
    HIDDEN = "hidden"


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in account: its role, the athlete it is (for athletes) and its grants."""

    account_id: int
    email: str
    role: Role
    athlete: str | None
    grants: dict[str, Access]


def authorize(actor: Actor, target: str, needed: Access) -> Verdict:
    """Whether `actor` may read (`view`) or change (`edit`) the health data of athlete `target`.

    An athlete reaches only their own data; a coach (or an admin: accounts do not open health
    data, a grant does) reaches the athletes granted to them, writes needing `edit`. Whoever has
    no grant gets HIDDEN, the same answer as for an athlete that does not exist.
    """
    if actor.role is Role.ATHLETE:
        return Verdict.ALLOW if actor.athlete == target else Verdict.HIDDEN
    access = actor.grants.get(target)
    if access is None:
        return Verdict.HIDDEN
    return Verdict.ALLOW if access.covers(needed) else Verdict.FORBIDDEN


def may_grant(role: Role) -> bool:
    """Grants go to the people who coach: coaches, and admins who also coach."""
    return role in (Role.COACH, Role.ADMIN)


@dataclass(frozen=True, slots=True)
class SessionPolicy:
    idle: timedelta
    absolute: timedelta
    touch_every: timedelta  # how stale `last_seen` may get before a request writes it again


def session_alive(
    policy: SessionPolicy, created: datetime, last_seen: datetime, now: datetime
) -> bool:
    """A session ends `idle` after its last request or `absolute` after log-in, if sooner."""
    return now - last_seen < policy.idle and now - created < policy.absolute


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    max_failures: int
    window: timedelta
    lockout: timedelta


def locked_until(
    policy: ThrottlePolicy, failures: list[datetime], now: datetime
) -> datetime | None:
    """When log-in attempts for an address may start again, or None if they may now.

    `max_failures` failed attempts within `window` lock the address for `lockout` from the last
    of them. Failures are counted per email address (known or not), so the lock tells nobody
    whether an account exists.
    """
    recent = sorted(t for t in failures if now - t < policy.window + policy.lockout)
    for i in range(len(recent) - policy.max_failures + 1):
        burst = recent[i : i + policy.max_failures]
        if burst[-1] - burst[0] < policy.window:
            until = burst[-1] + policy.lockout
            if until > now:
                return until
    return None


@dataclass(frozen=True, slots=True)
class PasswordPolicy:
    min_length: int
    max_length: int


def check_password(policy: PasswordPolicy, password: str) -> None:
    if len(password) < policy.min_length:
        raise InputError(f"the password is shorter than {policy.min_length} characters", "password")
    if len(password) > policy.max_length:
        raise InputError(f"the password is longer than {policy.max_length} characters", "password")


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normal_email(email: str) -> str:
    """The address as stored and compared: trimmed and lower case."""
    cleaned = email.strip().lower()
    if not _EMAIL.match(cleaned) or len(cleaned) > 254:
        raise InputError(f"'{email}' is not an email address, such as coach@club.example", "email")
    return cleaned
