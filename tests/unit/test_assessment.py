"""Scoring the baseline battery against the norms of evidence.md section 1."""

from __future__ import annotations

from typing import Any

import pytest

from footcore.bootstrap import knowledge
from footcore.domain.assessment import Finding, Standing, priorities, retest_change_is_real, score
from footcore.domain.profile import Sex
from footcore.domain.redflags import screen
from footcore.errors import RedFlagError
from tests.factories import NORMAL_RESULTS, a_profile, results

K = knowledge()


def finding(test: str, value: object, **profile: Any) -> Finding:
    (f,) = score(K.battery, results(**{test: value}), a_profile(**profile))
    return f


def test_battery_has_every_test_of_the_issue_with_a_protocol() -> None:
    ids = {t.id for t in K.battery}
    assert ids == {
        "single_leg_stance_eyes_open_s",
        "single_leg_stance_eyes_closed_s",
        "heel_raise_reps",
        "knee_to_wall_cm",
        "short_foot_hold_s",
        "paper_grip",
        "toe_yoga_hallux_lift",
        "toe_yoga_lesser_toes_lift",
    }
    assert all(len(t.protocol) >= 3 for t in K.battery)


def test_fourteen_heel_raises_is_below_the_norm_for_a_woman() -> None:
    f = finding("heel_raise_reps", 14.0, sex=Sex.FEMALE)
    assert f.standing_left is Standing.BELOW
    assert f.reference == 21.0
    assert "evidence:hebert_losier_2017" in f.sources
    assert f.grade == "A"


def test_the_same_heel_raises_are_within_for_a_woman_and_below_for_a_man() -> None:
    assert finding("heel_raise_reps", 17.0, sex=Sex.FEMALE).standing_left is Standing.WITHIN
    assert finding("heel_raise_reps", 17.0, sex=Sex.MALE).standing_left is Standing.BELOW


def test_single_leg_stance_norm_depends_on_age() -> None:
    assert finding("single_leg_stance_eyes_open_s", 18.0, age=30).standing_left is Standing.BELOW
    assert finding("single_leg_stance_eyes_open_s", 18.0, age=72).standing_left is Standing.WITHIN
    assert finding("single_leg_stance_eyes_open_s", 30.0, age=85).standing_left is Standing.ABOVE


def test_eyes_closed_norm_depends_on_sex() -> None:
    woman = finding("single_leg_stance_eyes_closed_s", 12.0, age=30, sex=Sex.FEMALE)
    man = finding("single_leg_stance_eyes_closed_s", 12.0, age=30, sex=Sex.MALE)
    assert woman.standing_left is Standing.WITHIN
    assert man.standing_left is Standing.BELOW


def test_a_secondary_source_norm_is_graded_as_such() -> None:
    assert finding("single_leg_stance_eyes_open_s", 40.0).grade == "S"
    assert finding("short_foot_hold_s", 20.0).grade == "none"


def test_a_teenager_is_compared_with_the_nearest_band_and_told_so() -> None:
    f = finding("heel_raise_reps", 20.0, age=14)
    assert f.standing_left is Standing.WITHIN
    f2 = finding("single_leg_stance_eyes_open_s", 40.0, age=14)
    assert f2.reference == 45.1


@pytest.mark.parametrize(
    ("test", "left", "right", "flagged"),
    [
        ("heel_raise_reps", 20.0, 26.0, False),  # 6 reps: inside the limits of agreement
        ("heel_raise_reps", 20.0, 26.5, True),
        ("knee_to_wall_cm", 10.0, 11.5, False),  # 1.5 cm: the between-limb MDC itself
        ("knee_to_wall_cm", 10.0, 11.6, True),
        ("paper_grip", "pass", "fail", True),
        ("toe_yoga_hallux_lift", True, True, False),
    ],
)
def test_a_side_difference_is_flagged_only_beyond_the_measurement_error(
    test: str, left: object, right: object, flagged: bool
) -> None:
    assert finding(test, (left, right)).asymmetry is flagged


def test_normal_results_give_no_priorities() -> None:
    found = score(K.battery, results(**NORMAL_RESULTS), a_profile())
    assert len(found) == len(K.battery)
    assert priorities(found) == ()


def test_findings_become_training_priorities_both_sides_below_first() -> None:
    found = score(
        K.battery,
        results(
            paper_grip=("pass", "fail"), heel_raise_reps=(10.0, 10.0), knee_to_wall_cm=(12.0, 12.0)
        ),
        a_profile(),
    )
    assert priorities(found) == ("calf_endurance", "toe_flexor_strength")


def test_a_lunge_retest_change_under_1_9_cm_is_noise() -> None:
    lunge = next(t for t in K.battery if t.id == "knee_to_wall_cm")
    assert not retest_change_is_real(lunge, 10.0, 11.8)
    assert retest_change_is_real(lunge, 10.0, 12.0)


def test_a_heel_raise_retest_change_of_six_is_noise() -> None:
    raise_test = next(t for t in K.battery if t.id == "heel_raise_reps")
    assert not retest_change_is_real(raise_test, 20.0, 26.0)
    assert retest_change_is_real(raise_test, 20.0, 27.0)


def test_every_red_flag_symptom_stops_the_program_with_a_referral() -> None:
    for symptom in K.red_flags:
        with pytest.raises(RedFlagError) as caught:
            screen([symptom], K.red_flags)
        assert caught.value.exit_code == 3
        assert "clinician" in caught.value.message
        assert caught.value.symptoms == (symptom,)


def test_no_symptom_passes_the_screen() -> None:
    screen([], K.red_flags)
