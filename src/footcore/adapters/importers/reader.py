"""read_activities: paths (files, folders, zips) in, one outcome per file out, streamed.

Folders are walked recursively in name order (symlinked folders are not followed, so a link
loop cannot stall an import). Zips are planned up front so that progress knows the total. Files
are read here one at a time and parsed here or, for large batches, on several cores
(parallel.py); either way the outcomes come out in reading order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from footcore.adapters.importers.archives import ZipPlan, plan_zip, read_zip
from footcore.adapters.importers.duplicates import BatchDeduplicator
from footcore.adapters.importers.formats import (
    Pending,
    Step,
    guarded,
    kind_of_name,
    unsupported,
)
from footcore.adapters.importers.limits import MAX_FILE_BYTES, MAX_FILE_LABEL
from footcore.adapters.importers.model import Failed, FileOutcome, Skipped
from footcore.adapters.importers.parallel import default_workers, parsed
from footcore.adapters.importers.unpacking import Budget, release_memory
from footcore.errors import FileInputError, TooLargeError

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class _Job:
    path: Path
    given: bool = False
    plan: ZipPlan | None = None
    problem: str | None = None

    @property
    def count(self) -> int:
        return self.plan.count if self.plan is not None else 1


def _read_file(path: Path, given: bool) -> Step:
    source = str(path)
    kind, _ = kind_of_name(path.name)
    if kind is None:
        # a stray file met while walking a folder is not an error; one the user named is
        return (
            Failed(source, unsupported(path.name))
            if given
            else Skipped(source, unsupported(path.name))
        )
    try:
        if not path.is_file():
            # a FIFO or device would block or never end
            return Failed(source, "not a regular file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Failed(
                source, f"{size / 1e6:.1f} MB is over the {MAX_FILE_LABEL} limit; not read"
            )
        with path.open("rb") as stream:
            # read at most the limit even if the file grew after stat()
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise FileInputError(f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        return Failed(source, f"over the {MAX_FILE_LABEL} limit; not read")
    return Pending(source, path.name, data)


def _zip_job(path: Path, budget: Budget) -> _Job:
    try:
        return _Job(path, plan=plan_zip(path, budget))
    except TooLargeError:
        raise
    except FileInputError as exc:
        return _Job(path, problem=str(exc))
    except Exception as exc:
        # zipfile and csv have more failure modes than they document; one archive must not
        # stop the batch
        return _Job(path, problem=f"not a readable zip archive ({type(exc).__name__}: {exc})")


def _expand(path: Path, budget: Budget) -> list[_Job]:
    if path.is_dir():
        return [
            _zip_job(f, budget) if kind_of_name(f.name)[0] == "zip" else _Job(f)
            for f in _walk(path)
        ]
    if not path.exists():
        return [_Job(path, problem="no such file or folder")]
    if kind_of_name(path.name)[0] == "zip":
        return [_zip_job(path, budget)]
    return [_Job(path, given=True)]


def _walk(folder: Path) -> Iterator[Path]:
    for top, dirs, files in os.walk(folder, onerror=None, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            yield Path(top) / name


def _jobs(paths: Iterable[Path], budget: Budget) -> list[_Job]:
    jobs: list[_Job] = []
    for given in paths:
        path = Path(given)
        try:
            jobs.extend(_expand(path, budget))
        except OSError as exc:
            jobs.append(_Job(path, problem=f"cannot be read ({exc.strerror or exc})"))
    return jobs


def _run(job: _Job, budget: Budget) -> Iterator[Step]:
    source = str(job.path)
    if job.problem is not None:
        yield Failed(source, job.problem)
    elif job.plan is not None:
        yield from read_zip(job.path, job.plan, budget)
    else:
        yield guarded(source, lambda: _read_file(job.path, job.given))


def read_activities(
    paths: Iterable[Path],
    progress: Progress | None = None,
    workers: int | None = None,
    dedupe: bool = True,
) -> Iterator[FileOutcome]:
    """One outcome per file (per row of a Strava export), in reading order, never raising for a
    bad file.

    Runs already seen in this batch are dropped (see duplicates.py) unless `dedupe` is False (a
    caller that stores each file before the next checks against what it stored instead).
    `progress(done, total)` is called after each outcome. `workers` processes parse the files
    (1 = all in this process; None = one per core for batches of parallel.PARALLEL_FROM_FILES
    files or more, else 1).

    Every zip member read draws on one unpacking budget (unpacking.py), and no member or .gz
    file may unpack past the ratio: going over a limit raises TooLargeError, refusing the rest
    of the request. Plain files are not unpacked (the caller's size limits bound them).
    """
    budget = Budget()
    try:
        jobs = _jobs(paths, budget)
        total = sum(job.count for job in jobs)
        count = default_workers(total) if workers is None else workers
        steps = (step for job in jobs for step in _run(job, budget))
        batch = BatchDeduplicator()
        for done, outcome in enumerate(parsed(steps, count), start=1):
            if progress is not None:
                progress(done, total)
            yield batch.filter(outcome) if dedupe else outcome
    finally:
        release_memory()
