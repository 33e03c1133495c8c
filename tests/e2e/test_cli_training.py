"""The training commands end to end, through the real entry point, on SQLite and PostgreSQL:
init, today, week, log, session, checkin, status, profile, clear, export and import-data, and
every bad input as one line with its exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from footcore.domain.catalog import Dose
from tests.cli_runner import Outcome, init_runner, one_error_line, run
from tests.clock import noon
from tests.conftest import EXAMPLES, REPO

DAY = timedelta(days=1)


@pytest.fixture
def start(today: date) -> date:
    """The plan starts two days before the (pinned) today."""
    return today - 2 * DAY


def fc(*args: str, stdin: str = "") -> Outcome:
    return run(*args, stdin=stdin)


def started(start: date, weeks: str = "24") -> None:
    r = init_runner(start, weeks, assessment=True)
    assert "Stored runner 'default'" in r.out


def day_json(day: date) -> dict[str, Any]:
    r = fc("today", "--date", day.isoformat(), "--format", "json")
    assert r.code == 0, r.err
    shown: dict[str, Any] = json.loads(r.out)
    return shown


def minutes(items: list[dict[str, Any]]) -> float:
    """A day's estimated minutes, from the doses the JSON shows (the planner's own estimate)."""
    keys = ("sets", "reps", "hold_s", "distance_m", "tempo", "per_side", "rest_s")
    return sum(Dose(**{k: item[k] for k in keys}).minutes() for item in items)


@pytest.mark.any_weekday
def test_a_runner_follows_the_plan_day_by_day(cli: str, start: date) -> None:
    started(start)
    shown = fc("today", "--date", start.isoformat())
    assert shown.code == 0, shown.err
    assert "plan week 1 (foundation, cycle 1, week 1 of the cycle)" in shown.out
    assert "why:" in shown.out and "     - " in shown.out  # reasons and cues
    data = day_json(start)
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
    logged = fc("log", ex, "--date", start.isoformat(), "--rpe", "5", "--pain", "1")
    assert logged.code == 0, logged.err
    assert f"Logged {item['name']} on {start.isoformat()}" in logged.out  # its name, not its id
    assert "progress waits for tomorrow morning's check-in" in logged.out
    again = fc("log", ex, "--date", start.isoformat(), "--rpe", "5", "--pain", "1")
    assert (again.code, again.out.strip()) == (
        0,
        f"Already logged: {item['name']} on {start.isoformat()} (both); nothing changed.",
    )
    other = fc("log", ex, "--date", start.isoformat(), "--rpe", "6", "--pain", "1")
    one_error_line(other, "is already logged with other values")
    check = fc("checkin", "--date", (start + DAY).isoformat(), "--morning-pain", "0")
    assert check.code == 0, check.err
    assert f"Decision for {item['name']}: hold - pain 1/10 (safe) settled" in check.out
    assert day_json(start)["items"][1]["logged"] is True
    status = fc("status")
    assert status.code == 0, status.err
    assert "Plan week 1 of 24: foundation, cycle 1" in status.out
    assert "last decision" in status.out
    js = json.loads(fc("status", "--format", "json").out)
    assert js["adherence_overall"][0] == 1 and js["week"]["phase"] == "foundation"
    week = fc("week", "--date", start.isoformat())
    assert week.code == 0 and "[logged]" in week.out


def test_bad_input_is_one_line_and_writes_nothing(cli: str, start: date, today: date) -> None:
    one_error_line(fc("today"), "no runner 'default' yet: run `footcore init")
    started(start)
    one_error_line(fc("init", "--profile", str(EXAMPLES / "runner.toml")), "already exists")
    first = day_json(start)["items"][0]["exercise_done"]
    one_error_line(fc("log", "not_an_exercise"), "unknown exercise 'not_an_exercise'")
    one_error_line(
        fc("log", first, "--date", start.isoformat(), "--pain", "11"),
        "--pain 11 is out of range; accepted 0..10",
    )
    one_error_line(fc("log", first, "--date", (today + DAY).isoformat()), "is in the future")
    one_error_line(
        fc("log", first, "--date", (start - 9 * DAY).isoformat()), "no session was planned on"
    )
    absent = next(
        e
        for e in ("marble_pickup", "calf_raise", "toe_walk")
        if e not in {i["exercise_done"] for i in day_json(start)["items"]}
    )
    one_error_line(fc("log", absent, "--date", start.isoformat()), "is not in the session of")
    one_error_line(fc("log", first, "--reps", "3", "--hold-s", "3"), "not both")
    one_error_line(fc("log", first, "--date", "2026-02-30"), "is not a date")
    one_error_line(
        fc("log", first, "--date", start.isoformat(), "--pain-area", "elbow"),
        "--pain-area: unknown word 'elbow'",
    )
    one_error_line(fc("checkin", "--morning-pain", "12"), "out of range")
    one_error_line(
        fc("profile", "set", "schedule.minutes_per_day", "200"),
        "schedule.minutes_per_day = 200 is out of range; accepted 5..90",
    )
    one_error_line(fc("profile", "set", "nonsense.key", "1"), "unknown key 'nonsense'")
    one_error_line(fc("clear"), "add --confirm")
    assert json.loads(fc("status", "--format", "json").out)["adherence_overall"][0] == 0


def test_an_unreachable_database_is_exit_5() -> None:
    r = run("status", "--database-url", "postgresql://nobody@127.0.0.1:9/none")
    one_error_line(r, "cannot be reached or migrated", code=5)


@pytest.mark.any_weekday
def test_a_red_flag_pauses_the_program_until_clearance(cli: str, start: date) -> None:
    started(start)
    first = day_json(start)["items"][0]["exercise_done"]
    flagged = fc("checkin", "--morning-pain", "2", "--symptom", "night_pain")
    assert flagged.code == 3 and "footcore: STOP:" in flagged.err
    paused = fc("today")
    assert paused.code == 3 and "clear --confirm" in paused.err
    assert fc("log", first, "--date", start.isoformat()).code == 3
    status = fc("status")
    assert status.code == 0 and "Warning: program paused" in status.out
    assert fc("clear", "--confirm", "--by", "A. Lee, physiotherapist").code == 0
    assert fc("today", "--date", start.isoformat()).code == 0
    assert fc("log", first, "--date", start.isoformat(), "--rpe", "4").code == 0
    via_profile = fc("profile", "set", "health.symptoms", "fever")
    assert via_profile.code == 3 and "STOP" in via_profile.err
    assert fc("today").code == 3


def test_a_profile_change_replans_only_the_future(cli: str, start: date, today: date) -> None:
    started(start)
    past = day_json(start)["items"]
    ahead = today + 3 * DAY
    planned = day_json(ahead)["items"]
    r = fc("profile", "set", "schedule.minutes_per_day", "6")
    assert r.code == 0, r.err
    assert f"re-planned from {today + DAY}" in r.out
    assert day_json(start)["items"] == past
    # The same future day, re-planned for fewer minutes a day, is shorter than it was. The planner
    # may keep the item count and cut sets instead, so the day is measured in minutes.
    shorter = day_json(ahead)["items"]
    assert shorter and minutes(shorter) < minutes(planned)
    assert fc("profile", "set", "schedule.minutes_per_day", "6").out.startswith(
        "schedule.minutes_per_day is already 6"
    )
    shown = json.loads(fc("profile", "show", "--format", "json").out)
    assert shown["schedule"]["minutes_per_day"] == 6
    assert fc("profile", "set", "equipment.items", "towel,band").code == 0
    assert json.loads(fc("profile", "show", "--format", "json").out)["equipment"] == {
        "items": ["towel", "band"]
    }


def test_the_interactive_session_logs_every_item_at_once(cli: str, start: date) -> None:
    started(start)
    items = day_json(start)["items"]
    answers = []
    for item in items:
        answers.append("y")
        for _side in ("left", "right") if item["per_side"] else ("both",):
            if item["reps"] is not None or item["hold_s"] is not None:
                answers.append("")  # the prescribed count
        answers += ["", "0"]  # sets as prescribed, no pain
    answers.append("5")  # the session's effort
    r = fc("session", "--date", start.isoformat(), "--no-timer", stdin="\n".join(answers) + "\n")
    assert r.code == 0, r.out + r.err
    assert f"Logged {len(items)} item(s) for {start.isoformat()}." in r.out
    assert all(i["logged"] for i in day_json(start)["items"])


def test_export_then_import_data_gives_the_same_file(cli: str, tmp_path: Path, start: date) -> None:
    started(start, "8")
    first = day_json(start)["items"][0]["exercise_done"]
    assert fc("log", first, "--date", start.isoformat(), "--rpe", "5").code == 0
    out = tmp_path / "ana.json"
    assert fc("export", str(out)).code == 0
    imported = fc("import-data", str(out), "--athlete", "copy")
    assert imported.code == 0 and "Imported runner 'copy'" in imported.out
    again = tmp_path / "copy.json"
    assert fc("export", str(again), "--athlete", "copy").code == 0
    assert again.read_text().replace('"copy"', '"default"') == out.read_text()
    one_error_line(fc("import-data", str(out), "--athlete", "copy"), "already exists")
    one_error_line(fc("import-data", str(tmp_path / "none.json")), "cannot read it")


@pytest.mark.any_weekday
def test_today_reads_sqlite_without_loading_sqlalchemy(
    tmp_path: Path, start: date, today: date
) -> None:
    url = f"sqlite:///{tmp_path / 'fc.db'}"
    assert (
        run(
            "init",
            "--profile",
            str(EXAMPLES / "runner.toml"),
            "--database-url",
            url,
            "--start",
            today.isoformat(),
        ).code
        == 0
    )
    probe = (
        "import atexit, sys, time_machine\n"
        # the child's clock is pinned to the test's today, as this process's is
        f"time_machine.travel({noon(today).isoformat()!r}, tick=True).start()\n"
        "atexit.register(lambda: print('sqlalchemy' in sys.modules, file=sys.stderr))\n"
        "from footcore.entrypoints.cli.main import main\n"
        f"sys.argv = ['footcore', 'today', '--database-url', {url!r}]\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "False"
    assert today.strftime("%a %Y-%m-%d") in proc.stdout
