"""The roster's pure rules: compliance colours at their edges and the alerts raised from facts."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from footcore.adapters.team_file import team_policy
from footcore.domain.roster import Colour, Facts, adherence, alerts, colour, pain_trend

C = team_policy().compliance
RULES = team_policy().alerts
TODAY = date(2026, 11, 16)


def day(back: int) -> date:
    return TODAY - timedelta(days=back)


def test_trainingpeaks_colours_at_their_edges() -> None:
    cases = {
        79: Colour.YELLOW,
        80: Colour.GREEN,
        120: Colour.GREEN,
        121: Colour.YELLOW,
        150: Colour.YELLOW,
        151: Colour.RED,
        50: Colour.YELLOW,
        49: Colour.RED,
    }
    for percent, expected in cases.items():
        assert colour(percent, C) is expected, percent
    assert colour(None, C) is Colour.NONE
    assert adherence(3, 4) == 75 and adherence(0, 0) is None


@given(st.integers(min_value=0, max_value=400))
def test_every_percentage_has_exactly_one_colour(percent: int) -> None:
    got = colour(percent, C)
    assert got is not Colour.NONE
    assert (got is Colour.GREEN) == (80 <= percent <= 120)


def test_pain_of_seven_is_critical_and_a_rise_of_two_is_high() -> None:
    critical = alerts(Facts(TODAY, {day(2): 3, day(1): 7}, last_activity=day(1)), RULES)
    assert [(a.kind, a.severity) for a in critical] == [("pain", "critical")]
    rise = alerts(Facts(TODAY, {day(2): 3, day(1): 5}, last_activity=day(1)), RULES)
    assert [(a.kind, a.severity) for a in rise] == [("pain", "high")]
    assert alerts(Facts(TODAY, {day(2): 3, day(1): 4}, last_activity=day(1)), RULES) == []


def test_engagement_grades_by_days_without_activity() -> None:
    def level(back: int) -> list[str]:
        return [a.key.split(":")[0] for a in alerts(Facts(TODAY, last_activity=day(back)), RULES)]

    assert level(1) == []
    assert level(2) == ["engagement_low"]
    assert level(14) == ["engagement_stalled"]
    assert level(21) == ["engagement_dropped"]


def test_red_flags_failed_retests_and_spike_restrictions_raise_alerts() -> None:
    facts = Facts(
        TODAY,
        pause=(day(3), "see a clinician"),
        retests=((day(40), True), (day(20), False), (day(5), False)),
        last_activity=day(0),
        restriction=(day(1), "a run 40% longer than the longest of 30 days"),
    )
    kinds = [(a.kind, a.severity) for a in alerts(facts, RULES)]
    assert kinds == [("red_flag", "critical"), ("retest", "high"), ("running", "high")]
    one_fail = Facts(TODAY, retests=((day(20), True), (day(5), False)), last_activity=day(0))
    assert alerts(one_fail, RULES) == []


def test_pain_trend_compares_the_last_week_with_the_one_before() -> None:
    week = team_policy().roster.pain_window_days
    assert pain_trend({day(1): 4, day(9): 2}, TODAY, week) == (4, "rising")
    assert pain_trend({day(1): 1, day(9): 2}, TODAY, week) == (1, "falling")
    assert pain_trend({day(1): 2}, TODAY, week) == (2, "unknown")
    assert pain_trend({}, TODAY, week) == (None, "unknown")
