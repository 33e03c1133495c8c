"""Progress charts as PNG or SVG: retests against their norm band, sessions done per week, pain
over time, and weekly running distance with the spiky weeks marked.

matplotlib is imported inside the functions and drawn through its Agg canvas on a bare Figure
(never pyplot), so `footcore --help` does not pay for it and a web server can draw from several
threads. A chart returns the series it drew, read back from the drawn lines and bars, so a test
of the series is a test of the picture. A period without data gives a chart that says so.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from footcore.adapters.adaptation_rules_file import load_adaptation_rules
from footcore.adapters.exporters.chart_kit import (
    KINDS,
    NO_DATA,
    PRINT_SIZE,
    SUFFIXES,
    TITLES,
    WEB_FONT_PT,
    WEB_SIZE,
    Chart,
    Series,
    check_kind,
    date_axis,
    legend_below,
    plot_bars,
    plot_line,
    small_text,
    wrapped,
)
from footcore.domain.assessment import NormBand
from footcore.domain.distances import M_PER_KM, M_PER_MI
from footcore.domain.progress import LoadWeek, Progress
from footcore.errors import InputError

_DRAWING = threading.Lock()

# Chart, KINDS, SUFFIXES and check_kind live in chart_kit; callers find them here, with the charts.
__all__ = ["KINDS", "SUFFIXES", "Chart", "check_kind", "has_data", "render_chart"]


def _band_label(band: NormBand) -> str:
    """'norm, female, ages 14-39': the sex only when the band is for one sex."""
    sex = f"{next(iter(band.sexes)).value}, " if len(band.sexes) == 1 else ""
    return f"norm, {sex}ages {band.min_age}-{band.max_age}"


def _retests(fig: Any, p: Progress) -> dict[str, Series]:
    out: dict[str, Series] = {}
    n = len(p.retests)
    narrow = fig.get_figwidth() < PRINT_SIZE[0]
    cols = 2 if n > 1 and not narrow else 1
    rows = -(-n // cols)
    width = fig.get_figwidth() if narrow else (10 if cols == 2 else 8)
    fig.set_size_inches(width, 1.0 + 2.8 * rows)
    # One date axis for all: the dates of a retest are the same for every test, and labels drawn
    # once (under each column) halve the text the layout has to measure.
    axes = fig.subplots(rows, cols, squeeze=False, sharex=True)
    for ax, r in zip(axes.flat, p.retests, strict=False):
        ax.set_title(wrapped(f"{r.name} ({r.unit})"))
        if r.band is not None:
            span = ax.axhspan(
                r.band.low, r.band.high, color="tab:green", alpha=0.15, label=_band_label(r.band)
            )
            ax.axhline(r.band.reference, color="tab:green", linestyle="--", linewidth=1)
            low, high = float(span.get_y()), float(span.get_y() + span.get_height())
            out[f"{r.test}.norm"] = (
                ("low", low),
                ("reference", float(r.band.reference)),
                ("high", high),
            )
        for side, marker, color in (("left", "o", "tab:blue"), ("right", "s", "tab:orange")):
            pts = [(pt.date, getattr(pt, side)) for pt in r.points if getattr(pt, side) is not None]
            if pts:
                out[f"{r.test}.{side}"] = plot_line(
                    ax,
                    [d for d, _ in pts],
                    [v for _, v in pts],
                    marker=marker,
                    color=color,
                    label=side,
                )
        _sensible_axes(ax, r)
        date_axis(ax)
        ax.legend(loc="best")
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    return out


def _sensible_axes(ax: Any, r: Any) -> None:
    """A retest's axes from zero to a little over its highest value or norm, and at least four
    weeks of dates, so that a single retest is a point in a readable frame, not a lone dot on an
    axis of hours."""
    days = [pt.date for pt in r.points]
    values = [float(v) for pt in r.points for v in (pt.left, pt.right) if v is not None]
    if r.band is not None:
        values.append(float(r.band.high))
    if values:
        ax.set_ylim(0, max(values) * 1.15 or 1)
    if days and (max(days) - min(days)).days < 28:
        middle = min(days) + (max(days) - min(days)) / 2
        ax.set_xlim(middle - timedelta(days=14), middle + timedelta(days=14))


def _adherence(fig: Any, p: Progress) -> dict[str, Series]:
    ax = fig.subplots()
    weeks = p.adherence
    starts = [w.start for w in weeks]
    planned = plot_bars(
        ax, starts, [w.planned for w in weeks], width=6, color="0.85", label="planned"
    )
    done = plot_bars(ax, starts, [w.done for w in weeks], width=3.5, color="tab:blue", label="done")
    for w in weeks:
        if w.percent is not None:
            ax.annotate(
                f"{w.percent:.0f}%",
                (w.start + timedelta(days=3), max(w.planned, w.done)),
                ha="center",
                va="bottom",
                fontsize=small_text(),
                xytext=(0, 2),
                textcoords="offset points",
            )
    ax.set_ylabel("sessions")
    date_axis(ax)
    legend_below(fig)
    return {"planned": planned, "done": done}


def _pain(fig: Any, p: Progress) -> dict[str, Series]:
    ax = fig.subplots()
    out: dict[str, Series] = {}
    # The pain-monitoring model's ceiling (Silbernagel 2007), as adaptation decides with it.
    acceptable = load_adaptation_rules().acceptable_max
    ax.axhspan(acceptable, 10, color="tab:red", alpha=0.08)
    ax.axhline(
        acceptable,
        color="tab:red",
        linewidth=1,
        linestyle="--",
        label=f"{acceptable}/10: the most that is acceptable (Silbernagel 2007)",
    )
    for key, points, marker, label in (
        ("during", p.pain.during, "o", "during the session"),
        ("next_morning", p.pain.next_morning, "s", "next morning"),
    ):
        if points:
            out[key] = plot_line(
                ax,
                [x.date for x in points],
                [x.pain for x in points],
                marker=marker,
                markersize=4,
                label=label,
            )
    ax.set_ylim(0, 10)
    ax.set_ylabel("pain (0-10)")
    date_axis(ax)
    legend_below(fig)
    return out


def _bands(weeks: Sequence[LoadWeek]) -> list[str]:
    found = {w.worst_spike for w in weeks if w.worst_spike is not None}
    return [b.value for b in sorted(found, key=lambda b: b.rank)] or ["restricting"]


def _load(fig: Any, p: Progress) -> dict[str, Series]:
    ax = fig.subplots()
    per_unit = M_PER_MI if p.units == "mi" else M_PER_KM
    plain = [w for w in p.load if not w.marked]
    marked = [w for w in p.load if w.marked]
    out = {
        "distance": tuple(
            sorted(
                plot_bars(
                    ax,
                    [w.start for w in plain],
                    [w.distance_m / per_unit for w in plain],
                    width=5,
                    color="tab:blue",
                    label="week",
                )
                + plot_bars(
                    ax,
                    [w.start for w in marked],
                    [w.distance_m / per_unit for w in marked],
                    width=5,
                    color="tab:red",
                    hatch="//",
                    label=f"week with a {' or '.join(_bands(marked))} single-run spike"
                    " (the foot plan paused plyometric and heavy items)",
                )
            )
        )
    }
    out["marked"] = tuple((w.start.isoformat(), w.distance_m / per_unit) for w in marked)
    for w in marked:
        band = w.worst_spike.value if w.worst_spike else ""
        ax.annotate(
            band,
            (w.start + timedelta(days=3), w.distance_m / per_unit),
            ha="center",
            va="bottom",
            fontsize=small_text(),
            xytext=(0, 2),
            textcoords="offset points",
        )
    ax.set_ylabel(p.units)
    date_axis(ax)
    legend_below(fig)
    if not marked:
        del out["marked"]
    return out


_DRAW: dict[str, Callable[[Any, Progress], dict[str, Series]]] = {
    "retests": _retests,
    "adherence": _adherence,
    "pain": _pain,
    "load": _load,
}


def has_data(kind: str, p: Progress) -> bool:
    """Whether the chart of this kind has anything to draw (else it says there is no data)."""
    if kind == "retests":
        return bool(p.retests)
    if kind == "adherence":
        return any(w.planned or w.done for w in p.adherence)
    if kind == "pain":
        return not p.pain.empty
    return bool(p.load)


def render_chart(
    kind: str,
    progress: Progress,
    fmt: str = "png",
    dpi: int = 100,
    subtitle: str = "",
    web: bool = False,
) -> Chart:
    """Draw one chart kind from the progress series; `fmt` is png or svg. `web` draws it for a
    phone first: a narrow figure whose every text is at least 12 px when it fills a 390 px
    screen (its SVG scales by its viewBox)."""
    check_kind(kind)
    if fmt not in ("png", "svg"):
        raise InputError(f"unknown chart format '{fmt}'; accepted: png, svg")
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # Text stays text in SVG (searchable, small); a fixed hash salt keeps SVG ids reproducible.
    size, base, small = (WEB_SIZE, WEB_FONT_PT, WEB_FONT_PT) if web else (PRINT_SIZE, 9.0, 7.5)
    style: dict[Any, Any] = {
        "svg.fonttype": "none",
        "svg.hashsalt": "footcore",
        "font.size": base,
        "legend.fontsize": small,
        "axes.titlesize": base if web else 10.0,
        "figure.titlesize": base * 1.1 if web else "large",
    }
    # rcParams are one per process: two threads drawing at once (the web app's thread pool) would
    # each restore the other's settings mid-drawing (text turned to paths, the print's sizes).
    with _DRAWING, rc_context(style):
        fig = Figure(figsize=size, layout="constrained")
        FigureCanvasAgg(fig)
        title = wrapped(TITLES[kind] + (f"\n{subtitle}" if subtitle else ""))
        series: dict[str, Series] = {}
        if has_data(kind, progress):
            fig.suptitle(title)
            series = _DRAW[kind](fig, progress)
        else:
            fig.suptitle(title)
            fig.text(
                0.5,
                0.5,
                NO_DATA[kind],
                ha="center",
                va="center",
                fontsize=max(12.0, base),
                color="0.35",
            )
        buf = io.BytesIO()
        metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata)
    return Chart(kind, fmt, buf.getvalue(), series)
