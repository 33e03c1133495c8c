"""Charts readable by default: the running and pain charts show the last weeks that hold data
(a run from 2010 does not stretch them to 2026), a single retest sits in a frame of weeks and
from zero, weekly bars stay one per week, and each chart draws well under a second."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from footcore.adapters.exporters.charts import _retests, render_chart
from footcore.domain.assessment import NormBand
from footcore.domain.profile import Sex
from footcore.domain.progress import LoadWeek, Progress, RetestPoint, RetestSeries

MONDAY = date(2026, 11, 16)


def weeks_of_running(n: int, last: date = MONDAY) -> tuple[LoadWeek, ...]:
    return tuple(
        LoadWeek(last - timedelta(weeks=n - 1 - i), 30_000.0 + 1000 * i, 4, None, False)
        for i in range(n)
    )


def progress_with_an_old_run() -> Progress:
    old = LoadWeek(date(2010, 10, 4), 6_270.0, 1, None, False)
    return Progress(load=(old, *weeks_of_running(20)))


def test_the_running_chart_shows_the_last_weeks_that_hold_data_one_bar_a_week() -> None:
    recent = progress_with_an_old_run().recent("load", 16)
    chart = render_chart("load", recent, "svg", web=True)
    starts = sorted(date.fromisoformat(x) for x, _ in chart.series["distance"])
    assert starts[0] == MONDAY - timedelta(weeks=15) and starts[-1] == MONDAY
    assert all(b - a == timedelta(weeks=1) for a, b in itertools.pairwise(starts))
    assert len(starts) == 16


def test_the_window_ends_at_the_last_week_with_data_not_today() -> None:
    only_old = Progress(load=weeks_of_running(3, last=date(2013, 5, 6)))
    kept = only_old.recent("load", 16).load
    assert [w.start for w in kept] == [w.start for w in only_old.load]


def test_a_single_retest_sits_in_weeks_of_dates_from_zero() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    band = NormBand(14, 39, frozenset({Sex.FEMALE}), 21.0, 15.0, 27.0)
    one = RetestSeries(
        "heel_raise_reps", "Heel raises", "reps", (RetestPoint(MONDAY, 18, 22),), band, None
    )
    fig = Figure(figsize=(8, 4.5))
    FigureCanvasAgg(fig)
    _retests(fig, Progress(retests=(one,)))
    ax = fig.axes[0]
    low, high = ax.get_ylim()
    assert low == 0 and 27 < high <= 27 * 1.2
    left, right = ax.get_xlim()
    assert right - left >= 28  # days: a frame of four weeks around the one date
