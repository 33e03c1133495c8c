"""Importing runs from watch files: FIT, GPX and TCX files, folders and Strava export zips, one
transaction per file, with the duplicate rule (importers.is_duplicate), the checks of a run that
cannot be true and the confirmation a questionable spike needs (run_checks.py). New runs refresh
the foot plan's load restrictions (running_store.py) when they can change them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
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
from footcore.services.context import Runner, open_runner
from footcore.services.run_checks import Confirm, imported_problem, unconfirmed
from footcore.services.running_store import (
    as_activity,
    can_restrict,
    in_runner,
    load_rules,
    naive_utc,
    refresh_restrictions,
    running_repo,
    stored_shoe_id,
)

# A run without a distance would count as 0 km in the load and show as "0.00 km": not stored.
NO_DISTANCE = (
    "no distance recorded (an indoor run without a foot pod?): not stored; "
    "type it in with its distance instead"
)


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
    unconfirmed: int = 0  # questionable runs refused for want of the runner's confirmation
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
                    report.unconfirmed += 1
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
        uow, name, as_of, lambda runner: (stored_shoe_id(runner, shoe), runner.profile.units)
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
