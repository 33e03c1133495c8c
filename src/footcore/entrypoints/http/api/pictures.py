"""API: the drawn steps of each exercise and test, as SVG images."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from footcore.entrypoints.http.shared.pictures import picture_svg_text

router = APIRouter(tags=["pictures"])

SVG = "image/svg+xml"
CACHE = "public, max-age=86400"
StepQuery = Annotated[
    int | None, Query(ge=1, le=4, description="Only this step (1-based); all steps when left out.")
]
RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"content": {SVG: {}}, "description": "The picture (SVG, CC0 1.0)."}
}


@router.get("/exercises/{exercise_id}/picture.svg", response_class=Response, responses=RESPONSES)
def exercise_picture(exercise_id: str, step: StepQuery = None) -> Response:
    """An exercise's steps drawn (start, movement, end), as an accessible SVG image."""
    body = picture_svg_text("exercise", exercise_id, step)
    return Response(body, media_type=SVG, headers={"cache-control": CACHE})


@router.get(
    "/assessment/battery/{test_id}/picture.svg", response_class=Response, responses=RESPONSES
)
def test_picture(test_id: str, step: StepQuery = None) -> Response:
    """A test's protocol drawn step by step, as an accessible SVG image."""
    body = picture_svg_text("test", test_id, step)
    return Response(body, media_type=SVG, headers={"cache-control": CACHE})
