"""Team accounts on SQLite and PostgreSQL: invitations, log-in, throttling, sessions, disabling,
grants and the audit log, with the clock passed in."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from footcore.adapters.secrets_kit import PasswordHasher, new_totp_secret, totp_code
from footcore.adapters.storage import account_models, coach_models
from footcore.adapters.storage.models import Base
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.adapters.team_file import team_policy
from footcore.domain.accounts import Access, Role
from footcore.errors import AuthError, ConflictError, InputError, NotFoundError, ThrottledError
from footcore.services import accounts, logins

T0 = datetime(2026, 11, 16, 9, 0)
PW = "correct horse battery staple"
HASHER = PasswordHasher()
POLICY = team_policy()


def add(uow: SqlUnitOfWork, email: str, role: Role, athlete: str | None = None) -> None:
    accounts.add_account(uow, HASHER, POLICY, T0, email, role, athlete, PW)


def test_the_account_and_coach_tables_match_their_models(uow: SqlUnitOfWork) -> None:
    mine = {t.name for t in Base.metadata.sorted_tables if t.name in _own_tables()}
    assert len(mine) == 9
    with uow.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(context, Base.metadata) if _touches(d, mine)]
    assert diffs == []


def _own_tables() -> set[str]:
    return {
        m.__tablename__
        for module in (account_models, coach_models)
        for m in vars(module).values()
        if isinstance(m, type) and issubclass(m, Base) and m is not Base
    }


def _touches(diff: object, tables: set[str]) -> bool:
    text = repr(diff)
    return any(f"'{t}'" in text or f"Table('{t}'" in text for t in tables)


def test_team_mode_is_off_until_the_first_account(uow: SqlUnitOfWork) -> None:
    assert not accounts.team_mode(uow)
    add(uow, "admin@club.example", Role.ADMIN)
    assert accounts.team_mode(uow)


def test_an_invitation_code_sets_the_password_once_and_expires(uow: SqlUnitOfWork) -> None:
    code = accounts.add_account(
        uow, HASHER, POLICY, T0, "Ana@Club.example", Role.ATHLETE, "ana", None
    )
    assert code is not None
    with pytest.raises(AuthError):
        logins.login(uow, HASHER, POLICY, T0, "ana@club.example", PW, None, "test")
    assert logins.redeem_invitation(uow, HASHER, POLICY, T0, code, PW) == "ana@club.example"
    with pytest.raises(InputError, match="unknown, used or expired"):
        logins.redeem_invitation(uow, HASHER, POLICY, T0, code, PW + "x")
    assert logins.login(uow, HASHER, POLICY, T0, "ana@club.example", PW, None, "test")
    late = accounts.add_account(uow, HASHER, POLICY, T0, "ben@club.example", Role.COACH, None, None)
    assert late is not None
    with pytest.raises(InputError, match="unknown, used or expired"):
        logins.redeem_invitation(uow, HASHER, POLICY, T0 + POLICY.invitation_valid, late, PW)


def test_passwords_are_stored_only_as_argon2_hashes(uow: SqlUnitOfWork) -> None:
    add(uow, "coach@club.example", Role.COACH)
    with uow:
        row = accounts.repo(uow).account("coach@club.example")
        assert row is not None and row.password_hash is not None
        assert row.password_hash.startswith("$argon2id$") and PW not in row.password_hash


def test_bad_accounts_are_refused(uow: SqlUnitOfWork) -> None:
    add(uow, "coach@club.example", Role.COACH)
    with pytest.raises(ConflictError):
        add(uow, "COACH@club.example", Role.COACH)
    with pytest.raises(InputError, match="names the runner it is") as unnamed:
        add(uow, "a@club.example", Role.ATHLETE)
    assert unnamed.value.field == "athlete"
    with pytest.raises(InputError, match="only athlete accounts"):
        add(uow, "b@club.example", Role.COACH, "ana")
    with pytest.raises(NotFoundError):
        accounts.grant(uow, T0, "coach@club.example", "nobody", Access.VIEW)


def test_five_failed_logins_lock_the_address_for_fifteen_minutes(uow: SqlUnitOfWork) -> None:
    add(uow, "coach@club.example", Role.COACH)
    for i in range(5):
        with pytest.raises(AuthError) as err:
            logins.login(
                uow,
                HASHER,
                POLICY,
                T0 + timedelta(seconds=i),
                "coach@club.example",
                "wrong password!!",
                None,
                "t",
            )
        assert not isinstance(err.value, ThrottledError)
    locked = T0 + timedelta(minutes=1)
    with pytest.raises(ThrottledError, match="try again in 14 minutes"):
        logins.login(uow, HASHER, POLICY, locked, "coach@club.example", PW, None, "t")
    # an unknown address is throttled the same way, so the lock reveals no account
    for _ in range(5):
        with pytest.raises(AuthError):
            logins.login(uow, HASHER, POLICY, T0, "ghost@club.example", PW, None, "t")
    with pytest.raises(ThrottledError):
        logins.login(uow, HASHER, POLICY, T0, "ghost@club.example", PW, None, "t")
    later = T0 + timedelta(seconds=4) + POLICY.throttle.lockout
    assert logins.login(uow, HASHER, POLICY, later, "coach@club.example", PW, None, "t")


def test_a_session_expires_when_idle_and_ends_at_logout(uow: SqlUnitOfWork) -> None:
    add(uow, "ana@club.example", Role.ATHLETE, "ana")
    token = logins.login(uow, HASHER, POLICY, T0, "ana@club.example", PW, None, "t")
    me = logins.resolve(uow, POLICY, T0 + timedelta(minutes=29), token)
    assert me is not None and me.athlete == "ana" and me.role is Role.ATHLETE
    # the request at minute 29 renewed the idle clock
    assert logins.resolve(uow, POLICY, T0 + timedelta(minutes=58), token) is not None
    assert logins.resolve(uow, POLICY, T0 + timedelta(minutes=89), token) is None
    token = logins.login(uow, HASHER, POLICY, T0, "ana@club.example", PW, None, "t")
    logins.logout(uow, T0, token)
    assert logins.resolve(uow, POLICY, T0, token) is None


def test_a_user_lists_and_ends_only_their_own_sessions(uow: SqlUnitOfWork) -> None:
    add(uow, "ana@club.example", Role.ATHLETE, "ana")
    add(uow, "ben@club.example", Role.ATHLETE, "ben")
    phone = logins.login(uow, HASHER, POLICY, T0, "ana@club.example", PW, None, "phone")
    laptop = logins.login(uow, HASHER, POLICY, T0, "ana@club.example", PW, None, "laptop")
    bens = logins.login(uow, HASHER, POLICY, T0, "ben@club.example", PW, None, "ben")
    ana = logins.resolve(uow, POLICY, T0, laptop)
    ben = logins.resolve(uow, POLICY, T0, bens)
    assert ana is not None and ben is not None
    listed = logins.own_sessions(uow, ana.account_id, laptop)
    assert [(s.agent, s.current) for s in listed] == [("phone", False), ("laptop", True)]
    bens_id = logins.own_sessions(uow, ben.account_id, bens)[0].id
    with pytest.raises(NotFoundError):
        logins.end_own_session(uow, T0, ana.account_id, bens_id)
    assert logins.resolve(uow, POLICY, T0, bens) is not None
    logins.end_own_session(uow, T0, ana.account_id, listed[0].id)
    assert logins.resolve(uow, POLICY, T0, phone) is None
    assert logins.resolve(uow, POLICY, T0, laptop) is not None


def test_disabling_an_account_ends_its_sessions_and_refuses_log_in(uow: SqlUnitOfWork) -> None:
    add(uow, "coach@club.example", Role.COACH)
    token = logins.login(uow, HASHER, POLICY, T0, "coach@club.example", PW, None, "t")
    accounts.disable(uow, T0, "coach@club.example")
    assert logins.resolve(uow, POLICY, T0, token) is None
    with pytest.raises(AuthError, match="wrong email or password"):
        logins.login(uow, HASHER, POLICY, T0, "coach@club.example", PW, None, "t")


def test_a_second_factor_is_asked_once_enabled(uow: SqlUnitOfWork) -> None:
    add(uow, "coach@club.example", Role.COACH)
    token = logins.login(uow, HASHER, POLICY, T0, "coach@club.example", PW, None, "t")
    me = logins.resolve(uow, POLICY, T0, token)
    assert me is not None
    secret = new_totp_secret()
    with pytest.raises(InputError):
        logins.enable_totp(
            uow,
            T0,
            me.account_id,
            secret,
            "000000" if totp_code(secret, T0) != "000000" else "111111",
        )
    logins.enable_totp(uow, T0, me.account_id, secret, totp_code(secret, T0))
    with pytest.raises(AuthError, match="authenticator"):
        logins.login(uow, HASHER, POLICY, T0, "coach@club.example", PW, None, "t")
    later = T0 + timedelta(minutes=5)
    assert logins.login(
        uow, HASHER, POLICY, later, "coach@club.example", PW, totp_code(secret, later), "t"
    )


def test_grants_and_revocations_are_audited(uow: SqlUnitOfWork) -> None:
    add(uow, "coach@club.example", Role.COACH)
    add(uow, "ana@club.example", Role.ATHLETE, "ana")
    accounts.grant(uow, T0, "coach@club.example", "ana", Access.VIEW, reason="new client")
    accounts.grant(uow, T0, "coach@club.example", "ana", Access.EDIT)
    token = logins.login(uow, HASHER, POLICY, T0, "coach@club.example", PW, None, "t")
    me = logins.resolve(uow, POLICY, T0, token)
    assert me is not None and me.grants == {"ana": Access.EDIT}
    accounts.revoke(uow, T0, "coach@club.example", "ana")
    me = logins.resolve(uow, POLICY, T0, token)
    assert me is not None and me.grants == {}
    log = accounts.audit_log(uow)
    assert [(e.action, e.athlete) for e in log[:3]] == [
        ("revoke", "ana"),
        ("grant", "ana"),
        ("grant", "ana"),
    ]
    assert log[2].reason == "new client" and log[2].actor == "command line"
    with pytest.raises(InputError, match="grants go to coaches"):
        accounts.grant(uow, T0, "ana@club.example", "ana", Access.VIEW)
