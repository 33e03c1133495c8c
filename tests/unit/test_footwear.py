"""Shoes and the minimalist ramp: distance per pair, soft reminders, rotation, ramp states."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.adapters.datafiles import read_toml
from footcore.adapters.load_rules_file import (
    build_footwear_rules,
    build_load_rules,
    parse_load_rules,
)
from footcore.domain.assessment import Finding, Standing
from footcore.domain.footwear import (
    FootwearRules,
    Shoe,
    ShoeKind,
    distance_by_shoe,
    retirement_reminders,
    rotation_summary,
)
from footcore.domain.load import LoadRules, RunRecord
from footcore.domain.minimalist_ramp import (
    MilestoneCheck,
    MinimalistRamp,
    RampStatus,
    RampWeek,
    check_milestones,
    minimalist_runs,
)
from footcore.errors import InputError

MONDAY = date(2026, 3, 2)
BAREFOOT = Shoe("Vivo", ShoeKind.MINIMALIST, drop_mm=0, stack_mm=6, weight_g=200)
DAILY = Shoe("Daily", ShoeKind.NEUTRAL, drop_mm=8, stack_mm=32, weight_g=260)
SHOES = (BAREFOOT, DAILY)


@cache
def footwear() -> FootwearRules:
    return build_footwear_rules(parse_load_rules(read_toml("load_rules.toml")))


@cache
def load_rules() -> LoadRules:
    return build_load_rules(parse_load_rules(read_toml("load_rules.toml")))


def run(day: int, km: float, shoe: str | None = "Daily") -> RunRecord:
    return RunRecord(MONDAY + timedelta(days=day), km * 1000, km * 360, km * 380, shoe=shoe)


def finding(
    test: str, left: Standing = Standing.WITHIN, right: Standing = Standing.WITHIN
) -> Finding:
    return Finding(
        test=test,
        name=test,
        left=20.0,
        right=20.0,
        standing_left=left,
        standing_right=right,
        reference=21.0,
        low=15.0,
        high=27.0,
        unit="reps",
        asymmetry=False,
        difference=0.0,
        side_tolerance=6.0,
        quality="calf_endurance",
        grade="A",
        sources=(),
        note="",
    )


READY = (finding("heel_raise_reps"), finding("single_leg_stance_eyes_open_s"))


def checks(
    findings: tuple[Finding, ...] = READY, weeks: int = 8, pain: int = 0
) -> tuple[MilestoneCheck, ...]:
    return check_milestones(footwear().ramp, findings, weeks, pain)


def active(step: int = 0, target_km: float = 40.0) -> MinimalistRamp:
    return MinimalistRamp(RampStatus.ACTIVE, step, int(target_km * 1000))


def clean_week(ramp: MinimalistRamp, used_m: float | None = None, pain: int = 0) -> RampWeek:
    allowance = ramp.allowance_m(footwear().ramp)
    used = float(allowance or 0) if used_m is None else used_m
    return RampWeek(MONDAY, allowance, used, 1, (), pain)


# Shoes, distance, retirement, rotation ---------------------------------------------------------


def test_a_shoe_needs_a_name_and_real_measurements() -> None:
    with pytest.raises(InputError) as err:
        Shoe(" ", ShoeKind.NEUTRAL)
    assert err.value.field == "name"
    with pytest.raises(InputError) as err:
        Shoe("Daily", ShoeKind.NEUTRAL, drop_mm=-2)
    assert err.value.field == "drop_mm"


def test_distance_is_summed_per_shoe_and_runs_without_a_shoe_are_left_out() -> None:
    runs = [run(0, 10), run(1, 5.5), run(2, 3, "Vivo"), run(3, 8, None)]
    assert distance_by_shoe(runs) == {"Daily": 15_500.0, "Vivo": 3_000.0}


def test_a_shoe_at_the_reminder_distance_gets_a_soft_reminder() -> None:
    runs = [run(i, 10) for i in range(65)]
    (reminder,) = retirement_reminders(SHOES, runs, footwear().retirement)
    assert reminder.shoe == "Daily" and reminder.distance_m == 650_000
    assert "not a rule" in reminder.note and "no study" in reminder.note
    assert reminder.grade == "S"
    assert set(reminder.sources) == {"evidence:cook_1985", "evidence:kong_2009"}


def test_a_shoe_short_of_the_reminder_distance_or_retired_gets_none() -> None:
    short = [run(i, 10) for i in range(64)] + [run(64, 9.999)]
    assert retirement_reminders(SHOES, short, footwear().retirement) == []
    worn = [run(i, 12) for i in range(70)]
    retired = (Shoe("Daily", ShoeKind.NEUTRAL, retired=True),)
    assert retirement_reminders(retired, worn, footwear().retirement) == []


def test_the_runner_may_set_the_reminder_within_the_conventional_range() -> None:
    runs = [run(i, 10) for i in range(50)]
    assert footwear().retirement.reminder_km == 650
    assert (footwear().retirement.min_km, footwear().retirement.max_km) == (480, 800)
    assert len(retirement_reminders(SHOES, runs, footwear().retirement, reminder_km=480)) == 1
    with pytest.raises(InputError) as err:
        retirement_reminders(SHOES, runs, footwear().retirement, reminder_km=1000)
    assert err.value.field == "reminder_km"


def test_two_pairs_in_the_last_four_weeks_count_as_parallel_use() -> None:
    today = MONDAY + timedelta(days=40)
    runs = [run(39, 10), run(35, 12, "Vivo"), run(12, 20, "Old")]
    summary = rotation_summary(runs, today, footwear().rotation)
    assert summary.pairs == ("Vivo", "Daily") and summary.parallel
    assert "0.614" in summary.note and "0.389" in summary.note
    assert summary.sources == ("evidence:malisoux_2015",)


def test_one_pair_in_the_window_is_not_parallel_use() -> None:
    today = MONDAY + timedelta(days=40)
    summary = rotation_summary([run(39, 10), run(12, 8, "Vivo")], today, footwear().rotation)
    assert summary.pairs == ("Daily",) and not summary.parallel


# Milestones -------------------------------------------------------------------------------------


def test_the_ramp_is_offered_once_every_milestone_is_met() -> None:
    ramp = MinimalistRamp.offer(checks(), 40_000, footwear().ramp)
    assert ramp.status is RampStatus.ACTIVE and ramp.step == 0
    assert ramp.allowance_m(footwear().ramp) == 2_000


def test_the_milestones_are_training_heel_raises_balance_and_no_pain() -> None:
    ids = [m.id for m in footwear().ramp.milestones]
    assert ids == ["foot_training", "heel_raise_norm", "balance_norm", "no_lower_leg_pain"]
    heel = footwear().ramp.milestones[1]
    assert heel.sources == ("evidence:hebert_losier_2017",)  # not Lunsford's [R] 25 raises


@pytest.mark.parametrize(
    ("findings", "weeks", "pain", "unmet"),
    [
        (READY, 7, 0, "foot_training"),
        ((finding("heel_raise_reps", right=Standing.BELOW), READY[1]), 8, 0, "heel_raise_norm"),
        ((READY[0],), 8, 0, "balance_norm"),
        (
            (
                finding("heel_raise_reps"),
                finding("single_leg_stance_eyes_open_s", left=Standing.NO_NORM),
            ),
            8,
            0,
            "balance_norm",
        ),
        (READY, 8, 1, "no_lower_leg_pain"),
    ],
)
def test_the_ramp_is_not_offered_while_a_milestone_is_unmet(
    findings: tuple[Finding, ...], weeks: int, pain: int, unmet: str
) -> None:
    result = checks(findings, weeks, pain)
    assert [c.milestone.id for c in result if not c.met] == [unmet]
    ramp = MinimalistRamp.offer(result, 40_000, footwear().ramp)
    assert ramp.status is RampStatus.NOT_OFFERED
    assert ramp.allowance_m(footwear().ramp) == 0
    assert ramp.note.startswith("not yet: ")


def test_a_heel_raise_above_the_norm_meets_the_milestone() -> None:
    above = (finding("heel_raise_reps", Standing.ABOVE, Standing.ABOVE), READY[1])
    assert all(c.met for c in checks(above))


def test_the_ramp_needs_a_target_distance() -> None:
    with pytest.raises(InputError):
        MinimalistRamp.offer(checks(), 0, footwear().ramp)


# The ramp ---------------------------------------------------------------------------------------


def test_weekly_allowance_grows_ten_percent_a_step_rounded_down_to_the_metre() -> None:
    rules = footwear().ramp
    assert [rules.allowance_m(k) for k in range(4)] == [2_000, 2_200, 2_420, 2_662]
    assert rules.allowance_m(5) == 3_220  # 2,928 m * 1.1 = 3,220.8 m


@given(st.integers(min_value=0, max_value=80))
def test_allowance_never_grows_more_than_the_single_run_reference_band(step: int) -> None:
    rules = footwear().ramp
    now, nxt = rules.allowance_m(step), rules.allowance_m(step + 1)
    assert now <= nxt
    assert 100 * nxt <= (100 + load_rules().spike_thresholds[0].over_pct) * now


def test_a_clean_week_moves_the_ramp_one_step_up() -> None:
    ramp = active().after_week(clean_week(active()), footwear().ramp)
    assert ramp.status is RampStatus.ACTIVE and ramp.step == 1
    assert "2.20 km" in ramp.note


def test_only_runs_in_minimalist_shoes_count_against_the_ramp() -> None:
    runs = [
        run(0, 1.2, "Vivo"),
        run(2, 0.8, "Vivo"),
        run(3, 10),
        run(5, 6, None),
        run(8, 1, "Vivo"),
    ]
    assert len(minimalist_runs(runs, SHOES)) == 3
    week = active().week(runs, SHOES, MONDAY, 0, footwear().ramp, load_rules())
    assert (week.used_m, week.runs, week.allowance_m) == (2_000.0, 2, 2_000)
    assert not week.over_allowance


def test_running_over_the_allowance_holds_the_step() -> None:
    runs = [run(0, 1.2, "Vivo"), run(2, 1.0, "Vivo")]
    week = active().week(runs, SHOES, MONDAY, 0, footwear().ramp, load_rules())
    assert week.over_allowance
    ramp = active().after_week(week, footwear().ramp)
    assert ramp.step == 0 and ramp.note.startswith("held")


def test_a_minimalist_run_over_the_single_run_rule_holds_the_step() -> None:
    ramp = active(step=3)  # 2.66 km allowed
    runs = [run(0, 1.0, "Vivo"), run(7, 1.5, "Vivo")]  # +50% over the longest minimalist run
    week = ramp.week(runs, SHOES, MONDAY + timedelta(days=7), 0, footwear().ramp, load_rules())
    assert not week.over_allowance and len(week.spikes) == 1
    after = ramp.after_week(week, footwear().ramp)
    assert after.step == 3 and "moderate spike" in after.note


def test_lower_leg_pain_of_three_pauses_the_ramp_and_two_does_not() -> None:
    rules = footwear().ramp
    assert active(2).after_week(clean_week(active(2), pain=2), rules).status is RampStatus.ACTIVE
    paused = active(2).after_week(clean_week(active(2), pain=3), rules)
    assert paused.status is RampStatus.PAUSED and paused.step == 2
    assert paused.allowance_m(rules) == 0


def test_pain_reported_midweek_pauses_at_once() -> None:
    assert active(2).on_pain(3, footwear().ramp).status is RampStatus.PAUSED
    assert active(2).on_pain(2, footwear().ramp) == active(2)


def test_a_paused_ramp_resumes_one_step_back_once_pain_settles() -> None:
    rules = footwear().ramp
    paused = active(2).on_pain(4, rules)
    still = paused.after_week(clean_week(paused, pain=3), rules)
    assert still.status is RampStatus.PAUSED
    resumed = still.after_week(clean_week(still, pain=1), rules)
    assert resumed.status is RampStatus.ACTIVE and resumed.step == 1
    assert resumed.allowance_m(rules) == 2_200


def test_a_ramp_paused_on_its_first_step_resumes_on_it() -> None:
    rules = footwear().ramp
    resumed = active(0).on_pain(5, rules).after_week(clean_week(active(0)), rules)
    assert resumed.status is RampStatus.ACTIVE and resumed.step == 0


def test_the_ramp_completes_after_a_clean_week_at_the_target() -> None:
    rules = footwear().ramp
    ramp = active(step=1, target_km=2.2)
    done = ramp.after_week(clean_week(ramp), rules)
    assert done.status is RampStatus.COMPLETE and done.allowance_m(rules) is None
    assert done.after_week(clean_week(done, used_m=50_000, pain=9), rules) == done


def test_a_ramp_not_offered_ignores_weeks() -> None:
    ramp = MinimalistRamp(RampStatus.NOT_OFFERED, 0, 40_000)
    assert ramp.after_week(clean_week(ramp, pain=0), footwear().ramp) == ramp


def test_the_bone_stress_pain_cut_is_stricter_than_the_tendinopathy_model() -> None:
    # Silbernagel 2007 allows pain up to 5/10 when loading a tendinopathy.
    assert footwear().ramp.pause_pain < 5
    assert "evidence:silbernagel_2007" in footwear().ramp.sources


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=6_000), st.integers(min_value=0, max_value=10)
        ),
        max_size=40,
    )
)
def test_the_ramp_climbs_at_most_one_step_a_week_and_resumes_no_higher(
    weeks: list[tuple[int, int]],
) -> None:
    rules = footwear().ramp
    ramp = active(target_km=5.0)
    for used, pain in weeks:
        nxt = ramp.after_week(
            RampWeek(MONDAY, ramp.allowance_m(rules), float(used), 1, (), pain), rules
        )
        assert nxt.step <= ramp.step + 1
        if ramp.status is RampStatus.PAUSED:
            assert nxt.step <= ramp.step
        if nxt.step > ramp.step:
            assert ramp.status is RampStatus.ACTIVE and used <= rules.allowance_m(ramp.step)
            assert pain < rules.pause_pain
        ramp = nxt
