"""Days outside the plan are named as such ("before your plan starts", "after your plan ended"),
never "a rest day", in the CLI, the API and the web page; a retest before the retest week says
when the retest is due. Every date is explicit."""

from __future__ import annotations

import json
import warnings
from datetime import date
from pathlib import Path

import pytest

from footcore.entrypoints.http import WebSettings, create_app
from tests.cli_runner import init_runner, run
from tests.conftest import EXAMPLES

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

START = date(2026, 3, 2)  # a Monday; 8 weeks: the last day is Sunday 2026-04-26


@pytest.fixture
def url(sqlite_cli: str) -> str:
    """A runner on an 8-week plan from START; yields the database URL."""
    init_runner(START, 8)
    return sqlite_cli


def test_a_day_before_the_plan_is_not_a_rest_day(url: str) -> None:
    r = run("today", "--date", "2026-02-01")
    assert r.out == (
        "Sun 2026-02-01: before your plan starts (it starts Mon 2026-03-02); "
        "nothing is planned yet.\n"
    )
    week = run("week", "--date", "2026-02-04").out
    assert "rest day" not in week and week.count("before your plan starts") == 7
    data = json.loads(run("today", "--date", "2026-02-01", "--format", "json").out)
    assert data["plan"] == {"starts": "2026-03-02", "ends": "2026-04-26", "position": "before"}


def test_a_day_after_the_plan_says_it_ended(url: str) -> None:
    last = json.loads(run("today", "--date", "2026-04-26", "--format", "json").out)["plan"]
    r = run("today", "--date", "2031-01-06")
    assert r.out.startswith("Mon 2031-01-06: after your plan ended (its last day was ")
    assert last["ends"] in r.out and "rest day" not in r.out


def test_the_api_and_the_web_page_name_days_outside_the_plan(url: str) -> None:
    settings = WebSettings(
        database_url=url, allowed_hosts=("testserver",), today=lambda: date(2026, 3, 4)
    )
    with TestClient(create_app(settings)) as client:
        before = client.get("/api/today", params={"day": "2026-02-01"}).json()
        assert before["plan"]["position"] == "before"
        within = client.get("/api/today", params={"day": "2026-03-03"}).json()
        assert within["plan"]["position"] == "within"
        page = client.get("/today", params={"day": "2026-02-01"}).text
        assert "before your plan starts: it starts on Monday 02 March 2026" in page
        assert "rest day" not in page
        page = client.get("/today", params={"day": "2031-01-06"}).text
        assert "after your plan ended" in page


def test_a_retest_before_the_retest_week_says_when_it_is_due(url: str, tmp_path: Path) -> None:
    text = (EXAMPLES / "assessment.toml").read_text()
    results = tmp_path / "early.toml"
    results.write_text(
        "\n".join(
            "date = 2026-03-03" if line.startswith("date") else line for line in text.splitlines()
        )
    )
    r = run("retest", "--results", str(results))
    assert r.code == 0, r.err
    assert "not a retest week: stored and scored; your retest is due in plan week " in r.out
    due = r.out.split("your retest is due in plan week ")[1].split(",")[0]
    start = r.out.split(f"plan week {due}, ")[1].split(" to ")[0]
    assert json.loads(run("today", "--date", start, "--format", "json").out)["week"]["retest"]


def test_status_after_the_plan_says_it_ended(url: str) -> None:
    # The plan ended on 2026-04-26, before any day this test can run on.
    out = run("status").out
    assert "Today is after your plan ended (its last day was 2026-04-26)." in out
    data = json.loads(run("status", "--format", "json").out)
    assert (data["plan_start"], data["plan_end"]) == ("2026-03-02", "2026-04-26")
