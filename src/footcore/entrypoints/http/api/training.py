"""API: the stored runner: creating them, the profile, the plan, the day's session, logging,
check-ins, retests, status, clearance after a red flag, export and import."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from footcore.entrypoints.http.api.schemas.assessment import ProfileCreate, ResultsCreate
from footcore.entrypoints.http.api.schemas.base import MessagePublic
from footcore.entrypoints.http.api.schemas.plans import PlanPublic
from footcore.entrypoints.http.api.schemas.runner import (
    AthleteCreate,
    AthletePublic,
    CheckinCreate,
    CheckinPublic,
    ClearCreate,
    DayPublic,
    LogCreate,
    LoggedPublic,
    ProfileChangedPublic,
    RetestPublic,
    SessionLogCreate,
    StatusPublic,
)
from footcore.entrypoints.http.dependencies import RunnerDep, StorageDep, TodayDep, athlete_name
from footcore.entrypoints.http.shared import training_io
from footcore.entrypoints.http.shared.lookups import results_of
from footcore.presentation.plans import plan_dict
from footcore.services import training
from footcore.services.exports import stored_runner
from footcore.services.queries import reads
from footcore.services.queries.day_view import day_dict

router = APIRouter(tags=["training"])
DayQuery = Annotated[date | None, Query(description="YYYY-MM-DD; today when omitted.")]


def _raw_results(body: ResultsCreate) -> tuple[Any, dict[str, Any]]:
    tests = {t: s.model_dump() for t, s in body.tests.items()}
    results = results_of(body.date, tests)
    raw: dict[str, Any] = {"date": body.date}
    for test, sides in tests.items():
        given = {k: v for k, v in sides.items() if v is not None}
        if given:
            raw[test] = given
    return results, raw


@router.post("/athlete", response_model=AthletePublic, status_code=201)
def create_athlete(
    request: Request, body: AthleteCreate, storage: StorageDep, today: TodayDep
) -> dict[str, Any]:
    """Store the runner with their profile, baseline assessment and plan (409 if one exists)."""
    raw = body.profile.model_dump(exclude_unset=True)
    results, results_raw = _raw_results(body.results) if body.results else (None, None)
    done = training.init(
        storage.uow(),
        athlete_name(request),
        raw,
        "profile",
        results,
        results_raw,
        body.start,
        body.weeks,
        today,
    )
    return {
        "athlete": done.athlete,
        "start": done.start,
        "weeks": done.weeks,
        "warnings": done.warnings,
    }


@router.get("/profile", response_model=dict[str, Any])
def get_profile(r: RunnerDep) -> dict[str, Any]:
    """The stored profile, in the keys of the profile file."""
    return training.profile_show(r.storage.uow(), r.name, r.today)


@router.put("/profile", response_model=ProfileChangedPublic)
def put_profile(body: ProfileCreate, r: RunnerDep) -> dict[str, Any]:
    """Replace the profile; the plan is rebuilt from tomorrow, the past is kept."""
    changed, replanned = training_io.apply_profile(
        r.storage, r.name, body.model_dump(exclude_unset=True), r.today
    )
    return {"changed": changed, "replanned_from": replanned}


@router.get("/plan", response_model=PlanPublic)
def get_plan(r: RunnerDep) -> dict[str, Any]:
    """The stored plan: every week with its sessions at their adapted doses."""
    return plan_dict(stored_runner(r.storage.uow(), r.name, r.today).plan)


@router.get("/today", response_model=DayPublic)
def get_today(r: RunnerDep, day: DayQuery = None) -> dict[str, Any]:
    """The session of a day (today by default) with adapted doses, cues and what is logged."""
    return day_dict(reads.day(r.storage, r.name, day or r.today, r.today))


@router.get("/week", response_model=list[DayPublic])
def get_week(r: RunnerDep, day: DayQuery = None) -> list[dict[str, Any]]:
    """Every day of the plan week around a day (this week by default)."""
    return [day_dict(v) for v in reads.week(r.storage, r.name, day or r.today, r.today)]


@router.post("/logs", response_model=LoggedPublic)
async def post_log(body: LogCreate, r: RunnerDep) -> dict[str, Any]:
    """Log one exercise of a planned session; the same log twice is stored once."""
    entry = training_io.entry(
        body.exercise,
        body.date or r.today,
        body.sets,
        body.reps,
        body.hold_s,
        body.side,
        body.rpe,
        body.pain,
        body.pain_area,
    )
    # The transaction on a worker thread, the answer's check against LoggedPublic back here: a
    # plain `def` route would also send that check to a worker thread, a second hop per log.
    done = await run_in_threadpool(training.log, r.storage.uow(), r.name, entry, r.today)
    return training_io.logged_dict(done)


@router.post("/sessions", response_model=list[LoggedPublic])
async def post_session(body: SessionLogCreate, r: RunnerDep) -> list[dict[str, Any]]:
    """Log a whole session at once: all of it is stored, or none of it."""
    day = body.date or r.today
    entries = [
        training_io.entry(
            e.exercise, e.date or day, e.sets, e.reps, e.hold_s, e.side, e.rpe, e.pain, e.pain_area
        )
        for e in body.entries
    ]
    # One thread hop, as for a single log (post_log)
    done = await run_in_threadpool(training.log_session, r.storage.uow(), r.name, entries, r.today)
    return [training_io.logged_dict(d) for d in done]


@router.post("/checkins", response_model=CheckinPublic)
def post_checkin(body: CheckinCreate, r: RunnerDep) -> dict[str, Any]:
    """Record the next-morning pain; it decides the day before's exercises (409 on a red flag)."""
    done = training.checkin(
        r.storage.uow(),
        r.name,
        body.date or r.today,
        body.morning_pain,
        body.area,
        body.symptoms,
        r.today,
        body.stiffness,
    )
    return training_io.checkin_dict(done)


@router.post("/retests", response_model=RetestPublic)
def post_retest(body: ResultsCreate, r: RunnerDep) -> dict[str, Any]:
    """Score a retest against the norms and the reference; it gates the next phase."""
    results, raw = _raw_results(body)
    return training_io.retest_dict(training.retest(r.storage.uow(), r.name, results, raw, r.today))


@router.get("/status", response_model=StatusPublic)
def get_status(r: RunnerDep) -> dict[str, Any]:
    """Phase, cycle and week; adherence; each exercise's dose and last decision; warnings."""
    return training_io.status_dict(training.status(r.storage.uow(), r.name, r.today))


@router.post("/clear", response_model=MessagePublic)
def post_clear(body: ClearCreate, r: RunnerDep) -> dict[str, Any]:
    """End a red-flag pause once a clinician has cleared the runner to train."""
    return {"message": training.clear(r.storage.uow(), r.name, body.confirm, r.today, body.by)}


@router.get(
    "/export", response_class=Response, responses={200: {"content": {"application/json": {}}}}
)
def get_export(r: RunnerDep) -> Response:
    """Every record of the runner as one JSON document (format_version 2)."""
    text = training.export(r.storage.uow(), r.name, r.today)
    return Response(
        text,
        media_type="application/json",
        headers={"content-disposition": f'attachment; filename="footcore-{r.name}.json"'},
    )


@router.post("/import", response_model=MessagePublic, status_code=201)
def post_import(
    request: Request,
    storage: StorageDep,
    body: Annotated[dict[str, Any], Body(description="A footcore export.")],
) -> dict[str, Any]:
    """Load a footcore export as this app's runner (409 if the runner exists already)."""
    stored = training.import_data(storage.uow(), json.dumps(body), "import", athlete_name(request))
    return {"message": f"imported runner '{stored}'"}
