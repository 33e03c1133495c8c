"""API: the red-flag screen, the assessment battery and scoring, and plan previews."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from footcore.adapters.inputs import profile_from_mapping
from footcore.entrypoints.http.api.schemas.assessment import (
    AssessmentCreate,
    AssessmentPublic,
    BatteryTestPublic,
    ScreenCreate,
    ScreenPublic,
)
from footcore.entrypoints.http.api.schemas.plans import PlanPreviewCreate, PlanPublic
from footcore.entrypoints.http.dependencies import KnowledgeDep, TodayDep
from footcore.entrypoints.http.shared.lookups import (
    battery_dict,
    positive_flags,
    results_of,
    screen_dict,
)
from footcore.entrypoints.http.shared.profiles import default_profile
from footcore.presentation.findings import finding_dict
from footcore.presentation.plans import plan_dict
from footcore.services.planning import assess, make_plan

router = APIRouter(tags=["assessment"])


@router.post("/screen", response_model=ScreenPublic)
def screen_red_flags(body: ScreenCreate, k: KnowledgeDep) -> dict[str, Any]:
    """Screen red-flag answers: any positive one means no program and a referral."""
    return screen_dict(positive_flags(k, body.symptoms))


@router.get("/assessment/battery", response_model=list[BatteryTestPublic])
def get_battery(k: KnowledgeDep) -> list[dict[str, Any]]:
    """The assessment battery: each test's protocol, timer, norms and measurement error."""
    return [battery_dict(t) for t in k.battery]


@router.post("/assessment/score", response_model=AssessmentPublic)
def score_assessment(body: AssessmentCreate, k: KnowledgeDep) -> dict[str, Any]:
    """Score results against the norms for the profile's age and sex (findings, priorities)."""
    warnings: list[str] = []
    if body.profile is not None:
        profile = profile_from_mapping(body.profile.model_dump(), "profile")
    else:
        profile, warning = default_profile()
        warnings.append(warning)
    results = results_of(
        body.results.date, {t: s.model_dump() for t, s in body.results.tests.items()}
    )
    done = assess(k, profile, results)
    return {
        "date": done.date,
        "findings": [finding_dict(f) for f in done.findings],
        "priorities": list(done.priorities),
        "warnings": warnings,
    }


@router.post("/plans/preview", response_model=PlanPublic)
def preview_plan(body: PlanPreviewCreate, k: KnowledgeDep, today: TodayDep) -> dict[str, Any]:
    """Make a plan from a profile (and results) without storing anything."""
    profile = profile_from_mapping(body.profile.model_dump(), "profile")
    results = None
    if body.results is not None:
        results = results_of(
            body.results.date, {t: s.model_dump() for t, s in body.results.tests.items()}
        )
    plan = make_plan(k, profile, results, body.start or today, body.weeks)
    return plan_dict(plan)
