"""What every progress chart is and draws with: the kinds, titles and file types, the drawn
`Chart`, the print and web sizes, lines and weekly bars that return the series as drawn, text that
fits the chart, date axes and a legend under the plot.

matplotlib is imported inside the functions (never pyplot), as in charts.py.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from footcore.errors import InputError

KINDS = ("retests", "adherence", "pain", "load")
SUFFIXES = (".png", ".svg")
NO_DATA = {
    "retests": "No data yet: no assessment or retest results in this period.",
    "adherence": "No data yet: no planned sessions in this period.",
    "pain": "No data yet: no pain recorded in sessions or morning check-ins in this period.",
    "load": "No data yet: no runs in this period.",
}
TITLES = {
    "retests": "Retests against the norm for your age and sex",
    "adherence": "Sessions planned and done, per week",
    "pain": "Pain during sessions and the next morning (0-10)",
    "load": "Weekly running distance",
}

Series = tuple[tuple[str, float], ...]
PRINT_SIZE = (8.0, 4.5)  # inches
# On the web the SVG is drawn 360 pt wide and shown at the screen's width: on a 390 px phone
# (about 350 px of chart) one point is about one pixel, so 13 pt text is at least 12 px.
WEB_SIZE = (5.0, 3.8)
WEB_FONT_PT = 13.0


@dataclass(frozen=True)
class Chart:
    """A drawn chart: its bytes, and per series the (x, y) points as drawn (x as ISO dates)."""

    kind: str
    fmt: str
    image: bytes
    series: Mapping[str, Series] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.series


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InputError(f"unknown chart kind '{kind}'; accepted: {', '.join(KINDS)}")
    return kind


def iso(x: Any) -> str:
    return x.isoformat() if isinstance(x, date) else str(x)


def plot_line(ax: Any, xs: Sequence[date], ys: Sequence[float], **style: Any) -> Series:
    (line,) = ax.plot(xs, ys, **style)
    return tuple(
        (iso(x), float(y))
        for x, y in zip(line.get_xdata(orig=True), line.get_ydata(orig=True), strict=True)
    )


def plot_bars(ax: Any, weeks: Sequence[date], ys: Sequence[float], **style: Any) -> Series:
    """Bars centred on the middle of each week (Thursday), keyed by the week's first day."""
    bars = ax.bar([w + timedelta(days=3) for w in weeks], ys, **style)
    return tuple((iso(w), float(rect.get_height())) for w, rect in zip(weeks, bars, strict=True))


def small_text() -> float:
    """The size of legends and labels on bars: the print's small text, the web's 12 px."""
    from matplotlib import rcParams

    return float(rcParams["legend.fontsize"])


def wrapped(text: str) -> str:
    """Long labels broken into lines that fit the chart's width (narrower on the web)."""
    from matplotlib import rcParams

    width = 36 if float(rcParams["font.size"]) >= WEB_FONT_PT else 90
    return "\n".join(textwrap.fill(line, width) for line in text.split("\n"))


def date_axis(ax: Any) -> None:
    from matplotlib import rcParams
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    most = 4 if float(rcParams["font.size"]) >= WEB_FONT_PT else 8
    locator = AutoDateLocator(minticks=2, maxticks=most)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def legend_below(fig: Any) -> None:
    """The legend under the plot, where it never hides a bar or a point."""
    handles, labels = [], []
    for ax in fig.axes:
        h, lab = ax.get_legend_handles_labels()
        handles += h
        labels += [wrapped(x) for x in lab]
    fig.legend(handles, labels, loc="outside lower center", ncols=2, frameon=False)
