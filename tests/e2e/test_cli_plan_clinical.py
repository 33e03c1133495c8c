"""`footcore plan`, `print` and `calendar` from a profile: gates, Alfredson, pain (issue #9)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import run

SENIOR = """
[runner]
age = 68
sex = "female"
[running]
long_run_day = "sun"
[schedule]
minutes_per_day = 15
days = ["mon", "wed", "fri", "sat"]
[equipment]
items = ["towel", "band", "step"]
"""
SENIOR_RESULTS = """
date = 2026-11-16
single_leg_stance_eyes_open_s = { left = 12, right = 15 }
single_leg_stance_eyes_closed_s = { left = 1, right = 2 }
heel_raise_reps = { left = 9, right = 11 }
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def senior(tmp_path: Path) -> list[str]:
    return [
        "--profile",
        str(write(tmp_path, "p.toml", SENIOR)),
        "--assessment",
        str(write(tmp_path, "a.toml", SENIOR_RESULTS)),
        "--start",
        "2026-12-07",
    ]


def test_plan_json_marks_every_gated_week_with_the_tests_that_must_pass(tmp_path: Path) -> None:
    r = run("plan", *senior(tmp_path), "--format", "json")
    assert r.code == 0, r.err
    weeks = json.loads(r.out)["weeks"]
    assert [w["gated_by"] for w in weeks if w["cycle"] == 1] == [[]] * 8
    later = [w for w in weeks if w["cycle"] > 1]
    assert later and all(w["gated_by"] for w in later)
    running = [w for w in later if w["phase"] == "running_specific"]
    assert all("heel_raise_reps" in w["gated_by"] for w in running)
    assert all(w["gate_fails_now"] == ["heel_raise_reps"] for w in running)
    first = weeks[0]["days"][0]["items"]
    assert "single_leg_balance_eyes_closed" not in {i["exercise"] for i in first}


def test_plan_text_and_markdown_say_which_weeks_wait_for_a_retest(tmp_path: Path) -> None:
    for fmt in ("text", "markdown"):
        r = run("plan", *senior(tmp_path), "--format", fmt)
        assert r.code == 0, r.err
        assert "Gate: reached only if the week-8 retest passes" in r.out
        assert "Your baseline fails this gate: Single-leg heel raise" in r.out or (
            "Your baseline fails this gate" in r.out
        )


def test_calendar_from_a_profile_carries_the_gate(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    r = run("calendar", str(out), *senior(tmp_path))
    assert r.code == 0, r.err
    text = out.read_text(encoding="utf-8").replace("\r\n ", "")
    assert "Gate: this week is reached only if the week-8 retest passes" in text


def test_a_mid_portion_achilles_profile_gets_alfredson_and_an_unknown_site_is_exit_2(
    tmp_path: Path,
) -> None:
    profile = SENIOR.replace(
        "[equipment]", '[health]\nachilles_tendinopathy = "mid_portion"\n[equipment]'
    )
    path = write(tmp_path, "a.toml", profile)
    r = run("plan", "--profile", str(path), "--start", "2026-12-07", "--format", "json")
    assert r.code == 0, r.err
    first = {i["exercise"] for d in json.loads(r.out)["weeks"][0]["days"] for i in d["items"]}
    assert "eccentric_heel_drop_straight_knee" in first
    bad = write(tmp_path, "b.toml", profile.replace("mid_portion", "middle"))
    r = run("plan", "--profile", str(bad))
    assert r.code == 2
    assert "achilles_tendinopathy" in r.err


def test_print_from_a_profile_says_which_weeks_wait_for_a_retest(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "plan.pdf"
    r = run("print", str(out), *senior(tmp_path))
    assert r.code == 0, r.err
    text = " ".join((page.extract_text() or "") for page in PdfReader(out).pages)
    text = " ".join(text.split())
    assert "after a retest gate" in text
    assert "reached only if the week-8 retest passes" in text
