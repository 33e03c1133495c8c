"""Shared test plumbing. In CI (CI=true) a skipped test fails the run: nothing may be skipped.
Every test runs on a pinned clock (tests/clock.py); `any_weekday` tests run on seven days."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import time_machine
from hypothesis import settings

import footcore.bootstrap  # noqa: F401  (the composition root wires the services it tests)
from tests.clock import ANCHOR, WEEK, noon
from tests.corpus import SAMPLES  # noqa: F401  (the corpus's place, for the tests that import it here)

# the database fixtures (`database_url`, `uow`, ...) for every test directory
pytest_plugins = ["tests.db_fixtures"]

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


_SESSION_CLOCK = time_machine.travel(noon(ANCHOR), tick=True)

# Hypothesis' per-example deadline measures the machine, not the code: on two loaded cores running
# tests in parallel a 1 ms example can take 400 ms. The examples and assertions are unchanged.
settings.register_profile("footcore", deadline=None)
settings.load_profile("footcore")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "any_weekday: run once on each day of the anchor's week (the clock is pinned)"
    )
    # From here on (collection, module and session fixtures too) this process's clock reads
    # ANCHOR: a test module's `date.today()` at import time never sees the real date.
    _SESSION_CLOCK.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    _SESSION_CLOCK.stop()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("any_weekday"):
        metafunc.parametrize(
            "today", WEEK, indirect=True, ids=[f"{d:%a}-{d.isoformat()}" for d in WEEK]
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The other six weekdays of an `any_weekday` test run on SQLite only (PostgreSQL runs the
    anchor day): the date arithmetic under test is the same on both backends."""
    keep, drop = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if params.get("today", ANCHOR) != ANCHOR and params.get("database_url") == "postgresql":
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(autouse=True)
def today(request: pytest.FixtureRequest) -> Iterator[date]:
    """The pinned date of this test (ANCHOR, or each weekday for `any_weekday` tests): the clock
    starts at its noon UTC and ticks on, so date.today() and datetime.now() never read the real
    date in this process."""
    day: date = getattr(request, "param", ANCHOR)
    with time_machine.travel(noon(day), tick=True):
        yield day


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    skipped = terminalreporter.stats.get("skipped", [])
    if os.environ.get("CI") == "true" and skipped:
        terminalreporter.write_line(
            f"CI: {len(skipped)} test(s) were skipped; in CI a skip counts as a failure", red=True
        )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") == "true" and skipped and exitstatus == 0:
        session.exitstatus = 1
