"""A side difference equal to the measurement error is noise, compared as the decimals the runner
entered (2.2 - 0.7 is 1.5, not 1.5000000000000002), and the printed words agree; the heel-raise
test is done the way its norm was measured (a 10-degree incline)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from footcore.adapters.assessment_files import load_battery
from footcore.bootstrap import knowledge
from footcore.domain.assessment import change, exceeds, retest_change_is_real, score
from footcore.presentation.findings import findings_text
from tests.factories import NORMAL_RESULTS, a_profile, results

BATTERY = {t.id: t for t in load_battery()}


def test_a_1_5_cm_difference_is_within_the_1_5_cm_error_whatever_the_float() -> None:
    assert abs(2.2 - 0.7) > 1.5  # the float trap this guards against
    [f] = [
        f
        for f in score(tuple(BATTERY.values()), results(knee_to_wall_cm=(0.7, 2.2)), a_profile())
        if f.test == "knee_to_wall_cm"
    ]
    assert not f.asymmetry and f.difference == 1.5
    text = findings_text([f], [], {})
    assert "more than the test's measurement error" not in text


def test_a_1_6_cm_difference_is_beyond_it_and_says_so() -> None:
    found = score(tuple(BATTERY.values()), results(knee_to_wall_cm=(0.6, 2.2)), a_profile())
    [f] = [f for f in found if f.test == "knee_to_wall_cm"]
    assert f.asymmetry
    assert "differ by 1.6 cm, more than the test's measurement error (1.5 cm)" in findings_text(
        [f], [], {}
    )


@given(tenths=st.integers(0, 400), step=st.integers(-30, 30))
def test_a_difference_is_beyond_the_error_exactly_when_its_decimals_are(
    tenths: int, step: int
) -> None:
    left, right = tenths / 10, (tenths + step) / 10
    assert exceeds(abs(change(left, right)), 1.5) == (abs(step) > 15)


def test_a_retest_change_equal_to_the_noise_is_not_real() -> None:
    lunge = BATTERY["knee_to_wall_cm"]
    noise = lunge.retest_noise
    assert not retest_change_is_real(lunge, 0.7, round(0.7 + noise, 1))
    assert retest_change_is_real(lunge, 0.7, round(0.8 + noise, 1))


def test_the_heel_raise_is_tested_on_the_incline_its_medians_come_from() -> None:
    heel = BATTERY["heel_raise_reps"]
    assert any("10 degrees" in step for step in heel.protocol)
    assert not any("flat floor" in step and "Stand" in step for step in heel.protocol)
    assert heel.norm is not None and "10-degree incline" in heel.norm.basis
    [f] = [
        f
        for f in score(tuple(BATTERY.values()), results(**NORMAL_RESULTS), a_profile())
        if f.test == "heel_raise_reps"
    ]
    assert "10-degree incline" in f.note
    assert knowledge().battery  # the battery loads with the changed protocol
