"""The end of a week, as rules over plain values (evidence and criteria: data/adaptation_rules.toml
[missed_week] and [gates]): a week with planned sessions and no log repeats (as many times as the
runner has been away since); a retest week opens the next phase only when a retest passed, repeats
while none was recorded, and repeats the last weeks of its cycle when it failed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from footcore.domain.adaptation import missed_week
from footcore.domain.program.calendar import ProgramWeek

WEEK = timedelta(days=7)
DAY = timedelta(days=1)


class Gate(StrEnum):
    MISSING = "missing"  # the retest week ended without a retest: it repeats, waiting
    PASSED = "passed"
    FAILED = "failed"  # the last weeks of the cycle again, then another retest


def repeats_after_missed(end: date, as_of: date, logged_since_end: bool) -> int:
    """How many times a missed week repeats: once, or once per week the runner has been away
    since it ended (every such week would be missed too, so they are inserted at once)."""
    return 1 + ((as_of - end).days // 7 if not logged_since_end else 0)


def missed(planned_days: Sequence[date], logged_days: Sequence[date]) -> bool:
    return missed_week(planned_days, logged_days)


def gate_at_week_end(retest_passed: bool | None) -> Gate:
    """The gate of a retest week when it ends: `retest_passed` is None without a retest."""
    if retest_passed is None:
        return Gate.MISSING
    return Gate.PASSED if retest_passed else Gate.FAILED


def repeat_block(cycle_weeks: Sequence[int], week: int, repeat_weeks: int) -> list[int]:
    """The generated weeks a failed gate repeats: the last `repeat_weeks` of its cycle up to and
    including the retest week itself, so the block ends with another retest."""
    return [w for w in cycle_weeks if w <= week][-repeat_weeks:]


GATE_KINDS = ("gate_repeat", "gate_wait")  # the weeks a retest gate inserted


@dataclass(frozen=True)
class RetestRecord:
    """A stored retest: its day, whether it passed, and its results as stored (JSON text)."""

    day: date
    passed: bool | None
    results: str = "{}"


@dataclass(frozen=True)
class Insertion:
    """Weeks a week's end inserts after it: the generated weeks they follow, their kind, and the
    reason (the decision's and the weeks' note). The first `reviewed` of them are already
    reviewed (weeks the runner was away for, all missed)."""

    plan_weeks: tuple[int, ...]
    kind: str
    reason: str
    reviewed: int = 0


def span(w: ProgramWeek) -> str:
    return f"{w.start.isoformat()} to {(w.end - DAY).isoformat()}"


def repeat_missed(w: ProgramWeek, as_of: date, logged_since_end: bool) -> Insertion:
    """A missed week repeats with the same doses, once per week the runner has been away."""
    count = repeats_after_missed(w.end, as_of, logged_since_end)
    reason = (
        f"no session was logged in week {w.seq} ({span(w)}): the week repeats with the "
        "same doses instead of moving on"
    )
    if count > 1:
        reason += f" ({count} times, until you are back)"
    return Insertion((w.plan_week,) * count, "repeat", reason, count - 1)


def wait_for_retest(w: ProgramWeek) -> Insertion:
    """A retest week that ended without a retest repeats, waiting for one."""
    reason = (
        f"week {w.seq} was a retest week and ended without a retest: it repeats until "
        "a retest opens the next phase (footcore retest --results FILE)"
    )
    return Insertion((w.plan_week,), "gate_wait", reason)


def repeat_after_fail(w: ProgramWeek, cycle_weeks: Sequence[int], repeat_weeks: int) -> Insertion:
    """A failed retest: the last weeks of the cycle again, ending with another retest."""
    block = repeat_block(cycle_weeks, w.plan_week, repeat_weeks)
    reason = (
        f"the retest did not open the next phase: {len(block)} more weeks of the "
        f"{w.phase.replace('_', '-')} phase, then another retest"
    )
    return Insertion(tuple(block), "gate_repeat", reason)


def latest_retest(
    weeks: Sequence[ProgramWeek], w: ProgramWeek, retests: Sequence[RetestRecord]
) -> RetestRecord | None:
    """The retest that decides the gate of `w`: the last one since the previous gate's week."""
    gates = [x for x in weeks if x.seq < w.seq and x.gate]
    start = gates[-1].end if gates else date.min
    found = [r for r in retests if start <= r.day < w.end]
    return found[-1] if found else None


def dropped_on_pass(weeks: Sequence[ProgramWeek], w: ProgramWeek, as_of: date) -> list[ProgramWeek]:
    """The repeat weeks a passing retest in `w` drops: those right after it that a gate inserted
    and that have not started (a repeat week already under way is finished first)."""
    ahead = []
    for x in weeks:
        if x.seq <= w.seq:
            continue
        if x.kind not in GATE_KINDS:
            break
        if x.start > as_of:
            ahead.append(x)
    return ahead


def entering_phase(weeks: Sequence[ProgramWeek], w: ProgramWeek) -> str:
    """The phase the gate of `w` leads to: the first later planned week of another phase."""
    for x in weeks:
        if x.seq > w.seq and x.phase != w.phase and x.kind == "planned":
            return x.phase
    return w.phase


def failed_in_a_row(retests: Sequence[RetestRecord]) -> int:
    """How many of the latest retests did not pass, back to the last one that did."""
    count = 0
    for r in reversed(retests):
        if r.passed:
            break
        count += 1
    return count


@dataclass(frozen=True)
class WeekEnd:
    """What the end of a week does: the week, reviewed (with its gate in a retest week), and the
    weeks it inserts after itself, if any; `missed` says why they repeat."""

    week: ProgramWeek
    insertion: Insertion | None = None
    missed: bool = False


def close_week(
    w: ProgramWeek,
    weeks: Sequence[ProgramWeek],
    planned_days: Sequence[date],
    logged_days: Sequence[date],
    retests: Sequence[RetestRecord],
    as_of: date,
    cycle_weeks: Callable[[int], Sequence[int]],
    repeat_weeks: int,
) -> WeekEnd:
    """Review a week that has ended. `logged_days` run from its first day to `as_of`;
    `cycle_weeks` gives the generated weeks of a cycle (asked only when a retest failed)."""
    w = replace(w, reviewed=True)
    in_week = [d for d in logged_days if d < w.end]
    if missed(planned_days, in_week):
        back = any(d >= w.end for d in logged_days)
        return WeekEnd(w, repeat_missed(w, as_of, back), missed=True)
    if not w.retest or w.gate is not None:
        return WeekEnd(w)
    retest = latest_retest(weeks, w, retests)
    outcome = gate_at_week_end(None if retest is None else bool(retest.passed))
    w = replace(w, gate=outcome.value)
    if outcome is Gate.MISSING:
        return WeekEnd(w, wait_for_retest(w))
    if outcome is Gate.PASSED:
        return WeekEnd(w)
    return WeekEnd(w, repeat_after_fail(w, cycle_weeks(w.cycle), repeat_weeks))
