"""The running use cases: runs typed in or imported from watch files, the load report, shoes and
the minimalist ramp. Plain functions, each taking a unit of work, the runner's name and the day it
is (`as_of`); each write is one transaction (an import: one per file) and commits itself.

    add_run(uow, name, day=..., km=..., minutes=..., as_of=...)   one run typed in
    import_paths(uow, name, paths, as_of)                          FIT/GPX/TCX, folders, zips
    list_runs(uow, name, as_of)                                    the latest runs
    load_report(uow, name, weeks, as_of)                           weekly load, spikes, ACWR
    add_shoe / retire_shoe / shoes_report(uow, name, as_of)        shoes, reminder, rotation
    start_ramp / ramp_report(uow, name, as_of)                     the minimalist transition

Every change of the runs refreshes the foot plan's load restrictions (running_store.py), which
`footcore today` and `week` apply to the stored sessions (domain/load_gate.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from footcore.adapters.importers import (
    Failed,
    Imported,
    ParsedActivity,
    Skipped,
    is_duplicate,
    read_activities,
)
from footcore.adapters.importers.duplicates import START_TOLERANCE_S
from footcore.adapters.storage.running_models import RunRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.load import Restriction
from footcore.errors import ConflictError, InputError, NotFoundError
from footcore.services.context import Runner, open_runner
from footcore.services.run_checks import (
    Confirm,
    check_typed,
    imported_problem,
    spike_sentence,
    unconfirmed,
)
from footcore.services.running_load import LoadReport, load_report
from footcore.services.running_shoes import (
    RampReport,
    ShoesReport,
    StoredShoe,
    add_shoe,
    ramp_report,
    retire_shoe,
    shoes_report,
    start_ramp,
)
from footcore.services.running_store import (
    as_activity,
    can_restrict,
    in_runner,
    load_rules,
    naive_utc,
    refresh_restrictions,
    running_repo,
    utc,
)

__all__ = [
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
# A run without a distance would count as 0 km in the load and show as "0.00 km": not stored.
NO_DISTANCE = (
    "no distance recorded (an indoor run without a foot pod?): not stored; "
    "type it in with its distance (`footcore runs add`)"
)


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


def _shoe_id(runner: Runner, shoe: str | None) -> int | None:
    if shoe is None:
        return None
    row = running_repo(runner).shoe(runner.id, shoe)
    if row is None:
        known = [s.name for s in running_repo(runner).shoes(runner.id)]
        raise NotFoundError(
            f"no shoe '{shoe}'; add it with `footcore shoes add \"{shoe}\"`"
            + (f" (stored: {', '.join(known)})" if known else ""),
            "shoe",
        )
    return row.id


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
        shoe_id = _shoe_id(runner, shoe)
        start = datetime.combine(day, at or time(0, 0))
        distance, seconds = km * 1000.0, minutes * 60.0
        repo = running_repo(runner)
        if any(r.distance_m == distance for r in repo.runs_starting_near(runner.id, start, 0)):
            raise ConflictError(
                f"a {km:g} km run at {start:%Y-%m-%d %H:%M} UTC is already "
                "stored; give its start time (--time HH:MM) to add another"
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


# Import ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportedRun:
    file: str
    start: datetime
    distance_m: float
    elapsed_s: float
    moving_s: float


@dataclass
class ImportReport:
    """Per file (a Strava row counts as a file): what became of it. JSON: `as_dict()`."""

    imported: list[ImportedRun] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    restricted_days: list[date] = field(default_factory=list)
    units: str = "km"  # the runner's, for showing the report

    def as_dict(self) -> dict[str, list[dict[str, object]]]:
        return {
            "imported": [
                {
                    "file": r.file,
                    "start": r.start.isoformat(),
                    "distance_m": r.distance_m,
                    "elapsed_s": r.elapsed_s,
                    "moving_s": r.moving_s,
                }
                for r in self.imported
            ],
            "duplicates": [{"file": f} for f in self.duplicates],
            "skipped": [{"file": f, "reason": why} for f, why in self.skipped],
            "failed": [{"file": f, "reason": why} for f, why in self.failed],
        }


def _duplicate(runner: Runner, activity: ParsedActivity) -> bool:
    near = running_repo(runner).runs_starting_near(
        runner.id, naive_utc(activity.start), START_TOLERANCE_S
    )
    return any(is_duplicate(as_activity(row), activity) for row in near)


def _store_file(
    uow: SqlUnitOfWork,
    name: str,
    as_of: date,
    outcome: Imported,
    shoe_id: int | None,
    report: ImportReport,
    confirm: Confirm | None = None,
) -> None:
    """One file, one transaction: its new runs are stored, or none of them."""
    added: list[ParsedActivity] = []
    dupes = 0
    try:
        with uow:
            runner = open_runner(uow, name, as_of)
            repo = running_repo(runner)
            for activity in outcome.activities:
                if activity.distance_m <= 0:
                    report.skipped.append((outcome.source, NO_DISTANCE))
                    continue
                problem = imported_problem(activity, as_of)
                if problem is not None:
                    report.failed.append((outcome.source, problem))
                    continue
                if _duplicate(runner, activity):
                    dupes += 1
                    continue
                start = naive_utc(activity.start)
                row = RunRow(
                    athlete_id=runner.id,
                    start=start,
                    date=start.date(),
                    distance_m=activity.distance_m,
                    elapsed_s=activity.elapsed_s,
                    moving_s=activity.moving_s,
                    rpe=None,
                    shoe_id=shoe_id,
                    surface=None,
                    source=activity.source,
                    distance_source=activity.distance_source,
                    device=activity.device,
                )
                repo.session.add(row)
                repo.session.flush()
                refused = unconfirmed(runner, activity, confirm)
                if refused is not None:
                    repo.session.delete(row)
                    repo.session.flush()
                    report.failed.append((outcome.source, refused))
                    continue
                added.append(activity)
            rules = load_rules()
            if any(can_restrict(a.start.date(), as_of, rules) for a in added):
                report.restricted_days[:] = sorted({r.day for r in refresh_restrictions(runner)})
            uow.commit()
    except IntegrityError:
        # only the duplicate guard of `runs` can refuse a run: the same file, imported at once
        # by another process
        report.duplicates.extend(outcome.source for _ in outcome.activities)
        return
    report.imported.extend(
        ImportedRun(outcome.source, a.start, a.distance_m, a.elapsed_s, a.moving_s) for a in added
    )
    report.duplicates.extend(outcome.source for _ in range(dupes))
    report.notes.extend((outcome.source, note) for note in outcome.notes)


def import_paths(
    uow: SqlUnitOfWork,
    name: str,
    paths: Iterable[Path],
    as_of: date,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    shoe: str | None = None,
    confirm: Confirm | None = None,
) -> ImportReport:
    """Import activity files, folders and Strava export zips; never stops for a bad file.

    Only runs are stored; other sports are skipped with their sport named; a run that starts
    within a minute of a stored one (or one stored earlier in this batch) with a distance within
    10% is a duplicate (importers.is_duplicate). Each file is one transaction: nothing of a
    failed file is stored. `shoe` names the pair all imported runs were run in.

    A run that cannot be true (run_checks.py) is refused with the reason; a run from a
    questionable file that would be a large spike is stored only if `confirm(question)` says so.
    """
    shoe_id, units = in_runner(
        uow, name, as_of, lambda runner: (_shoe_id(runner, shoe), runner.profile.units)
    )
    report = ImportReport(units=units)
    outcomes = read_activities([Path(p) for p in paths], progress, workers, dedupe=False)
    for outcome in outcomes:
        if isinstance(outcome, Failed):
            report.failed.append((outcome.source, outcome.reason))
        elif isinstance(outcome, Skipped):
            report.skipped.append((outcome.source, outcome.reason))
        else:
            _store_file(uow, name, as_of, outcome, shoe_id, report, confirm)
    return report


# Listing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunsView:
    units: str
    total: int
    runs: list[StoredRun]


def list_runs(uow: SqlUnitOfWork, name: str, as_of: date, limit: int = 20) -> RunsView:
    """The latest `limit` runs, newest first, with the runner's units."""
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
