"""The minimalist transition: the ramp into minimalist shoes (footwear.py, load_rules.toml).

The ramp is offered only once every milestone of load_rules.toml [[minimalist.milestone]] is
met. Once started, where it stands is replayed week by week from its start: the minimalist runs
of each week against that week's allowance (MinimalistRamp.after_week), and this week's pain
(on_pain). Pain counts when it is in a lower-leg area of the planner rules, or given without an
area (a check-in "overall", a log without a pain area): a transition loads bone, so unplaced pain
is taken as possibly the lower leg.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from footcore.adapters.storage.running_models import MinimalistRampRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.load import RunRecord, monday_of
from footcore.domain.minimalist_ramp import (
    MilestoneCheck,
    MinimalistRamp,
    RampStatus,
    RampWeek,
    check_milestones,
)
from footcore.domain.planner import lower_leg_pain
from footcore.errors import ConflictError, InputError
from footcore.services.context import Runner
from footcore.services.running_store import (
    footwear_rules,
    in_runner,
    load_rules,
    run_records,
    running_repo,
    shoe_value,
)

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class RampReport:
    """`status`: not_offered, offered (milestones met, not started), active, paused, complete."""

    status: str
    checks: tuple[MilestoneCheck, ...]
    started_on: date | None
    target_m: int | None
    week: RampWeek | None  # this week's minimalist running against its allowance
    note: str
    choice: str
    pain_choice: str
    sources: tuple[str, ...]
    units: str = "km"  # the runner's, for showing the report


def _counts(area: str, lower_leg: frozenset[str]) -> bool:
    return area == "" or area in lower_leg


def _max_pain(runner: Runner, first: date, last: date) -> int:
    """The worst lower-leg (or unplaced) pain logged or checked in with first <= day <= last."""
    areas = runner.planner_rules.lower_leg_areas
    pains = [
        c.morning_pain
        for c in runner.uow.programs.checkins_between(runner.id, first, last)
        if _counts(c.area, areas)
    ]
    pains += [
        lg.pain
        for lg in runner.uow.programs.logs_between(runner.id, first, last)
        if _counts(lg.pain_area, areas)
    ]
    return max(pains, default=0)


def _current_pain(runner: Runner) -> int:
    days = footwear_rules().ramp.recent_pain_days
    recent = _max_pain(runner, runner.as_of - timedelta(days=days), runner.as_of)
    return max(recent, lower_leg_pain(runner.profile, runner.planner_rules))


def _training_weeks(runner: Runner) -> int:
    logs = runner.uow.programs.logs_between(runner.id, date.min, runner.as_of)
    return len({monday_of(lg.day) for lg in logs})


def _checks(runner: Runner) -> tuple[MilestoneCheck, ...]:
    return check_milestones(
        footwear_rules().ramp,
        runner.reference_findings() or (),
        _training_weeks(runner),
        _current_pain(runner),
    )


def _replay(
    runner: Runner, row: MinimalistRampRow, runs: list[RunRecord]
) -> tuple[MinimalistRamp, RampWeek]:
    rules, load = footwear_rules().ramp, load_rules()
    shoes = [shoe_value(s) for s in running_repo(runner).shoes(runner.id)]
    ramp = MinimalistRamp(RampStatus.ACTIVE, 0, row.target_m, "started")
    week, current = monday_of(row.started_on), monday_of(runner.as_of)
    while week < current:
        done = ramp.week(
            runs, shoes, week, _max_pain(runner, week, week + WEEK - timedelta(1)), rules, load
        )
        ramp = ramp.after_week(done, rules)
        week += WEEK
    now = ramp.week(
        runs,
        shoes,
        current,
        max(
            _max_pain(runner, current, runner.as_of),
            lower_leg_pain(runner.profile, runner.planner_rules),
        ),
        rules,
        load,
    )
    return ramp.on_pain(now.max_pain, rules), now


def ramp_of(runner: Runner, runs: list[RunRecord]) -> RampReport:
    """Where the ramp stands, or whether it is offered, from the runs up to today."""
    rules = footwear_rules().ramp
    row = running_repo(runner).ramp(runner.id)
    checks = _checks(runner)
    if row is None:
        offer = MinimalistRamp.offer(checks, 1, rules)
        status = "offered" if offer.status is RampStatus.ACTIVE else RampStatus.NOT_OFFERED.value
        return RampReport(
            status,
            checks,
            None,
            None,
            None,
            offer.note,
            rules.choice,
            rules.pain_choice,
            rules.sources,
            runner.profile.units,
        )
    ramp, week = _replay(runner, row, runs)
    return RampReport(
        ramp.status.value,
        checks,
        row.started_on,
        row.target_m,
        week,
        ramp.note,
        rules.choice,
        rules.pain_choice,
        rules.sources,
        runner.profile.units,
    )


def start_ramp(uow: SqlUnitOfWork, name: str, target_km: float, as_of: date) -> RampReport:
    """Start the minimalist transition towards `target_km` a week in minimalist shoes; refused
    (InputError, naming what is missing) until every milestone is met."""
    if not math.isfinite(target_km) or not 0 < target_km <= 300:
        raise InputError(
            f"{target_km} is not a weekly distance; give more than 0 and at most 300 km",
            "target_km",
        )

    def work(runner: Runner) -> RampReport:
        repo = running_repo(runner)
        if repo.ramp(runner.id) is not None:
            raise ConflictError("the minimalist transition has already started", action="see_shoes")
        unmet = [c.milestone.text for c in _checks(runner) if not c.met]
        if unmet:
            raise InputError(
                "the minimalist transition is offered once every milestone is "
                "met; not yet: " + "; ".join(unmet)
            )
        repo.session.add(
            MinimalistRampRow(
                athlete_id=runner.id, started_on=as_of, target_m=round(target_km * 1000)
            )
        )
        repo.session.flush()
        return ramp_of(runner, [r for r in run_records(runner) if r.date <= as_of])

    return in_runner(uow, name, as_of, work)


def ramp_report(uow: SqlUnitOfWork, name: str, as_of: date) -> RampReport:
    def work(runner: Runner) -> RampReport:
        return ramp_of(runner, [r for r in run_records(runner) if r.date <= as_of])

    return in_runner(uow, name, as_of, work)
