"""The REST API under /api: one router per area, all over the same services as the pages."""

from __future__ import annotations

from fastapi import APIRouter

from footcore.entrypoints.http.api import (
    assessment,
    library,
    meta,
    pictures,
    progress,
    running,
    training,
)
from footcore.entrypoints.http.api.schemas.base import ErrorPublic

__all__ = ["ERRORS", "api_routers", "api_routers_to_match"]

ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorPublic, "description": "No such record (or no runner yet)."},
    409: {"model": ErrorPublic, "description": "A conflict with what is stored, or a red flag."},
    422: {"model": ErrorPublic, "description": "Bad input: the message names the field."},
}


def api_routers() -> list[APIRouter]:
    """The API's routers, each to be included under /api by the app itself: one level of
    nesting, since every level costs each request a walk over its routes."""
    return [
        module.router
        for module in (meta, library, pictures, assessment, training, running, progress)
    ]


def api_routers_to_match() -> list[APIRouter]:
    """The same routers in the order the app includes them, the busiest first (health, then
    logging and the day): a request walks every route of each router before its own. No two of
    them share a path, so the order decides nothing else; the OpenAPI document keeps the order
    of api_routers()."""
    return [
        module.router
        for module in (meta, training, library, pictures, assessment, running, progress)
    ]
