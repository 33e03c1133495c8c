"""The stored calendar on both backends: repeats after missed weeks, retest gates, and re-plans
that never touch a day already past."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from footcore.adapters.inputs import results_from_mapping
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.services import training
from footcore.services.logbook import LogEntry
from tests.factories import NORMAL_RESULTS, example_profile, example_results

DAY = timedelta(days=1)
START = date(2026, 1, 5)
PROFILE = example_profile()
BASELINE = example_results()


def begin(uow: SqlUnitOfWork) -> None:
    training.init(
        uow,
        "ana",
        PROFILE,
        "runner.toml",
        results_from_mapping(BASELINE),
        BASELINE,
        START,
        12,
        START,
    )


def log_first_item(uow: SqlUnitOfWork, day: date) -> None:
    item = training.day(uow, "ana", day, day).items[0]
    training.log(uow, "ana", LogEntry(item.exercise_done, day, rpe=5), day)


def week_of(uow: SqlUnitOfWork, day: date, as_of: date) -> dict[str, Any]:
    week = training.day(uow, "ana", day, as_of).week
    assert week is not None
    return week


def retest(uow: SqlUnitOfWork, values: dict[str, Any], day: date) -> Any:
    raw = {"date": day, **values}
    return training.retest(uow, "ana", results_from_mapping(raw), raw, day)


def test_a_failed_retest_then_a_passing_one_in_the_same_week_opens_the_next_phase(
    uow: SqlUnitOfWork,
) -> None:
    begin(uow)
    for week in range(5):
        log_first_item(uow, START + 7 * week * DAY)
    retest_monday = START + 35 * DAY
    assert week_of(uow, retest_monday, retest_monday)["retest"] is True
    failed = retest(uow, {k: v for k, v in BASELINE.items() if k != "date"}, retest_monday)
    assert not failed.result.passed
    after = week_of(uow, retest_monday + 7 * DAY, retest_monday)
    assert (after["kind"], after["plan_week"], after["phase"]) == ("gate_repeat", 3, "foundation")
    friday = retest_monday + 4 * DAY
    normal = {k: {"left": a, "right": b} for k, (a, b) in NORMAL_RESULTS.items()}
    passed = retest(uow, normal, friday)
    assert passed.result.passed
    assert passed.effect == (
        f"the gate is open: the next phase starts on {(retest_monday + 7 * DAY).isoformat()}"
    )
    nxt = week_of(uow, retest_monday + 7 * DAY, friday)
    assert (nxt["kind"], nxt["plan_week"], nxt["phase"]) == ("planned", 7, "strength")
    again = retest(uow, normal, friday)  # the same file twice: stored once
    assert again.already


def test_a_runner_back_after_two_missed_weeks_keeps_the_days_already_past(
    uow: SqlUnitOfWork,
) -> None:
    begin(uow)
    log_first_item(uow, START)
    back = START + 23 * DAY  # Wednesday of week 4
    before = {d: training.day(uow, "ana", d, START).items for d in (back - 2 * DAY, back - DAY)}
    status = training.status(uow, "ana", back)
    assert status.week is not None
    assert (status.week["kind"], status.week["plan_week"]) == ("repeat", 2)
    assert status.week["note"] == (
        "no session was logged in week 2 (2026-01-12 to 2026-01-18): the week repeats with the "
        "same doses instead of moving on (2 times, until you are back)"
    )
    for day, items in before.items():
        assert training.day(uow, "ana", day, back).items == items
    assert week_of(uow, back + 7 * DAY, back)["plan_week"] == 3
    week = training.week(uow, "ana", back, back)
    assert week[0].date == START + 21 * DAY
    assert all(v.items for v in week)


def test_a_profile_change_rebuilds_from_tomorrow_only(uow: SqlUnitOfWork) -> None:
    begin(uow)
    today = START + 2 * DAY
    log_first_item(uow, START)
    seen = {
        START + i * DAY: training.day(uow, "ana", START + i * DAY, today).items for i in range(5)
    }
    change = training.profile_set(uow, "ana", "schedule.days", '["mon", "wed", "fri"]', today)
    assert change.changed and change.replanned_from == today + DAY
    for day in (START, START + DAY, today):
        assert training.day(uow, "ana", day, today).items == seen[day]
    assert training.day(uow, "ana", today + DAY, today).items == []  # Thursday: no longer
    assert training.day(uow, "ana", today + 2 * DAY, today).items  # Friday stays a day
