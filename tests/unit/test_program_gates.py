"""The end of a week over values (domain/program/weeks.py) and its effect on the calendar: a missed
week repeats as many times as the runner was away; a retest week waits for a retest, opens the
next phase on a pass, and repeats the last weeks of its cycle on a fail; a pass drops the repeat
weeks that have not started."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from footcore.domain.program.calendar import (
    ProgramWeek,
    Rewrite,
    StoredSession,
    insert_after,
    remove,
)
from footcore.domain.program.weeks import (
    Gate,
    Insertion,
    RetestRecord,
    close_week,
    dropped_on_pass,
    entering_phase,
    failed_in_a_row,
    gate_at_week_end,
    latest_retest,
    repeat_after_fail,
    repeat_missed,
    wait_for_retest,
)
from tests.fakes import FakeCalendar, FakeCalendarUnitOfWork

MONDAY = date(2026, 3, 2)
DAY = timedelta(days=1)
WEEK = timedelta(days=7)
ATHLETE = 1


def a_week(seq: int, kind: str = "planned", plan_week: int | None = None) -> ProgramWeek:
    """Two cycles of four weeks, foundation then strength, a retest closing each cycle."""
    pw = plan_week or seq
    return ProgramWeek(
        seq=seq,
        start=MONDAY + (seq - 1) * WEEK,
        plan_week=pw,
        phase="foundation" if pw <= 4 else "strength",
        cycle=1 + (pw - 1) // 4,
        week_in_cycle=1 + (pw - 1) % 4,
        light=pw % 4 == 3,
        retest=pw % 4 == 0,
        kind=kind,
    )


PLAN = [a_week(s) for s in range(1, 9)]


def insertion(weeks: list[ProgramWeek], after: ProgramWeek, added: Insertion) -> Rewrite:
    """The calendar after a week's end inserted weeks, as services.plan_calendar does it."""
    new = [
        replace(a_week(1, added.kind, pw), note=added.reason, reviewed=i < added.reviewed)
        for i, pw in enumerate(added.plan_weeks)
    ]
    return insert_after(weeks, after.seq, new)


def inserted(weeks: list[ProgramWeek], after: ProgramWeek, added: Insertion) -> list[ProgramWeek]:
    return list(insertion(weeks, after, added).weeks)


def test_a_missed_week_repeats_once_when_the_runner_is_back_the_next_week() -> None:
    week = PLAN[1]
    added = repeat_missed(week, week.end + 2 * DAY, logged_since_end=False)
    assert added == Insertion(
        (2,),
        "repeat",
        "no session was logged in week 2 (2026-03-09 to 2026-03-15): the week repeats with the "
        "same doses instead of moving on",
    )


def test_a_missed_week_repeats_as_many_times_as_the_runner_was_away() -> None:
    week = PLAN[1]
    added = repeat_missed(week, week.end + 15 * DAY, logged_since_end=False)
    assert added.plan_weeks == (2, 2, 2)
    assert added.reason.endswith("(3 times, until you are back)")
    weeks = inserted(PLAN, week, added)
    assert [w.plan_week for w in weeks[:6]] == [1, 2, 2, 2, 2, 3]
    # The weeks the runner was away for are missed too, so they are reviewed already; the last
    # repeat is the week the runner comes back to.
    assert [w.reviewed for w in weeks[2:5]] == [True, True, False]
    assert weeks[5].start == PLAN[2].start + 3 * WEEK


def test_a_log_since_the_missed_week_means_one_repeat() -> None:
    added = repeat_missed(PLAN[1], PLAN[1].end + 15 * DAY, logged_since_end=True)
    assert added.plan_weeks == (2,) and added.reviewed == 0


def test_a_retest_week_without_a_retest_waits_for_one() -> None:
    week = PLAN[3]
    assert latest_retest(PLAN, week, []) is None
    assert gate_at_week_end(None) is Gate.MISSING
    added = wait_for_retest(week)
    assert added.plan_weeks == (4,) and added.kind == "gate_wait"
    assert "week 4 was a retest week and ended without a retest" in added.reason


def test_a_retest_in_the_retest_week_decides_its_gate() -> None:
    week = PLAN[3]
    passed = [RetestRecord(week.start + 2 * DAY, True)]
    found = latest_retest(PLAN, week, passed)
    assert found is not None and gate_at_week_end(bool(found.passed)) is Gate.PASSED
    failed = [RetestRecord(week.start + 2 * DAY, False)]
    found = latest_retest(PLAN, week, failed)
    assert found is not None and gate_at_week_end(bool(found.passed)) is Gate.FAILED


def test_a_retest_before_the_previous_gate_does_not_count_again() -> None:
    gated = [replace(w, gate="passed") if w.seq == 4 else w for w in PLAN]
    old = [RetestRecord(PLAN[3].start + DAY, True)]
    assert latest_retest(gated, gated[7], old) is None
    assert latest_retest(gated, gated[7], [*old, RetestRecord(PLAN[6].start, False)]) == (
        RetestRecord(PLAN[6].start, False)
    )


def test_a_failed_retest_repeats_the_last_weeks_of_its_cycle_ending_with_a_retest() -> None:
    added = repeat_after_fail(PLAN[3], [1, 2, 3, 4], 2)
    assert added.plan_weeks == (3, 4) and added.kind == "gate_repeat"
    assert added.reason == (
        "the retest did not open the next phase: 2 more weeks of the foundation phase, then "
        "another retest"
    )
    weeks = inserted(PLAN, PLAN[3], added)
    assert [(w.plan_week, w.retest) for w in weeks[4:7]] == [(3, False), (4, True), (5, False)]


def test_a_pass_drops_the_repeat_weeks_that_have_not_started() -> None:
    failed = inserted(PLAN, PLAN[3], repeat_after_fail(PLAN[3], [1, 2, 3, 4], 2))
    week = failed[3]
    # Passed on the Wednesday of the first repeat week: that one is finished first.
    as_of = failed[4].start + 2 * DAY
    ahead = dropped_on_pass(failed, week, as_of)
    assert [w.seq for w in ahead] == [6]
    after = remove(failed, {w.seq for w in ahead}).weeks
    assert [w.kind for w in after[3:6]] == ["planned", "gate_repeat", "planned"]
    assert after[5].plan_week == 5 and after[5].start == failed[4].end
    # Before the repeat weeks begin, a pass drops both and the plan goes back to its calendar.
    both = dropped_on_pass(failed, week, week.end - DAY)
    assert remove(failed, {w.seq for w in both}).weeks == tuple(PLAN)


def test_the_gate_leads_to_the_first_later_planned_week_of_another_phase() -> None:
    failed = inserted(PLAN, PLAN[3], repeat_after_fail(PLAN[3], [1, 2, 3, 4], 2))
    assert entering_phase(failed, failed[3]) == "strength"
    assert entering_phase(PLAN, PLAN[7]) == "strength"  # the last gate stays in its phase


def test_retests_failed_in_a_row_count_back_to_the_last_pass() -> None:
    days = [MONDAY + i * WEEK for i in range(4)]
    assert failed_in_a_row([]) == 0
    results = [True, False, None, False]
    assert failed_in_a_row([RetestRecord(d, p) for d, p in zip(days, results, strict=True)]) == 3


def test_a_week_end_written_through_the_fake_unit_of_work() -> None:
    uow = FakeCalendarUnitOfWork()
    stored = uow.calendar
    stored.apply(ATHLETE, Rewrite.fresh(PLAN))
    as_of = PLAN[4].start + DAY
    week = stored.first_unreviewed_ended(ATHLETE, as_of)
    assert week is not None and week.seq == 1
    stored.apply(ATHLETE, Rewrite.updated(stored.weeks(ATHLETE), replace(week, reviewed=True)))
    nxt = stored.first_unreviewed_ended(ATHLETE, as_of)
    assert nxt is not None and nxt.seq == 2
    stored.add_retest(ATHLETE, RetestRecord(PLAN[3].start + DAY, False, "{}"), "[]", "[]")
    found = latest_retest(stored.weeks(ATHLETE), PLAN[3], stored.retests(ATHLETE))
    assert found is not None and found.passed is False


def cycle_of(cycle: int) -> list[int]:
    return [pw for pw in range(1, 9) if 1 + (pw - 1) // 4 == cycle]


def catch_up(stored: FakeCalendar, as_of: date) -> list[str]:
    """services.weekly.catch_up's loop over the fake: each ended week closed, the weeks it
    inserts written; the reasons in order."""
    reasons = []
    while (w := stored.first_unreviewed_ended(ATHLETE, as_of)) is not None:
        weeks = stored.weeks(ATHLETE)
        end = close_week(
            w,
            weeks,
            stored.session_days(ATHLETE, w.start, w.end),
            stored.logged_days(ATHLETE, w.start, as_of),
            stored.retests(ATHLETE),
            as_of,
            cycle_of,
            2,
        )
        stored.apply(ATHLETE, Rewrite.updated(weeks, end.week))
        if end.insertion is not None:
            reasons.append(end.insertion.reason)
            stored.apply(ATHLETE, insertion(stored.weeks(ATHLETE), end.week, end.insertion))
    return reasons


def a_calendar(logged: list[date]) -> FakeCalendar:
    """The plan with a session on each Monday, and logs on the given days."""
    stored = FakeCalendarUnitOfWork().calendar
    stored.apply(ATHLETE, Rewrite.fresh(PLAN))
    stored.add_sessions(ATHLETE, [StoredSession(w.seq, w.start, ()) for w in PLAN])
    stored.logs[ATHLETE] = set(logged)
    return stored


def test_a_runner_away_for_three_weeks_comes_back_to_the_week_they_missed() -> None:
    stored = a_calendar([PLAN[0].start])
    reasons = catch_up(stored, PLAN[1].end + 15 * DAY)
    assert len(reasons) == 1 and reasons[0].startswith("no session was logged in week 2")
    weeks = stored.weeks(ATHLETE)
    assert [(w.plan_week, w.kind) for w in weeks[:6]] == [
        (1, "planned"),
        (2, "planned"),
        (2, "repeat"),
        (2, "repeat"),
        (2, "repeat"),
        (3, "planned"),
    ]
    assert [w.reviewed for w in weeks[:6]] == [True, True, True, True, False, False]


def test_a_retest_week_ends_by_its_retest() -> None:
    every_monday = [w.start for w in PLAN]
    as_of = PLAN[4].start + DAY
    waiting = a_calendar(every_monday)
    assert catch_up(waiting, as_of)[0].startswith("week 4 was a retest week")
    assert [w.kind for w in waiting.weeks(ATHLETE)[3:6]] == ["planned", "gate_wait", "planned"]
    passed = a_calendar(every_monday)
    passed.add_retest(ATHLETE, RetestRecord(PLAN[3].start + DAY, True), "[]", "[]")
    assert catch_up(passed, as_of) == []
    assert passed.weeks(ATHLETE)[3].gate == "passed" and len(passed.weeks(ATHLETE)) == 8
    failed = a_calendar(every_monday)
    failed.add_retest(ATHLETE, RetestRecord(PLAN[3].start + DAY, False), "[]", "[]")
    assert catch_up(failed, as_of)[0].startswith("the retest did not open the next phase")
    weeks = failed.weeks(ATHLETE)
    assert weeks[3].gate == "failed"
    assert [(w.plan_week, w.kind) for w in weeks[4:7]] == [
        (3, "gate_repeat"),
        (4, "gate_repeat"),
        (5, "planned"),
    ]
