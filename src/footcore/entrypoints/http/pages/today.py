"""Pages: today's session player and its log, the next-morning check-in, and clearance after a
red-flag pause."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from footcore.entrypoints.http.dependencies import KnowledgeDep, RunnerDep, StorageDep, athlete_name
from footcore.entrypoints.http.pages.templating import fill_token, page, render_cacheable
from footcore.entrypoints.http.shared import forms, training_io
from footcore.entrypoints.http.shared.cache import PageCache
from footcore.entrypoints.http.shared.lookups import vocabulary_dict
from footcore.entrypoints.http.storage import Storage
from footcore.errors import InputError
from footcore.services import training
from footcore.services.queries import reads

router = APIRouter()
DayQuery = Annotated[date | None, Query()]


@router.get("/")
def home(request: Request, storage: StorageDep) -> Response:
    """The first visit starts onboarding; later ones open today's session."""
    where = "/today" if storage.has_athlete(athlete_name(request)) else "/onboarding"
    return RedirectResponse(where, status_code=303)


@router.get("/favicon.ico")
async def favicon() -> Response:
    """Browsers ask for it whatever the page says."""
    return RedirectResponse("/static/icon.svg", status_code=301)


@router.get("/today")
async def today_page(request: Request, r: RunnerDep, day: DayQuery = None) -> Response:
    """The day's session as a player: one exercise at a time, timers, counters, ratings."""
    when = day or r.today
    state = r.storage.signature()
    key = None if state is None else ("today", r.name, when, r.today, state)
    cache: PageCache = request.app.state.page_cache
    body = cache.get(key) if key is not None else None
    if body is None:
        body = await run_in_threadpool(_render_today, request, r.name, r.storage, when, r.today)
        if key is not None:
            cache.put(key, body)
    return fill_token(request, body)


def _render_today(request: Request, name: str, storage: Storage, when: date, today: date) -> bytes:
    view = reads.day(storage, name, when, today)
    return render_cacheable(
        request,
        "today.html",
        view=view,
        today=today,
        is_today=when == today,
        areas=vocabulary_dict()["pain_areas"],
        past=when <= today,
    )


@router.post("/today/log")
async def log_session(request: Request, r: RunnerDep) -> Response:
    """Log what was done in the session, all of it or nothing."""
    form = await request.form()
    when = forms.day(form, "date", r.today)
    view = reads.day(r.storage, r.name, when, r.today)
    entries = training_io.session_entries(form, view)
    if not entries:
        raise InputError("nothing to log: count at least one set done", "sets")
    done = training.log_session(r.storage.uow(), r.name, entries, r.today)
    r.storage.changed()
    return page(
        request,
        "session_done.html",
        done=done,
        day=when,
        tomorrow=when + timedelta(days=1),
        today=r.today,
    )


@router.get("/checkin")
def checkin_form(request: Request, k: KnowledgeDep, r: RunnerDep, day: DayQuery = None) -> Response:
    """The next-morning check-in."""
    return page(
        request,
        "checkin.html",
        day=day or r.today,
        areas=vocabulary_dict()["pain_areas"],
        flags=list(k.red_flags.values()),
        done=None,
    )


@router.post("/checkin")
async def checkin(request: Request, k: KnowledgeDep, r: RunnerDep) -> Response:
    """Record the morning's pain; it decides the day before's exercises."""
    form = await request.form()
    when = forms.day(form, "date", r.today)
    pain = forms.whole(form, "morning_pain", "morning_pain")
    if pain is None:
        raise InputError("choose how much it hurts this morning (0-10)", "morning_pain")
    symptoms = [str(s) for s in form.getlist("symptoms")]
    stiffness = forms.whole(form, "stiffness", "stiffness")
    try:
        done = training.checkin(
            r.storage.uow(),
            r.name,
            when,
            pain,
            forms.text(form, "area"),
            symptoms,
            r.today,
            stiffness,
        )
    finally:
        r.storage.changed()
    return page(
        request,
        "checkin.html",
        day=when,
        areas=vocabulary_dict()["pain_areas"],
        flags=list(k.red_flags.values()),
        done=done,
    )


@router.post("/clear")
async def clear(request: Request, r: RunnerDep) -> Response:
    """End a red-flag pause once a clinician has cleared the runner."""
    form = await request.form()
    message = training.clear(
        r.storage.uow(),
        r.name,
        forms.text(form, "confirm") == "yes",
        r.today,
        forms.text(form, "by"),
    )
    r.storage.changed()
    return page(request, "cleared.html", message=message)
