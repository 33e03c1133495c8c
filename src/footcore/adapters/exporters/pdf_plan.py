"""The printable plan as PDF bytes (reportlab platypus), in this page order:

    1 cover         the runner, findings with their evidence grade, priorities, warnings
    W weeks         one page per week, each exercise with a box to tick
    E cards         one page per exercise of the printed weeks: cues, dose, progression, why
    ceil(W/2) logs  a log sheet of two weeks per page: done, pain during, next-morning pain
    ceil(C/2)       progress charts, two per page, only for the charts that have data

Every page is one page: content that would overflow is shrunk to fit, never spilled, so the
page count above holds for any plan.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import BaseDocTemplate, Frame, Image, PageBreak, PageTemplate

from footcore.adapters.exporters.charts import KINDS, has_data, render_chart
from footcore.adapters.exporters.pdf_cover import cover
from footcore.adapters.exporters.pdf_pages import Context, exercise_card, log_page, week_page
from footcore.adapters.exporters.pdf_style import (
    FONT,
    MARGIN,
    MUTED,
    one_page,
    page_size,
    para,
    register_fonts,
)
from footcore.adapters.pictures.pdf import picture_drawing
from footcore.domain.catalog import Catalog
from footcore.domain.pictures import Picture
from footcore.domain.plan import Plan, Prescription, Week
from footcore.domain.profile import Profile
from footcore.domain.progress import Progress
from footcore.errors import InputError

WEEKS_PER_LOG_PAGE = 2
CHARTS_PER_PAGE = 2


@dataclass(frozen=True)
class PrintOptions:
    paper: str = "a4"
    first_week: int = 1  # plan week to start printing at
    weeks: int | None = None  # how many weeks to print; None = to the end of the plan
    name: str = ""
    labels: Mapping[str, str] = field(default_factory=dict)  # training quality -> words
    progress: Progress | None = None  # charts are printed for the kinds that have data
    printed: date | None = None  # the date on the cover; today when None
    pictures: Mapping[str, Picture] = field(default_factory=dict)  # exercise id -> its picture


def select_weeks(plan: Plan, first: int, count: int | None) -> tuple[Week, ...]:
    """The weeks to print; an input error when that leaves none."""
    chosen = [w for w in plan.weeks if w.index >= first]
    if count is not None:
        if count < 1:
            raise InputError(f"{count} weeks is too few to print; give 1 or more", "weeks")
        chosen = chosen[:count]
    if not chosen:
        raise InputError(f"the plan has no week {first}; it has weeks 1-{len(plan.weeks)}")
    return tuple(chosen)


def card_doses(weeks: Sequence[Week]) -> dict[str, list[tuple[Week, Prescription]]]:
    """Each exercise of the printed weeks (in order of first appearance) with its prescriptions."""
    out: dict[str, list[tuple[Week, Prescription]]] = {}
    for week in weeks:
        for session in week.sessions:
            for p in session.items:
                out.setdefault(p.exercise, []).append((week, p))
    return out


def chart_kinds(progress: Progress | None) -> list[str]:
    """The chart kinds that have data: only these are printed."""
    return [] if progress is None else [k for k in KINDS if has_data(k, progress)]


def chart_pngs(progress: Progress | None) -> list[bytes]:
    if progress is None:
        return []
    return [render_chart(kind, progress, "png", dpi=200).image for kind in chart_kinds(progress)]


def page_count(weeks: int, exercises: int, charts: int) -> int:
    return 1 + weeks + exercises + -(-weeks // WEEKS_PER_LOG_PAGE) + -(-charts // CHARTS_PER_PAGE)


def _chart_image(png: bytes, width: float, height: float) -> Image:
    img = Image(io.BytesIO(png))
    scale = min(width / img.imageWidth, height / img.imageHeight)
    return Image(io.BytesIO(png), width=img.imageWidth * scale, height=img.imageHeight * scale)


def plan_pdf(
    plan: Plan, catalog: Catalog, profile: Profile, options: PrintOptions = PrintOptions()
) -> bytes:
    """The plan as a PDF; see the module docstring for its pages."""
    register_fonts()
    page_w, page_h = page_size(options.paper)
    weeks = select_weeks(plan, options.first_week, options.weeks)
    frame_w, frame_h = page_w - 2 * MARGIN, page_h - 2 * MARGIN
    ctx = Context(frame_w, options.labels, catalog)
    printed = options.printed or date.today()
    title = "footcore plan" + (f": {options.name}" if options.name else "")

    pages: list[list[Any]] = [cover(plan, profile, weeks, options.name, printed, ctx)]
    pages += [week_page(w, ctx) for w in weeks]
    for ex_id, doses in card_doses(weeks).items():
        ex = catalog.get(ex_id) if ex_id in catalog else None
        if ex is not None:
            card = exercise_card(ex, doses, ctx)
            if ex_id in options.pictures:
                # The steps drawn under the name and the one-line facts, a third of the page.
                card.insert(2, picture_drawing(options.pictures[ex_id], frame_w, frame_h / 3, FONT))
            pages.append(card)
    pages += [
        log_page(weeks[i : i + WEEKS_PER_LOG_PAGE], ctx)
        for i in range(0, len(weeks), WEEKS_PER_LOG_PAGE)
    ]
    pngs = chart_pngs(options.progress)
    for i in range(0, len(pngs), CHARTS_PER_PAGE):
        group = pngs[i : i + CHARTS_PER_PAGE]
        height = (frame_h - 40) / CHARTS_PER_PAGE
        pages.append(
            [para("Progress", "h1"), *(_chart_image(png, frame_w, height - 6) for png in group)]
        )

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, MARGIN / 2, title)
        canvas.drawRightString(page_w - MARGIN, MARGIN / 2, f"page {doc.page}")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=(page_w, page_h),
        title=title,
        author="footcore",
        subject="foot-and-ankle training plan",
        creator="footcore",
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        invariant=1,
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        frame_w,
        frame_h,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="page",
    )
    doc.addPageTemplates([PageTemplate(id="plan", frames=[frame], onPage=footer)])
    story: list[Any] = []
    for n, flowables in enumerate(pages):
        if n:
            story.append(PageBreak())
        # A hair smaller than the frame, so that rounding never pushes a full page over.
        story.append(one_page(flowables, (frame_w, frame_h - 0.02 * inch)))
    doc.build(story)
    return buf.getvalue()
