"""Every planner constraint, checked on plans for random valid profiles and assessments."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footcore.bootstrap import knowledge
from footcore.domain.assessment import Results, SideResult, score
from footcore.domain.catalog import Category, Phase
from footcore.domain.plan import Plan
from footcore.domain.planner import generate_plan
from footcore.domain.profile import WEEKDAYS, Health, Profile, Runner, Running, Schedule, Sex
from tests.factories import ALL_EQUIPMENT

K = knowledge()
EQUIPMENT = sorted(ALL_EQUIPMENT)
INJURIES = [
    "plantar_fasciitis",
    "achilles_tendinopathy",
    "shin_splints",
    "stress_fracture",
    "blisters",
    "black_toenails",
    "mortons_neuroma",
    "ankle_sprain",
    "knee_pain",
    "calf_strain",
]
AREAS = [
    "foot",
    "heel",
    "arch",
    "achilles",
    "shin",
    "ankle",
    "toes",
    "forefoot",
    "calf",
    "knee",
    "hip",
    "lower_back",
]
PHASE_ORDER = [Phase.FOUNDATION, Phase.STRENGTH, Phase.RUNNING_SPECIFIC]


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    days = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))
    long_run = draw(st.none() | st.sampled_from(WEEKDAYS))
    hard = draw(st.lists(st.sampled_from(WEEKDAYS), max_size=3, unique=True))
    pain = draw(st.dictionaries(st.sampled_from(AREAS), st.integers(0, 10), max_size=4))
    return Profile(
        runner=Runner(age=draw(st.integers(14, 99)), sex=draw(st.sampled_from(list(Sex)))),
        running=Running(
            weekly_km=40, runs_per_week=4, long_run_day=long_run, hard_days=tuple(hard)
        ),
        schedule=Schedule(
            minutes_per_day=draw(st.integers(5, 90)), days=tuple(d for d in WEEKDAYS if d in days)
        ),
        equipment=frozenset(draw(st.lists(st.sampled_from(EQUIPMENT), unique=True))),
        health=Health(
            past_injuries=tuple(draw(st.lists(st.sampled_from(INJURIES), max_size=3, unique=True))),
            pain={k: v for k, v in pain.items() if v > 0},
        ),
    )


@st.composite
def assessments(draw: st.DrawFn) -> Results | None:
    if draw(st.booleans()):
        return None
    values: dict[str, SideResult] = {}
    numeric = {
        "single_leg_stance_eyes_open_s": 60,
        "single_leg_stance_eyes_closed_s": 45,
        "heel_raise_reps": 60,
        "knee_to_wall_cm": 20,
        "short_foot_hold_s": 60,
    }
    for test, hi in numeric.items():
        if draw(st.booleans()):
            side = st.none() | st.floats(0, hi, allow_nan=False).map(lambda v: round(v, 1))
            values[test] = SideResult(draw(side), draw(side))
    if draw(st.booleans()):
        values["paper_grip"] = SideResult(
            draw(st.sampled_from(["pass", "fail"])), draw(st.sampled_from(["pass", "fail"]))
        )
    for test in ("toe_yoga_hallux_lift", "toe_yoga_lesser_toes_lift"):
        if draw(st.booleans()):
            values[test] = SideResult(draw(st.booleans()), draw(st.booleans()))
    return Results(date(2026, 11, 16), values)


def make(profile: Profile, results: Results | None, weeks: int, start: date) -> Plan:
    findings = score(K.battery, results, profile) if results else []
    return generate_plan(K.catalog, profile, K.rules, start, weeks, findings)


def check_every_constraint(plan: Plan, profile: Profile, weeks: int, start: date) -> None:
    rules = K.rules
    have = profile.equipment | rules.always_available
    lower_leg_pain = max((profile.health.pain_in(a) for a in rules.lower_leg_areas), default=0)
    before_demanding = profile.days_before_demanding_runs
    assert len(plan.weeks) == weeks
    high_days: set[date] = set()
    previous = None
    for week in plan.weeks:
        assert week.start == start + timedelta(weeks=week.index - 1)
        assert week.light == (week.index % 3 == 0)
        if previous is not None:
            assert PHASE_ORDER.index(week.phase) >= PHASE_ORDER.index(previous.phase)
            assert week.cycle in (previous.cycle, previous.cycle + 1)
            if week.light and previous.volume > 0:
                ratio = week.volume / previous.volume
                # A lighter week that opens a new phase may fall below 60%: its template holds
                # less work than the last phase's week and the daily minutes leave no room to
                # grow it back (issue #9: doses set by tested ability never grow past themselves).
                low = 0.0 if week.phase is not previous.phase else 0.6
                assert low <= ratio <= 0.9, (week.index, ratio)
        for session in week.sessions:
            weekday = WEEKDAYS[session.date.weekday()]
            assert weekday in profile.schedule.days
            assert week.start <= session.date < week.start + timedelta(days=7)
            assert session.minutes <= profile.schedule.minutes_per_day + 1e-9
            assert session.items
            ids = [p.exercise for p in session.items]
            assert len(ids) == len(set(ids))
            for p in session.items:
                ex = K.catalog.get(p.exercise)
                assert set(ex.equipment) <= have, (ex.id, ex.equipment)
                assert not ex.habit
                for area in ex.contraindications.pain_areas:
                    assert profile.health.pain_in(area) == 0, (ex.id, area)
                assert not (ex.contraindications.conditions & set(profile.health.past_injuries))
                assert week.phase in ex.phases
                if ex.category is Category.PLYOMETRIC:
                    assert week.phase is Phase.RUNNING_SPECIFIC
                    assert lower_leg_pain < 3
                if p.is_high_load:
                    assert weekday not in before_demanding, (ex.id, weekday)
                assert p.why.strip() and p.sources
            if session.is_high_load:
                assert session.date - timedelta(days=1) not in high_days
                high_days.add(session.date)
        previous = week
    # A retest closes every cycle.
    last_of_cycle = {}
    for week in plan.weeks:
        last_of_cycle[week.cycle] = week.index
    assert {w.index for w in plan.weeks if w.retest} == set(last_of_cycle.values())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    profile=profiles(),
    results=assessments(),
    weeks=st.integers(1, 40),
    start=st.dates(date(2024, 1, 1), date(2030, 12, 31)),
)
def test_every_plan_for_a_valid_profile_keeps_every_constraint(
    profile: Profile, results: Results | None, weeks: int, start: date
) -> None:
    plan = make(profile, results, weeks, start)
    check_every_constraint(plan, profile, weeks, start)


@settings(max_examples=10, deadline=None)
@given(profile=profiles(), results=assessments())
def test_the_longest_plan_of_104_weeks_keeps_every_constraint(
    profile: Profile, results: Results | None
) -> None:
    plan = make(profile, results, 104, date(2026, 1, 5))
    check_every_constraint(plan, profile, 104, date(2026, 1, 5))


@settings(max_examples=60, deadline=None)
@given(weeks=st.integers(1, 104))
def test_cycles_last_six_to_eight_weeks_whenever_the_length_allows(weeks: int) -> None:
    from footcore.domain.periodization import cycle_lengths

    lengths = cycle_lengths(weeks, K.rules.cycles)
    assert sum(lengths) == weeks
    assert max(lengths) <= 8
    assert max(lengths) - min(lengths) <= 1
    if len(lengths) * 6 <= weeks:
        assert min(lengths) >= 6
