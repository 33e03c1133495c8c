"""Pages: onboarding (profile, red-flag screen, then the baseline assessment), the stored plan,
retests and settings."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from footcore.adapters.inputs import profile_from_mapping
from footcore.domain.redflags import screen
from footcore.entrypoints.http.dependencies import (
    KnowledgeDep,
    RunnerDep,
    StorageDep,
    TodayDep,
    athlete_name,
)
from footcore.entrypoints.http.pages.templating import page
from footcore.entrypoints.http.security.secret import calendar_key
from footcore.entrypoints.http.shared import forms, training_io
from footcore.entrypoints.http.shared.lookups import battery_dict, results_of, vocabulary_dict
from footcore.entrypoints.http.shared.profiles import (
    profile_mapping,
    profile_values,
    values_from_mapping,
)
from footcore.errors import InputError
from footcore.services import training
from footcore.services.exports import stored_runner

router = APIRouter()


def _raw_results(k: Any, form: Any, today: Any) -> tuple[Any, dict[str, Any] | None]:
    tests = forms.battery_values(k.battery, form)
    if not tests:
        return None, None
    day = forms.day(form, "date", today)
    raw: dict[str, Any] = {"date": day}
    for test, sides in tests.items():
        raw[test] = {s: v for s, v in sides.items() if v is not None}
    return results_of(day, tests), raw


@router.get("/onboarding")
def onboarding(request: Request, k: KnowledgeDep, storage: StorageDep) -> Response:
    """Step 1: the profile and the red-flag screen."""
    if storage.has_athlete(athlete_name(request)):
        return RedirectResponse("/today", status_code=303)
    return page(
        request,
        "onboarding.html",
        v=profile_values(None),
        vocab=vocabulary_dict(),
        flags=list(k.red_flags.values()),
        error=None,
    )


@router.post("/onboarding")
async def onboarding_profile(request: Request, k: KnowledgeDep, today: TodayDep) -> Response:
    """Check the profile and screen red flags; then step 2, the baseline assessment."""
    form = await request.form()
    vocab = vocabulary_dict()
    raw = profile_mapping(form, list(vocab["pain_areas"]))
    try:
        profile = profile_from_mapping(raw, "profile")
    except InputError as exc:
        return page(
            request,
            "onboarding.html",
            status_code=422,
            v=values_from_mapping(raw),
            vocab=vocab,
            flags=list(k.red_flags.values()),
            error=exc.message,
        )
    screen(profile.health.symptoms, k.red_flags)
    return page(
        request,
        "assess.html",
        battery=[battery_dict(t) for t in k.battery],
        today=today,
        profile=profile,
        action="/onboarding/finish",
        profile_json=json.dumps(raw),
        skip=True,
    )


@router.post("/onboarding/finish")
async def onboarding_finish(
    request: Request, k: KnowledgeDep, storage: StorageDep, today: TodayDep
) -> Response:
    """Store the runner with their baseline (if any) and their plan."""
    form = await request.form()
    try:
        raw = json.loads(forms.text(form, "profile_json") or "{}")
    except json.JSONDecodeError:
        raise InputError("the profile was lost on the way: start again", "profile") from None
    if not isinstance(raw, dict):
        raise InputError("the profile was lost on the way: start again", "profile")
    results, results_raw = (None, None)
    if forms.text(form, "skip") != "1":
        results, results_raw = _raw_results(k, form, today)
    training.init(
        storage.uow(),
        athlete_name(request),
        raw,
        "profile",
        results,
        results_raw,
        None,
        None,
        today,
    )
    storage.changed()
    return RedirectResponse("/plan?welcome=1", status_code=303)


@router.get("/plan")
def plan(request: Request, r: RunnerDep, welcome: int = 0) -> Response:
    """The stored plan, week by week."""
    from footcore.services.coach_edits import edits
    from footcore.services.day_marks import day_marks

    plan = stored_runner(r.storage.uow(), r.name, r.today).plan
    return page(
        request,
        "plan.html",
        coach_edits=edits(r.storage.uow(), r.name, r.today),
        weeks=plan.weeks,
        today=r.today,
        preview=False,
        warnings=plan.warnings,
        priorities=plan.priorities,
        assessed=bool(plan.findings),
        habits=plan.habits,
        welcome=bool(welcome),
        marks=day_marks(r.storage.uow(), r.name, r.today),
    )


@router.post("/retest")
async def retest(request: Request, k: KnowledgeDep, r: RunnerDep) -> Response:
    """Score and store a retest; it gates the next phase."""
    form = await request.form()
    results, raw = _raw_results(k, form, r.today)
    if results is None or raw is None:
        raise InputError("enter at least one result", "results")
    done = training.retest(r.storage.uow(), r.name, results, raw, r.today)
    r.storage.changed()
    return page(request, "retest_done.html", done=done)


@router.get("/settings")
def settings(request: Request, r: RunnerDep) -> Response:
    """Units, days, minutes, equipment and the rest of the profile."""
    raw = training.profile_show(r.storage.uow(), r.name, r.today)
    return page(
        request,
        "settings.html",
        v=values_from_mapping(raw),
        vocab=vocabulary_dict(),
        error=None,
        saved=None,
        calendar=_calendar_url(request, r.name),
    )


@router.post("/settings")
async def save_settings(request: Request, r: RunnerDep) -> Response:
    """Save the profile; the plan is rebuilt from tomorrow."""
    form = await request.form()
    vocab = vocabulary_dict()
    old = training.profile_show(r.storage.uow(), r.name, r.today)
    raw = profile_mapping(form, list(vocab["pain_areas"]))
    raw["health"]["symptoms"] = old.get("health", {}).get("symptoms", [])
    try:
        changed, replanned = training_io.apply_profile(r.storage, r.name, raw, r.today)
    except InputError as exc:
        return page(
            request,
            "settings.html",
            status_code=422,
            v=values_from_mapping(raw),
            vocab=vocab,
            error=exc.message,
            saved=None,
            calendar=_calendar_url(request, r.name),
        )
    r.storage.changed()
    return page(
        request,
        "settings.html",
        v=values_from_mapping(raw),
        vocab=vocab,
        error=None,
        saved={"changed": changed, "replanned": replanned},
        calendar=_calendar_url(request, r.name),
    )


def _calendar_url(request: Request, name: str) -> str:
    key = calendar_key(request.app.state.settings.secret_key, name)
    return str(request.base_url).rstrip("/") + f"/calendar/{key}.ics"


@router.get("/assess/retest")
def retest_form(request: Request, k: KnowledgeDep, r: RunnerDep) -> Response:
    """The wizard for a retest of a stored runner."""
    raw = training.profile_show(r.storage.uow(), r.name, r.today)
    profile = profile_from_mapping(raw, "stored profile")
    return page(
        request,
        "assess.html",
        battery=[battery_dict(t) for t in k.battery],
        today=r.today,
        profile=profile,
        action="/retest",
        retest=True,
    )
