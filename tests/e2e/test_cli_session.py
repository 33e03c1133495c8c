"""`footcore session` loses nothing: a bad answer is asked again, Ctrl-C and the end of input save
what was answered (exit 130), Enter stops a hold and the seconds held are what is stored.

Every date is explicit (a plan from Monday 2026-03-02; the hold tests take the first day of its
first week with a two-footed hold, read from the plan); timers run on a scripted clock, no sleeps.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from footcore.entrypoints.cli import prompts as cli_prompts
from tests.cli_runner import Outcome, init_runner, run

START = date(2026, 3, 2)


@pytest.fixture
def runner(sqlite_cli: str, tmp_path: Path) -> Path:
    """A runner with the example assessment on an 8-week plan from START."""
    init_runner(START, 8, assessment=True)
    return tmp_path


def items(day: date = START) -> list[dict[str, Any]]:
    r = run("today", "--date", day.isoformat(), "--format", "json")
    assert r.code == 0, r.err
    shown: list[dict[str, Any]] = json.loads(r.out)["items"]
    return shown


def logs(tmp_path: Path) -> list[dict[str, Any]]:
    out = tmp_path / "export.json"
    assert run("export", str(out)).code == 0
    stored: list[dict[str, Any]] = json.loads(out.read_text())["logs"]
    return stored


def item_answers(item: dict[str, Any], pain: str = "0", area: list[str] | None = None) -> list[str]:
    """Doing an item as prescribed: yes, the count per side, the sets, the pain (and where)."""
    answers = ["y"]
    for _side in ("left", "right") if item["per_side"] else ("both",):
        if item["reps"] is not None or item["hold_s"] is not None:
            answers.append("")
    answers += ["", pain]
    return answers + (area or [])


def session(*answers: str, timer: bool = False, day: date = START) -> Outcome:
    flag = "--timer" if timer else "--no-timer"
    return run("session", "--date", day.isoformat(), flag, stdin="\n".join(answers) + "\n")


def test_an_unknown_pain_area_is_asked_again_and_the_session_is_kept(runner: Path) -> None:
    planned = items()
    answers = item_answers(planned[0], pain="3", area=["knees", "knee"])
    for _ in planned[1:]:
        answers.append("n")
    r = session(*answers, "5")
    assert r.code == 0, r.out + r.err
    assert "'knees' is not one of" in r.out and "Did you mean 'knee'?" in r.out
    stored = logs(runner)
    assert {lg["pain_area"] for lg in stored} == {"knee"}
    assert {lg["rpe"] for lg in stored} == {5}


def test_numbers_out_of_range_are_asked_again(runner: Path) -> None:
    planned = items()
    first = planned[0]
    answers = ["maybe", "y"]  # neither yes nor no: asked again
    for _side in ("left", "right") if first["per_side"] else ("both",):
        answers += ["abc", "-5", "8"]
    answers += ["", "99", "2", ""]  # pain 99 is refused, 2 is kept, no area
    answers += ["n"] * (len(planned) - 1)
    r = session(*answers, "11", "6")
    assert r.code == 0, r.out + r.err
    assert r.out.count("does not fit") == 2 * (1 + first["per_side"]) + 2
    assert "Please answer y, yes, n, no" in r.out
    stored = logs(runner)
    assert [(lg["reps"], lg["pain"], lg["rpe"]) for lg in stored] == [(8, 2, 6)]


def test_the_end_of_input_saves_the_items_answered_and_says_so(runner: Path) -> None:
    planned = items()
    answers = item_answers(planned[0]) + item_answers(planned[1])
    r = session(*answers, "y")  # the third item starts, then the input ends
    assert r.code == 130, r.out + r.err
    assert "Stopped. Saved the 2 item(s) answered before the stop" in r.out
    stored = {lg["exercise"] for lg in logs(runner)}
    assert stored == {planned[0]["exercise_done"], planned[1]["exercise_done"]}
    again = session("n", "n", "n", "n", "n")
    assert again.out.count("already logged") == 2


class ScriptedClock:
    """Each wait is one second; Enter comes on the waits listed, Ctrl-C on `interrupt_at`."""

    def __init__(self, enter_at: set[int], interrupt_at: int | None = None) -> None:
        self.enter_at, self.interrupt_at, self.waits = enter_at, interrupt_at, 0

    def wait(self, seconds: float) -> bool:
        self.waits += 1
        if self.waits == self.interrupt_at:
            raise KeyboardInterrupt
        return self.waits in self.enter_at


def hold_day() -> tuple[date, list[dict[str, Any]], int]:
    """The first day of the plan's first week with a two-footed timed hold after another item.

    Which day that is depends on the planner's layout, so it is read from the plan's JSON.
    """
    r = run("week", "--date", START.isoformat(), "--format", "json")
    assert r.code == 0, r.err
    for day in json.loads(r.out):
        planned = day["items"]
        for at, item in enumerate(planned):
            if at > 0 and item["hold_s"] and not item["per_side"]:
                return date.fromisoformat(day["date"]), planned, at
    raise AssertionError("no day of the first week has a two-footed timed hold after another item")


def test_enter_stops_a_hold_and_the_seconds_held_are_stored(
    runner: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day, planned, at = hold_day()
    hold = planned[at]
    # Enter on the third second of every set: each hold lasted 2 s; rests run out.
    rest = hold["rest_s"]
    per_set = 3 + rest
    enter = {1 + 2 + k * per_set for k in range(hold["sets"])}
    monkeypatch.setattr(cli_prompts, "make_clock", lambda: ScriptedClock(enter))
    answers = ["n"] * at + ["y"] + [""] * hold["sets"] + ["", "", "0"]
    answers += ["n"] * (len(planned) - at - 1)
    r = session(*answers, "4", timer=True, day=day)
    assert r.code == 0, r.out + r.err
    assert "stopped at 2 s" in r.out
    [stored] = logs(runner)
    assert (stored["hold_s"], stored["sets"]) == (2, hold["sets"])


def test_ctrl_c_in_a_hold_keeps_the_items_done_and_names_the_rest(
    runner: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day, planned, at = hold_day()
    assert at > 0
    hold = planned[at]
    # The whole first set runs out, then Ctrl-C three seconds into the rest.
    monkeypatch.setattr(cli_prompts, "make_clock", lambda: ScriptedClock(set(), hold["hold_s"] + 3))
    answers = item_answers(planned[0]) + ["n"] * (at - 1) + ["y", ""]
    r = session(*answers, timer=True, day=day)
    assert r.code == 130, r.out + r.err
    assert "Saved the 1 item(s) answered before the stop" in r.out
    line = f"footcore log {hold['exercise_done']} --date {day.isoformat()} --sets 1"
    assert line in r.out and f"--hold-s {hold['hold_s']}" in r.out
    assert {lg["exercise"] for lg in logs(runner)} == {planned[0]["exercise_done"]}
