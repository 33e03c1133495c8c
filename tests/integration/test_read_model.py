"""The read model chooses its path in one place: an up-to-date SQLite file answers directly, with
no unit of work; PostgreSQL, or a week that ended unreviewed, goes through the unit of work, which
settles the week first. Either way the day and the week read the same."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.services import training
from footcore.services.queries import reads
from footcore.services.queries.day_view import day_dict
from tests.factories import example_profile

NAME = "default"
DAY = timedelta(days=1)


class Opened:
    """Units of work the read model opened, disposed at the end of the test."""

    def __init__(self) -> None:
        self.units: list[SqlUnitOfWork] = []

    def __call__(self, url: str | None) -> SqlUnitOfWork:
        unit = SqlUnitOfWork.connect(url)
        self.units.append(unit)
        return unit


@pytest.fixture
def opened() -> Iterator[Opened]:
    found = Opened()
    yield found
    for unit in found.units:
        unit.dispose()


def test_an_up_to_date_sqlite_file_answers_without_a_unit_of_work(
    uow: SqlUnitOfWork, database_url: str, today: date, opened: Opened
) -> None:
    training.init(uow, NAME, example_profile(), "profile", None, None, today, 24, today)
    store = reads.UrlStore(database_url, opened)
    day = reads.day(store, NAME, today, today)
    week = reads.week(store, NAME, today, today)
    assert day_dict(day) == day_dict(training.day(uow, NAME, today, today))
    assert [day_dict(v) for v in week] == [
        day_dict(v) for v in training.week(uow, NAME, today, today)
    ]
    assert len(opened.units) == (0 if database_url.startswith("sqlite") else 2)


def test_a_week_that_ended_unreviewed_is_settled_through_the_unit_of_work_first(
    uow: SqlUnitOfWork, database_url: str, today: date, opened: Opened
) -> None:
    training.init(uow, NAME, example_profile(), "profile", None, None, today, 24, today)
    later = today + 15 * DAY
    store = reads.UrlStore(database_url, opened)
    view = reads.day(store, NAME, later, later)
    assert len(opened.units) == 1
    # settled: the next read of that day needs no unit of work on SQLite
    assert day_dict(reads.day(store, NAME, later, later)) == day_dict(view)
    assert len(opened.units) == (1 if database_url.startswith("sqlite") else 2)
