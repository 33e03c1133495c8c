"""The server-rendered pages. Each module holds one area's routes; none holds a rule."""

from __future__ import annotations

from fastapi import APIRouter

from footcore.entrypoints.http.pages import (
    assess,
    library,
    onboarding,
    plan,
    progress,
    running,
    today,
)

__all__ = ["page_routers"]


def page_routers() -> list[APIRouter]:
    """The pages' routers, the most used first (the app includes each directly)."""
    modules = (today, onboarding, running, library, assess, plan, progress)
    return [module.router for module in modules]
