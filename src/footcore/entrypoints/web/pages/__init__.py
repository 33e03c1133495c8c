"""The server-rendered pages. Each module holds one area's routes; none holds a rule."""

from __future__ import annotations

from fastapi import APIRouter

from footcore.entrypoints.web.pages import assess, library, onboarding, plan, progress, today

__all__ = ["pages_router"]


def pages_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)
    for module in (today, onboarding, library, assess, plan, progress):
        router.include_router(module.router)
    return router
