"""Dependency aliases shared by the pages and the API (one place, so no route repeats them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from footcore.bootstrap import Knowledge, knowledge
from footcore.entrypoints.http.settings import WebSettings
from footcore.entrypoints.http.storage import Storage
from footcore.services.context import DEFAULT_ATHLETE

# The dependencies are `async def` although none awaits: FastAPI runs a plain `def` dependency
# on a worker thread, and four thread hops cost more than the whole of a cached page.


async def get_settings(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


async def get_knowledge() -> Knowledge:
    return knowledge()  # loaded at start-up (app lifespan), so this never blocks


async def get_today(request: Request) -> date:
    settings: WebSettings = request.app.state.settings
    return settings.today()


async def get_storage(request: Request) -> Storage:
    storage: Storage = request.app.state.storage
    return storage


def athlete_name(request: Request) -> str:
    """The runner a request is about: in team mode the one the gate authorized
    (footcore.entrypoints.http.security.team), else the one this app serves."""
    chosen: str | None = getattr(request.state, "athlete", None)
    if chosen is not None:
        return chosen
    settings: WebSettings = request.app.state.settings
    return settings.athlete or DEFAULT_ATHLETE


async def get_athlete(request: Request) -> str:
    """The runner this app serves; it must exist (else onboarding, or a 404 for the API)."""
    name = athlete_name(request)
    storage: Storage = request.app.state.storage
    if not storage.knows(name):
        await run_in_threadpool(storage.require_athlete, name)
    return name


@dataclass(frozen=True, slots=True)
class RunnerCtx:
    """The stored runner a request is about: their name, the storage and the day it is."""

    name: str
    storage: Storage
    today: date


async def get_runner(request: Request) -> RunnerCtx:
    """One dependency for the runner's routes (each dependency costs every request)."""
    state = request.app.state
    return RunnerCtx(await get_athlete(request), state.storage, state.settings.today())


SettingsDep = Annotated[WebSettings, Depends(get_settings)]
KnowledgeDep = Annotated[Knowledge, Depends(get_knowledge)]
TodayDep = Annotated[date, Depends(get_today)]
StorageDep = Annotated[Storage, Depends(get_storage)]
AthleteDep = Annotated[str, Depends(get_athlete)]
RunnerDep = Annotated[RunnerCtx, Depends(get_runner)]
