"""Team mode's pages: log in (and redeem an invitation), one's account and sessions, log out,
and the admins' audit log. The gate (http.security.team) decides who may open each."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from footcore.adapters.team_file import team_policy
from footcore.entrypoints.http.dependencies import StorageDep
from footcore.entrypoints.http.pages.templating import page
from footcore.entrypoints.http.security.sessions import HASHER, open_session, set_session_cookie
from footcore.entrypoints.http.security.team import acting, is_secure, session_cookie
from footcore.entrypoints.http.shared import forms
from footcore.errors import AuthError, InputError, NotFoundError
from footcore.services import accounts, logins

router = APIRouter()


def safe_next(target: str) -> str:
    """Only a path of this site: never another origin (open redirect)."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _login_page(request: Request, status: int = 200, **context: object) -> Response:
    values: dict[str, object] = {
        "message": None,
        "done": None,
        "email": "",
        "next": safe_next(request.query_params.get("next", "/")),
        "min_length": team_policy().passwords.min_length,
    }
    values.update(context)
    return page(request, "login.html", status_code=status, **values)


@router.get("/login")
def login_form(request: Request) -> Response:
    """The log-in form (team mode)."""
    return _login_page(request)


@router.post("/login")
async def login(request: Request, storage: StorageDep) -> Response:
    """Log in from the form; on success go on to the page first asked for."""
    form = await request.form()
    email, target = forms.text(form, "email"), safe_next(forms.text(form, "next") or "/")
    try:
        token, _ = await run_in_threadpool(
            open_session,
            request,
            storage,
            email,
            str(form.get("password") or ""),
            forms.text(form, "totp") or None,
        )
    except AuthError as exc:
        return _login_page(request, exc.http_status, message=exc.message, email=email, next=target)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(request, response, token)
    return response


@router.post("/login/invitation")
async def redeem(request: Request, storage: StorageDep) -> Response:
    """Set a password with a one-time invitation code."""
    form = await request.form()
    try:
        email = await run_in_threadpool(
            logins.redeem_invitation,
            storage.uow(),
            HASHER,
            team_policy(),
            request.app.state.now(),
            forms.text(form, "code"),
            str(form.get("password") or ""),
        )
    except InputError as exc:
        return _login_page(request, 422, message=exc.message)
    return _login_page(request, done=f"Password set for {email}: log in below.", email=email)


@router.get("/account")
def account(request: Request, storage: StorageDep, message: str | None = None) -> Response:
    """Your account, the athletes you coach and your open sessions."""
    actor = acting(request)
    sessions = logins.own_sessions(storage.uow(), actor.account_id, request.state.session_token)
    me = {
        "email": actor.email,
        "role": actor.role.value,
        "athlete": actor.athlete,
        "grants": [(n, a.value) for n, a in sorted(actor.grants.items())],
    }
    return page(request, "account.html", me=me, sessions=sessions, message=message)


@router.post("/account/sessions/end")
async def end_session(request: Request, storage: StorageDep) -> Response:
    """End one of your other sessions."""
    actor = acting(request)
    form = await request.form()
    session_id = forms.whole(form, "session_id")
    if session_id is None:
        raise NotFoundError("no session named: choose one in the list")
    logins.end_own_session(storage.uow(), request.app.state.now(), actor.account_id, session_id)
    return RedirectResponse("/account", status_code=303)


@router.post("/logout")
def logout(request: Request, storage: StorageDep) -> Response:
    """Log out of this browser."""
    name = session_cookie(is_secure(request))
    logins.logout(storage.uow(), request.app.state.now(), request.state.session_token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(name, path="/", secure=is_secure(request), httponly=True)
    return response


@router.get("/audit")
def audit(request: Request, storage: StorageDep) -> Response:
    """The audit log (admins)."""
    acting(request)
    return page(request, "audit.html", entries=accounts.audit_log(storage.uow()))
