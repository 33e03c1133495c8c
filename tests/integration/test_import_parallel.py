"""Parsing on several cores gives the same outcomes, in the same order, as parsing in one process;
a worker that dies costs one file, never the batch."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from footcore.adapters.importers import Failed, Imported, parallel, read_activities
from footcore.adapters.importers.formats import Pending
from tests.corpus import sample
from tests.synthetic import Track, write_activity


def synthetic_folder(folder: Path) -> tuple[Path, int]:
    """Twelve runs in three formats, a ride and a broken file, written by the test."""
    start = datetime(2024, 3, 1, 7, tzinfo=UTC)
    for i in range(12):
        name = f"run{i:02}{('.fit', '.gpx', '.tcx')[i % 3]}"
        write_activity(folder / name, Track(start=start + timedelta(days=i), km=5 + i))
    write_activity(folder / "ride.gpx", Track(start=start, sport="cycling"))
    (folder / "broken.fit").write_bytes(b"not a FIT file at all")
    return folder, 12


@pytest.mark.parametrize("corpus", ["synthetic", "samples"])
def test_two_workers_give_the_outcomes_of_one_process_in_the_same_order(
    corpus: str, tmp_path: Path
) -> None:
    folder, runs = synthetic_folder(tmp_path) if corpus == "synthetic" else (sample(""), 14)
    seen: list[tuple[int, int]] = []
    serial = list(read_activities([folder], workers=1))
    both = list(read_activities([folder], progress=lambda d, t: seen.append((d, t)), workers=2))
    assert both == serial
    assert seen == [(i, len(serial)) for i in range(1, len(serial) + 1)]
    assert sum(isinstance(o, Imported) for o in both) >= runs


def test_small_batches_stay_in_this_process_and_large_ones_use_every_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    assert parallel.default_workers(parallel.PARALLEL_FROM_FILES - 1) == 1
    assert parallel.default_workers(2000) == 2


class _Executor:
    """Stands in for a process pool: the first pool's futures all report a dead worker."""

    def __init__(self, broken: bool) -> None:
        self.broken = broken

    def submit(self, fn: Any, step: Pending) -> Future[Any]:
        future: Future[Any] = Future()
        if self.broken:
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(Failed(step.source, "parsed"))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_a_dead_worker_fails_the_first_unfinished_file_and_the_others_are_parsed_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pools = iter([_Executor(broken=True), _Executor(broken=False)])
    monkeypatch.setattr(parallel._Pool, "_start", lambda self: next(pools))
    steps = [Pending(f"f{i}", "a.fit", b"") for i in range(3)]
    out = list(parallel.parsed(steps, workers=2))
    assert [(o.source, o.reason) for o in out if isinstance(o, Failed)] == [
        ("f0", "the parse stopped its worker process (out of memory?)"),
        ("f1", "parsed"),
        ("f2", "parsed"),
    ]
