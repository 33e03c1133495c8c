"""Parsing on several cores gives the same outcomes, in the same order, as parsing in one process;
a worker that dies costs one file, never the batch."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from footcore.adapters.importers import Failed, Imported, parallel, read_activities
from footcore.adapters.importers.formats import Pending

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"


def test_two_workers_give_the_outcomes_of_one_process_in_the_same_order() -> None:
    seen: list[tuple[int, int]] = []
    serial = list(read_activities([SAMPLES], workers=1))
    both = list(read_activities([SAMPLES], progress=lambda d, t: seen.append((d, t)), workers=2))
    assert both == serial
    assert seen == [(i, len(serial)) for i in range(1, len(serial) + 1)]
    assert sum(isinstance(o, Imported) for o in both) >= 14


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
