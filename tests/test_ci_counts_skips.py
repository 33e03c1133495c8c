"""In CI (CI=true) a skipped test fails the run, also when the tests run in parallel (xdist): the
check in tests/conftest.py sees the skips that the workers report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

CONFTEST = "from tests.conftest import pytest_sessionfinish, pytest_terminal_summary  # noqa\n"
TESTS = """import pytest


def test_runs():
    pass


def test_skips():
    pytest.skip("no corpus here")
"""


def test_a_skip_in_a_parallel_run_fails_it_in_ci(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_some.py").write_text(TESTS)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")  # not this repository's options
    env = {**os.environ, "PYTHONPATH": str(REPO), "CI": "true"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "1 passed, 1 skipped" in run.stdout, run.stdout + run.stderr
    assert "in CI a skip counts as a failure" in run.stdout
    assert run.returncode == 1
