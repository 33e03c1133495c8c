"""The end of each week: a missed week repeats, and a retest week opens the next phase only when a
retest passed (evidence and criteria: data/adaptation_rules.toml).

`catch_up` runs at the start of every command that reads or writes the plan, so the calendar is
settled before anything is shown or logged; it writes only when a week has ended unreviewed.
"""

from __future__ import annotations

from dataclasses import replace

from footcore.domain.program.calendar import ProgramWeek, Rewrite
from footcore.domain.program.weeks import (
    Gate,
    Insertion,
    close_week,
    dropped_on_pass,
    repeat_after_fail,
)
from footcore.domain.program.weeks import entering_phase as _entering_phase
from footcore.services.adapting import record
from footcore.services.context import Runner
from footcore.services.plan_calendar import insert_weeks, remove_weeks


def catch_up(runner: Runner) -> None:
    stored = runner.uow.calendar
    for _ in range(runner.limits.max_reviews):
        w = stored.first_unreviewed_ended(runner.id, runner.as_of)
        if w is None:
            return
        weeks = stored.weeks(runner.id)
        gating = w.retest and w.gate is None
        end = close_week(
            w,
            weeks,
            stored.session_days(runner.id, w.start, w.end),
            stored.logged_days(runner.id, w.start, runner.as_of),
            stored.retests(runner.id) if gating else [],
            runner.as_of,
            lambda cycle: [g.index for g in runner.generated().weeks if g.cycle == cycle],
            runner.gates.repeat_weeks,
        )
        stored.apply(runner.id, Rewrite.updated(weeks, end.week))
        if end.insertion is not None:
            sources = runner.adapt.missed_sources if end.missed else runner.gates.repeat_sources
            _insert(runner, end.week, end.insertion, sources)


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
