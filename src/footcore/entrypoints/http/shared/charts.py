"""Progress charts for the web: the exports service draws them (SVG); this caches and serves."""

from __future__ import annotations

from datetime import date

from starlette.responses import Response

from footcore.entrypoints.http.shared.cache import PageCache
from footcore.entrypoints.http.storage import Storage

KINDS = ("retests", "adherence", "pain", "load")
TITLES = {
    "retests": "Retests against the norm band for your age and sex",
    "adherence": "Sessions planned and done, per week",
    "pain": "Pain during sessions and the next morning",
    "load": "Weekly running distance, spiky weeks marked",
}
# An SVG shown as an image runs no script; its own styles need 'unsafe-inline' in its own CSP.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def svg_response(image: bytes) -> Response:
    return Response(image, media_type="image/svg+xml", headers={"content-security-policy": SVG_CSP})


def chart_svg(cache: PageCache, storage: Storage, kind: str, name: str, today: date) -> bytes:
    """A chart of the stored progress, drawn again only after the database changed."""
    from footcore.adapters.exporters.charts import check_kind
    from footcore.services.exports import chart_for_athlete

    check_kind(kind)
    state = storage.signature()
    key = None if state is None else ("chart", kind, name, today, state)
    image = cache.get(key) if key is not None else None
    if image is None:
        image = chart_for_athlete(storage.uow(), name, kind, "svg", today, web=True).image
        if key is not None:
            cache.put(key, image)
    return image
