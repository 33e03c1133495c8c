"""Pages: the assessment wizard (protocols, timers, both sides, instant scoring) and the
red-flag screen."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from footcore.adapters.inputs import profile_from_mapping
from footcore.entrypoints.http.dependencies import KnowledgeDep, StorageDep, TodayDep, athlete_name
from footcore.entrypoints.http.pages.templating import page
from footcore.entrypoints.http.shared import forms
from footcore.entrypoints.http.shared.lookups import (
    battery_dict,
    positive_flags,
    results_of,
    screen_dict,
)
from footcore.errors import InputError
from footcore.services.planning import assess

router = APIRouter()


@router.get("/assess")
def wizard(request: Request, k: KnowledgeDep, storage: StorageDep, today: TodayDep) -> Response:
    """The assessment wizard, one test per step (a stored runner's is a retest)."""
    if storage.has_athlete(athlete_name(request)):
        return RedirectResponse("/assess/retest", status_code=303)
    return page(
        request,
        "assess.html",
        battery=[battery_dict(t) for t in k.battery],
        today=today,
        profile=None,
    )


@router.post("/assess")
async def score(request: Request, k: KnowledgeDep, today: TodayDep) -> Response:
    """Score the wizard's results and show the findings."""
    form = await request.form()
    age = forms.whole(form, "age", "runner.age")
    if age is None:
        raise InputError("give your age (14-99): the norms depend on it", "runner.age")
    sex = forms.text(form, "sex") or "unspecified"
    profile = profile_from_mapping({"runner": {"age": age, "sex": sex}}, "profile")
    results = results_of(forms.day(form, "date", today), forms.battery_values(k.battery, form))
    done = assess(k, profile, results)
    return page(request, "findings.html", assessment=done, labels=k.rules.quality_labels)


@router.get("/screen")
def screen_form(request: Request, k: KnowledgeDep) -> Response:
    """The red-flag screen on its own."""
    return page(
        request, "screen.html", flags=list(k.red_flags.values()), result=None, referral=None
    )


@router.post("/screen")
async def screen_answers(request: Request, k: KnowledgeDep) -> Response:
    """Screen the answers: clear, or whom to see and why."""
    form = await request.form()
    flags = positive_flags(k, [str(s) for s in form.getlist("symptoms")])
    return page(
        request,
        "screen.html",
        flags=list(k.red_flags.values()),
        result=flags,
        referral=screen_dict(flags)["referral"],
    )
