"""Opening a team-mode login session, shared by the JSON API (`POST /api/session`) and the login
page: one password hasher, one way to log in, one cookie."""

from __future__ import annotations

from fastapi import Request, Response

from footcore.adapters.secrets_kit import PasswordHasher
from footcore.adapters.team_file import team_policy
from footcore.domain.accounts import Actor
from footcore.entrypoints.http.dependencies import StorageDep
from footcore.entrypoints.http.security.team import is_secure, session_cookie
from footcore.services import logins

HASHER = PasswordHasher()


def open_session(
    request: Request, storage: StorageDep, email: str, password: str, totp: str | None
) -> tuple[str, Actor]:
    """Log in (a blocking call: argon2 is slow on purpose) and return the token and account."""
    now = request.app.state.now()
    agent = request.headers.get("user-agent", "")
    token = logins.login(storage.uow(), HASHER, team_policy(), now, email, password, totp, agent)
    actor = logins.resolve(storage.uow(), team_policy(), now, token)
    assert actor is not None  # just opened
    return token, actor


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    secure = is_secure(request)
    response.set_cookie(
        session_cookie(secure),
        token,
        max_age=int(team_policy().sessions.absolute.total_seconds()),
        path="/",
        secure=secure,
        httponly=True,
        samesite="strict",
    )
