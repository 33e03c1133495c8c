"""Dependency aliases shared by the pages and the API (one place, so no route repeats them)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Request

from footcore.bootstrap import Knowledge, knowledge
from footcore.entrypoints.web.settings import WebSettings
from footcore.entrypoints.web.storage import Storage
from footcore.services.context import DEFAULT_ATHLETE


def get_settings(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def get_knowledge() -> Knowledge:
    return knowledge()


def get_today(request: Request) -> date:
    return get_settings(request).today()


def get_storage(request: Request) -> Storage:
    storage: Storage = request.app.state.storage
    return storage


def athlete_name(request: Request) -> str:
    return get_settings(request).athlete or DEFAULT_ATHLETE


def get_athlete(request: Request) -> str:
    """The runner this app serves; it must exist (else onboarding, or a 404 for the API)."""
    name = athlete_name(request)
    get_storage(request).require_athlete(name)
    return name


SettingsDep = Annotated[WebSettings, Depends(get_settings)]
KnowledgeDep = Annotated[Knowledge, Depends(get_knowledge)]
TodayDep = Annotated[date, Depends(get_today)]
StorageDep = Annotated[Storage, Depends(get_storage)]
AthleteDep = Annotated[str, Depends(get_athlete)]
