"""Shoes: distance per pair from the runs, the soft retirement reminder and rotation
(footwear.py, data/load_rules.toml); the report also shows the minimalist ramp (running_ramp.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from footcore.adapters.limits_file import limits
from footcore.adapters.storage.running_models import ShoeRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.footwear import (
    RotationSummary,
    ShoeKind,
    ShoeReminder,
    retirement_reminders,
    rotation_summary,
)
from footcore.domain.load import RunRecord
from footcore.errors import ConflictError, InputError, NotFoundError
from footcore.services.context import Runner
from footcore.services.running_ramp import RampReport, ramp_of
from footcore.services.running_store import (
    footwear_rules,
    in_runner,
    run_records,
    running_repo,
    shoe_value,
)

__all__ = [
    "RampReport",
    "ShoeLine",
    "ShoesReport",
    "StoredShoe",
    "add_shoe",
    "retire_shoe",
    "shoes_report",
]


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
    most = limits().shoe_name_chars
    if not label or len(label) > most:
        raise InputError(f"give the shoe a name of 1 to {most} characters", "name")
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
            ramp=ramp_of(runner, runs),
        )

    return in_runner(uow, name, as_of, work)
