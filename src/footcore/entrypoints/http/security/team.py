"""Team mode's one authorization check: the `gate` dependency, which the app runs before every
route (pages and API), so no route repeats it.

Personal mode (the database holds no account) is untouched: the gate returns at once. In team
mode it reads the session cookie, resolves the acting account, and decides by the route's kind:

public    the log-in page and endpoints, health, the CSRF token, the favicon (static files are
          a mount and never reach the gate)
user      any signed-in account (the exercise library, learn, screen, plan preview, one's own
          sessions and second factor)
coach     coaches and admins (the roster)
coaching  an athlete's data as `athlete` below, for coaches and admins only (alerts to
          acknowledge, the coach's view of one athlete)
admin     admins only (the audit log)
athlete   everything else, the default, so a new route is closed until it is classified: the
          athlete's health data. Athletes reach their own; coaches name the athlete with
          `?athlete=NAME` and need a grant (`view` for GET, `edit` for writes); no grant, or
          another athlete, is a 404 that does not tell whether the athlete exists.

Without a session the API answers 401 and pages redirect to /login?next=... (a 303).
Every coach or admin write to an athlete's data, and every export, is written to the audit log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import quote

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from footcore.adapters.team_file import team_policy
from footcore.domain.accounts import Access, Actor, Role, Verdict, authorize
from footcore.entrypoints.http.storage import Storage
from footcore.errors import AuthError, ForbiddenError, NotFoundError

Kind = Literal["public", "user", "coach", "admin", "coaching", "athlete"]

ROUTES: dict[str, Kind] = {
    "/login": "public",
    "/login/invitation": "public",
    "/api/session": "public",
    "/api/invitation": "public",
    "/api/health": "public",
    "/api/csrf": "public",
    "/favicon.ico": "public",
    "/api/docs": "user",
    "/api/openapi.json": "user",
    "/api/exercises/{exercise_id}/picture.svg": "user",
    "/api/assessment/battery/{test_id}/picture.svg": "user",
    "/library": "user",
    "/library/{exercise_id}": "user",
    "/learn": "user",
    "/learn/{topic_id}": "user",
    "/screen": "user",
    "/plan/preview": "user",
    "/api/exercises": "user",
    "/api/exercises/{exercise_id}": "user",
    "/api/topics": "user",
    "/api/topics/{topic_id}": "user",
    "/api/vocabulary": "user",
    "/api/screen": "user",
    "/api/assessment/battery": "user",
    "/api/assessment/score": "user",
    "/api/plans/preview": "user",
    "/api/me": "user",
    "/api/logins": "user",
    "/api/logins/{session_id}": "user",
    "/api/me/totp": "user",
    "/account": "user",
    "/account/sessions/end": "user",
    "/logout": "user",
    "/api/roster": "coach",
    "/api/templates": "coach",
    "/api/templates/save": "coaching",
    "/api/templates/assign": "coaching",
    "/api/alerts/ack": "coaching",
    "/coach/edits": "coaching",
    "/coach/athlete": "coaching",
    "/coach/alerts/ack": "coaching",
    "/roster": "coach",
    "/api/audit": "admin",
    "/audit": "admin",
}
EXPORTS = re.compile(r"^(/api/export|/api/calendar|/calendar/[^/]+\.ics)$")
READS = frozenset({"GET", "HEAD"})
# In team mode a red-flag pause is cleared by the athlete's coach or clinician account (edit
# access), never by the athlete alone: the clearance is the clinician's word.
CLEARANCE = frozenset({"/api/clear", "/clear"})
NOT_YOURS = "no athlete '{name}' that this account may see: check the name (?athlete=NAME)"


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class TeamSwitch:
    """Whether team mode is on. Once on it stays on (accounts are disabled, never deleted);
    while off it is asked again whenever the SQLite file changed, and on every request of a
    server database."""

    on: bool = False
    seen: tuple[object, ...] | None = field(default=None)

    def known_off(self, storage: Storage) -> bool:
        """Off, and the database unchanged since it was asked: no thread hop, no query (the
        personal mode's every request)."""
        if self.on:
            return False
        signature = storage.signature()
        return signature is not None and signature == self.seen

    def check(self, storage: Storage) -> bool:
        if self.on:
            return True
        from footcore.services.accounts import team_mode

        signature = storage.signature()
        self.on = team_mode(storage.uow())
        self.seen = signature
        return self.on


def session_cookie(secure: bool) -> str:
    """`__Host-` needs Secure, which browsers refuse over plain HTTP: the prefixed name is used
    over HTTPS (or behind a TLS proxy), a plain one on a loopback HTTP server."""
    return "__Host-footcore_session" if secure else "footcore_session"


def is_secure(request: Request) -> bool:
    return bool(request.app.state.settings.secure_cookies) or request.url.scheme == "https"


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "$")


# The classified routes as patterns of the request path (the route object FastAPI leaves in the
# scope is not reliably the prefixed one across versions); unmatched paths are athlete data.
PATTERNS: tuple[tuple[re.Pattern[str], Kind], ...] = tuple(
    (_pattern(path), kind) for path, kind in ROUTES.items()
)


def route_kind(path: str) -> Kind:
    for pattern, kind in PATTERNS:
        if pattern.match(path):
            return kind
    return "athlete"


def _refuse_anonymous(request: Request) -> HTTPException | AuthError:
    if request.url.path.startswith("/api/") or request.method not in READS:
        return AuthError("log in first: POST /api/session with your email and password")
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return HTTPException(303, headers={"location": f"/login?next={quote(target, safe='')}"})


async def gate(request: Request) -> None:
    """The authorization of every route (see the module's docstring)."""
    state = request.app.state
    storage: Storage = state.storage
    switch: TeamSwitch = state.team
    if switch.known_off(storage) or not (
        switch.on or await run_in_threadpool(switch.check, storage)
    ):
        return
    path = request.url.path
    kind = route_kind(path)
    if kind == "public":
        return
    token = request.cookies.get(session_cookie(is_secure(request)))
    actor = None
    if token:
        from footcore.services.logins import resolve

        actor = await run_in_threadpool(resolve, storage.uow(), team_policy(), state.now(), token)
    if actor is None:
        raise _refuse_anonymous(request)
    request.state.actor = actor
    request.state.session_token = token
    if kind == "user":
        return
    if kind == "admin" and actor.role is not Role.ADMIN:
        raise ForbiddenError("only an admin account may open this")
    if kind in ("coach", "coaching") and actor.role is Role.ATHLETE:
        raise ForbiddenError("only coach and admin accounts may open this")
    if kind not in ("athlete", "coaching"):
        return
    if path == "/" and actor.role is not Role.ATHLETE and "athlete" not in request.query_params:
        where = "/roster" if actor.role is Role.COACH else "/account"
        raise HTTPException(303, headers={"location": where})
    target = request.query_params.get("athlete") or actor.athlete
    if not target:
        raise NotFoundError("name the athlete: ?athlete=NAME (one you have been granted)")
    needed = Access.VIEW if request.method in READS else Access.EDIT
    verdict = authorize(actor, target, needed)
    if verdict is Verdict.HIDDEN:
        raise NotFoundError(NOT_YOURS.format(name=target))
    if verdict is Verdict.FORBIDDEN:
        raise ForbiddenError(f"your access to '{target}' is view only; ask for edit access")
    if path in CLEARANCE and actor.role is Role.ATHLETE:
        raise ForbiddenError("in team mode your coach or clinician clears a red-flag pause")
    request.state.athlete = target
    if actor.role is not Role.ATHLETE and (needed is Access.EDIT or EXPORTS.match(path)):
        await run_in_threadpool(_audit, storage, state.now(), actor, request, target, path)


def _audit(
    storage: Storage, now: datetime, actor: Actor, request: Request, target: str, path: str
) -> None:
    from footcore.services.accounts import record

    action = "export" if EXPORTS.match(path) else "clearance" if path in CLEARANCE else "edit"
    reason = request.headers.get("x-footcore-reason", "")[:500]
    # the calendar's address holds its secret key, which the log must not keep
    shown = "/calendar/(key).ics" if path.startswith("/calendar/") else path
    record(storage.uow(), now, actor.email, action, target, f"{request.method} {shown}", reason)


def acting(request: Request) -> Actor:
    """The signed-in account of a `user`, `coach` or `admin` route (the gate set it)."""
    actor: Actor | None = getattr(request.state, "actor", None)
    if actor is None:
        raise AuthError("this needs team mode and a log-in: POST /api/session")
    return actor
