"""The end of each week: a missed week repeats, and a retest week opens the next phase only when a
retest passed (evidence and criteria: data/adaptation_rules.toml).

`catch_up` runs at the start of every command that reads or writes the plan, so the calendar is
settled before anything is shown or logged; it writes only when a week has ended unreviewed.
"""

from __future__ import annotations

from datetime import date, timedelta

from footcore.adapters.storage.models import AssessmentRow, WeekRow
from footcore.domain.program.weeks import (
    Gate,
    gate_at_week_end,
    missed,
    repeat_block,
    repeats_after_missed,
)
from footcore.services.adapting import record
from footcore.services.context import Runner
from footcore.services.plan_calendar import end_of, insert_weeks, remove_weeks

DAY = timedelta(days=1)


def _span(w: WeekRow) -> str:
    return f"{w.start.isoformat()} to {(end_of(w) - DAY).isoformat()}"


def catch_up(runner: Runner) -> None:
    repo = runner.uow.repo
    for _ in range(runner.limits.max_reviews):
        w = repo.first_unreviewed_week_ended(runner.id, runner.as_of)
        if w is None:
            return
        w.reviewed = True
        days = [s.date for s in repo.sessions_between(runner.id, w.start, end_of(w))]
        logged = [lg.date for lg in repo.logs_between(runner.id, w.start, end_of(w) - DAY)]
        if missed(days, logged):
            _repeat_missed(runner, w)
        elif w.retest and w.gate is None:
            _gate_at_week_end(runner, w)
        repo.flush()


def _repeat_missed(runner: Runner, w: WeekRow) -> None:
    repo = runner.uow.repo
    # Away for several weeks: every week since then would be missed too; insert them at once.
    back = bool(repo.logs_between(runner.id, end_of(w), runner.as_of))
    count = repeats_after_missed(end_of(w), runner.as_of, back)
    reason = (
        f"no session was logged in week {w.seq} ({_span(w)}): the week repeats with the "
        "same doses instead of moving on"
    )
    if count > 1:
        reason += f" ({count} times, until you are back)"
    record(runner, "", "hold", "repeat", reason, runner.adapt.missed_sources)
    insert_weeks(runner, w, [w.plan_week] * count, "repeat", reason)
    for extra in repo.weeks(runner.id):
        if w.seq < extra.seq < w.seq + count:
            extra.reviewed = True


def _previous_gate_end(runner: Runner, w: WeekRow) -> date:
    gates = [x for x in runner.uow.repo.weeks(runner.id) if x.seq < w.seq and x.gate]
    return end_of(gates[-1]) if gates else date.min


def latest_retest(runner: Runner, w: WeekRow) -> AssessmentRow | None:
    start = _previous_gate_end(runner, w)
    found = [
        a
        for a in runner.uow.repo.assessments(runner.id)
        if a.kind == "retest" and start <= a.date < end_of(w)
    ]
    return found[-1] if found else None


def _gate_at_week_end(runner: Runner, w: WeekRow) -> None:
    retest = latest_retest(runner, w)
    outcome = gate_at_week_end(None if retest is None else bool(retest.passed))
    if outcome is Gate.MISSING:
        w.gate = outcome.value
        reason = (
            f"week {w.seq} was a retest week and ended without a retest: it repeats until "
            "a retest opens the next phase (footcore retest --results FILE)"
        )
        record(runner, "", "hold", "gate", reason, runner.gates.repeat_sources)
        insert_weeks(runner, w, [w.plan_week], "gate_wait", reason)
    elif outcome is Gate.PASSED:
        w.gate = outcome.value
    else:
        fail_gate(runner, w)


def fail_gate(runner: Runner, w: WeekRow) -> None:
    """Repeat the last weeks of the cycle, ending with another retest week."""
    w.gate = Gate.FAILED.value
    cycle = [g.index for g in runner.generated().weeks if g.cycle == w.cycle]
    block = repeat_block(cycle, w.plan_week, runner.gates.repeat_weeks)
    reason = (
        f"the retest did not open the next phase: {len(block)} more weeks of the "
        f"{w.phase.replace('_', '-')} phase, then another retest"
    )
    record(runner, "", "hold", "gate", reason, runner.gates.repeat_sources)
    insert_weeks(runner, w, block, "gate_repeat", reason)


def pass_gate(runner: Runner, w: WeekRow) -> None:
    """A passing retest: the week's gate opens; repeat weeks that have not started are dropped
    (a repeat week already under way is finished first)."""
    w.gate = "passed"
    ahead = []
    for x in runner.uow.repo.weeks(runner.id):
        if x.seq <= w.seq:
            continue
        if x.kind not in ("gate_repeat", "gate_wait"):
            break
        if x.start > runner.as_of:
            ahead.append(x)
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


def entering_phase(runner: Runner, w: WeekRow) -> str:
    """The phase the gate of this week leads to: the first later week of another phase."""
    for x in runner.uow.repo.weeks(runner.id):
        if x.seq > w.seq and x.phase != w.phase and x.kind == "planned":
            return x.phase
    return w.phase
