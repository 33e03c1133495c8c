"""The coach's pages: the roster, one athlete's alerts (acknowledge them) and links to the
athlete's own pages with ?athlete=NAME. The gate decides who may open each."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import quote

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from footcore.adapters.team_file import team_policy
from footcore.bootstrap import knowledge
from footcore.domain.accounts import Access, Role
from footcore.entrypoints.http.dependencies import StorageDep, TodayDep, athlete_name
from footcore.entrypoints.http.pages.templating import page
from footcore.entrypoints.http.security.team import acting
from footcore.entrypoints.http.shared import forms
from footcore.entrypoints.http.storage import Storage
from footcore.errors import ForbiddenError
from footcore.services import coach_edits, coach_retest, roster
from footcore.services.queries.day_view import ItemView

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
    can_edit = actor.role is not Role.ATHLETE and actor.grants.get(name) is Access.EDIT
    slots = sorted({(p.exercise, p.name) for p in upcoming(storage, name, today)})
    return page(
        request,
        "coach_athlete.html",
        athlete=name,
        alerts=alerts,
        can_ack=can_edit,
        message=message,
        slots=slots,
        library=sorted((e.id, e.name) for e in knowledge().catalog.exercises.values()),
        edits=coach_edits.edits(storage.uow(), name, today),
    )


def upcoming(storage: Storage, name: str, today: date) -> list[ItemView]:
    """The athlete's items of the next two weeks (what a coach may change)."""
    from footcore.services.queries import reads

    days = reads.week(storage, name, today + timedelta(days=1), today)
    days += reads.week(storage, name, today + timedelta(days=8), today)
    return [item for d in days for item in d.items]


@router.post("/coach/edits")
async def post_edit(request: Request, storage: StorageDep, today: TodayDep) -> Response:
    """Change the athlete's plan from tomorrow, with why (audited)."""
    actor = acting(request)
    form = await request.form()
    name = athlete_name(request)
    kind = forms.text(form, "kind") or "swap"
    if kind == coach_retest.KIND:
        await run_in_threadpool(
            coach_retest.move_retest,
            storage.uow(),
            request.app.state.now(),
            actor.email,
            name,
            coach_retest.day_of(forms.text(form, "to")),
            forms.text(form, "reason"),
            today,
        )
        return RedirectResponse(
            f"/coach/athlete?athlete={quote(name)}&message=Retest moved.", status_code=303
        )
    await run_in_threadpool(
        coach_edits.edit,
        storage.uow(),
        request.app.state.now(),
        actor.email,
        name,
        kind,
        forms.text(form, "exercise"),
        forms.text(form, "reason"),
        today,
        to=forms.text(form, "to") or None,
        dose={k: forms.whole(form, k) for k in ("sets", "reps", "hold_s")},
        note=forms.text(form, "note") or None,
    )
    return RedirectResponse(
        f"/coach/athlete?athlete={quote(name)}&message=Changed from tomorrow.", status_code=303
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
