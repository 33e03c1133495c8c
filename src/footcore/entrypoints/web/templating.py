"""Jinja2 set-up: templates compiled once per process, autoescaped, with footcore's filters."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.responses import Response

from footcore.entrypoints.render import GRADE_WORDS, dose_text
from footcore.entrypoints.web.csrf import FIELD, token_of

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


def number(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _context(request: Request) -> dict[str, Any]:
    return {
        "csrf_token": token_of(request.scope),
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
    env.filters["dose"] = dose_text
    env.filters["number"] = number
    env.globals["GRADE_WORDS"] = GRADE_WORDS
    env.globals["one_week"] = timedelta(days=7)
    return Jinja2Templates(env=env, context_processors=[_context])


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    """Render a page template; templates live on app.state so each app has its own set."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status_code)
