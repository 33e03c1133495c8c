"""Pages: progress (retests against norm bands, adherence, pain, weekly load) with SVG charts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from footcore.entrypoints.web import charts
from footcore.entrypoints.web.deps import AthleteDep, KnowledgeDep, StorageDep, TodayDep
from footcore.entrypoints.web.progress_view import stored_progress
from footcore.entrypoints.web.templating import page
from footcore.services import training

router = APIRouter()


@router.get("/progress")
def progress(request: Request, k: KnowledgeDep, name: AthleteDep, storage: StorageDep,
             today: TodayDep) -> Response:
    """Where the runner stands, and the four charts."""
    status = training.status(storage.uow(), name, today)
    series = stored_progress(storage, name, today, charts.runs_reader())
    return page(request, "progress.html", status=status, progress=series, kinds=charts.KINDS,
                titles=charts.TITLES)


@router.get("/progress/chart/{kind}.svg")
def chart(request: Request, kind: str, name: AthleteDep, storage: StorageDep,
          today: TodayDep) -> Response:
    """One progress chart as SVG (drawn again only after the data changed)."""
    return charts.cached_svg(request.app.state.page_cache, storage, kind, name, today)
