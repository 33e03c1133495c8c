"""Clearance after a red flag names who cleared it, and morning stiffness is recorded, through the
real CLI on SQLite and PostgreSQL: `clear --confirm --by "NAME, ROLE"`, `status` (text and JSON),
`export`, and `checkin --stiffness`. Every date is given explicitly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli_runner import Outcome, init_runner, run

START = "2026-01-05"
BY = "A. Lee, physiotherapist"


@pytest.fixture
def cli(cli: str) -> str:
    """The CLI of tests/e2e/conftest.py (each backend) with a runner on a 12-week plan."""
    init_runner(START, 12, assessment=True)
    return cli


def one_error_line(r: Outcome, code: int, text: str) -> None:
    assert r.code == code, (r.out, r.err)
    assert r.err.count("\n") == 1 and r.err.startswith("footcore: "), r.err
    assert text in r.err, r.err


def test_clearance_needs_a_name_and_role_and_is_shown_in_status_and_export(
    cli: str, tmp_path: Path
) -> None:
    flagged = run("checkin", "--date", "2026-01-06", "--morning-pain", "2", "--symptom", "fever")
    assert flagged.code == 3
    assert '--by "NAME, ROLE"' in run("today", "--date", "2026-01-06").err

    one_error_line(run("clear", "--confirm"), 2, '--by "NAME, ROLE"')
    one_error_line(run("clear", "--confirm", "--by", "Anna"), 2, '--by "NAME, ROLE"')
    one_error_line(run("clear", "--confirm", "--by", " , nurse"), 2, '--by "NAME, ROLE"')
    assert "program paused" in run("status").out  # nothing was half-cleared

    done = run("clear", "--confirm", "--by", BY)
    assert done.code == 0 and f"Cleared by {BY} on " in done.out

    status = run("status")
    assert status.code == 0 and "program paused" not in status.out
    assert re.search(rf"Last red-flag pause cleared on \d{{4}}-\d\d-\d\d by {BY}\.", status.out)
    data = json.loads(run("status", "--format", "json").out)
    assert data["cleared"]["by"] == BY and data["cleared"]["started"]

    target = tmp_path / "export.json"
    assert run("export", str(target)).code == 0
    exported = json.loads(target.read_text())
    [pause] = exported["pauses"]
    assert pause["cleared_by"] == BY and pause["cleared"] == data["cleared"]["date"]
    resume = [d for d in exported["decisions"] if d["kind"] == "resume"]
    assert resume and BY in resume[0]["reason"] and resume[0]["made_at"]


def test_morning_stiffness_is_recorded_beside_morning_pain(cli: str, tmp_path: Path) -> None:
    ok = run("checkin", "--date", "2026-01-06", "--morning-pain", "1", "--stiffness", "4")
    assert ok.code == 0 and "morning pain 1/10, stiffness 4/10 (overall)" in ok.out
    one_error_line(
        run("checkin", "--date", "2026-01-07", "--morning-pain", "1", "--stiffness", "11"),
        2,
        "--stiffness 11 is out of range",
    )
    target = tmp_path / "export.json"
    assert run("export", str(target)).code == 0
    [checkin] = json.loads(target.read_text())["checkins"]
    assert (checkin["morning_pain"], checkin["stiffness"]) == (1, 4)
