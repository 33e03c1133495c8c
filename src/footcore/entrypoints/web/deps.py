"""Dependency aliases shared by the pages and the API (one place, so no route repeats them)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Request

from footcore.bootstrap import Knowledge, knowledge
from footcore.entrypoints.web.settings import WebSettings


def get_settings(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def get_knowledge() -> Knowledge:
    return knowledge()


def get_today(request: Request) -> date:
    return get_settings(request).today()


SettingsDep = Annotated[WebSettings, Depends(get_settings)]
KnowledgeDep = Annotated[Knowledge, Depends(get_knowledge)]
TodayDep = Annotated[date, Depends(get_today)]
