"""API: runs (typed in or uploaded as files), the running load, shoes and the minimalist ramp."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from footcore.entrypoints.http.api.schemas.running import (
    RampCreate,
    RunAddedPublic,
    RunCreate,
    RunsPublic,
    ShoeCreate,
    ShoePublic,
    UploadPublic,
)
from footcore.entrypoints.http.dependencies import RunnerDep
from footcore.entrypoints.http.shared import running_io
from footcore.presentation.runs import load_dict, run_dict, runs_dict
from footcore.presentation.shoes import ramp_dict, shoes_dict
from footcore.presentation.units import units_of
from footcore.services import running
from footcore.services.running_load import MAX_WEEKS

router = APIRouter(tags=["running"])
# The API takes the usual ways of writing yes for `confirm` (the page's checkbox sends "true").
CONFIRM_WORDS = ("true", "1", "yes", "on")


@router.get("/runs", response_model=RunsPublic)
def list_runs(
    r: RunnerDep, limit: Annotated[int, Query(ge=1, description="How many runs.")] = 20
) -> dict[str, Any]:
    """The latest runs, newest first, in the runner's units."""
    return runs_dict(running.list_runs(r.storage.uow(), r.name, r.today, limit))


@router.post("/runs", response_model=RunAddedPublic, status_code=201)
def add_run(body: RunCreate, r: RunnerDep) -> dict[str, Any]:
    """Store a run typed in; says when it is a spike and how long the foot plan eases off."""
    done = running.add_run(
        r.storage.uow(),
        r.name,
        day=body.date,
        km=body.km,
        minutes=body.minutes,
        as_of=r.today,
        rpe=body.rpe,
        shoe=body.shoe,
        surface=body.surface,
        at=body.time,
    )
    return {
        **run_dict(done, units_of(done.units)),
        "spike": done.spike,
        "restricted_until": done.restricted_until,
    }


UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "shoe": {"type": "string"},
                        "confirm": {
                            "type": "boolean",
                            "description": "Store runs from questionable files that would be "
                            "a large spike (refused with the reason otherwise).",
                        },
                    },
                }
            }
        },
    }
}


@router.post("/runs/upload", response_model=UploadPublic, openapi_extra=UPLOAD_BODY)
async def upload_runs(request: Request, r: RunnerDep) -> dict[str, Any]:
    """Import activity files (multipart `files`, several; `shoe` optional), each whole or not."""
    return await running_io.import_upload(
        request, r.storage.uow, r.name, r.today, lambda word: word.lower() in CONFIRM_WORDS
    )


@router.get("/load")
def get_load(
    r: RunnerDep, weeks: Annotated[int, Query(ge=1, le=MAX_WEEKS, description="Weeks shown.")] = 12
) -> dict[str, Any]:
    """Weekly load, single-run spikes, the acute:chronic ratio, the foot plan's restrictions."""
    return load_dict(running.load_report(r.storage.uow(), r.name, weeks, r.today))


@router.get("/shoes")
def get_shoes(r: RunnerDep) -> dict[str, Any]:
    """Every pair with its distance and reminder, the rotation, and the minimalist ramp."""
    return shoes_dict(running.shoes_report(r.storage.uow(), r.name, r.today))


@router.post("/shoes", response_model=ShoePublic, status_code=201)
def add_shoe(body: ShoeCreate, r: RunnerDep) -> Any:
    """Store a pair of shoes under a name of its own."""
    return running.add_shoe(
        r.storage.uow(),
        r.name,
        body.name,
        r.today,
        body.kind,
        body.drop_mm,
        body.stack_mm,
        body.weight_g,
        body.reminder_km,
    )


@router.post("/shoes/{shoe}/retire", response_model=ShoePublic)
def retire_shoe(shoe: str, r: RunnerDep) -> Any:
    """Retire a pair: its distance stays, its reminder stops."""
    return running.retire_shoe(r.storage.uow(), r.name, shoe, r.today)


@router.post("/ramp")
def start_ramp(body: RampCreate, r: RunnerDep) -> dict[str, Any]:
    """Start the minimalist transition (refused, naming what is missing, until it is offered)."""
    done = running.start_ramp(r.storage.uow(), r.name, body.target_km, r.today)
    return ramp_dict(done, units_of(done.units))
