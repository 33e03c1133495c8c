"""Pages: the plan preview (a profile form in, a plan out, nothing stored)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from footcore.adapters.inputs import profile_from_mapping
from footcore.entrypoints.http.dependencies import KnowledgeDep, TodayDep
from footcore.entrypoints.http.pages.templating import page
from footcore.entrypoints.http.shared import forms
from footcore.entrypoints.http.shared.lookups import vocabulary_dict
from footcore.entrypoints.http.shared.profiles import (
    profile_mapping,
    profile_values,
    values_from_mapping,
)
from footcore.errors import InputError
from footcore.services.planning import make_plan

router = APIRouter()


@router.get("/plan/preview")
def preview_form(request: Request) -> Response:
    """The profile form of the plan preview."""
    return page(
        request,
        "plan_preview.html",
        v=profile_values(None),
        vocab=vocabulary_dict(),
        weeks=24,
        error=None,
    )


@router.post("/plan/preview")
async def preview(request: Request, k: KnowledgeDep, today: TodayDep) -> Response:
    """A plan for the submitted profile, stored nowhere."""
    form = await request.form()
    vocab = vocabulary_dict()
    raw = profile_mapping(form, list(vocab["pain_areas"]))
    weeks = forms.whole(form, "weeks") or 24
    try:
        profile = profile_from_mapping(raw, "profile")
        plan = make_plan(k, profile, None, today, weeks)
    except InputError as exc:
        return page(
            request,
            "plan_preview.html",
            status_code=422,
            v=values_from_mapping(raw),
            vocab=vocab,
            weeks=weeks,
            error=exc.message,
        )
    return page(
        request,
        "plan.html",
        weeks=plan.weeks,
        today=today,
        preview=True,
        warnings=plan.warnings,
        priorities=plan.priorities,
        assessed=bool(plan.findings),
        habits=plan.habits,
    )
