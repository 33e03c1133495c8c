"""Progress charts for the web: the exports adapter draws them (SVG); this serves them."""

from __future__ import annotations

from datetime import date

from starlette.responses import Response

from footcore.domain.progress import Progress
from footcore.entrypoints.web.cache import PageCache
from footcore.entrypoints.web.progress_view import RunsReader
from footcore.entrypoints.web.storage import Storage

KINDS = ("retests", "adherence", "pain", "load")
TITLES = {
    "retests": "Retests against the norm band for your age and sex",
    "adherence": "Sessions planned and done, per week",
    "pain": "Pain during sessions and the next morning",
    "load": "Weekly running distance, spiky weeks marked",
}
# An SVG shown as an image runs no script; its own styles need 'unsafe-inline' in its own CSP.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def svg(kind: str, progress: Progress) -> bytes:
    from footcore.adapters.exporters.charts import check_kind, render_chart

    return render_chart(check_kind(kind), progress, fmt="svg").image


def svg_response(image: bytes) -> Response:
    return Response(image, media_type="image/svg+xml",
                    headers={"content-security-policy": SVG_CSP})


def cached_svg(cache: PageCache, storage: Storage, kind: str, name: str, today: date
               ) -> Response:
    """A chart of the stored progress; kept until the database changes."""
    from footcore.adapters.exporters.charts import check_kind

    check_kind(kind)
    state = storage.signature()
    key = None if state is None else ("chart", kind, name, today, state)
    image = cache.get(key) if key is not None else None
    if image is None:
        from footcore.entrypoints.web.progress_view import stored_progress

        image = svg(kind, stored_progress(storage, name, today, runs_reader()))
        if key is not None:
            cache.put(key, image)
    return svg_response(image)


def runs_reader() -> RunsReader | None:
    """The stored runs, once the running-load service exists."""
    return None
