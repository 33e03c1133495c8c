"""`footcore accounts ...`: team mode's accounts, run by whoever administers the server.

Adding the first account turns team mode on for the web app of that database (log-in required).
Passwords come only from standard input (--password-stdin), never from an argument that other
users could read in the process list; without one, a one-time invitation code is printed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import click

from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import FORMATS, _uow, echo_json
from footcore.errors import InputError

ROLES = click.Choice(["admin", "coach", "athlete"])
ACCESS = click.Choice(["view", "edit"])
F = TypeVar("F", bound=Callable[..., Any])


def utc_now() -> datetime:
    """Now, as footcore stores times: naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def database_option(fn: F) -> F:
    return click.option(
        "--database-url",
        envvar="FOOTCORE_DATABASE_URL",
        help="postgresql://USER@HOST:PORT/DB or sqlite:///PATH (default: "
        "footcore.db in FOOTCORE_HOME or your data folder).",
    )(fn)


@cli.group("accounts")
def accounts_group() -> None:
    """Team mode: accounts (admin, coach, athlete), coaches' access and invitations."""


@accounts_group.command("add")
@click.argument("email")
@click.option("--role", type=ROLES, required=True, help="admin, coach or athlete.")
@click.option("--athlete", help="For an athlete account: the runner it is (by name).")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input (else print a one-time invitation code).",
)
@database_option
def add_cmd(
    email: str, role: str, athlete: str | None, password_stdin: bool, database_url: str | None
) -> None:
    """Add an account; without --password-stdin print its one-time invitation code."""
    from footcore.adapters.secrets_kit import PasswordHasher
    from footcore.adapters.team_file import team_policy
    from footcore.domain.accounts import Role
    from footcore.services import accounts

    password = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise InputError("--password-stdin: standard input held no password")
    if Role(role) is Role.ATHLETE and not (athlete or "").strip():
        # The option pair is the command line's rule; the service says it in domain words.
        raise InputError("an athlete account needs --athlete NAME (the runner it is)", "athlete")
    policy = team_policy()
    now = utc_now()
    code = accounts.add_account(
        _uow(database_url), PasswordHasher(), policy, now, email, Role(role), athlete, password
    )
    if code is None:
        click.echo(f"Added {email.strip().lower()} ({role}).")
        return
    days = policy.invitation_valid.days
    click.echo(
        f"Added {email.strip().lower()} ({role}). One-time invitation code (valid {days} days):"
    )
    click.echo(code)
    click.echo("Send it by another channel; it sets the password at /login (shown only now).")


@accounts_group.command("list")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@database_option
def list_cmd(fmt: str, database_url: str | None) -> None:
    """List the accounts, their state and coaches' access."""
    from footcore.services import accounts

    found = accounts.list_accounts(_uow(database_url))
    if fmt == "json":
        echo_json(
            [
                {
                    "email": a.email,
                    "role": a.role,
                    "athlete": a.athlete,
                    "disabled": a.disabled,
                    "invited": a.invited,
                    "totp": a.totp,
                    "grants": [{"athlete": n, "access": x} for n, x in a.grants],
                }
                for a in found
            ]
        )
        return
    if not found:
        click.echo("No accounts: team mode is off (personal mode, loopback only).")
        return
    for a in found:
        state = "disabled" if a.disabled else "invited" if a.invited else "active"
        extra = f" athlete {a.athlete}" if a.athlete else ""
        grants = ", ".join(f"{n} ({x})" for n, x in a.grants)
        line = f"{a.email}  {a.role}  {state}{extra}{' totp' if a.totp else ''}"
        click.echo(line + (f"  access: {grants}" if grants else ""))


@accounts_group.command("disable")
@click.argument("email")
@database_option
def disable_cmd(email: str, database_url: str | None) -> None:
    """Disable an account and end its sessions (its history stays)."""
    from footcore.services import accounts

    accounts.disable(_uow(database_url), utc_now(), email)
    click.echo(f"Disabled {email.strip().lower()}; its sessions have ended.")


@accounts_group.command("grant")
@click.argument("coach_email")
@click.argument("athlete_name")
@click.option("--access", type=ACCESS, required=True, help="view (read) or edit (read and change).")
@click.option("--reason", default="", help="Why (kept in the audit log).")
@database_option
def grant_cmd(
    coach_email: str, athlete_name: str, access: str, reason: str, database_url: str | None
) -> None:
    """Give a coach view or edit access to one athlete."""
    from footcore.domain.accounts import Access
    from footcore.services import accounts

    accounts.grant(
        _uow(database_url), utc_now(), coach_email, athlete_name, Access(access), reason=reason
    )
    click.echo(f"{coach_email.strip().lower()} now has {access} access to {athlete_name}.")


@accounts_group.command("revoke")
@click.argument("coach_email")
@click.argument("athlete_name")
@database_option
def revoke_cmd(coach_email: str, athlete_name: str, database_url: str | None) -> None:
    """Take away a coach's access to one athlete."""
    from footcore.services import accounts

    accounts.revoke(_uow(database_url), utc_now(), coach_email, athlete_name)
    click.echo(f"{coach_email.strip().lower()} no longer has access to {athlete_name}.")
