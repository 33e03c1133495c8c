"""Say things once, in the reader's words: `shoes` keeps its long reasons for --explain,
`status` shows the latest check-ins, a second check-in of a morning is refused with its reason,
the web speaks in web words (no CLI flags) and an exercise goes by its name."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from footcore.entrypoints.http import WebSettings
from footcore.entrypoints.http.web_words import web_words
from tests.cli_runner import init_runner, run
from tests.conftest import REPO
from tests.factories import example_profile
from tests.web.conftest import HOSTS, make_client

START = "2026-03-02"


@pytest.fixture
def runner(sqlite_cli: str) -> str:
    """A runner on an 8-week plan from START; yields the database URL."""
    init_runner(START, 8)
    return sqlite_cli


def test_shoes_keeps_its_long_reasons_for_explain(runner: str) -> None:
    assert run("shoes", "add", "Daily", "--kind", "cushioned").code == 0
    short, long = run("shoes").out, run("shoes", "--explain").out
    for reason in ("Malisoux 2015", "The reminder (", "  How: "):
        assert reason not in short and long.count(reason) == 1, reason
    assert "`footcore shoes --explain`" in short
    assert "reminder at 650 km" in short and "reminder at 650 km" in long


def test_status_shows_the_latest_check_ins_newest_first(runner: str) -> None:
    assert "No morning check-in yet" in run("status").out
    for day, pain in (("2026-03-03", "1"), ("2026-03-04", "2"), ("2026-03-05", "0")):
        assert run("checkin", "--date", day, "--morning-pain", pain).code == 0
    assert run("checkin", "--date", "2026-03-06", "--morning-pain", "3", "--area", "heel").code == 0
    line = next(x for x in run("status").out.splitlines() if x.startswith("Latest check-ins"))
    assert line == (
        "Latest check-ins: 2026-03-06 3/10 (heel); 2026-03-05 0/10 (overall); "
        "2026-03-04 2/10 (overall)"
    )


def test_a_second_check_in_of_a_morning_is_refused_with_its_reason(runner: str) -> None:
    assert run("checkin", "--date", "2026-03-03", "--morning-pain", "1").code == 0
    again = run("checkin", "--date", "2026-03-03", "--morning-pain", "4")
    assert again.code == 2
    assert "yesterday's exercises were decided from it; one check-in per morning and area" in (
        again.err
    )


def test_web_words_replace_command_line_phrases() -> None:
    assert web_words("stored; give its start time (--time HH:MM) to add another") == (
        "stored; give its start time to add another"
    )
    assert web_words("effort was not logged (--rpe 0-10): the same dose") == (
        "effort was not logged (effort 0-10): the same dose"
    )
    assert web_words("--pain-area: unknown word 'knees'") == "where it hurt: unknown word 'knees'"
    assert "--" not in web_words(
        "Stop. When a clinician has cleared you: footcore clear --confirm."
    )


def test_web_templates_name_no_command_line_option() -> None:
    templates = REPO / "src/footcore/entrypoints/http/pages/templates"
    for page in templates.glob("*.html"):
        assert not re.search(r"(?<![\w(])--[a-z]", page.read_text()), page.name


def test_the_web_and_api_speak_in_web_words_and_exercise_names(tmp_path: Path) -> None:
    settings = WebSettings(
        database_url=f"sqlite:///{tmp_path / 'web.db'}",
        allowed_hosts=HOSTS,
        today=lambda: date(2026, 11, 16),
    )
    with make_client(settings) as c:
        profile = example_profile()
        assert c.post("/api/athlete", json={"profile": profile}).status_code == 201
        run_ = {"date": "2026-11-16", "km": 8, "minutes": 45}
        assert c.post("/api/runs", json=run_).status_code in (200, 201)
        twice = c.post("/api/runs", json=run_)
        assert twice.status_code == 409 and "--" not in twice.json()["error"]
        assert "give its start time to add another" in twice.json()["error"]
        item = c.get("/api/today").json()["items"][0]
        assert c.post("/api/logs", json={"exercise": item["exercise_done"]}).status_code == 200
        page = c.get("/today").text
        assert "effort was not logged (effort 0-10)" in page and "(--rpe" not in page
        assert item["name"] in page


def test_the_web_load_page_says_each_band_reason_once(tmp_path: Path) -> None:
    settings = WebSettings(
        database_url=f"sqlite:///{tmp_path / 'web.db'}",
        allowed_hosts=HOSTS,
        today=lambda: date(2026, 11, 16),
    )
    with make_client(settings) as c:
        profile = example_profile()
        assert c.post("/api/athlete", json={"profile": profile}).status_code == 201
        # 10 km, then two small spikes (+20%, +12.5%) and a moderate one (+52%).
        for day, km in (("02", 10), ("04", 12), ("06", 13.5), ("08", 20.5)):
            run_ = {"date": f"2026-11-{day}", "km": km, "minutes": 60}
            assert c.post("/api/runs", json=run_).status_code in (200, 201)
        page = c.get("/load", params={"weeks": 4}).text
        table = page[page.index('<table id="spikes">') : page.index('<ul id="spike-bands">')]
        assert table.count("<tr>") == 1 + 3  # the header and one row per run with a reference
        assert page.count("hazard rate ratio") == 2  # small and moderate, once each
