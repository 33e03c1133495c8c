"""A demo runner with twelve weeks of history, so that a newcomer sees every screen and chart
filled in. Everything goes through the public training services, day by day, as a real runner's
use would: the plan adapts to the painful day, repeats the missed week and gates on the retests.

The runs are typed in with two pairs of shoes: the four weeks before the plan as history (as if
imported from a watch at set-up), then four runs a week building up gently, the week away without
any, and a half marathon far beyond the month's longest run (a moderate single-run spike) that
pauses the foot plan's plyometric and heavy items for a few days. The history is deterministic: a
seeded random generator, and dates counted back from `today`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from footcore.adapters.inputs import results_from_mapping
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.services import running, training

NAME = "demo"
WEEKS_OF_HISTORY = 12
PLAN_WEEKS = 24
SEED = 20260105
MISSED_WEEK = 5  # a week away: the plan repeats it
PAINFUL_WEEK = 7  # one session hurts (6/10): that exercise steps back
SPIKE_WEEK = 8  # the Sunday long run is a half marathon, >30% past the month's longest
SPIKE_KM = 21.1
HISTORY_WEEKS = 4  # runs before the plan: without them the first long run would be a "spike"
WEEKLY_BUILD_UP = 0.03  # +3% a week, far below the 20-60% rises of Damsted 2019's risk group
SHOES = (("Daily trainer", "cushioned"), ("Tempo shoe", "neutral"))
# Weekday -> (km, minutes per km, shoe, surface, effort 0-10) of the runner's usual week.
RUNS = {
    1: (8.0, 5.0, "Tempo shoe", "track", 7),
    3: (7.0, 5.9, "Daily trainer", "road", 4),
    5: (6.0, 6.0, "Daily trainer", "trail", 4),
    6: (12.0, 6.1, "Daily trainer", "road", 5),
}

PROFILE: dict[str, Any] = {
    "units": "km",
    "runner": {"age": 38, "sex": "female", "name": "Demo runner"},
    "running": {"weekly_km": 35, "runs_per_week": 4, "long_run_day": "sun", "hard_days": ["tue"]},
    "schedule": {"minutes_per_day": 15, "days": ["mon", "tue", "wed", "thu", "fri", "sat"]},
    "equipment": {"items": ["towel", "band", "step", "marbles", "massage_ball"]},
    "health": {"past_injuries": ["plantar_fasciitis"], "pain": {"heel": 1}, "symptoms": []},
}
# Baseline, a check halfway through the first cycle, and the end-of-cycle retest: calf
# endurance, balance and the toe tests improve as the program intends.
RESULTS: tuple[dict[str, Any], ...] = (
    {
        "single_leg_stance_eyes_open_s": {"left": 31, "right": 40},
        "single_leg_stance_eyes_closed_s": {"left": 6, "right": 9},
        "heel_raise_reps": {"left": 13, "right": 19},
        "knee_to_wall_cm": {"left": 9.5, "right": 10.5},
        "short_foot_hold_s": {"left": 8, "right": 11},
        "paper_grip": {"left": "fail", "right": "pass"},
        "toe_yoga_hallux_lift": {"left": True, "right": True},
        "toe_yoga_lesser_toes_lift": {"left": False, "right": False},
    },
    {
        "single_leg_stance_eyes_open_s": {"left": 36, "right": 42},
        "single_leg_stance_eyes_closed_s": {"left": 8, "right": 10},
        "heel_raise_reps": {"left": 16, "right": 20},
        "knee_to_wall_cm": {"left": 10.5, "right": 11.0},
        "short_foot_hold_s": {"left": 14, "right": 16},
    },
    {
        "single_leg_stance_eyes_open_s": {"left": 42, "right": 45},
        "single_leg_stance_eyes_closed_s": {"left": 11, "right": 12},
        "heel_raise_reps": {"left": 21, "right": 23},
        "knee_to_wall_cm": {"left": 11.5, "right": 11.5},
        "short_foot_hold_s": {"left": 22, "right": 24},
        "paper_grip": {"left": "pass", "right": "pass"},
        "toe_yoga_hallux_lift": {"left": True, "right": True},
        "toe_yoga_lesser_toes_lift": {"left": True, "right": True},
    },
)


@dataclass(frozen=True)
class Demo:
    athlete: str
    start: date
    sessions_logged: int
    checkins: int
    retests: int
    runs: int
    shoes: int


def _week_of(start: date, day: date) -> int:
    return (day - start).days // 7 + 1


def _run_day(
    uow: SqlUnitOfWork, start: date, day: date, rng: random.Random, as_of: date | None = None
) -> bool:
    usual = RUNS.get(day.weekday())
    week = _week_of(start, day)
    if usual is None or week == MISSED_WEEK:
        return False
    km, pace, shoe, surface, rpe = usual
    if week == SPIKE_WEEK and day.weekday() == 6:
        km, rpe = SPIKE_KM, 8
    else:
        km = round(km * (1 + WEEKLY_BUILD_UP * (week - 1)) * rng.uniform(0.95, 1.05), 1)
    running.add_run(
        uow,
        NAME,
        day=day,
        km=km,
        minutes=round(km * pace * rng.uniform(0.97, 1.03)),
        as_of=as_of or day,
        rpe=rpe,
        shoe=shoe,
        surface=surface,
        at=time(7, 0),
    )
    return True


def _log_day(uow: SqlUnitOfWork, day: date, rng: random.Random, painful: bool) -> bool:
    view = training.day(uow, NAME, day, day)
    if not view.items:
        return False
    entries = []
    for n, item in enumerate(view.items):
        short = rng.random() < 0.15 and item.sets > 1  # a set left out now and then
        pain = 6 if painful and n == len(view.items) - 1 else rng.choice((0, 0, 0, 0, 1, 1, 2))
        entries.append(
            training.LogEntry(
                exercise=item.exercise_done,
                day=day,
                sets=item.sets - 1 if short else item.sets,
                reps=item.reps,
                hold_s=item.hold_s,
                rpe=rng.randint(4, 7),
                pain=pain,
            )
        )
    training.log_session(uow, NAME, entries, day)
    return True


def build(uow: SqlUnitOfWork, today: date, seed: int = SEED) -> Demo:
    """Store the demo runner with the twelve weeks before `today`; the runner must not exist."""
    rng = random.Random(seed)
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=WEEKS_OF_HISTORY)
    dates = (
        start - timedelta(days=2),
        start + timedelta(weeks=4, days=-2),
        start + timedelta(weeks=8, days=5),
    )
    raws = [{"date": d, **r} for d, r in zip(dates, RESULTS, strict=True)]
    baseline = results_from_mapping(raws[0], "demo baseline")
    training.init(
        uow, NAME, PROFILE, "demo profile", baseline, raws[0], start, PLAN_WEEKS, dates[0]
    )
    for shoe, kind in SHOES:
        running.add_shoe(uow, NAME, shoe, dates[0], kind=kind)
    logged = checkins = retests = runs = 0
    # From a Sunday long run on, so that the history's first long run has one to compare with.
    for back in range(7 * HISTORY_WEEKS + 1, 0, -1):
        runs += _run_day(uow, start, start - timedelta(days=back), rng, start - timedelta(days=1))
    painful_done = False
    day = start
    while day < today:
        week = _week_of(start, day)
        for raw, when in zip(raws[1:], dates[1:], strict=True):
            if when == day:
                training.retest(uow, NAME, results_from_mapping(raw, "demo retest"), raw, day)
                retests += 1
        runs += _run_day(uow, start, day, rng)
        painful = week == PAINFUL_WEEK and not painful_done and day.weekday() >= 2
        skip = week == MISSED_WEEK or (rng.random() < 0.12 and not painful)
        if not skip and _log_day(uow, day, rng, painful):
            logged += 1
            painful_done = painful_done or painful
            next_day = day + timedelta(days=1)
            if next_day < today and rng.random() < 0.85:
                morning = 4 if painful else rng.choice((0, 0, 0, 0, 1))
                training.checkin(uow, NAME, next_day, morning, "", [], next_day)
                checkins += 1
        day += timedelta(days=1)
    return Demo(NAME, start, logged, checkins, retests, runs, len(SHOES))
