"""Pages: the home page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from footcore.entrypoints.web.templating import page

router = APIRouter()


@router.get("/")
def home(request: Request) -> Response:
    """Where to start."""
    return page(request, "home.html")
