"""The pictures as the web app serves them: SVG text made once per process and reused, inline in
pages (through the `picture` template function) and as image/svg+xml from the API."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from markupsafe import Markup

from footcore.bootstrap import pictures
from footcore.domain.pictures import Picture
from footcore.errors import NotFoundError

KINDS = ("exercise", "test")


def find_picture(kind: str, item_id: str, step: int | None = None) -> Picture:
    """The picture of an exercise or a test, or only its step `step` (1-based)."""
    p = pictures()
    found = (p.exercises if kind == "exercise" else p.tests).get(item_id)
    if found is None:
        where = "GET /api/exercises" if kind == "exercise" else "GET /api/assessment/battery"
        raise NotFoundError(f"unknown {kind} '{item_id}'; {where} lists the ids")
    if step is None:
        return found
    if not 1 <= step <= len(found.steps):
        raise NotFoundError(f"{kind} '{item_id}' has steps 1 to {len(found.steps)}; no step {step}")
    return replace(found, steps=(found.steps[step - 1],))


@cache
def picture_svg_text(kind: str, item_id: str, step: int | None = None, prefix: str = "") -> str:
    from footcore.adapters.pictures.svg import picture_svg

    picture = find_picture(kind, item_id, step)
    return picture_svg(picture, prefix=prefix or None)


def inline_picture(kind: str, item_id: str, prefix: str = "") -> Markup:
    """The picture for a page; empty when there is none (a page never fails for lack of one)."""
    if kind not in KINDS:
        return Markup("")
    try:
        text = picture_svg_text(kind, item_id, None, prefix or f"pic-{kind}-{item_id}")
    except NotFoundError:
        return Markup("")
    return Markup(f'<figure class="picture">{text}</figure>')
