"""Logging one exercise costs a small, constant number of SQL statements, on each backend: the
program is read once (the pause, the day's session and its logs), whatever the number of weeks
and logs already stored."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from sqlalchemy import event

from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.services import training
from footcore.services.logbook import LogEntry
from tests.factories import example_profile

START = date(2026, 3, 2)
DAY = timedelta(days=1)
REPEATED_LOG_AT_MOST = 6  # the athlete, the pause, the week to settle, the session, its logs


@contextmanager
def counted(uow: SqlUnitOfWork) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(uow.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(uow.engine, "before_cursor_execute", count)


def statements_per_log(uow: SqlUnitOfWork, name: str, weeks: int, logged_days: int) -> list[int]:
    """Statements of a first log (with its decision) and of the same log again, on the last
    logged day of a runner whose plan has `weeks` weeks and `logged_days` days of logs before."""
    training.init(uow, name, example_profile(), "runner.toml", None, None, START, weeks, START)
    days = [d.date for d in training.week(uow, name, START, START) if d.items]
    day = START
    for k in range(logged_days):
        day = days[k % len(days)] + 7 * DAY * (k // len(days))
        for item in training.day(uow, name, day, day).items:
            training.log(uow, name, LogEntry(item.exercise_done, day, rpe=4), day)
    day = day + 7 * DAY if logged_days else days[0]
    item = training.day(uow, name, day, day).items[0]
    entry = LogEntry(item.exercise_done, day, rpe=4)
    with counted(uow) as first:
        training.log(uow, name, entry, day)
    with counted(uow) as again:
        assert training.log(uow, name, entry, day).already
    return [len(first), len(again)]


def test_a_log_costs_the_same_statements_however_much_is_stored(uow: SqlUnitOfWork) -> None:
    small = statements_per_log(uow, "new", 4, 0)
    large = statements_per_log(uow, "seasoned", 24, 12)
    assert small[1] <= REPEATED_LOG_AT_MOST
    assert large[1] == small[1]
    assert large[0] <= small[0] + 2, (small, large)  # a decision reads a constant number too
