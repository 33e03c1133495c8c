"""The training commands end to end, through the real entry point, on SQLite and PostgreSQL:
init, today, week, log, session, checkin, status, profile, clear, export and import-data, and
every bad input as one line with its exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli_runner import Outcome, run
from tests.conftest import EXAMPLES, REPO

# Database fixtures shared with the integration layer (each test runs on both backends).
from tests.integration.conftest import (  # noqa: F401
    database_url,
    postgres_server_url,
    postgres_url,
)

TODAY = date.today()
START = TODAY - timedelta(days=2)
DAY = timedelta(days=1)


@pytest.fixture
def cli(
    database_url: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Iterator[str]:
    """The runner's CLI on a fresh database (given by URL); yields the URL."""
    monkeypatch.setenv("FOOTCORE_DATABASE_URL", database_url)
    monkeypatch.setenv("FOOTCORE_HOME", str(tmp_path / "home"))
    yield database_url


def fc(*args: str, stdin: str = "") -> Outcome:
    return run(*args, stdin=stdin)


def started(weeks: str = "24") -> None:
    r = fc(
        "init",
        "--profile",
        str(EXAMPLES / "runner.toml"),
        "--assessment",
        str(EXAMPLES / "assessment.toml"),
        "--start",
        START.isoformat(),
        "--weeks",
        weeks,
    )
    assert r.code == 0, r.err
    assert "Stored runner 'default'" in r.out


def day_json(day: date) -> dict:  # type: ignore[type-arg]
    r = fc("today", "--date", day.isoformat(), "--format", "json")
    assert r.code == 0, r.err
    return json.loads(r.out)  # type: ignore[no-any-return]


def one_error_line(r: Outcome, code: int, text: str) -> None:
    assert r.code == code, (r.out, r.err)
    assert r.err.count("\n") == 1 and r.err.startswith("footcore: "), r.err
    assert text in r.err, r.err


def test_a_runner_follows_the_plan_day_by_day(cli: str) -> None:
    started()
    today = fc("today", "--date", START.isoformat())
    assert today.code == 0, today.err
    assert "plan week 1 (foundation, cycle 1, week 1 of the cycle)" in today.out
    assert "why:" in today.out and "     - " in today.out  # reasons and cues
    data = day_json(START)
    assert set(data) >= {"athlete", "date", "week", "paused", "items", "next_session"}
    item = data["items"][1]
    assert set(item) >= {
        "exercise",
        "name",
        "sets",
        "reps",
        "hold_s",
        "cues",
        "why",
        "sources",
        "adaptation",
        "decision",
        "logged",
    }
    ex = item["exercise_done"]
    logged = fc("log", ex, "--date", START.isoformat(), "--rpe", "5", "--pain", "1")
    assert logged.code == 0, logged.err
    assert f"Logged {item['name']} on {START.isoformat()}" in logged.out  # its name, not its id
    assert "progress waits for tomorrow morning's check-in" in logged.out
    again = fc("log", ex, "--date", START.isoformat(), "--rpe", "5", "--pain", "1")
    assert (again.code, again.out.strip()) == (
        0,
        f"Already logged: {item['name']} on {START.isoformat()} (both); nothing changed.",
    )
    other = fc("log", ex, "--date", START.isoformat(), "--rpe", "6", "--pain", "1")
    one_error_line(other, 2, "is already logged with other values")
    check = fc("checkin", "--date", (START + DAY).isoformat(), "--morning-pain", "0")
    assert check.code == 0, check.err
    assert f"Decision for {item['name']}: hold - pain 1/10 (safe) settled" in check.out
    assert day_json(START)["items"][1]["logged"] is True
    status = fc("status")
    assert status.code == 0, status.err
    assert "Plan week 1 of 24: foundation, cycle 1" in status.out
    assert "last decision" in status.out
    js = json.loads(fc("status", "--format", "json").out)
    assert js["adherence_overall"][0] == 1 and js["week"]["phase"] == "foundation"
    week = fc("week", "--date", START.isoformat())
    assert week.code == 0 and "[logged]" in week.out


def test_bad_input_is_one_line_and_writes_nothing(cli: str) -> None:
    one_error_line(fc("today"), 2, "no runner 'default' yet: run `footcore init")
    started()
    one_error_line(fc("init", "--profile", str(EXAMPLES / "runner.toml")), 2, "already exists")
    first = day_json(START)["items"][0]["exercise_done"]
    one_error_line(fc("log", "not_an_exercise"), 2, "unknown exercise 'not_an_exercise'")
    one_error_line(
        fc("log", first, "--date", START.isoformat(), "--pain", "11"),
        2,
        "--pain 11 is out of range; accepted 0..10",
    )
    one_error_line(fc("log", first, "--date", (TODAY + DAY).isoformat()), 2, "is in the future")
    one_error_line(
        fc("log", first, "--date", (START - 9 * DAY).isoformat()), 2, "no session was planned on"
    )
    absent = next(
        e
        for e in ("marble_pickup", "calf_raise", "toe_walk")
        if e not in {i["exercise_done"] for i in day_json(START)["items"]}
    )
    one_error_line(fc("log", absent, "--date", START.isoformat()), 2, "is not in the session of")
    one_error_line(fc("log", first, "--reps", "3", "--hold-s", "3"), 2, "not both")
    one_error_line(fc("log", first, "--date", "2026-02-30"), 2, "is not a date")
    one_error_line(
        fc("log", first, "--date", START.isoformat(), "--pain-area", "elbow"),
        2,
        "--pain-area: unknown word 'elbow'",
    )
    one_error_line(fc("checkin", "--morning-pain", "12"), 2, "out of range")
    one_error_line(
        fc("profile", "set", "schedule.minutes_per_day", "200"),
        2,
        "schedule.minutes_per_day = 200 is out of range; accepted 5..90",
    )
    one_error_line(fc("profile", "set", "nonsense.key", "1"), 2, "unknown key 'nonsense'")
    one_error_line(fc("clear"), 2, "add --confirm")
    assert json.loads(fc("status", "--format", "json").out)["adherence_overall"][0] == 0


def test_an_unreachable_database_is_exit_5() -> None:
    r = run("status", "--database-url", "postgresql://nobody@127.0.0.1:9/none")
    one_error_line(r, 5, "cannot be reached or migrated")


def test_a_red_flag_pauses_the_program_until_clearance(cli: str) -> None:
    started()
    first = day_json(START)["items"][0]["exercise_done"]
    flagged = fc("checkin", "--morning-pain", "2", "--symptom", "night_pain")
    assert flagged.code == 3 and "footcore: STOP:" in flagged.err
    today = fc("today")
    assert today.code == 3 and "clear --confirm" in today.err
    assert fc("log", first, "--date", START.isoformat()).code == 3
    status = fc("status")
    assert status.code == 0 and "Warning: program paused" in status.out
    assert fc("clear", "--confirm").code == 0
    assert fc("today", "--date", START.isoformat()).code == 0
    assert fc("log", first, "--date", START.isoformat(), "--rpe", "4").code == 0
    via_profile = fc("profile", "set", "health.symptoms", "fever")
    assert via_profile.code == 3 and "STOP" in via_profile.err
    assert fc("today").code == 3


def test_a_profile_change_replans_only_the_future(cli: str) -> None:
    started()
    past = day_json(START)["items"]
    ahead = TODAY + 3 * DAY
    r = fc("profile", "set", "schedule.minutes_per_day", "6")
    assert r.code == 0, r.err
    assert f"re-planned from {TODAY + DAY}" in r.out
    assert day_json(START)["items"] == past
    shorter = day_json(ahead)["items"]
    assert 0 < len(shorter) < len(past)
    assert fc("profile", "set", "schedule.minutes_per_day", "6").out.startswith(
        "schedule.minutes_per_day is already 6"
    )
    shown = json.loads(fc("profile", "show", "--format", "json").out)
    assert shown["schedule"]["minutes_per_day"] == 6
    assert fc("profile", "set", "equipment.items", "towel,band").code == 0
    assert json.loads(fc("profile", "show", "--format", "json").out)["equipment"] == {
        "items": ["towel", "band"]
    }


def test_the_interactive_session_logs_every_item_at_once(cli: str) -> None:
    started()
    items = day_json(START)["items"]
    answers = []
    for item in items:
        answers.append("y")
        for _side in ("left", "right") if item["per_side"] else ("both",):
            if item["reps"] is not None or item["hold_s"] is not None:
                answers.append("")  # the prescribed count
        answers += ["", "0"]  # sets as prescribed, no pain
    answers.append("5")  # the session's effort
    r = fc("session", "--date", START.isoformat(), "--no-timer", stdin="\n".join(answers) + "\n")
    assert r.code == 0, r.out + r.err
    assert f"Logged {len(items)} item(s) for {START.isoformat()}." in r.out
    assert all(i["logged"] for i in day_json(START)["items"])


def test_export_then_import_data_gives_the_same_file(cli: str, tmp_path: Path) -> None:
    started("8")
    first = day_json(START)["items"][0]["exercise_done"]
    assert fc("log", first, "--date", START.isoformat(), "--rpe", "5").code == 0
    out = tmp_path / "ana.json"
    assert fc("export", str(out)).code == 0
    imported = fc("import-data", str(out), "--athlete", "copy")
    assert imported.code == 0 and "Imported runner 'copy'" in imported.out
    again = tmp_path / "copy.json"
    assert fc("export", str(again), "--athlete", "copy").code == 0
    assert again.read_text().replace('"copy"', '"default"') == out.read_text()
    one_error_line(fc("import-data", str(out), "--athlete", "copy"), 2, "already exists")
    one_error_line(fc("import-data", str(tmp_path / "none.json")), 2, "cannot read it")


def test_today_reads_sqlite_without_loading_sqlalchemy(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fc.db'}"
    assert (
        run(
            "init",
            "--profile",
            str(EXAMPLES / "runner.toml"),
            "--database-url",
            url,
            "--start",
            TODAY.isoformat(),
        ).code
        == 0
    )
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('sqlalchemy' in sys.modules, file=sys.stderr))\n"
        "from footcore.entrypoints.cli import main\n"
        f"sys.argv = ['footcore', 'today', '--database-url', {url!r}]\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "False"
    assert TODAY.strftime("%a %Y-%m-%d") in proc.stdout
