"""Logging in and out of team mode: redeem an invitation, log in (throttled, with an optional
TOTP code), resolve a session token to the acting account, list and end one's own sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from footcore.adapters.secrets_kit import PasswordHasher, new_token, token_digest, totp_ok
from footcore.adapters.storage.account_models import LoginSessionRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.adapters.team_file import TeamPolicy
from footcore.domain.accounts import (
    Access,
    Actor,
    Role,
    check_password,
    locked_until,
    normal_email,
    session_alive,
)
from footcore.errors import AuthError, InputError, NotFoundError, ThrottledError
from footcore.services.accounts import audit, repo

BAD_LOGIN = "wrong email or password (or the account is disabled)"
BAD_CODE = "this invitation code is unknown, used or expired: ask for a new one"


def redeem_invitation(
    uow: SqlUnitOfWork,
    hasher: PasswordHasher,
    policy: TeamPolicy,
    now: datetime,
    code: str,
    password: str,
) -> str:
    """Set the password of the invited account; returns its email. The code works once."""
    check_password(policy.passwords, password)
    with uow:
        accounts = repo(uow)
        invitation = accounts.invitation(token_digest(code.strip()))
        if invitation is None or invitation.used_at is not None or invitation.expires_at <= now:
            raise InputError(BAD_CODE, "code")
        account = accounts.account_by_id(invitation.account_id)
        if account is None or account.disabled:
            raise InputError(BAD_CODE, "code")
        invitation.used_at = now
        account.password_hash = hasher.hash(password)
        audit(accounts, now, account.email, "invitation.redeem", account.athlete, account.email)
        uow.commit()
        return account.email


def login(
    uow: SqlUnitOfWork,
    hasher: PasswordHasher,
    policy: TeamPolicy,
    now: datetime,
    email: str,
    password: str,
    totp: str | None,
    agent: str,
) -> str:
    """Check the credentials and open a session; returns its token (for the cookie only)."""
    try:
        address = normal_email(email)
    except InputError:
        raise AuthError(BAD_LOGIN) from None
    throttle = policy.throttle
    with uow:
        accounts = repo(uow)
        until = locked_until(
            throttle, accounts.failures(address, now - throttle.window - throttle.lockout), now
        )
        if until is not None:
            minutes = max(1, round((until - now).total_seconds() / 60))
            raise ThrottledError(
                f"too many failed log-ins for {address}: try again in {minutes} minutes"
            )
        account = accounts.account(address)
        ok, rehashed = hasher.verify(password, account.password_hash if account else None)
        refusal = None
        if not ok or account is None or account.disabled:
            refusal = BAD_LOGIN
        elif account.totp_secret is not None and not totp:
            refusal = "this account needs the 6-digit code of its authenticator app (totp)"
        elif account.totp_secret is not None and not totp_ok(account.totp_secret, totp or "", now):
            refusal = "wrong authenticator code (totp)"
        if refusal is not None or account is None:
            accounts.add_failure(address, now)
            uow.commit()
            raise AuthError(refusal or BAD_LOGIN)
        if rehashed is not None:
            account.password_hash = rehashed
        accounts.clear_failures(address)
        token = new_token()
        accounts.add(
            LoginSessionRow(
                account_id=account.id,
                token_hash=token_digest(token),
                created_at=now,
                last_seen=now,
                ended_at=None,
                agent=agent[:200],
            )
        )
        uow.commit()
    return token


def resolve(uow: SqlUnitOfWork, policy: TeamPolicy, now: datetime, token: str) -> Actor | None:
    """The account a session token belongs to, if the session is open, fresh and the account
    enabled; a stale `last_seen` is written back (at most once per `touch_every`)."""
    with uow:
        accounts = repo(uow)
        found = accounts.login_session(token_digest(token))
        if found is None:
            return None
        session, account = found
        alive = session_alive(policy.sessions, session.created_at, session.last_seen, now)
        if session.ended_at is not None or account.disabled or not alive:
            return None
        grants = {g.athlete: Access(g.access) for g in accounts.grants_of(account.id)}
        if now - session.last_seen >= policy.sessions.touch_every:
            session.last_seen = now
            uow.commit()
        return Actor(account.id, account.email, Role(account.role), account.athlete, grants)


def logout(uow: SqlUnitOfWork, now: datetime, token: str) -> None:
    with uow:
        found = repo(uow).login_session(token_digest(token))
        if found is not None and found[0].ended_at is None:
            found[0].ended_at = now
            uow.commit()


@dataclass(frozen=True)
class SessionView:
    id: int
    created_at: datetime
    last_seen: datetime
    agent: str
    current: bool


def own_sessions(uow: SqlUnitOfWork, account_id: int, token: str) -> list[SessionView]:
    digest = token_digest(token)
    with uow:
        return [
            SessionView(s.id, s.created_at, s.last_seen, s.agent, s.token_hash == digest)
            for s in repo(uow).open_sessions(account_id)
        ]


def end_own_session(uow: SqlUnitOfWork, now: datetime, account_id: int, session_id: int) -> None:
    """End one of the account's own sessions; another account's session is 'not found'."""
    with uow:
        for s in repo(uow).open_sessions(account_id):
            if s.id == session_id:
                s.ended_at = now
                uow.commit()
                return
    raise NotFoundError(f"no open session {session_id} of yours", action="logins")


def enable_totp(uow: SqlUnitOfWork, now: datetime, account_id: int, secret: str, code: str) -> None:
    """Turn on the second factor once the account shows a valid code of the new secret."""
    if not totp_ok(secret, code, now):
        raise InputError("the code does not match this secret: check the app's clock", "code")
    with uow:
        accounts = repo(uow)
        account = accounts.account_by_id(account_id)
        if account is None:
            raise NotFoundError("no such account")
        account.totp_secret = secret
        audit(accounts, now, account.email, "totp.enable", account.athlete, account.email)
        uow.commit()
