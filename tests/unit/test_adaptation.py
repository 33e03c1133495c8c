"""The pain-monitoring model, the dose ladder and the phase gates, with no database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from footcore.adapters.adaptation_rules_file import load_adaptation_rules, load_gate_rules
from footcore.adapters.assessment_files import load_battery
from footcore.domain.adaptation import (
    Action,
    Kind,
    Level,
    Options,
    Outcome,
    Zone,
    can_step,
    decide,
    gate,
    missed_week,
    stepped,
    weekly_trend,
)
from footcore.domain.assessment import Finding, score
from footcore.domain.catalog import Dose, Phase
from tests.factories import NORMAL_RESULTS, a_profile, results

RULES = load_adaptation_rules()
GATES = load_gate_rules()
BATTERY = {t.id: t for t in load_battery()}
DOSE = Dose(sets=3, reps=10)
OPEN = Options(
    can_step_up=True, can_step_down=True, harder="harder_one", easier="easier_one", days_at_level=7
)


def outcome(**kw: Any) -> Outcome:
    base = Outcome(
        day=date(2026, 1, 5),
        prescribed=DOSE,
        sets_done=3,
        measure_done=10,
        sides_done=frozenset({"both"}),
        pain=1,
        area="",
        rpe=5,
        morning_pain=0,
        baseline_pain=0,
        rising=None,
    )
    return replace(base, **kw)


# Zones and the boundary cases of evidence.md section 3 -------------------------------------


def test_zones_are_0_to_2_safe_3_to_5_acceptable_and_over_5_too_much() -> None:
    assert [RULES.zone(p) for p in (0, 2, 3, 5, 6, 10)] == [
        Zone.SAFE,
        Zone.SAFE,
        Zone.ACCEPTABLE,
        Zone.ACCEPTABLE,
        Zone.TOO_MUCH,
        Zone.TOO_MUCH,
    ]


def test_pain_5_settled_by_the_next_morning_continues() -> None:
    d = decide(outcome(pain=5), OPEN, RULES)
    assert d.kind is Kind.PROGRESS and d.action is Action.MORE
    assert "pain 5/10 (acceptable) settled by the next morning" in d.reason


def test_pain_6_reduces_to_the_easier_variant() -> None:
    d = decide(outcome(pain=6, area="heel"), OPEN, RULES)
    assert (d.kind, d.action, d.variant) == (Kind.REGRESS, Action.EASIER, "easier_one")
    assert "pain 6/10 (heel) during the exercise is above the acceptable zone" in d.reason


def test_pain_6_without_an_easier_variant_takes_volume_away() -> None:
    d = decide(outcome(pain=6), replace(OPEN, easier=None), RULES)
    assert (d.kind, d.action) == (Kind.REGRESS, Action.LESS)
    assert d.reason.endswith("less volume")


def test_a_next_morning_worse_than_baseline_reduces() -> None:
    d = decide(outcome(pain=3, morning_pain=3, baseline_pain=2, area="arch"), OPEN, RULES)
    assert (d.kind, d.action) == (Kind.REGRESS, Action.LESS)
    assert "next-morning pain (arch) 3/10 is worse than your baseline (2/10" in d.reason


def test_a_next_morning_equal_to_baseline_is_settled() -> None:
    d = decide(outcome(pain=3, morning_pain=2, baseline_pain=2), OPEN, RULES)
    assert d.kind is Kind.PROGRESS


def test_a_weekly_trend_rising_reduces() -> None:
    rising = weekly_trend([3, 3, 4], [1, 2, 2], "achilles", RULES)
    assert rising == "achilles pain is rising week on week (average 1.7 -> 3.3/10)"
    d = decide(outcome(pain=3, rising=rising), OPEN, RULES)
    assert (d.kind, d.action) == (Kind.REGRESS, Action.LESS)


def test_a_rise_under_one_point_is_not_a_trend() -> None:
    assert weekly_trend([2, 2], [1, 2], "", RULES) is None
    assert weekly_trend([5], [], "", RULES) is None


def test_without_the_morning_check_in_the_dose_holds() -> None:
    d = decide(outcome(morning_pain=None), OPEN, RULES)
    assert d.kind is Kind.HOLD and "tomorrow morning's check-in" in d.reason


def test_a_hard_session_holds_the_dose() -> None:
    d = decide(outcome(rpe=8), OPEN, RULES)
    assert d.kind is Kind.HOLD and "effort 8/10 is above moderate" in d.reason


def test_effort_must_be_logged_to_progress() -> None:
    assert "effort was not logged" in decide(outcome(rpe=None), OPEN, RULES).reason


def test_missing_sets_hold_the_dose() -> None:
    d = decide(outcome(sets_done=2), OPEN, RULES)
    assert d.kind is Kind.HOLD and d.reason.startswith("2 of 3 sets were done")


def test_one_side_of_a_per_side_exercise_is_not_complete() -> None:
    d = decide(
        outcome(prescribed=replace(DOSE, per_side=True), sides_done=frozenset({"left"})),
        OPEN,
        RULES,
    )
    assert d.kind is Kind.HOLD and "only the left side" in d.reason


def test_the_dose_steps_up_only_after_a_week_at_it() -> None:
    d = decide(outcome(), replace(OPEN, days_at_level=6), RULES)
    assert d.kind is Kind.HOLD and "after 7 days at it (6 so far)" in d.reason


def test_at_the_top_of_the_dose_the_next_exercise_of_the_chain_follows() -> None:
    d = decide(outcome(), replace(OPEN, can_step_up=False), RULES)
    assert (d.kind, d.action, d.variant) == (Kind.PROGRESS, Action.HARDER, "harder_one")
    top = decide(outcome(), replace(OPEN, can_step_up=False, harder=None), RULES)
    assert top.kind is Kind.HOLD and "at their top" in top.reason


def test_a_variant_decision_moves_the_level_to_the_variant_at_step_zero() -> None:
    d = decide(outcome(pain=7), OPEN, RULES)
    assert d.apply(Level("calf_raise", 2)) == Level("easier_one", 0)


def test_a_week_with_planned_sessions_and_no_log_is_missed() -> None:
    days = [date(2026, 1, 5), date(2026, 1, 7)]
    assert missed_week(days, [])
    assert not missed_week(days, [date(2026, 1, 7)])
    assert not missed_week([], [])


# The dose ladder ----------------------------------------------------------------------------


def test_the_ladder_grows_reps_to_the_cap_then_sets() -> None:
    s = RULES.steps
    assert stepped(DOSE, 1, s) == replace(DOSE, reps=12)
    assert stepped(Dose(sets=3, reps=28), 1, s) == Dose(sets=3, reps=30)
    assert stepped(Dose(sets=3, reps=28), 2, s) == Dose(sets=4, reps=30)
    assert stepped(Dose(sets=5, reps=30), 1, s) == Dose(sets=5, reps=30)
    assert not can_step(Dose(sets=5, reps=30), 0, +1, s)


def test_the_ladder_takes_sets_away_first_then_the_measure_down_to_half() -> None:
    s = RULES.steps
    assert stepped(DOSE, -1, s) == replace(DOSE, sets=2)
    assert stepped(DOSE, -2, s) == replace(DOSE, sets=1)
    assert stepped(DOSE, -3, s) == Dose(sets=1, reps=8)
    assert stepped(DOSE, -20, s) == Dose(sets=1, reps=5)
    assert stepped(Dose(sets=2, hold_s=30), 1, s) == Dose(sets=2, hold_s=35)


doses = st.builds(
    lambda sets, kind, value: Dose(sets=sets, **{kind: value}),
    st.integers(1, 6),
    st.sampled_from(["reps", "hold_s", "distance_m"]),
    st.integers(1, 120),
)


def volume(d: Dose) -> int:
    return d.sets * (d.reps or d.hold_s or d.distance_m or 0)


@given(doses, st.integers(-12, 12))
def test_each_step_up_the_ladder_never_lowers_the_volume(dose: Dose, step: int) -> None:
    s = RULES.steps
    assert volume(stepped(dose, step + 1, s)) >= volume(stepped(dose, step, s))
    assert stepped(dose, step, s).sets >= 1
    if step == 0:
        assert stepped(dose, 0, s) == dose


@given(doses, st.integers(0, 40))
def test_progress_never_pushes_past_the_caps(dose: Dose, step: int) -> None:
    s = RULES.steps
    grown = stepped(dose, step, s)
    assert grown.sets <= max(s.max_sets, dose.sets)
    for name, cap in (
        ("reps", s.max_reps),
        ("hold_s", s.max_hold_s),
        ("distance_m", s.max_distance_m),
    ):
        before, after = getattr(dose, name), getattr(grown, name)
        if before is not None:
            assert before <= after <= max(cap, before)


outcomes = st.builds(
    Outcome,
    day=st.just(date(2026, 1, 5)),
    prescribed=doses,
    sets_done=st.integers(0, 6),
    measure_done=st.none() | st.integers(0, 120),
    sides_done=st.sampled_from(
        [frozenset({"both"}), frozenset({"left"}), frozenset({"left", "right"})]
    ),
    pain=st.integers(0, 10),
    area=st.sampled_from(["", "heel", "arch"]),
    rpe=st.none() | st.integers(0, 10),
    morning_pain=st.none() | st.integers(0, 10),
    baseline_pain=st.integers(0, 10),
    rising=st.none() | st.just("pain is rising"),
)
options = st.builds(
    Options,
    can_step_up=st.booleans(),
    can_step_down=st.booleans(),
    harder=st.none() | st.just("h"),
    easier=st.none() | st.just("e"),
    days_at_level=st.integers(0, 30),
)


@given(outcomes, options)
def test_no_decision_progresses_with_pain_above_5_and_every_reason_is_a_sentence(
    o: Outcome, opts: Options
) -> None:
    d = decide(o, opts, RULES)
    assert d.reason and d.sources
    if o.pain > 5 or (o.morning_pain is not None and o.morning_pain > o.baseline_pain):
        assert d.kind is not Kind.PROGRESS
    if o.pain > 5:
        assert d.kind in (Kind.REGRESS, Kind.HOLD)
    if d.kind is Kind.PROGRESS:
        assert o.morning_pain is not None and o.rpe is not None
        assert o.rpe <= RULES.moderate_rpe_max and opts.days_at_level >= 7


# Phase gates --------------------------------------------------------------------------------

PROFILE = a_profile()
WEAK = dict(NORMAL_RESULTS, heel_raise_reps=(12.0, 22.0))


def findings(**tests: object) -> list[Finding]:
    return score(tuple(BATTERY.values()), results(**tests), PROFILE)


def test_a_retest_passes_when_every_priority_is_now_within_the_norm() -> None:
    g = gate(Phase.STRENGTH, findings(**WEAK), findings(**NORMAL_RESULTS), BATTERY, 1, GATES)
    assert g.passed, g.reasons


def test_a_change_within_the_retest_noise_does_not_open_the_gate() -> None:
    after = dict(WEAK, heel_raise_reps=(14.0, 22.0))  # +2 raises: under the 6-raise noise
    g = gate(Phase.STRENGTH, findings(**WEAK), findings(**after), BATTERY, 0, GATES)
    assert not g.passed
    assert any(
        "within the retest noise (6 raises)" in r or "within the retest noise" in r
        for r in g.reasons
    )


def test_a_change_beyond_the_retest_noise_opens_the_gate_even_below_the_norm() -> None:
    before = dict(NORMAL_RESULTS, heel_raise_reps=(5.0, 5.0))
    after = dict(NORMAL_RESULTS, heel_raise_reps=(12.0, 12.0))  # +7, still under 15
    assert gate(Phase.STRENGTH, findings(**before), findings(**after), BATTERY, 0, GATES).passed


def test_lower_leg_pain_above_2_closes_the_gate() -> None:
    g = gate(Phase.STRENGTH, None, findings(**NORMAL_RESULTS), BATTERY, 3, GATES)
    assert not g.passed and g.reasons[0].startswith("lower-leg pain 3/10")


def test_a_priority_test_left_out_of_the_retest_closes_the_gate() -> None:
    after = {k: v for k, v in NORMAL_RESULTS.items() if k != "heel_raise_reps"}
    g = gate(Phase.STRENGTH, findings(**WEAK), findings(**after), BATTERY, 0, GATES)
    assert not g.passed and any("not retested" in r for r in g.reasons)


def test_the_running_specific_phase_needs_the_heel_raise_within_the_norm() -> None:
    before = dict(NORMAL_RESULTS, heel_raise_reps=(5.0, 5.0))
    after = dict(NORMAL_RESULTS, heel_raise_reps=(12.0, 12.0))
    g = gate(Phase.RUNNING_SPECIFIC, findings(**before), findings(**after), BATTERY, 0, GATES)
    assert not g.passed
    assert any("within the norm on both sides before the running-specific" in r for r in g.reasons)


def test_every_rule_of_the_data_file_cites_a_source() -> None:
    for name in (
        "zone_sources",
        "effort_sources",
        "progress_sources",
        "regress_sources",
        "morning_sources",
        "trend_sources",
        "missed_sources",
    ):
        assert getattr(RULES, name)
    assert GATES.pain_sources and GATES.change_sources and GATES.repeat_sources
