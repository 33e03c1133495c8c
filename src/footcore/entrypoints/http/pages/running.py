"""Pages: runs (add one, upload files with a progress bar), the load view, shoes and the ramp."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from footcore.domain.footwear import ShoeKind
from footcore.entrypoints.http.dependencies import RunnerDep
from footcore.entrypoints.http.pages.templating import page
from footcore.entrypoints.http.security.csrf import token_of
from footcore.entrypoints.http.shared import forms, running_io
from footcore.errors import InputError
from footcore.presentation.runs import added_text, load_dict, runs_dict
from footcore.presentation.shoes import shoes_dict
from footcore.presentation.units import units_of
from footcore.services import running

router = APIRouter()


def _runs_page(
    request: Request, r: RunnerDep, added: str | None = None, status_code: int = 200
) -> Response:
    view = running.list_runs(r.storage.uow(), r.name, r.today)
    shoes = running.shoes_report(r.storage.uow(), r.name, r.today)
    return page(
        request,
        "runs.html",
        status_code=status_code,
        runs=runs_dict(view),
        shoes=[s.shoe.name for s in shoes.shoes if not s.shoe.retired],
        surfaces=running.SURFACES,
        units=units_of(view.units),
        today=r.today,
        added=added,
        upload_token=token_of(request.scope),
    )


@router.get("/runs")
def runs(request: Request, r: RunnerDep) -> Response:
    """Your runs: add one, upload watch files, the latest list."""
    return _runs_page(request, r)


@router.post("/runs")
async def add_run(request: Request, r: RunnerDep) -> Response:
    """Store a run typed in."""
    form = await request.form()
    units = units_of(running.list_runs(r.storage.uow(), r.name, r.today, 1).units)
    distance = forms.number(form, "distance", "distance")
    minutes = forms.number(form, "minutes", "minutes")
    if distance is None or minutes is None:
        raise InputError("give the distance and the minutes of the run", "distance")
    at = forms.text(form, "time")
    done = await run_in_threadpool(
        running.add_run,
        r.storage.uow(),
        r.name,
        day=forms.day(form, "date", r.today),
        km=units.to_metres(distance) / 1000,
        minutes=minutes,
        as_of=r.today,
        rpe=forms.whole(form, "rpe"),
        shoe=forms.text(form, "shoe") or None,
        surface=forms.text(form, "surface") or None,
        at=forms.clock(form, "time") if at else None,
    )
    return _runs_page(request, r, added=added_text(done))


@router.post("/runs/upload")
async def upload(request: Request, r: RunnerDep) -> Response:
    """Import files without JavaScript (with it, the page posts to the API and shows progress)."""
    result = await running_io.import_upload(
        request, r.storage.uow, r.name, r.today, lambda word: word == "true"
    )
    return page(request, "import_done.html", result=result)


@router.get("/load")
def load(request: Request, r: RunnerDep, weeks: int = 12) -> Response:
    """Weekly load, spikes, the acute:chronic ratio in context, and the foot plan's restrictions."""
    report = load_dict(running.load_report(r.storage.uow(), r.name, weeks, r.today))
    return page(request, "load.html", load=report, weeks=weeks)


@router.get("/shoes")
def shoes(request: Request, r: RunnerDep) -> Response:
    """Your shoes, the rotation and the minimalist transition."""
    return _shoes_page(request, r)


def _shoes_page(request: Request, r: RunnerDep, message: str | None = None) -> Response:
    report = shoes_dict(running.shoes_report(r.storage.uow(), r.name, r.today))
    return page(
        request, "shoes.html", report=report, kinds=[k.value for k in ShoeKind], message=message
    )


@router.post("/shoes")
async def add_shoe(request: Request, r: RunnerDep) -> Response:
    """Store a pair."""
    form = await request.form()
    done = await run_in_threadpool(
        running.add_shoe,
        r.storage.uow(),
        r.name,
        forms.text(form, "name"),
        r.today,
        forms.text(form, "kind") or "neutral",
        forms.number(form, "drop_mm"),
        forms.number(form, "stack_mm"),
        forms.number(form, "weight_g"),
        forms.number(form, "reminder_km"),
    )
    return _shoes_page(request, r, f"Added {done.name} ({done.kind}).")


@router.post("/shoes/retire")
async def retire_shoe(request: Request, r: RunnerDep) -> Response:
    """Retire a pair."""
    form = await request.form()
    done = await run_in_threadpool(
        running.retire_shoe, r.storage.uow(), r.name, forms.text(form, "name"), r.today
    )
    return _shoes_page(request, r, f"Retired {done.name}; its distance stays on record.")


@router.post("/shoes/ramp")
async def start_ramp(request: Request, r: RunnerDep) -> Response:
    """Start the minimalist transition."""
    form = await request.form()
    target = forms.number(form, "target_km", "target_km")
    if target is None:
        raise InputError("give your weekly goal in minimalist shoes, in km", "target_km")
    await run_in_threadpool(running.start_ramp, r.storage.uow(), r.name, target, r.today)
    return _shoes_page(request, r, "The minimalist transition has started.")
