"""Every query of team mode, by name, over the rows of account_models.py."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from footcore.adapters.storage.account_models import (
    AccountRow,
    AuditRow,
    GrantRow,
    InvitationRow,
    LoginFailureRow,
    LoginSessionRow,
)
from footcore.adapters.storage.models import Athlete


class AccountsRepo:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row: AccountRow | InvitationRow | LoginSessionRow | GrantRow | AuditRow) -> None:
        self.session.add(row)

    def flush(self) -> None:
        self.session.flush()

    def any_account(self) -> bool:
        return bool(self.session.scalar(select(exists().where(AccountRow.id.is_not(None)))))

    def account(self, email: str) -> AccountRow | None:
        return self.session.scalar(select(AccountRow).where(AccountRow.email == email))

    def account_by_id(self, account_id: int) -> AccountRow | None:
        return self.session.get(AccountRow, account_id)

    def account_of_athlete(self, athlete: str) -> AccountRow | None:
        return self.session.scalar(select(AccountRow).where(AccountRow.athlete == athlete))

    def accounts(self) -> list[AccountRow]:
        return list(self.session.scalars(select(AccountRow).order_by(AccountRow.email)))

    def athlete_exists(self, name: str) -> bool:
        found = self.session.scalar(select(exists().where(Athlete.name == name)))
        return bool(found) or self.account_of_athlete(name) is not None

    # Invitations ----------------------------------------------------------------------------

    def invitation(self, code_hash: str) -> InvitationRow | None:
        return self.session.scalar(
            select(InvitationRow).where(InvitationRow.code_hash == code_hash)
        )

    # Log-in sessions and failures -------------------------------------------------------------

    def login_session(self, token_hash: str) -> tuple[LoginSessionRow, AccountRow] | None:
        row = self.session.execute(
            select(LoginSessionRow, AccountRow)
            .join(AccountRow, AccountRow.id == LoginSessionRow.account_id)
            .where(LoginSessionRow.token_hash == token_hash)
        ).first()
        return None if row is None else (row[0], row[1])

    def open_sessions(self, account_id: int) -> list[LoginSessionRow]:
        return list(
            self.session.scalars(
                select(LoginSessionRow)
                .where(LoginSessionRow.account_id == account_id, LoginSessionRow.ended_at.is_(None))
                .order_by(LoginSessionRow.id)
            )
        )

    def failures(self, email: str, since: datetime) -> list[datetime]:
        return list(
            self.session.scalars(
                select(LoginFailureRow.at).where(
                    LoginFailureRow.email == email, LoginFailureRow.at >= since
                )
            )
        )

    def add_failure(self, email: str, at: datetime) -> None:
        self.session.add(LoginFailureRow(email=email, at=at))

    def clear_failures(self, email: str) -> None:
        self.session.execute(delete(LoginFailureRow).where(LoginFailureRow.email == email))

    # Grants and audit -----------------------------------------------------------------------

    def grants_of(self, account_id: int) -> list[GrantRow]:
        return list(
            self.session.scalars(
                select(GrantRow).where(GrantRow.account_id == account_id).order_by(GrantRow.athlete)
            )
        )

    def grant(self, account_id: int, athlete: str) -> GrantRow | None:
        return self.session.scalar(
            select(GrantRow).where(GrantRow.account_id == account_id, GrantRow.athlete == athlete)
        )

    def delete(self, row: GrantRow) -> None:
        self.session.delete(row)

    def audit(self, limit: int, athletes: Iterable[str] | None = None) -> list[AuditRow]:
        query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if athletes is not None:
            query = query.where(AuditRow.athlete.in_(list(athletes)))
        return list(self.session.scalars(query))
