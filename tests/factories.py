"""Small builders for domain values used across the test layers."""

from __future__ import annotations

from datetime import date
from typing import Any

from footcore.domain.assessment import Results, SideResult
from footcore.domain.profile import WEEKDAYS, Health, Profile, Runner, Running, Schedule, Sex

ALL_EQUIPMENT = frozenset(
    [
        "towel",
        "band",
        "step",
        "medicine_ball",
        "marbles",
        "massage_ball",
        "balance_pad",
        "sandbag",
        "foam_roller",
        "backpack",
    ]
)


def a_profile(
    age: int = 34,
    sex: Sex = Sex.FEMALE,
    days: tuple[str, ...] = WEEKDAYS,
    minutes: int = 15,
    long_run_day: str | None = "sun",
    hard_days: tuple[str, ...] = ("tue",),
    equipment: frozenset[str] = ALL_EQUIPMENT,
    past_injuries: tuple[str, ...] = (),
    pain: dict[str, int] | None = None,
    symptoms: tuple[str, ...] = (),
) -> Profile:
    return Profile(
        runner=Runner(age=age, sex=sex),
        running=Running(
            weekly_km=40, runs_per_week=4, long_run_day=long_run_day, hard_days=hard_days
        ),
        schedule=Schedule(minutes_per_day=minutes, days=days),
        equipment=equipment,
        health=Health(past_injuries=past_injuries, pain=pain or {}, symptoms=symptoms),
    )


def results(**tests: Any) -> Results:
    values = {}
    for name, value in tests.items():
        left, right = value if isinstance(value, tuple) else (value, value)
        values[name] = SideResult(left, right)
    return Results(date=date(2026, 11, 16), values=values)


NORMAL_RESULTS = dict(
    single_leg_stance_eyes_open_s=(44.0, 44.0),
    single_leg_stance_eyes_closed_s=(14.0, 14.0),
    heel_raise_reps=(22.0, 22.0),
    knee_to_wall_cm=(12.0, 12.5),
    short_foot_hold_s=(20.0, 20.0),
    paper_grip=("pass", "pass"),
    toe_yoga_hallux_lift=(True, True),
    toe_yoga_lesser_toes_lift=(True, True),
)
