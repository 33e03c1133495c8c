"""Pages: progress (retests against norm bands, adherence, pain, weekly load) with SVG charts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from footcore.entrypoints.http.dependencies import RunnerDep, SettingsDep
from footcore.entrypoints.http.pages.templating import page
from footcore.entrypoints.http.security.secret import calendar_key, same
from footcore.entrypoints.http.shared import charts
from footcore.errors import NotFoundError
from footcore.services import training
from footcore.services.exports import stored_runner

router = APIRouter()


@router.get("/progress")
def progress(request: Request, r: RunnerDep) -> Response:
    """Where the runner stands, and the four charts."""
    status = training.status(r.storage.uow(), r.name, r.today)
    found = stored_runner(r.storage.uow(), r.name, r.today)
    return page(
        request,
        "progress.html",
        status=status,
        progress=found.progress,
        kinds=charts.KINDS,
        titles=charts.TITLES,
    )


@router.get("/progress/chart/{kind}.svg")
def chart(request: Request, kind: str, r: RunnerDep) -> Response:
    """One progress chart as SVG."""
    return charts.svg_response(
        charts.chart_svg(request.app.state.page_cache, r.storage, kind, r.name, r.today)
    )


@router.get("/calendar/{key}.ics")
def calendar(
    key: str,
    r: RunnerDep,
    settings: SettingsDep,
) -> Response:
    """The calendar subscription: every planned session with a reminder (iCalendar)."""
    from footcore.services.exports import calendar_for_athlete

    if not same(key, calendar_key(settings.secret_key, r.name)):
        raise NotFoundError("no such calendar: copy the address again from Settings")
    data = calendar_for_athlete(r.storage.uow(), r.name, r.today)
    return Response(
        data,
        media_type="text/calendar; charset=utf-8",
        headers={"content-disposition": 'inline; filename="footcore.ics"'},
    )
