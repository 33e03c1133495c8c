"""Progress charts for the web: the exports adapter draws them (SVG); this serves them."""

from __future__ import annotations

from starlette.responses import Response

from footcore.domain.progress import Progress
from footcore.entrypoints.web.progress_view import RunsReader

KINDS = ("retests", "adherence", "pain", "load")
TITLES = {
    "retests": "Retests against the norm band for your age and sex",
    "adherence": "Sessions planned and done, per week",
    "pain": "Pain during sessions and the next morning",
    "load": "Weekly running distance, spiky weeks marked",
}
# An SVG shown as an image runs no script; its own styles need 'unsafe-inline' in its own CSP.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def svg_response(kind: str, progress: Progress) -> Response:
    from footcore.adapters.exporters.charts import check_kind, render_chart

    chart = render_chart(check_kind(kind), progress, fmt="svg")
    return Response(chart.image, media_type="image/svg+xml",
                    headers={"content-security-policy": SVG_CSP})


def runs_reader() -> RunsReader | None:
    """The stored runs, once the running-load service exists."""
    return None
