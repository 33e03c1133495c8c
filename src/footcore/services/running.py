"""The running use cases: runs typed in or imported from watch files, the load report, shoes and
the minimalist ramp. Plain functions, each taking a unit of work, the runner's name and the day it
is (`as_of`); each write is one transaction (an import: one per file) and commits itself.

    add_run(uow, name, day=..., km=..., minutes=..., as_of=...)   one run typed in (here)
    list_runs(uow, name, as_of)                                    the latest runs (here)
    import_paths(uow, name, paths, as_of)                          FIT/GPX/TCX (running_import)
    load_report(uow, name, weeks, as_of)                           weekly load (running_load)
    add_shoe / retire_shoe / shoes_report(uow, name, as_of)        shoes (running_shoes)
    start_ramp / ramp_report(uow, name, as_of)                     the ramp (running_ramp)

Every change of the runs refreshes the foot plan's load restrictions (running_store.py), which
`footcore today` and `week` apply to the stored sessions (domain/load_gate.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from footcore.adapters.limits_file import limits
from footcore.adapters.storage.running_models import RunRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.load import Restriction
from footcore.errors import ConflictError, InputError
from footcore.services.context import Runner
from footcore.services.run_checks import check_typed, spike_sentence
from footcore.services.running_import import NO_DISTANCE, ImportReport, import_paths
from footcore.services.running_load import LoadReport, load_report
from footcore.services.running_ramp import RampReport, ramp_report, start_ramp
from footcore.services.running_shoes import (
    ShoesReport,
    StoredShoe,
    add_shoe,
    retire_shoe,
    shoes_report,
)
from footcore.services.running_store import (
    can_restrict,
    in_runner,
    load_rules,
    refresh_restrictions,
    running_repo,
    stored_shoe_id,
    utc,
)

__all__ = [
    "NO_DISTANCE",
    "SURFACES",
    "ImportReport",
    "LoadReport",
    "RampReport",
    "RunsView",
    "ShoesReport",
    "StoredRun",
    "StoredShoe",
    "add_run",
    "add_shoe",
    "import_paths",
    "list_runs",
    "load_report",
    "ramp_report",
    "retire_shoe",
    "shoes_report",
    "start_ramp",
]

SURFACES = ("road", "trail", "track", "treadmill")


@dataclass(frozen=True)
class StoredRun:
    start: datetime
    day: date  # the start's UTC date: the day the load rules count the run on
    distance_m: float
    elapsed_s: float
    moving_s: float
    rpe: int | None
    shoe: str | None
    surface: str | None
    source: str
    distance_source: str
    device: str | None
    spike: str | None = None  # the spike sentence, when the run is a spike of any band
    restricted_until: date | None = None  # the foot plan leaves out springy, heavy items
    units: str = "km"  # the runner's, for showing the run


def _stored(row: RunRow, shoe: str | None) -> StoredRun:
    return StoredRun(
        utc(row.start),
        row.date,
        row.distance_m,
        row.elapsed_s,
        row.moving_s,
        row.rpe,
        shoe,
        row.surface,
        row.source,
        row.distance_source,
        row.device,
    )


def _check_manual(
    day: date, km: float, minutes: float, rpe: int | None, surface: str | None, as_of: date
) -> None:
    if day > as_of:
        raise InputError(f"{day.isoformat()} is in the future; log a run once it is done", "date")
    check_typed(day, km, minutes, as_of)
    if rpe is not None and not 0 <= rpe <= 10:
        raise InputError(f"{rpe} is not an effort rating; give 0 to 10", "rpe")
    if surface is not None and surface not in SURFACES:
        raise InputError(f"unknown surface '{surface}'; accepted: {', '.join(SURFACES)}", "surface")


def _restricted_until(found: Sequence[Restriction], run_day: date) -> date | None:
    days = [r.day for r in found if r.trigger_date == run_day]
    return max(days) if days else None


def _spike_sentence(runner: Runner, day: date, distance_m: float) -> str | None:
    found = spike_sentence(runner, day, distance_m)
    return None if found is None else found[1]


def add_run(
    uow: SqlUnitOfWork,
    name: str,
    *,
    day: date,
    km: float,
    minutes: float,
    as_of: date,
    rpe: int | None = None,
    shoe: str | None = None,
    surface: str | None = None,
    at: time | None = None,
) -> StoredRun:
    """Store one run typed in: `km` and `minutes` (moving time, the same as elapsed here).

    The start is `day` at `at` (default 00:00) UTC. The same distance at the same start is
    refused as already stored (ConflictError): give `at` to store a second run of the day.
    """
    _check_manual(day, km, minutes, rpe, surface, as_of)

    def work(runner: Runner) -> StoredRun:
        shoe_id = stored_shoe_id(runner, shoe)
        start = datetime.combine(day, at or time(0, 0))
        distance, seconds = km * 1000.0, minutes * 60.0
        repo = running_repo(runner)
        if any(r.distance_m == distance for r in repo.runs_starting_near(runner.id, start, 0)):
            raise ConflictError(
                f"a {km:g} km run at {start:%Y-%m-%d %H:%M} UTC is already stored",
                action="start_time",
            )
        row = RunRow(
            athlete_id=runner.id,
            start=start,
            date=day,
            distance_m=distance,
            elapsed_s=seconds,
            moving_s=seconds,
            rpe=rpe,
            shoe_id=shoe_id,
            surface=surface,
            source="typed in",
            distance_source="manual",
            device=None,
        )
        repo.session.add(row)
        repo.session.flush()
        found = refresh_restrictions(runner) if can_restrict(day, as_of, load_rules()) else []
        return replace(
            _stored(row, shoe),
            spike=_spike_sentence(runner, day, distance),
            restricted_until=_restricted_until(found, day),
            units=runner.profile.units,
        )

    return in_runner(uow, name, as_of, work)


# Listing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunsView:
    units: str
    total: int
    runs: list[StoredRun]


def list_runs(uow: SqlUnitOfWork, name: str, as_of: date, limit: int | None = None) -> RunsView:
    """The latest `limit` runs (limits.toml [lists] runs_shown when not given), newest first,
    with the runner's units."""
    limit = limits().runs_shown if limit is None else limit
    if limit < 1:
        raise InputError(f"{limit} is not a number of runs; give 1 or more", "limit")

    def work(runner: Runner) -> RunsView:
        repo = running_repo(runner)
        names = {s.id: s.name for s in repo.shoes(runner.id)}
        rows = repo.latest_runs(runner.id, limit)
        return RunsView(
            runner.profile.units,
            repo.count_runs(runner.id),
            [_stored(r, names.get(r.shoe_id) if r.shoe_id else None) for r in rows],
        )

    return in_runner(uow, name, as_of, work)
