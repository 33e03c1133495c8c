"""Jinja2 set-up: templates compiled once per process, autoescaped, with footcore's filters."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.responses import HTMLResponse, Response

from footcore.adapters.citations import evidence_summary
from footcore.entrypoints.http.security.csrf import FIELD, token_of
from footcore.entrypoints.http.shared.pictures import inline_picture
from footcore.presentation.doses import dose_text
from footcore.presentation.evidence import GRADE_WORDS, cite, cite_all

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

NAV = (
    ("/today", "Today"),
    ("/plan", "Plan"),
    ("/runs", "Runs"),
    ("/progress", "Progress"),
    ("/library", "Exercises"),
    ("/settings", "Settings"),
)


def words(value: str) -> str:
    """A vocabulary word as text: 'plantar_fascia' -> 'plantar fascia'."""
    return value.replace("_", " ")


def _cite(sources: str | list[str] | tuple[str, ...]) -> str:
    """One source key, or a list of them, as people read them (presentation.evidence.cite)."""
    return cite(sources) if isinstance(sources, str) else cite_all(sources)


def web_words(text: str) -> str:
    from footcore.entrypoints.http.web_words import web_words as rewrite

    return rewrite(text)


def exercise_name(exercise_id: str) -> str:
    """An exercise as a person reads it: its name ("Trigger-point release"), never its id."""
    from footcore.bootstrap import knowledge

    return knowledge().catalog.name_of(exercise_id)


def number(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# Where a cached page holds the CSRF token; each answer puts the requester's own in its place.
TOKEN_SLOT = "@@footcore-csrf-token@@"
SLOT_KEY = "footcore.token_slot"


class LazyToken:
    """The CSRF token, made only if the template writes it out (see csrf._Holder)."""

    __slots__ = ("scope",)

    def __init__(self, scope: Any) -> None:
        self.scope = scope

    def __str__(self) -> str:
        return TOKEN_SLOT if self.scope.get(SLOT_KEY) else token_of(self.scope)

    def __html__(self) -> str:
        return str(self)


def _context(request: Request) -> dict[str, Any]:
    return {
        "csrf_token": LazyToken(request.scope),
        "csrf_field": FIELD,
        "nav": NAV,
        "path": request.url.path,
    }


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "svg"]),
        auto_reload=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["words"] = words
    env.filters["exercise_name"] = exercise_name
    env.filters["web_words"] = web_words
    env.filters["dose"] = dose_text
    env.filters["number"] = number
    env.filters["cite"] = _cite
    env.globals["evidence_summary"] = evidence_summary
    env.globals["GRADE_WORDS"] = GRADE_WORDS
    env.globals["one_week"] = timedelta(days=7)
    env.globals["picture"] = inline_picture
    return Jinja2Templates(env=env, context_processors=[_context])


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    """Render a page template; templates live on app.state so each app has its own set."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def render_cacheable(request: Request, name: str, **context: Any) -> bytes:
    """A page's HTML with the token slot where the CSRF token goes (see fill_token)."""
    templates: Jinja2Templates = request.app.state.templates
    request.scope[SLOT_KEY] = True
    try:
        ctx = {"request": request, **context}
        for processor in (_context,):
            ctx.update(processor(request))
        return templates.get_template(name).render(ctx).encode("utf-8")
    finally:
        request.scope[SLOT_KEY] = False


def fill_token(request: Request, body: bytes) -> Response:
    token = token_of(request.scope).encode("latin-1")
    return HTMLResponse(body.replace(TOKEN_SLOT.encode(), token))
