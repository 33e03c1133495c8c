"""Retests: the same battery as the assessment, scored, stored, and used to gate the next phase.

A retest is compared with the reference assessment (the baseline, or the last retest that passed).
In a retest week (or in the repeat weeks a failed retest added) it decides the gate at once: a pass
opens the next phase (dropping repeat weeks still ahead), a fail repeats the last weeks of the
cycle. A retest at another time is stored and scored, and counts at the end of the retest week.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from footcore.domain.adaptation import GateResult, gate
from footcore.domain.assessment import Finding, Results, score
from footcore.domain.catalog import Phase
from footcore.domain.program import calendar
from footcore.domain.program.calendar import ProgramWeek
from footcore.domain.program.weeks import GATE_KINDS, RetestRecord, failed_in_a_row
from footcore.errors import ConflictError
from footcore.services.adapting import record
from footcore.services.context import Runner, dumps
from footcore.services.logbook import check_past, ensure_not_paused
from footcore.services.plan_calendar import rebuild_from
from footcore.services.weekly import catch_up, entering_phase, fail_gate, pass_gate

DAY = timedelta(days=1)


@dataclass(frozen=True)
class Retested:
    day: date
    findings: tuple[Finding, ...]
    result: GateResult
    entering: str
    effect: str  # what happened to the plan
    already: bool = False
    failed_in_a_row: int = 0


def results_json(raw: dict[str, Any]) -> str:
    return dumps({k: (v.isoformat() if isinstance(v, date) else v) for k, v in raw.items()})


def lower_leg_pain(runner: Runner, day: date) -> int:
    areas = runner.planner_rules.lower_leg_areas
    start = day - 6 * DAY
    pains = [
        lg.pain
        for lg in runner.uow.programs.logs_between(runner.id, start, day)
        if lg.pain_area in areas or not lg.pain_area
    ]
    pains += [
        c.morning_pain
        for c in runner.uow.programs.checkins_between(runner.id, start, day)
        if c.area in areas or not c.area
    ]
    pains += [v for a, v in runner.profile.health.pain.items() if a in areas]
    return max(pains, default=0)


def _apply_gate(runner: Runner, week: ProgramWeek | None, passed: bool) -> str:
    if week is None:
        return "outside the plan's weeks: stored and scored only"
    if not (week.retest or week.kind in GATE_KINDS):
        due = next(
            (w for w in runner.uow.calendar.weeks(runner.id) if w.retest and w.start > week.start),
            None,
        )
        if due is None:
            return "not a retest week: stored and scored; the plan has no later retest week"
        end = due.start + 6 * DAY
        return (
            f"not a retest week: stored and scored; your retest is due in plan week {due.seq}, "
            f"{due.start.isoformat()} to {end.isoformat()}, and counts then"
        )
    if passed:
        if week.gate == "passed":
            return "this week's gate is already open"
        pass_gate(runner, week)
        after = [
            w
            for w in runner.uow.calendar.weeks(runner.id)
            if w.seq > week.seq and w.kind not in GATE_KINDS
        ]
        return (
            "the gate is open: the next phase starts on " + after[0].start.isoformat()
            if after
            else "the gate is open; the plan has no later weeks"
        )
    if week.retest and week.gate is None:
        fail_gate(runner, week)
        return "the phase goes on: the last weeks of the cycle repeat, then another retest"
    return "the repeat weeks go on; the next retest is at their end"


def retest(runner: Runner, results: Results, raw: dict[str, Any]) -> Retested:
    """Score and store a retest, then gate; the caller commits."""
    check_past(results.date, runner.as_of, "results.date")
    ensure_not_paused(runner)
    catch_up(runner)
    program = runner.uow.calendar
    stored = json.loads(results_json(raw))
    findings = tuple(score(runner.battery, results, runner.profile))
    week = calendar.covering(program.weeks(runner.id), results.date)
    entering = entering_phase(runner, week) if week is not None else Phase.FOUNDATION.value
    battery = {t.id: t for t in runner.battery}
    verdict = gate(
        Phase(entering),
        runner.reference_findings(),
        findings,
        battery,
        lower_leg_pain(runner, results.date),
        runner.gates,
    )
    for a in program.retests(runner.id):
        if a.day == results.date:
            if json.loads(a.results) != stored:
                raise ConflictError(
                    f"a different retest of {results.date.isoformat()} is "
                    "already stored; one retest per day"
                )
            return Retested(
                results.date,
                findings,
                verdict,
                entering,
                "already stored",
                True,
                failed_in_a_row(program.retests(runner.id)),
            )
    program.add_retest(
        runner.id,
        RetestRecord(results.date, verdict.passed, results_json(raw)),
        findings=dumps([asdict(f) for f in findings]),
        reasons=dumps(list(verdict.reasons)),
    )
    record(
        runner,
        "",
        "progress" if verdict.passed else "hold",
        "gate",
        ("retest passed: " if verdict.passed else "retest did not pass: ")
        + "; ".join(verdict.reasons),
        verdict.sources,
    )
    effect = _apply_gate(runner, week, verdict.passed)
    if verdict.passed:
        runner.forget()  # new reference findings: new priorities for the future weeks
        rebuild_from(runner, runner.as_of + DAY)
    return Retested(
        results.date,
        findings,
        verdict,
        entering,
        effect,
        False,
        failed_in_a_row(program.retests(runner.id)),
    )
