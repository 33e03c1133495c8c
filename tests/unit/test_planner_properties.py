"""The clinical rules of issue #9 as properties over random profiles and assessments."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footcore.domain.assessment import Results
from footcore.domain.catalog import Category, LoadLevel
from footcore.domain.plan import Plan
from footcore.domain.profile import WEEKDAYS, Profile
from tests.unit.test_planner_constraints import K, assessments, make, profiles

DRILLS = {Category.PLYOMETRIC, Category.RUNNING_DRILL}
DAILY = frozenset(k for k, p in K.rules.protocols.items() if p.daily)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def runners(draw: st.DrawFn) -> Profile:
    profile = draw(profiles())
    site = draw(st.none() | st.sampled_from(["mid_portion", "insertional"]))
    return replace(profile, health=replace(profile.health, achilles_tendinopathy=site))


def plan_of(profile: Profile, res: Results | None, weeks: int, start: date) -> Plan:
    return make(profile, res, weeks, start)


def _trains(exercise: str, quality: str) -> bool:
    ex = K.catalog.get(exercise)
    return quality in ex.qualities and (
        quality in K.rules.mobility_qualities or ex.category not in K.rules.easy_categories
    )


@SETTINGS
@given(runners(), assessments(), st.integers(1, 30), st.dates(date(2025, 1, 1), date(2028, 1, 1)))
def test_every_priority_is_on_two_days_a_week_or_a_warning_names_it(
    profile: Profile, res: Results | None, weeks: int, start: date
) -> None:
    plan = plan_of(profile, res, weeks, start)
    need = min(K.rules.priority_days, len(profile.schedule.days))
    for q in plan.priorities:
        label = K.rules.quality_labels.get(q, q)
        warned = {w.split(" phase")[0].rsplit(" ", 1)[-1] for w in plan.warnings if label in w}
        for week in plan.weeks:
            days = sum(any(_trains(p.exercise, q) for p in s.items) for s in week.sessions)
            if days < need:
                assert week.phase.value.replace("_", "-") in warned, (q, week.index, plan.warnings)


@SETTINGS
@given(runners(), assessments(), st.integers(1, 30), st.dates(date(2025, 1, 1), date(2028, 1, 1)))
def test_no_loading_exercise_on_consecutive_days_and_the_day_before_a_run_stays_low(
    profile: Profile, res: Results | None, weeks: int, start: date
) -> None:
    plan = plan_of(profile, res, weeks, start)
    by_day = {s.date: s for s in plan.sessions()}
    for day, session in by_day.items():
        yesterday = by_day.get(day - timedelta(days=1))
        before_run = WEEKDAYS[day.weekday()] in profile.days_before_demanding_runs
        for p in session.items:
            if p.exercise in DAILY:
                continue  # Alfredson's daily protocol: the written exception
            loads = p.load is not LoadLevel.LOW or p.category in DRILLS
            if yesterday is not None and loads:
                assert p.exercise not in {q.exercise for q in yesterday.items}, (day, p.exercise)
            if before_run:
                assert p.category not in DRILLS and p.load is not LoadLevel.HIGH, (day, p)


@SETTINGS
@given(runners(), assessments(), st.integers(1, 40))
def test_every_week_after_the_first_cycle_names_the_tests_of_its_gate(
    profile: Profile, res: Results | None, weeks: int
) -> None:
    plan = plan_of(profile, res, weeks, date(2026, 1, 5))
    for week in plan.weeks:
        if week.cycle == 1:
            assert not week.gated_by
        else:
            assert week.gated_by and week.gate_note
            assert set(week.gate_fails_now) <= set(week.gated_by)


@SETTINGS
@given(runners(), assessments())
def test_lower_leg_pain_of_three_bars_every_impact_item(
    profile: Profile, res: Results | None
) -> None:
    plan = plan_of(profile, res, 24, date(2026, 1, 5))
    pain = max((profile.health.pain_in(a) for a in K.rules.lower_leg_areas), default=0)
    impact = {p.category for s in plan.sessions() for p in s.items} & DRILLS
    if pain >= K.rules.plyometric_pain_threshold:
        assert not impact
        assert "minimalist_shoe_walking" not in {h.exercise for h in plan.habits}


@SETTINGS
@given(runners(), assessments())
def test_a_starting_dose_never_exceeds_what_the_runner_was_tested_at(
    profile: Profile, res: Results | None
) -> None:
    plan = plan_of(profile, res, 24, date(2026, 1, 5))
    worse = {
        f.test: min(v for v in (f.left, f.right) if isinstance(v, float))
        for f in plan.findings
        if any(isinstance(v, float) for v in (f.left, f.right))
    }
    for rule in K.rules.ability:
        if rule.test not in worse:
            continue
        tested = worse[rule.test]
        for week in plan.weeks:
            if week.week_in_cycle >= 4:  # from week 4 of a cycle the dose grows by its factor
                continue
            for s in week.sessions:
                for p in s.items:
                    if p.exercise in rule.easier and tested < rule.floor:
                        raise AssertionError(f"{p.exercise} despite {tested} < {rule.floor}")
                    if p.exercise not in rule.exercises:
                        continue
                    value = p.dose.hold_s if p.dose.hold_s is not None else p.dose.reps
                    assert value is not None
                    assert value <= max(rule.floor, tested), (p.exercise, value, tested)
