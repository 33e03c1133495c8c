"""The coach's pages: the roster, one athlete's alerts (acknowledge them) and links to the
athlete's own pages with ?athlete=NAME. The gate decides who may open each."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from footcore.adapters.team_file import team_policy
from footcore.domain.accounts import Access, Role
from footcore.entrypoints.web import forms
from footcore.entrypoints.web.deps import StorageDep, TodayDep, athlete_name
from footcore.entrypoints.web.team import acting
from footcore.entrypoints.web.templating import page
from footcore.errors import ForbiddenError
from footcore.services import roster

router = APIRouter()


@router.get("/roster")
def roster_page(
    request: Request, storage: StorageDep, today: TodayDep, sort: str = "alerts", show: str = "all"
) -> Response:
    """Every athlete granted to you, most urgent first."""
    actor = acting(request)
    rows = roster.roster(storage.uow(), team_policy(), actor.grants, today, sort, show)
    return page(
        request,
        "roster.html",
        rows=rows,
        sort=sort,
        show=show,
        sorts=roster.SORTS,
        filters=roster.FILTERS,
    )


@router.get("/coach/athlete")
def athlete_page(
    request: Request, storage: StorageDep, today: TodayDep, message: str | None = None
) -> Response:
    """One athlete for the coach: open alerts with reasons and sources, and their pages."""
    actor = acting(request)
    name = athlete_name(request)
    alerts = roster.athlete_alerts(storage.uow(), team_policy(), name, today)
    can_ack = actor.role is not Role.ATHLETE and actor.grants.get(name) is Access.EDIT
    return page(
        request,
        "coach_athlete.html",
        athlete=name,
        alerts=alerts,
        can_ack=can_ack,
        message=message,
    )


@router.post("/coach/alerts/ack")
async def acknowledge(request: Request, storage: StorageDep, today: TodayDep) -> Response:
    """Acknowledge one alert, with why (audited)."""
    actor = acting(request)
    if actor.role is Role.ATHLETE:
        raise ForbiddenError("alerts are acknowledged by the athlete's coach")
    form = await request.form()
    name = athlete_name(request)
    await run_in_threadpool(
        roster.acknowledge,
        storage.uow(),
        team_policy(),
        request.app.state.now(),
        today,
        actor.email,
        name,
        forms.text(form, "key"),
        forms.text(form, "reason"),
    )
    return RedirectResponse(
        f"/coach/athlete?athlete={quote(name)}&message=Acknowledged.", status_code=303
    )
