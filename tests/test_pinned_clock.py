"""No test reads the real clock: the date seen at import, in a module fixture, in a test and in a
child process the tests start is the pinned one (tests/clock.py, tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime

import pytest

from tests.clock import ANCHOR, WEEK, pinned_python
from tests.conftest import REPO

SEEN_AT_IMPORT = date.today()


@pytest.fixture(scope="module")
def seen_by_a_module_fixture() -> date:
    return date.today()


def test_import_time_fixtures_and_tests_all_see_the_anchor(
    seen_by_a_module_fixture: date, today: date
) -> None:
    assert SEEN_AT_IMPORT == seen_by_a_module_fixture == today == date.today() == ANCHOR
    assert datetime.now(UTC).date() == ANCHOR


def test_the_anchor_week_runs_from_monday_to_sunday() -> None:
    assert [d.weekday() for d in WEEK] == list(range(7)) and ANCHOR in WEEK


@pytest.mark.any_weekday
def test_an_any_weekday_test_sees_its_own_day(today: date) -> None:
    assert date.today() == today and today in WEEK


def test_a_child_process_started_by_a_test_sees_the_pinned_date() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    seen = subprocess.run(
        pinned_python(WEEK[0], "import datetime\nprint(datetime.date.today())\n"),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert seen.stdout.strip() == WEEK[0].isoformat()
