"""Team mode's endpoints: log in and out, one's own sessions and second factor, invitations and
the audit log. Who may call each is decided by the gate (http.security.team)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from footcore.adapters.secrets_kit import new_totp_secret, totp_uri
from footcore.adapters.team_file import team_policy
from footcore.domain.accounts import Actor
from footcore.entrypoints.http.api.schemas.base import MessagePublic
from footcore.entrypoints.http.api.schemas.team import (
    AuditPublic,
    EmailPublic,
    InvitationCreate,
    LoginCreate,
    LoginSessionPublic,
    MePublic,
    TotpCreate,
    TotpSecretPublic,
)
from footcore.entrypoints.http.dependencies import StorageDep
from footcore.entrypoints.http.security.sessions import HASHER, open_session, set_session_cookie
from footcore.entrypoints.http.security.team import acting, is_secure, session_cookie
from footcore.services import accounts, logins

router = APIRouter(tags=["team"])


def me_dict(actor: Actor) -> dict[str, Any]:
    return {
        "email": actor.email,
        "role": actor.role.value,
        "athlete": actor.athlete,
        "grants": [{"athlete": n, "access": a.value} for n, a in sorted(actor.grants.items())],
    }


@router.post("/session", response_model=MePublic)
async def post_session(body: LoginCreate, request: Request, storage: StorageDep) -> Response:
    """Log in: sets the session cookie (HttpOnly, SameSite=Strict, `__Host-` Secure on HTTPS)."""
    token, actor = await run_in_threadpool(
        open_session, request, storage, body.email, body.password, body.totp
    )
    response = JSONResponse(me_dict(actor))
    set_session_cookie(request, response, token)
    return response


@router.delete("/session", response_model=MessagePublic)
def delete_session(request: Request, storage: StorageDep) -> Response:
    """Log out: ends this session on the server and clears the cookie."""
    name = session_cookie(is_secure(request))
    token = request.cookies.get(name)
    if token:
        logins.logout(storage.uow(), request.app.state.now(), token)
    response = JSONResponse({"message": "logged out"})
    response.delete_cookie(
        name, path="/", secure=is_secure(request), httponly=True, samesite="strict"
    )
    return response


@router.post("/invitation", response_model=EmailPublic)
def post_invitation(body: InvitationCreate, request: Request, storage: StorageDep) -> Any:
    """Redeem a one-time invitation code: sets the account's password (then log in)."""
    email = logins.redeem_invitation(
        storage.uow(), HASHER, team_policy(), request.app.state.now(), body.code, body.password
    )
    return {"email": email}


@router.get("/me", response_model=MePublic)
def get_me(request: Request) -> Any:
    """The signed-in account, its role and grants."""
    return me_dict(acting(request))


@router.get("/logins", response_model=list[LoginSessionPublic])
def get_sessions(request: Request, storage: StorageDep) -> Any:
    """This account's open sessions (`current` marks the one asking)."""
    actor = acting(request)
    return logins.own_sessions(storage.uow(), actor.account_id, request.state.session_token)


@router.delete("/logins/{session_id}", response_model=MessagePublic)
def delete_own_session(
    session_id: Annotated[int, Path(ge=1, le=2**31 - 1, description="One of your log-ins.")],
    request: Request,
    storage: StorageDep,
) -> Any:
    """End one of this account's sessions (e.g. a lost phone)."""
    actor = acting(request)
    logins.end_own_session(storage.uow(), request.app.state.now(), actor.account_id, session_id)
    return {"message": f"session {session_id} ended"}


@router.get("/me/totp", response_model=TotpSecretPublic)
def new_totp(request: Request) -> Any:
    """A new second-factor secret, not yet stored: confirm it with POST /api/me/totp."""
    actor = acting(request)
    secret = new_totp_secret()
    return {"secret": secret, "uri": totp_uri(secret, actor.email)}


@router.post("/me/totp", response_model=MessagePublic)
def enable_totp(body: TotpCreate, request: Request, storage: StorageDep) -> Any:
    """Turn on the second factor with the secret and a current code of the app."""
    actor = acting(request)
    logins.enable_totp(
        storage.uow(), request.app.state.now(), actor.account_id, body.secret, body.code
    )
    return {"message": "second factor on: log-ins now ask for the app's code"}


@router.get("/audit", response_model=list[AuditPublic])
def get_audit(
    request: Request,
    storage: StorageDep,
    limit: Annotated[int, Query(ge=1, le=5000, description="1-5000, newest first")] = 200,
) -> Any:
    """The audit log (admins): who did what, to which athlete, when and why."""
    acting(request)
    return accounts.audit_log(storage.uow(), limit)
