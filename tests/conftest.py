"""Shared test plumbing. In CI (CI=true) a skipped test fails the run: nothing may be skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.corpus import SAMPLES  # noqa: F401  (the corpus's place, for the tests that import it here)

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
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
