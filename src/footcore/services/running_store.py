"""What the running services share: the load and footwear rules, stored runs and shoes as domain
values, and keeping the foot plan's load restrictions current after every change of the runs.

Restrictions are stored from the day of the change (`as_of`) on; the days before keep what was
decided then, which is what the runner was shown. Only runs of the last `lookback_days(rules)`
days can change a restriction dated `as_of` or later: a restriction falls at most
`restrict_days_after` days after its trigger; a spike trigger compares its run with the previous
`spike_window_days`; a sharp-week trigger compares its week with the one before (at most 13 days
back). So a change to older runs leaves the stored restrictions as they are, and a refresh reads
only that window (tests/unit/test_running_gate.py checks this against the whole history).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import TypeVar

from footcore.adapters.importers import ParsedActivity
from footcore.adapters.storage.running_models import FootRestrictionRow, RunRow, ShoeRow
from footcore.adapters.storage.running_repository import RunningRepository
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.distances import in_units
from footcore.domain.footwear import FootwearRules, Shoe, ShoeKind
from footcore.domain.load import LoadRules, Restriction, RunRecord, foot_load_restrictions
from footcore.domain.load_gate import ruled_out
from footcore.errors import NotFoundError
from footcore.services.context import Runner, dumps, open_runner

SHARP_WEEK_REACH_DAYS = 13  # from a day back to the Monday of the week before its own
T = TypeVar("T")


def in_runner(uow: SqlUnitOfWork, name: str, as_of: date, work: Callable[[Runner], T]) -> T:
    """Run one use case in one transaction on the named runner."""
    with uow:
        result = work(open_runner(uow, name, as_of))
        uow.commit()
        return result


@cache
def load_rules() -> LoadRules:
    from footcore.adapters.load_rules_file import load_load_rules

    return load_load_rules()


@cache
def footwear_rules() -> FootwearRules:
    from footcore.adapters.load_rules_file import load_footwear_rules

    return load_footwear_rules()


def running_repo(runner: Runner) -> RunningRepository:
    return RunningRepository(runner.uow.repo.session)


def stored_shoe_id(runner: Runner, shoe: str | None) -> int | None:
    """The stored shoe's id (None for no shoe); NotFoundError naming the stored ones."""
    if shoe is None:
        return None
    row = running_repo(runner).shoe(runner.id, shoe)
    if row is None:
        known = [s.name for s in running_repo(runner).shoes(runner.id)]
        raise NotFoundError(
            f"no shoe '{shoe}'" + (f" (stored: {', '.join(known)})" if known else ""),
            "shoe",
            action="add_shoe",
        )
    return row.id


def utc(moment: datetime) -> datetime:
    """A stored (naive UTC) time as an aware one."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def shoe_names(runner: Runner) -> dict[int, str]:
    return {s.id: s.name for s in running_repo(runner).shoes(runner.id)}


def run_record(row: RunRow, names: dict[int, str]) -> RunRecord:
    return RunRecord(
        row.date,
        row.distance_m,
        row.moving_s,
        row.elapsed_s,
        row.rpe,
        names.get(row.shoe_id) if row.shoe_id is not None else None,
        row.surface,
    )


def run_records(
    runner: Runner, since: date | None = None, until: date | None = None
) -> list[RunRecord]:
    names = shoe_names(runner)
    return [run_record(r, names) for r in running_repo(runner).runs(runner.id, since, until)]


def as_activity(row: RunRow) -> ParsedActivity:
    """A stored run in the importers' terms, for their duplicate rule."""
    return ParsedActivity(
        source=row.source,
        sport="running",
        start=utc(row.start),
        distance_m=row.distance_m,
        elapsed_s=row.elapsed_s,
        moving_s=row.moving_s,
        distance_source=row.distance_source,  # type: ignore[arg-type]
        device=row.device,
    )


def shoe_value(row: ShoeRow) -> Shoe:
    return Shoe(row.name, ShoeKind(row.kind), row.drop_mm, row.stack_mm, row.weight_g, row.retired)


# The foot plan's load restrictions --------------------------------------------------------------


def lookback_days(rules: LoadRules) -> int:
    return rules.restrict_days_after + max(rules.spike_window_days, SHARP_WEEK_REACH_DAYS) + 1


def can_restrict(day: date, as_of: date, rules: LoadRules) -> bool:
    """Whether a run on `day` can change the restrictions dated `as_of` or later."""
    return as_of - timedelta(days=lookback_days(rules)) <= day <= as_of


def refresh_restrictions(runner: Runner) -> list[Restriction]:
    """Recompute and store the restrictions dated `as_of` or later; returns them. The stored
    reason states its distances in the runner's units, as `today` shows it."""
    rules = load_rules()
    since = runner.as_of - timedelta(days=lookback_days(rules))
    found = foot_load_restrictions(run_records(runner, since, runner.as_of), runner.as_of, rules)
    catalog, unit = runner.catalog, runner.profile.units
    rows = [
        FootRestrictionRow(
            athlete_id=runner.id,
            day=r.day,
            trigger_date=r.trigger_date,
            trigger=r.trigger.value,
            drops=dumps(sorted(d.value for d in r.drops)),
            reason=in_units(r.reason, unit),
            sources=dumps(list(r.sources)),
            exercises=dumps(sorted(ruled_out(r, catalog))),
        )
        for r in found
    ]
    running_repo(runner).replace_restrictions_from(runner.id, runner.as_of, rows)
    return found
