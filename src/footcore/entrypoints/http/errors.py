"""Exception handlers: every error becomes its HTTP status with a message that says what to fix.

FootcoreError subclass   -> its http_status (422 input, 404 not found, 409 conflict or red
                            flag, 503 storage), `{"error": message}` or the error page
RequestValidationError   -> 422 naming the first bad field (400 when the body is not JSON)
HTTPException            -> its status (404 for unknown paths, 405, ...)
anything else            -> 500 with no detail (SafetyMiddleware logs the traceback)
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from footcore.entrypoints.http.allow import allowed_methods
from footcore.entrypoints.http.responses import error_page, wants_json
from footcore.entrypoints.http.security.middleware import INTERNAL
from footcore.entrypoints.http.storage import OnboardingNeeded
from footcore.entrypoints.http.web_words import web_words
from footcore.errors import FootcoreError, RedFlagError

log = logging.getLogger("footcore.web")

BOUNDS = {
    "greater_than_equal": ("ge", "at least"),
    "greater_than": ("gt", "more than"),
    "less_than_equal": ("le", "at most"),
    "less_than": ("lt", "less than"),
}
HTTP_WORDS = {
    404: "no such page or record: check the address",
    405: "this address does not accept that method",
}


def validation_message(exc: RequestValidationError) -> tuple[str, str]:
    """The first error as 'field: what is wrong', and the field's dotted name."""
    errors: list[Any] = list(exc.errors())
    if not errors:
        return "the request is not valid", ""
    err = errors[0]
    loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "form")]
    field = ".".join(loc)
    kind = err.get("type", "")
    msg = str(err.get("msg", "is not valid"))
    if kind == "missing":
        text = f"{field} is missing" if field else "the request body is missing"
    elif kind == "extra_forbidden":
        text = f"unknown field '{field}'"
    elif kind == "json_invalid":
        text, field = "the body is not valid JSON", ""
    elif kind in BOUNDS:
        key, words = BOUNDS[kind]
        bound = err.get("ctx", {}).get(key)
        text = f"{field}: {err.get('input')!r} is out of range; give {words} {bound}"
    else:
        text = f"{field}: {msg[0].lower()}{msg[1:]}" if field else msg
    return text, field


def respond(request: Request, status: int, message: str, **extra: Any) -> Response:
    message = web_words(message)  # the services speak CLI; the web names fields and pages
    if wants_json(request.scope):
        return JSONResponse({"error": message, **extra}, status_code=status)
    templates: Jinja2Templates | None = getattr(request.app.state, "templates", None)
    if templates is not None:
        try:
            return templates.TemplateResponse(
                request,
                "error.html",
                {"status": status, "message": message, **extra},
                status_code=status,
            )
        except Exception:  # the error page must not fail in its turn
            log.exception("error page could not be rendered")
    return HTMLResponse(error_page(status, message), status_code=status)


# What the web app says for a service's next step (the CLI names a command instead).
WEB_ACTIONS: dict[str, str] = {
    "init": "set up your plan on the onboarding page first",
    "init_athlete": "create the runner first (POST /api/athletes or the onboarding page)",
    "profile_set": "change the profile on the Profile page, or use another name",
    "confirm_clearance": "confirm that a clinician has cleared you to train",
    "clear": "when a clinician has cleared you, say so on the Today page to resume",
    "retest": "record a retest on the Assess page",
    "exercises": "the Exercises page lists them",
    "import_as": "import into an empty database or under another name",
    "templates": "list them at GET /api/templates",
    "logins": "list them at GET /api/logins",
    "week": "the Plan page shows the planned days",
    "start_time": "give its start time to add another",
    "add_shoe": "add it on the Shoes page",
    "see_shoes": "the Shoes page shows where it stands",
}


def web_action(verb: str) -> str | None:
    return WEB_ACTIONS.get(verb)


async def footcore_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FootcoreError)
    if isinstance(exc, RedFlagError):
        message = exc.render_with(str, web_action)
        return respond(
            request, exc.http_status, message, symptoms=list(exc.symptoms), red_flag=True
        )
    if isinstance(exc, OnboardingNeeded) and not wants_json(request.scope):
        return RedirectResponse("/onboarding", status_code=303)
    if exc.http_status >= 500:
        log.error("%s: %s", type(exc).__name__, exc.message)
    field = exc.field.removeprefix("--").replace("-", "_") if exc.field else None
    message = exc.render_with(lambda f: f.removeprefix("--").replace("-", "_"), web_action)
    return respond(request, exc.http_status, message, **({"field": field} if field else {}))


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    message, field = validation_message(exc)
    # Malformed JSON is a broken request (400); well-formed but wrong values are 422.
    status = 400 if message == "the body is not valid JSON" else 422
    return respond(request, status, message, **({"field": field} if field else {}))


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else ""
    if exc.status_code in HTTP_WORDS and detail in ("", "Not Found", "Method Not Allowed"):
        detail = HTTP_WORDS[exc.status_code]
    response = respond(request, exc.status_code, detail or "request refused")
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    if exc.status_code == 405:
        methods = allowed_methods(request.app, request.scope)
        if methods:
            response.headers["allow"] = ", ".join(methods)
    return response


async def internal_error(request: Request, exc: Exception) -> Response:
    return respond(request, 500, INTERNAL)


def install(app: FastAPI) -> None:
    app.add_exception_handler(FootcoreError, footcore_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, internal_error)
