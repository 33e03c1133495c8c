"""The end of each week: a missed week repeats, and a retest week opens the next phase only when a
retest passed (evidence and criteria: data/adaptation_rules.toml).

`catch_up` runs at the start of every command that reads or writes the plan, so the calendar is
settled before anything is shown or logged; it writes only when a week has ended unreviewed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from footcore.domain.program.calendar import ProgramWeek, Rewrite
from footcore.domain.program.weeks import (
    Gate,
    Insertion,
    dropped_on_pass,
    gate_at_week_end,
    latest_retest,
    missed,
    repeat_after_fail,
    repeat_missed,
    wait_for_retest,
)
from footcore.domain.program.weeks import entering_phase as _entering_phase
from footcore.services.adapting import record
from footcore.services.context import Runner
from footcore.services.plan_calendar import insert_weeks, remove_weeks

DAY = timedelta(days=1)


def catch_up(runner: Runner) -> None:
    stored = runner.uow.calendar
    for _ in range(runner.limits.max_reviews):
        w = stored.first_unreviewed_ended(runner.id, runner.as_of)
        if w is None:
            return
        w = _save(runner, replace(w, reviewed=True))
        days = stored.session_days(runner.id, w.start, w.end)
        logged = stored.logged_days(runner.id, w.start, w.end - DAY)
        if missed(days, logged):
            # Away for several weeks: every week since then would be missed too; all at once.
            back = bool(stored.logged_days(runner.id, w.end, runner.as_of))
            _insert(runner, w, repeat_missed(w, runner.as_of, back), runner.adapt.missed_sources)
        elif w.retest and w.gate is None:
            _gate_at_week_end(runner, w)


def _save(runner: Runner, week: ProgramWeek) -> ProgramWeek:
    stored = runner.uow.calendar
    stored.apply(runner.id, Rewrite.updated(stored.weeks(runner.id), week))
    return week


def _insert(
    runner: Runner, w: ProgramWeek, added: Insertion, sources: tuple[str, ...] | list[str]
) -> None:
    action = "repeat" if added.kind == "repeat" else "gate"
    record(runner, "", "hold", action, added.reason, sources)
    insert_weeks(runner, w, added.plan_weeks, added.kind, added.reason, added.reviewed)


def _gate_at_week_end(runner: Runner, w: ProgramWeek) -> None:
    stored = runner.uow.calendar
    retest = latest_retest(stored.weeks(runner.id), w, stored.retests(runner.id))
    outcome = gate_at_week_end(None if retest is None else bool(retest.passed))
    if outcome is Gate.MISSING:
        w = _save(runner, replace(w, gate=outcome.value))
        _insert(runner, w, wait_for_retest(w), runner.gates.repeat_sources)
    elif outcome is Gate.PASSED:
        _save(runner, replace(w, gate=outcome.value))
    else:
        fail_gate(runner, w)


def fail_gate(runner: Runner, w: ProgramWeek) -> None:
    """Repeat the last weeks of the cycle, ending with another retest week."""
    w = _save(runner, replace(w, gate=Gate.FAILED.value))
    cycle = [g.index for g in runner.generated().weeks if g.cycle == w.cycle]
    _insert(
        runner,
        w,
        repeat_after_fail(w, cycle, runner.gates.repeat_weeks),
        runner.gates.repeat_sources,
    )


def pass_gate(runner: Runner, w: ProgramWeek) -> None:
    """A passing retest: the week's gate opens; repeat weeks that have not started are dropped
    (a repeat week already under way is finished first)."""
    w = _save(runner, replace(w, gate=Gate.PASSED.value))
    ahead = dropped_on_pass(runner.uow.calendar.weeks(runner.id), w, runner.as_of)
    if ahead:
        record(
            runner,
            "",
            "progress",
            "gate",
            f"the retest passed: {len(ahead)} repeat week(s) dropped; the next phase starts "
            f"on {ahead[0].start.isoformat()}",
            runner.gates.change_sources,
        )
        remove_weeks(runner, ahead)


def entering_phase(runner: Runner, w: ProgramWeek) -> str:
    """The phase the gate of this week leads to: the first later week of another phase."""
    return _entering_phase(runner.uow.calendar.weeks(runner.id), w)
