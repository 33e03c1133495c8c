"""The pictures as the web app serves them: SVG text made once per process and reused, inline in
pages (through the `picture` template function) and as image/svg+xml from the API."""

from __future__ import annotations

from functools import cache

from markupsafe import Markup

from footcore.bootstrap import pictures
from footcore.domain.pictures import Picture
from footcore.errors import NotFoundError

KINDS = ("exercise", "test")


def find_picture(kind: str, item_id: str) -> Picture:
    """The picture of an exercise or a test."""
    p = pictures()
    found = (p.exercises if kind == "exercise" else p.tests).get(item_id)
    if found is None:
        where = "GET /api/exercises" if kind == "exercise" else "GET /api/assessment/battery"
        raise NotFoundError(f"unknown {kind} '{item_id}'; {where} lists the ids")
    return found


@cache
def picture_svg_text(kind: str, item_id: str, step: int | None = None, prefix: str = "") -> str:
    """The whole picture, or only its step `step` (1-based, numbered and moving as in the whole)."""
    from footcore.adapters.pictures.svg import picture_svg, step_svgs

    picture = find_picture(kind, item_id)
    if step is None:
        return picture_svg(picture, prefix=prefix or None)
    if not 1 <= step <= len(picture.steps):
        raise NotFoundError(
            f"{kind} '{item_id}' has steps 1 to {len(picture.steps)}; there is no step {step}"
        )
    return step_svgs(picture, prefix or None)[step - 1]


@cache
def steps_html(kind: str, item_id: str, prefix: str) -> str:
    from footcore.adapters.pictures.svg import step_svgs

    svgs = step_svgs(find_picture(kind, item_id), prefix)
    return '<figure class="picture"><div class="steps">' + "".join(svgs) + "</div></figure>"


def inline_picture(kind: str, item_id: str, prefix: str = "") -> Markup:
    """The picture's steps for a page, each its own SVG in a grid that reflows; empty when there
    is no picture (a page never fails for lack of one)."""
    if kind not in KINDS:
        return Markup("")
    try:
        return Markup(steps_html(kind, item_id, prefix or f"pic-{kind}-{item_id}"))
    except NotFoundError:
        return Markup("")
