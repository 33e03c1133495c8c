"""The program's rules over plain values: a slot's level folded from its decisions, and what the
end of a week does (a missed week repeats, a retest week gates the next phase)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from footcore.domain.adaptation import Level
from footcore.domain.program.levels import fold
from footcore.domain.program.weeks import (
    Gate,
    gate_at_week_end,
    missed,
    repeat_block,
    repeats_after_missed,
)

MONDAY = date(2026, 3, 2)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Made:
    kind: str
    action: str
    session_date: date | None
    variant: str | None = None
    reason: str = "because"


def test_a_slot_without_decisions_stands_at_the_plan() -> None:
    assert fold([], "heel_raise") == (Level("heel_raise"), None)


def test_a_step_up_starts_a_new_level_the_day_after_its_session() -> None:
    level, since = fold([Made("progress", "more", MONDAY)], "heel_raise")
    assert level == Level("heel_raise", 1) and since == MONDAY + DAY


def test_only_the_latest_decision_of_a_session_counts() -> None:
    made = [Made("progress", "more", MONDAY), Made("hold", "none", MONDAY)]
    assert fold(made, "heel_raise") == (Level("heel_raise"), MONDAY)


def test_a_harder_variant_starts_at_its_own_dose_and_an_easier_one_after_it() -> None:
    made = [
        Made("progress", "more", MONDAY),
        Made("progress", "harder", MONDAY + 2 * DAY, "single_leg_raise"),
        Made("regress", "easier", MONDAY + 4 * DAY, "heel_raise"),
    ]
    assert fold(made, "heel_raise") == (Level("heel_raise", 0), MONDAY + 5 * DAY)
    assert fold(made, "heel_raise", before=MONDAY + 4 * DAY)[0] == Level("single_leg_raise")


def test_pauses_and_week_decisions_do_not_move_a_slot() -> None:
    made = [Made("pause", "none", None), Made("hold", "repeat", None)]
    assert fold(made, "heel_raise") == (Level("heel_raise"), None)


def test_a_week_with_sessions_and_no_log_is_missed_and_one_log_saves_it() -> None:
    days = [MONDAY, MONDAY + 2 * DAY]
    assert missed(days, [])
    assert not missed(days, [MONDAY + 2 * DAY])
    assert not missed([], [])  # a week without sessions cannot be missed


def test_a_missed_week_repeats_once_per_week_away() -> None:
    end = MONDAY + 7 * DAY
    assert repeats_after_missed(end, end + 2 * DAY, logged_since_end=False) == 1
    assert repeats_after_missed(end, end + 15 * DAY, logged_since_end=False) == 3
    assert repeats_after_missed(end, end + 15 * DAY, logged_since_end=True) == 1


def test_a_retest_week_opens_the_phase_only_when_a_retest_passed() -> None:
    assert gate_at_week_end(None) is Gate.MISSING
    assert gate_at_week_end(True) is Gate.PASSED
    assert gate_at_week_end(False) is Gate.FAILED


def test_a_failed_gate_repeats_the_last_weeks_of_its_cycle_ending_with_the_retest() -> None:
    assert repeat_block([1, 2, 3, 4], 4, 2) == [3, 4]
    assert repeat_block([5, 6, 7, 8], 8, 5) == [5, 6, 7, 8]
