"""API: progress series and charts, and the calendar subscription address."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from footcore.entrypoints.http.api.schemas.progress import CalendarPublic, ProgressPublic
from footcore.entrypoints.http.dependencies import RunnerDep, SettingsDep
from footcore.entrypoints.http.security.secret import calendar_key
from footcore.entrypoints.http.shared import charts, training_io
from footcore.services.exports import stored_runner

router = APIRouter(tags=["progress"])


@router.get("/progress", response_model=ProgressPublic)
def get_progress(r: RunnerDep) -> dict[str, Any]:
    """Adherence per week, pain during sessions and next mornings, retests, weekly load."""
    return training_io.progress_dict(stored_runner(r.storage.uow(), r.name, r.today).progress)


@router.get(
    "/progress/charts/{kind}",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
)
def get_chart(request: Request, kind: str, r: RunnerDep) -> Response:
    """One progress chart as SVG: retests, adherence, pain or load."""
    return charts.svg_response(
        charts.chart_svg(request.app.state.page_cache, r.storage, kind, r.name, r.today)
    )


@router.get("/calendar", response_model=CalendarPublic)
def get_calendar(request: Request, r: RunnerDep, settings: SettingsDep) -> dict[str, Any]:
    """The private address a calendar app subscribes to (every planned session, reminders)."""
    key = calendar_key(settings.secret_key, r.name)
    return {"url": str(request.base_url).rstrip("/") + f"/calendar/{key}.ics"}
