"""What a run can be (domain/plausibility.py with import_limits.toml's numbers): every run within
the limits passes, and a run past any one limit is refused naming it."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from footcore.adapters.import_limits_file import plausibility
from footcore.domain.plausibility import implausible_run

LIMITS = plausibility()
TODAY = date(2026, 11, 16)
days = st.dates(min_value=LIMITS.earliest_date, max_value=TODAY)


@st.composite
def possible_runs(draw: st.DrawFn) -> tuple[date, float, float]:
    km = draw(st.floats(min_value=0.01, max_value=LIMITS.max_distance_km))
    fastest = km * (LIMITS.fastest_pace_s_per_km + 1)
    top = LIMITS.max_duration_hours * 3600
    # a pace slower than the fastest allowed, within the longest duration
    seconds = draw(st.floats(min_value=min(fastest, top), max_value=top))
    return draw(days), km * 1000, seconds


@given(possible_runs())
def test_a_run_within_every_limit_can_be_true(run: tuple[date, float, float]) -> None:
    day, metres, seconds = run
    if seconds / (metres / 1000) > LIMITS.fastest_pace_s_per_km:
        assert implausible_run(LIMITS, day, metres, seconds, TODAY) is None


@given(st.floats(min_value=LIMITS.max_distance_km + 0.1, max_value=1e7))
def test_a_run_longer_than_the_limit_is_refused_naming_it(km: float) -> None:
    found = implausible_run(LIMITS, TODAY, km * 1000, 3600, TODAY)
    assert found is not None and found.field == "km"
    assert f"{LIMITS.max_distance_km:,.0f} km limit" in found.reason


@given(st.floats(min_value=0.1, max_value=LIMITS.max_distance_km))
def test_a_pace_faster_than_the_limit_is_refused(km: float) -> None:
    seconds = km * LIMITS.fastest_pace_s_per_km * 0.999
    found = implausible_run(LIMITS, TODAY, km * 1000, seconds, TODAY)
    assert found is not None and found.field == "minutes" and "beyond any runner" in found.reason


def test_dates_before_gps_watches_or_after_today_are_refused() -> None:
    before = implausible_run(LIMITS, LIMITS.earliest_date - timedelta(days=1), 5000, 1800, TODAY)
    assert before is not None and before.field == "date"
    after = implausible_run(LIMITS, TODAY + timedelta(days=1), 5000, 1800, TODAY)
    assert after is not None and "after today (2026-11-16)" in after.reason
    # a file's UTC date may be a day ahead of the runner's today
    grace = timedelta(days=1)
    assert implausible_run(LIMITS, TODAY + grace, 5000, 1800, TODAY, grace) is None
    assert implausible_run(LIMITS, TODAY + 2 * grace, 5000, 1800, TODAY, grace) is not None


def test_a_run_with_no_distance_is_only_checked_for_date_and_duration() -> None:
    assert implausible_run(LIMITS, TODAY, 0, 1, TODAY) is None
    long = implausible_run(LIMITS, TODAY, 0, LIMITS.max_duration_hours * 3600 + 1, TODAY)
    assert long is not None and "hour" in long.reason
