"""The REST API under /api: one router per area, all over the same services as the pages."""

from __future__ import annotations

from fastapi import APIRouter

from footcore.entrypoints.api import assessment, library, meta, training
from footcore.entrypoints.api.schemas import ErrorPublic

__all__ = ["api_router"]

ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorPublic, "description": "No such record (or no runner yet)."},
    409: {"model": ErrorPublic, "description": "A conflict with what is stored, or a red flag."},
    422: {"model": ErrorPublic, "description": "Bad input: the message names the field."},
}


def api_router() -> APIRouter:
    router = APIRouter(prefix="/api", responses=ERRORS)
    for module in (meta, library, assessment, training):
        router.include_router(module.router)
    return router
