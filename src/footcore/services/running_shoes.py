"""Shoes and the minimalist transition: distance per pair from the runs, the soft retirement
reminder, rotation, and the ramp into minimalist shoes (footwear.py, data/load_rules.toml).

The ramp is offered only once every milestone of load_rules.toml [[minimalist.milestone]] is
met. Once started, where it stands is replayed week by week from its start: the minimalist runs
of each week against that week's allowance (MinimalistRamp.after_week), and this week's pain
(on_pain). Pain counts when it is in a lower-leg area of the planner rules, or given without an
area (a check-in "overall", a log without --pain-area): a transition loads bone, so unplaced pain
is taken as possibly the lower leg.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from footcore.adapters.storage.running_models import MinimalistRampRow, ShoeRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.footwear import (
    MilestoneCheck,
    MinimalistRamp,
    RampStatus,
    RampWeek,
    RotationSummary,
    ShoeKind,
    ShoeReminder,
    check_milestones,
    retirement_reminders,
    rotation_summary,
)
from footcore.domain.load import RunRecord, monday_of
from footcore.domain.planner import lower_leg_pain
from footcore.errors import ConflictError, InputError, NotFoundError
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
class StoredShoe:
    name: str
    kind: str
    drop_mm: float | None
    stack_mm: float | None
    weight_g: float | None
    reminder_km: float  # the pair's own, or the default
    retired: bool
    added_on: date


def _shoe(row: ShoeRow, default_km: float) -> StoredShoe:
    return StoredShoe(
        row.name,
        row.kind,
        row.drop_mm,
        row.stack_mm,
        row.weight_g,
        row.reminder_km if row.reminder_km is not None else default_km,
        row.retired,
        row.added_on,
    )


def _measure(value: float | None, field_name: str, top: float) -> None:
    if value is not None and (not math.isfinite(value) or not 0 <= value <= top):
        raise InputError(f"{value} is out of range; accepted 0..{top:g}", field_name)


def add_shoe(
    uow: SqlUnitOfWork,
    name: str,
    shoe: str,
    as_of: date,
    kind: str = "neutral",
    drop_mm: float | None = None,
    stack_mm: float | None = None,
    weight_g: float | None = None,
    reminder_km: float | None = None,
) -> StoredShoe:
    """Store a pair under a name unique for the runner; `reminder_km` must lie in the
    conventional range of load_rules.toml (480-800 km)."""
    label = shoe.strip()
    if not label or len(label) > 100:
        raise InputError("give the shoe a name of 1 to 100 characters", "name")
    if kind not in {k.value for k in ShoeKind}:
        raise InputError(
            f"unknown kind '{kind}'; accepted: " + ", ".join(k.value for k in ShoeKind), "kind"
        )
    _measure(drop_mm, "drop_mm", 50)
    _measure(stack_mm, "stack_mm", 100)
    _measure(weight_g, "weight_g", 2000)
    retirement = footwear_rules().retirement
    if reminder_km is not None and not retirement.min_km <= reminder_km <= retirement.max_km:
        raise InputError(
            f"{reminder_km:g} km is outside the conventional "
            f"{retirement.min_km:g}-{retirement.max_km:g} km",
            "reminder_km",
        )

    def work(runner: Runner) -> StoredShoe:
        repo = running_repo(runner)
        if repo.shoe(runner.id, label) is not None:
            raise ConflictError(f"a shoe named '{label}' is already stored; choose another name")
        row = ShoeRow(
            athlete_id=runner.id,
            name=label,
            kind=kind,
            drop_mm=drop_mm,
            stack_mm=stack_mm,
            weight_g=weight_g,
            reminder_km=reminder_km,
            retired=False,
            added_on=as_of,
        )
        repo.session.add(row)
        repo.session.flush()
        return _shoe(row, retirement.reminder_km)

    return in_runner(uow, name, as_of, work)


def retire_shoe(uow: SqlUnitOfWork, name: str, shoe: str, as_of: date) -> StoredShoe:
    """Mark a pair retired: its distance stays, its reminder stops."""

    def work(runner: Runner) -> StoredShoe:
        row = running_repo(runner).shoe(runner.id, shoe)
        if row is None:
            raise NotFoundError(f"no shoe '{shoe}'", "name")
        row.retired = True
        return _shoe(row, footwear_rules().retirement.reminder_km)

    return in_runner(uow, name, as_of, work)


# The report ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShoeLine:
    shoe: StoredShoe
    distance_m: float
    runs: int
    last_run: date | None
    reminder: ShoeReminder | None


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


@dataclass(frozen=True)
class ShoesReport:
    units: str
    shoes: list[ShoeLine]
    no_shoe_m: float
    no_shoe_runs: int
    reminder_note: str
    reminder_grade: str
    reminder_sources: tuple[str, ...]
    rotation: RotationSummary
    ramp: RampReport


def _lines(runner: Runner, runs: list[RunRecord]) -> list[ShoeLine]:
    rules = footwear_rules().retirement
    out = []
    for row in running_repo(runner).shoes(runner.id):
        shoe = _shoe(row, rules.reminder_km)
        mine = [r for r in runs if r.shoe == row.name]
        found = retirement_reminders([shoe_value(row)], mine, rules, shoe.reminder_km)
        out.append(
            ShoeLine(
                shoe,
                math.fsum(r.distance_m for r in mine),
                len(mine),
                max((r.date for r in mine), default=None),
                found[0] if found else None,
            )
        )
    return out


def shoes_report(uow: SqlUnitOfWork, name: str, as_of: date) -> ShoesReport:
    """Every pair with its distance and reminder, rotation over the last weeks, and the ramp."""

    def work(runner: Runner) -> ShoesReport:
        rules = footwear_rules()
        runs = [r for r in run_records(runner) if r.date <= as_of]
        loose = [r for r in runs if r.shoe is None]
        return ShoesReport(
            units=runner.profile.units,
            shoes=_lines(runner, runs),
            no_shoe_m=math.fsum(r.distance_m for r in loose),
            no_shoe_runs=len(loose),
            reminder_note=rules.retirement.note,
            reminder_grade=rules.retirement.grade,
            reminder_sources=rules.retirement.sources,
            rotation=rotation_summary(runs, as_of, rules.rotation),
            ramp=_ramp(runner, runs),
        )

    return in_runner(uow, name, as_of, work)


# The minimalist ramp ------------------------------------------------------------------------------


def _counts(area: str, lower_leg: frozenset[str]) -> bool:
    return area == "" or area in lower_leg


def _max_pain(runner: Runner, first: date, last: date) -> int:
    """The worst lower-leg (or unplaced) pain logged or checked in with first <= day <= last."""
    areas = runner.r.k.rules.lower_leg_areas
    repo = runner.uow.repo
    pains = [
        c.morning_pain
        for c in repo.checkins_between(runner.id, first, last)
        if _counts(c.area, areas)
    ]
    pains += [
        lg.pain for lg in repo.logs_between(runner.id, first, last) if _counts(lg.pain_area, areas)
    ]
    return max(pains, default=0)


def _current_pain(runner: Runner) -> int:
    days = footwear_rules().ramp.recent_pain_days
    recent = _max_pain(runner, runner.as_of - timedelta(days=days), runner.as_of)
    return max(recent, lower_leg_pain(runner.profile, runner.r.k.rules))


def _training_weeks(runner: Runner) -> int:
    logs = runner.uow.repo.logs_between(runner.id, date.min, runner.as_of)
    return len({monday_of(lg.date) for lg in logs})


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
            lower_leg_pain(runner.profile, runner.r.k.rules),
        ),
        rules,
        load,
    )
    return ramp.on_pain(now.max_pain, rules), now


def _ramp(runner: Runner, runs: list[RunRecord]) -> RampReport:
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
        return _ramp(runner, [r for r in run_records(runner) if r.date <= as_of])

    return in_runner(uow, name, as_of, work)


def ramp_report(uow: SqlUnitOfWork, name: str, as_of: date) -> RampReport:
    def work(runner: Runner) -> RampReport:
        return _ramp(runner, [r for r in run_records(runner) if r.date <= as_of])

    return in_runner(uow, name, as_of, work)
