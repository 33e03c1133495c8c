"""The tables of team mode (migration 0004_accounts), on the same Base as models.py.

Accounts are not athletes' rows: an athlete account names its athlete (`athlete`), which may not
exist yet (it is created at onboarding), and grants name athletes the same way. Times are naive
UTC. Secrets are stored only as digests: argon2id for passwords, SHA-256 for the random session
tokens and invitation codes.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from footcore.adapters.storage.models import SHORT, Base

EMAIL = 254
NAME = 100
DIGEST = 64


def _account_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)


class AccountRow(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(EMAIL), unique=True)
    role: Mapped[str] = mapped_column(String(SHORT))
    athlete: Mapped[str | None] = mapped_column(String(NAME), unique=True)
    password_hash: Mapped[str | None] = mapped_column(Text)
    totp_secret: Mapped[str | None] = mapped_column(String(DIGEST))
    disabled: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class InvitationRow(Base):
    """A one-time code that lets the account set its password; `used_at` once redeemed."""

    __tablename__ = "invitations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = _account_fk()
    code_hash: Mapped[str] = mapped_column(String(DIGEST), unique=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class LoginSessionRow(Base):
    """A server-side log-in session; the cookie holds the token, this row only its digest."""

    __tablename__ = "login_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = _account_fk()
    token_hash: Mapped[str] = mapped_column(String(DIGEST), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    agent: Mapped[str] = mapped_column(String(200))


class LoginFailureRow(Base):
    """One failed log-in for an address (known or not), for throttling."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(EMAIL), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class GrantRow(Base):
    """A coach's access (`view` or `edit`) to one athlete's data."""

    __tablename__ = "grants"
    __table_args__ = (UniqueConstraint("account_id", "athlete"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = _account_fk()
    athlete: Mapped[str] = mapped_column(String(NAME), index=True)
    access: Mapped[str] = mapped_column(String(SHORT))


class AuditRow(Base):
    """Who did what, to whom, when and why; written in the same transaction as the act, never
    updated. `actor` is an email (kept if the account is later disabled)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(EMAIL))
    action: Mapped[str] = mapped_column(String(SHORT * 2))
    athlete: Mapped[str | None] = mapped_column(String(NAME))
    detail: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
