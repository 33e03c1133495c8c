"""Managing team accounts: add (with a password or a one-time invitation code), list, disable,
grant and revoke a coach's access, and the audit log. Each call is one transaction; every change
is audited in the same transaction as the change itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from footcore.adapters.limits_file import limits
from footcore.adapters.secrets_kit import PasswordHasher, new_token, token_digest
from footcore.adapters.storage.account_models import AccountRow, AuditRow, GrantRow, InvitationRow
from footcore.adapters.storage.accounts_repo import AccountsRepo
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.adapters.team_file import TeamPolicy
from footcore.domain.accounts import Access, Role, check_password, may_grant, normal_email
from footcore.errors import ConflictError, InputError, NotFoundError

CLI_ACTOR = "command line"


@dataclass(frozen=True)
class AccountView:
    email: str
    role: str
    athlete: str | None
    disabled: bool
    invited: bool  # no password yet: waiting for the invitation code
    totp: bool
    grants: tuple[tuple[str, str], ...]  # (athlete, access)


def repo(uow: SqlUnitOfWork) -> AccountsRepo:
    return AccountsRepo(uow.repo.session)


def team_mode(uow: SqlUnitOfWork) -> bool:
    """Team mode is on whenever the database holds an account."""
    with uow:
        return repo(uow).any_account()


def audit(
    accounts: AccountsRepo,
    now: datetime,
    actor: str,
    action: str,
    athlete: str | None,
    detail: str,
    reason: str = "",
) -> None:
    accounts.add(
        AuditRow(at=now, actor=actor, action=action, athlete=athlete, detail=detail, reason=reason)
    )


def add_account(
    uow: SqlUnitOfWork,
    hasher: PasswordHasher,
    policy: TeamPolicy,
    now: datetime,
    email: str,
    role: Role,
    athlete: str | None,
    password: str | None,
    actor: str = CLI_ACTOR,
) -> str | None:
    """Add an account; returns the one-time invitation code when no password is given."""
    address = normal_email(email)
    if role is Role.ATHLETE and not (athlete or "").strip():
        raise InputError("an athlete account names the runner it is", "athlete")
    if role is not Role.ATHLETE and athlete:
        raise InputError("only athlete accounts name an athlete; grant coaches access", "athlete")
    if password is not None:
        check_password(policy.passwords, password)
    with uow:
        accounts = repo(uow)
        if accounts.account(address) is not None:
            raise ConflictError(f"an account for {address} exists already")
        name = athlete.strip() if athlete else None
        if name is not None and accounts.account_of_athlete(name) is not None:
            raise ConflictError(f"athlete '{name}' has an account already")
        row = AccountRow(
            email=address,
            role=role.value,
            athlete=name,
            password_hash=hasher.hash(password) if password is not None else None,
            totp_secret=None,
            disabled=False,
            created_at=now,
        )
        accounts.add(row)
        accounts.flush()
        code = None
        if password is None:
            code = new_token()
            accounts.add(
                InvitationRow(
                    account_id=row.id,
                    code_hash=token_digest(code),
                    expires_at=now + policy.invitation_valid,
                    used_at=None,
                )
            )
        audit(accounts, now, actor, "account.add", name, f"{address} as {role.value}")
        uow.commit()
    return code


def list_accounts(uow: SqlUnitOfWork) -> list[AccountView]:
    with uow:
        accounts = repo(uow)
        return [
            AccountView(
                email=a.email,
                role=a.role,
                athlete=a.athlete,
                disabled=a.disabled,
                invited=a.password_hash is None,
                totp=a.totp_secret is not None,
                grants=tuple((g.athlete, g.access) for g in accounts.grants_of(a.id)),
            )
            for a in accounts.accounts()
        ]


def disable(uow: SqlUnitOfWork, now: datetime, email: str, actor: str = CLI_ACTOR) -> None:
    """Disable an account and end its open sessions at once."""
    address = normal_email(email)
    with uow:
        accounts = repo(uow)
        row = accounts.account(address)
        if row is None:
            raise NotFoundError(f"no account {address}", action="accounts")
        row.disabled = True
        for s in accounts.open_sessions(row.id):
            s.ended_at = now
        audit(accounts, now, actor, "account.disable", row.athlete, address)
        uow.commit()


def grant(
    uow: SqlUnitOfWork,
    now: datetime,
    coach_email: str,
    athlete: str,
    access: Access,
    actor: str = CLI_ACTOR,
    reason: str = "",
) -> None:
    address = normal_email(coach_email)
    with uow:
        accounts = repo(uow)
        coach = accounts.account(address)
        if coach is None:
            raise NotFoundError(f"no account {address}", action="accounts")
        if not may_grant(Role(coach.role)):
            raise InputError(f"{address} is an {coach.role} account; grants go to coaches", "email")
        if not accounts.athlete_exists(athlete):
            raise NotFoundError(f"no athlete '{athlete}': add the runner or their account first")
        row = accounts.grant(coach.id, athlete)
        if row is None:
            accounts.add(GrantRow(account_id=coach.id, athlete=athlete, access=access.value))
        else:
            row.access = access.value
        audit(accounts, now, actor, "grant", athlete, f"{address}: {access.value}", reason)
        uow.commit()


def revoke(
    uow: SqlUnitOfWork, now: datetime, coach_email: str, athlete: str, actor: str = CLI_ACTOR
) -> None:
    address = normal_email(coach_email)
    with uow:
        accounts = repo(uow)
        coach = accounts.account(address)
        row = None if coach is None else accounts.grant(coach.id, athlete)
        if row is None:
            raise NotFoundError(f"{address} has no access to '{athlete}' to revoke")
        accounts.delete(row)
        audit(accounts, now, actor, "revoke", athlete, address)
        uow.commit()


@dataclass(frozen=True)
class AuditView:
    at: datetime
    actor: str
    action: str
    athlete: str | None
    detail: str
    reason: str


def audit_log(uow: SqlUnitOfWork, limit: int | None = None) -> list[AuditView]:
    """The newest `limit` entries (by default limits.toml [lists] audit_entries), newest first."""
    count = limits().audit_entries if limit is None else limit
    with uow:
        return [
            AuditView(r.at, r.actor, r.action, r.athlete, r.detail, r.reason)
            for r in repo(uow).audit(count)
        ]


def record(
    uow: SqlUnitOfWork,
    now: datetime,
    actor: str,
    action: str,
    athlete: str | None,
    detail: str,
    reason: str = "",
) -> None:
    """Write one audit entry in its own transaction (for acts whose own write is elsewhere)."""
    with uow:
        audit(repo(uow), now, actor, action, athlete, detail, reason)
        uow.commit()
