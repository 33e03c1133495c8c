"""The `footcore assess` walk: a bad answer is asked again (never an abort after the red-flag
screen), y/n/yes/no/skip are yes/no answers, Enter stops the clock, three trials per side are
timed and the best kept (as the printed protocol says), and Ctrl-C keeps what was answered.

Timers run on a scripted clock (no sleeps); the results' date is given with --date."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from footcore.adapters.assessment_files import load_battery
from footcore.entrypoints.cli import prompts as cli_prompts
from tests.cli_runner import run
from tests.conftest import EXAMPLES

PROFILE = EXAMPLES / "runner.toml"
SCREEN = ["n"] * 16
DAY = "2026-03-02"


def assess(tmp_path: Path, answers: list[str], *extra: str) -> tuple[int, str, Path]:
    saved = tmp_path / "mine.toml"
    r = run(
        "assess",
        "--profile",
        str(PROFILE),
        "--save",
        str(saved),
        "--date",
        DAY,
        *extra,
        stdin="\n".join(answers) + "\n",
    )
    return r.code, r.out + r.err, saved


def test_the_battery_knows_how_many_trials_its_protocols_ask_for() -> None:
    for test in load_battery():
        text = " ".join(test.protocol).lower()
        says_three = "three trials" in text or "three tries" in text
        assert (test.trials == 3) == says_three, test.id


def test_bad_answers_after_the_screen_are_asked_again_and_yes_no_take_y_and_n(
    tmp_path: Path,
) -> None:
    answers = [
        *SCREEN,
        *("-5", "abc", "46", "40", "", "y", "41", ""),  # eyes open, left then right
        *("", ""),  # eyes closed: skipped
        *("x", "15", "20"),  # heel raises
        *("", ""),  # knee to wall: skipped
        *("maybe", "y", "no"),  # the first yes/no test
        *("skip", "n"),
        *("passed", "pass", "fail"),
        *("12", "14"),
    ]
    code, out, saved = assess(tmp_path, answers, "--no-timer", "--format", "json")
    assert code == 0, out
    for bad in ("'-5' does not fit", "'abc' does not fit", "'46' does not fit", "'y' does not"):
        assert bad in out
    assert "Please answer y, yes, n, no, skip" in out
    assert "'passed' is not one of: pass, fail, skip" in out
    stored = tomllib.loads(saved.read_text())
    assert stored["date"].isoformat() == DAY
    assert stored["single_leg_stance_eyes_open_s"] == {"left": 40, "right": 41}
    assert stored["heel_raise_reps"] == {"left": 15, "right": 20}
    yes_no = [t.id for t in load_battery() if t.kind.value == "boolean"]
    assert stored[yes_no[0]] == {"left": True, "right": False}
    assert stored[yes_no[1]] == {"right": False}
    findings = json.loads(out[out.index("{") :])["findings"]
    assert len(findings) == 6


class ScriptedClock:
    """Each wait is one second; Enter comes on the waits listed."""

    def __init__(self, enter_at: set[int]) -> None:
        self.enter_at, self.waits = enter_at, 0

    def wait(self, seconds: float) -> bool:
        self.waits += 1
        return self.waits in self.enter_at


def test_enter_stops_each_of_three_clocks_per_side_and_the_best_trial_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Left trials stopped after 12, 30 and 20 s; the right ones after 5, 8 and 6 s.
    held = [12, 30, 20, 5, 8, 6]
    enter, at = set(), 0
    for h in held:
        at += h + 1
        enter.add(at)
    monkeypatch.setattr(cli_prompts, "make_clock", lambda: ScriptedClock(enter))
    answers = SCREEN + ["", ""] * 6  # each trial: Enter starts the clock, blank keeps its time
    code, out, saved = assess(tmp_path, answers, "--timer")
    assert code == 130, out  # the input ends in the next test: Ctrl-C's path
    assert out.count("Enter starts the clock") == 7
    assert "left: best of 3 = 30 s" in out and "right: best of 3 = 8 s" in out
    stored = tomllib.loads(saved.read_text())
    assert stored == {
        "date": stored["date"],
        "single_leg_stance_eyes_open_s": {"left": 30, "right": 8},
    }


def test_a_stop_keeps_the_answers_already_given_when_save_is_named(tmp_path: Path) -> None:
    answers = [*SCREEN, "40", "", "42", "", "10"]  # the input ends in the eyes-closed right side
    code, out, saved = assess(tmp_path, answers, "--no-timer")
    assert code == 130, out
    assert f"Stopped. Saved the 2 test(s) answered to {saved}" in out
    again = run("assess", "--results", str(saved), "--profile", str(PROFILE), "--format", "json")
    assert again.code == 0, again.err
    tests = {f["test"] for f in json.loads(again.out)["findings"]}
    assert tests == {"single_leg_stance_eyes_open_s", "single_leg_stance_eyes_closed_s"}


def test_a_stop_without_save_says_the_answers_were_not_kept(tmp_path: Path) -> None:
    r = run("assess", "--profile", str(PROFILE), "--no-timer", stdin="\n".join([*SCREEN, "40"]))
    assert r.code == 130
    assert "were answered but not saved: give --save FILE" in r.out
