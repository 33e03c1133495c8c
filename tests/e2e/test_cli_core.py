"""The core commands end to end: exercises, exercise, learn, assess, plan, and every bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import run
from tests.conftest import EXAMPLES

PROFILE = EXAMPLES / "runner.toml"
RESULTS = EXAMPLES / "assessment.toml"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_example_plan_prints_as_text() -> None:
    r = run(
        "plan", "--profile", str(PROFILE), "--assessment", str(RESULTS), "--start", "2026-11-23"
    )
    assert r.code == 0, r.err
    assert "Week 1 (2026-11-23): foundation" in r.out
    assert "why:" in r.out
    assert "Priorities:" in r.out


def test_plan_json_follows_the_contract() -> None:
    r = run(
        "plan",
        "--profile",
        str(PROFILE),
        "--assessment",
        str(RESULTS),
        "--start",
        "2026-11-23",
        "--weeks",
        "9",
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert set(data) >= {"start", "weeks", "findings", "priorities", "warnings"}
    assert data["start"] == "2026-11-23"
    assert len(data["weeks"]) == 9
    week = data["weeks"][0]
    assert set(week) >= {"index", "start", "phase", "cycle", "light", "retest", "days"}
    item = week["days"][0]["items"][0]
    assert set(item) >= {
        "exercise",
        "sets",
        "reps",
        "hold_s",
        "distance_m",
        "per_side",
        "why",
        "sources",
    }
    assert data["weeks"][2]["light"] is True
    assert "calf_endurance" in data["priorities"]


def test_plan_markdown_has_headings() -> None:
    r = run("plan", "--profile", str(PROFILE), "--weeks", "2", "--format", "markdown")
    assert r.code == 0
    assert r.out.startswith("# footcore plan")
    assert "## Week 2" in r.out


def test_exercises_filter_by_category_and_equipment_as_json() -> None:
    r = run("exercises", "--category", "strength", "--equipment", "none", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data and all(e["category"] == "strength" for e in data)
    assert all(set(e["equipment"]) <= {"wall", "chair"} for e in data)
    fields = {
        "id",
        "name",
        "aliases",
        "category",
        "muscles",
        "equipment",
        "position",
        "dose",
        "cues",
        "progression",
        "regression",
        "contraindications",
        "phases",
        "sources",
    }
    assert fields <= set(data[0])


def test_exercise_shows_one_in_full() -> None:
    listing = json.loads(run("exercises", "--format", "json").out)
    first = listing[0]["id"]
    r = run("exercise", first)
    assert r.code == 0
    assert "cues:" in r.out and "sources:" in r.out


def test_learn_lists_topics_and_reads_one() -> None:
    r = run("learn", "--format", "json")
    assert r.code == 0, r.err
    topics = json.loads(r.out)
    kinds = {t["kind"] for t in topics}
    assert {"anatomy", "gait", "problem", "care", "recovery"} <= kinds
    one = run("learn", topics[0]["id"])
    assert one.code == 0 and "Sources:" in one.out


def test_assess_scores_a_results_file_against_the_norms() -> None:
    r = run("assess", "--results", str(RESULTS), "--profile", str(PROFILE), "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    heel = next(f for f in data["findings"] if f["test"] == "heel_raise_reps")
    assert heel["standing"] == {"left": "below", "right": "within"}
    assert heel["asymmetry"] is True
    assert heel["grade_text"] == "read in the primary paper"
    assert "calf_endurance" in data["priorities"]


def test_assess_walks_the_battery_interactively(tmp_path: Path) -> None:
    saved = tmp_path / "mine.toml"
    answers = (
        "\n".join(
            ["n"] * 16  # the red-flag screen
            + ["34", "female"]
            + [
                # three trials per side: a blank after the first ends them early
                *("40", "", "42", ""),
                *("10", "", "12", ""),
                "15",
                "20",
                *("11", "", "11.5", ""),
                "yes",
                "no",
                "no",
                "no",
                "pass",
                "fail",
                "12",
                "14",
            ]
        )
        + "\n"
    )
    r = run("assess", "--no-timer", "--save", str(saved), "--format", "json", stdin=answers)
    assert r.code == 0, r.err + r.out
    data = json.loads(r.out[r.out.index("{") :])
    assert len(data["findings"]) == 8
    again = run("assess", "--results", str(saved), "--profile", str(PROFILE), "--format", "json")
    assert again.code == 0, again.err


def test_a_red_flag_in_the_interactive_screen_stops_with_exit_3() -> None:
    r = run("assess", "--no-timer", stdin="y\n" + "n\n" * 15)
    assert r.code == 3
    assert "clinician" in r.err


def test_a_red_flag_in_the_profile_gives_no_plan_and_exit_3(tmp_path: Path) -> None:
    text = PROFILE.read_text().replace("symptoms = []", 'symptoms = ["night_pain"]')
    r = run("plan", "--profile", str(write(tmp_path, "p.toml", text)))
    assert r.code == 3
    assert "clinician" in r.err
    assert r.out == ""


BAD_PROFILES = [
    ("unknown key", ("[running]", "[running]\nspeed = 3"), "unknown key 'running.speed'"),
    ("unknown word", ('"marbles"', '"kettlebell"'), "unknown word 'kettlebell'; accepted: towel"),
    (
        "age out of range",
        ("age = 34", "age = 120"),
        "runner.age = 120 is out of range; accepted 14..99",
    ),
    ("minutes out of range", ("minutes_per_day = 15", "minutes_per_day = 3"), "accepted 5..90"),
    ("pain out of range", ("knee = 2", "knee = 11"), "health.pain.knee = 11 is out of range"),
    ("unknown day", ('long_run_day = "sun"', 'long_run_day = "sunday"'), "accepted: mon, tue"),
    ("unknown injury", ('"plantar_fasciitis"', '"gout"'), "unknown word 'gout'"),
    ("unknown symptom", ("symptoms = []", 'symptoms = ["itchy"]'), "unknown word 'itchy'"),
    ("bad toml", ("[runner]", "[runner"), "not valid TOML"),
    ("wrong type", ("age = 34", 'age = "old"'), "runner.age"),
    ("missing age", ("age = 34", ""), "'runner.age' is missing"),
]


@pytest.mark.parametrize(
    ("case", "edit", "message"), BAD_PROFILES, ids=[c[0] for c in BAD_PROFILES]
)
def test_a_bad_profile_is_one_line_and_exit_2(
    tmp_path: Path, case: str, edit: tuple[str, str], message: str
) -> None:
    text = PROFILE.read_text().replace(*edit, 1)
    r = run("plan", "--profile", str(write(tmp_path, "p.toml", text)))
    assert r.code == 2, (case, r.err)
    assert message in r.err
    assert r.err.count("\n") == 1
    assert "Traceback" not in r.err
    assert r.out == ""


BAD_RESULTS = [
    ("date that does not exist", "date = 2026-02-30", "not valid TOML"),
    ("date string that does not exist", 'date = "2026-02-30"', "is not a date"),
    ("unknown test", "date = 2026-01-01\nsprint = { left = 1 }", "unknown key 'sprint'"),
    ("negative seconds", "date = 2026-01-01\nknee_to_wall_cm = { left = -1 }", "out of range"),
    ("bad pass word", 'date = 2026-01-01\npaper_grip = { left = "ok" }', "accepted: pass, fail"),
    (
        "boolean as text",
        'date = 2026-01-01\ntoe_yoga_hallux_lift = { left = "yes" }',
        "true or false",
    ),
    (
        "unknown side",
        "date = 2026-01-01\nheel_raise_reps = { middle = 3 }",
        "accepted: left, right",
    ),
    ("missing date", "heel_raise_reps = { left = 3 }", "'date' is missing"),
]


@pytest.mark.parametrize(("case", "text", "message"), BAD_RESULTS, ids=[c[0] for c in BAD_RESULTS])
def test_a_bad_results_file_is_one_line_and_exit_2(
    tmp_path: Path, case: str, text: str, message: str
) -> None:
    r = run("plan", "--profile", str(PROFILE), "--assessment", str(write(tmp_path, "r.toml", text)))
    assert r.code == 2, (case, r.err)
    assert message in r.err
    assert r.err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "--profile", "/nonexistent/p.toml"], "no such profile file"),
        (["plan", "--profile", str(PROFILE), "--weeks", "0"], "accepted 1..104"),
        (["plan", "--profile", str(PROFILE), "--weeks", "105"], "accepted 1..104"),
        (["plan", "--profile", str(PROFILE), "--start", "2026-13-01"], "is not a date"),
        (["plan", "--profile", str(PROFILE), "--format", "pdf"], "'pdf' is not one of"),
        (["plan"], "Missing option '--profile'"),
        (["exercise", "moonwalk"], "unknown exercise 'moonwalk'"),
        (["exercises", "--category", "yoga"], "unknown word 'yoga'"),
        (["exercises", "--equipment", "kettlebell"], "unknown word 'kettlebell'"),
        (["learn", "astrology"], "unknown topic 'astrology'"),
        (["frobnicate"], "No such command"),
    ],
)
def test_bad_command_lines_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    r = run(*args)
    assert r.code == 2, r.err
    assert message in r.err
    assert r.err.count("\n") == 1
    assert "Traceback" not in r.err


def test_every_plan_length_from_1_to_104_weeks_works() -> None:
    for weeks in (1, 2, 5, 6, 7, 13, 52, 104):
        r = run("plan", "--profile", str(PROFILE), "--weeks", str(weeks), "--format", "json")
        assert r.code == 0
        assert len(json.loads(r.out)["weeks"]) == weeks


def test_the_installed_console_script_prints_the_example_plan() -> None:
    exe = Path(sys.executable).with_name("footcore")
    proc = subprocess.run(
        [str(exe), "plan", "--profile", str(PROFILE), "--weeks", "3"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Week 3" in proc.stdout


def test_several_equipment_words_follow_one_flag() -> None:
    spaced = run("exercises", "--equipment", "towel", "band", "--format", "json")
    repeated = run("exercises", "--equipment", "towel", "--equipment", "band", "--format", "json")
    commas = run("exercises", "--equipment", "towel,band", "--format", "json")
    assert spaced.code == repeated.code == commas.code == 0
    ids = [e["id"] for e in json.loads(spaced.out)]
    assert ids == [e["id"] for e in json.loads(repeated.out)]
    assert ids == [e["id"] for e in json.loads(commas.out)]
    towel_only = {
        e["id"]
        for e in json.loads(run("exercises", "--equipment", "towel", "--format", "json").out)
    }
    assert towel_only < set(ids)
    assert all(
        set(e["equipment"]) <= {"towel", "band", "wall", "chair"} for e in json.loads(spaced.out)
    )
