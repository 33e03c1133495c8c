"""Small builders for domain values used across the test layers."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from pathlib import Path
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


# --- the example runner, as the CLI, the API and the services take it -----------------------------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def example_profile(units: str | None = None, pain: dict[str, int] | None = None) -> dict[str, Any]:
    """A fresh copy of examples/runner.toml as a mapping (safe to change), with its units and
    pain replaced when given."""
    raw: dict[str, Any] = tomllib.loads((EXAMPLES / "runner.toml").read_text())
    if units is not None:
        raw["units"] = units
    if pain is not None:
        raw["health"]["pain"] = pain
    return raw


def example_results() -> dict[str, Any]:
    """A fresh copy of examples/assessment.toml as a mapping."""
    return tomllib.loads((EXAMPLES / "assessment.toml").read_text())


def profile_file(folder: Path, units: str = "km") -> Path:
    """examples/runner.toml written to `folder` with the runner's units, for the CLI."""
    path = folder / "runner.toml"
    path.write_text(f'units = "{units}"\n' + (EXAMPLES / "runner.toml").read_text())
    return path


def normal_results_on(day: date) -> dict[str, Any]:
    """Normal results of two tests, as an assessment mapping taken on `day`."""
    return {
        "date": day.isoformat(),
        "single_leg_stance_eyes_open_s": {"left": 44, "right": 44},
        "heel_raise_reps": {"left": 22, "right": 22},
    }


def high_load_start(today: date) -> date:
    """A plan start for which the stored plan has a high-load or plyometric item in the four
    days from today (the days a spike today restricts)."""
    from footcore.adapters.inputs import read_profile
    from footcore.bootstrap import knowledge
    from footcore.domain.planner import generate_plan

    k = knowledge()
    prof = read_profile(EXAMPLES / "runner.toml")
    for back in range(112, 140):
        start = today - back * timedelta(days=1)
        plan = generate_plan(k.catalog, prof, k.rules, start, 24)
        for s in plan.sessions():
            if today <= s.date <= today + 3 * timedelta(days=1) and any(
                k.catalog.get(i.exercise).is_high_load for i in s.items
            ):
                return start
    raise AssertionError("no plan start puts a high-load item in the next days")
