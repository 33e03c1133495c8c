"""Team mode's pure rules: who may see whose data, session timeouts and log-in lock-out."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.adapters.team_file import team_policy
from footcore.domain.accounts import (
    Access,
    Actor,
    Role,
    Verdict,
    authorize,
    check_password,
    locked_until,
    normal_email,
    session_alive,
)
from footcore.errors import InputError

T0 = datetime(2026, 11, 16, 9, 0)
NAMES = st.sampled_from(["ana", "ben", "cleo", "dev"])
GRANTS = st.dictionaries(NAMES, st.sampled_from(list(Access)), max_size=4)


def actor(role: Role, athlete: str | None = None, grants: dict[str, Access] | None = None) -> Actor:
    return Actor(1, "x@club.example", role, athlete, grants or {})


@given(me=NAMES, target=NAMES, needed=st.sampled_from(list(Access)))
def test_an_athlete_reaches_their_own_data_and_nobody_elses(
    me: str, target: str, needed: Access
) -> None:
    verdict = authorize(actor(Role.ATHLETE, me), target, needed)
    assert verdict is (Verdict.ALLOW if me == target else Verdict.HIDDEN)


@given(grants=GRANTS, target=NAMES, needed=st.sampled_from(list(Access)))
def test_a_coach_reaches_only_granted_athletes_and_writes_only_with_edit(
    grants: dict[str, Access], target: str, needed: Access
) -> None:
    verdict = authorize(actor(Role.COACH, grants=grants), target, needed)
    if target not in grants:
        assert verdict is Verdict.HIDDEN
    elif needed is Access.EDIT and grants[target] is Access.VIEW:
        assert verdict is Verdict.FORBIDDEN
    else:
        assert verdict is Verdict.ALLOW


@given(target=NAMES, needed=st.sampled_from(list(Access)))
def test_an_admin_reads_no_health_data_without_a_grant(target: str, needed: Access) -> None:
    assert authorize(actor(Role.ADMIN), target, needed) is Verdict.HIDDEN


def test_a_session_ends_when_idle_or_too_old() -> None:
    policy = team_policy().sessions
    assert session_alive(policy, T0, T0, T0 + policy.idle - timedelta(seconds=1))
    assert not session_alive(policy, T0, T0, T0 + policy.idle)
    busy_until = T0 + policy.absolute
    assert not session_alive(policy, T0, busy_until - timedelta(minutes=1), busy_until)


def test_the_policy_numbers_are_those_the_readme_states() -> None:
    p = team_policy()
    assert (p.sessions.idle, p.sessions.absolute) == (timedelta(minutes=30), timedelta(hours=12))
    assert (p.throttle.max_failures, p.throttle.window) == (5, timedelta(minutes=15))
    assert p.throttle.lockout == timedelta(minutes=15)
    assert p.passwords.min_length == 15
    assert p.invitation_valid == timedelta(days=7)


def test_five_failures_in_the_window_lock_the_address_for_the_lockout() -> None:
    policy = team_policy().throttle
    fails = [T0 + timedelta(minutes=i) for i in range(5)]
    assert locked_until(policy, fails[:4], fails[3]) is None
    assert locked_until(policy, fails, fails[4]) == fails[4] + policy.lockout
    assert locked_until(policy, fails, fails[4] + policy.lockout) is None


@given(gaps=st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=12))
def test_a_lock_never_outlasts_the_lockout_after_the_last_failure(gaps: list[int]) -> None:
    policy = team_policy().throttle
    times, t = [], T0
    for g in gaps:
        t += timedelta(minutes=g)
        times.append(t)
    until = locked_until(policy, times, times[-1])
    if until is not None:
        assert times[-1] < until <= times[-1] + policy.lockout
    if len(times) < policy.max_failures:
        assert until is None


def test_passwords_and_emails_are_checked() -> None:
    policy = team_policy().passwords
    with pytest.raises(InputError, match="shorter than 15"):
        check_password(policy, "short")
    check_password(policy, "a long enough passphrase")
    assert normal_email("  Coach@Club.Example ") == "coach@club.example"
    with pytest.raises(InputError, match="not an email"):
        normal_email("coach")
