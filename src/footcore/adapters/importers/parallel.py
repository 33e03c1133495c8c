"""Parsing read files on several cores, outcomes kept in the order the files were read.

Reading (disk, zip members, size guards) stays in the calling process, one file at a time; only
the parse of the bytes goes to worker processes, because the parsers are pure Python and a
single core cannot keep up with a large export (bench/bench_import.py). Order is kept, so the
batch's duplicate rule ("the first one read wins") and progress are the same as serially.

Workers are started with "spawn": a fresh interpreter that inherits no open database connection,
lock or thread from the caller. Starting them costs about half a second (each imports the
parsers), so small batches are parsed in this process.

Workers die with the importing process, even when it is killed outright (kill -9 runs no clean-
up): on Linux the kernel sends them SIGKILL when it dies (prctl PR_SET_PDEATHSIG); elsewhere a
watcher thread in each worker ends it once its parent is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from footcore.adapters.importers.formats import Pending, Step, parse_pending
from footcore.adapters.importers.model import Failed, FileOutcome

# Below this many files the workers' start-up costs more than it saves.
PARALLEL_FROM_FILES = 64

# More workers than this only add start-up time and memory on a desktop.
MAX_WORKERS = 8

# Files read ahead of the parse, per worker; bounded also by bytes, since each may be 50 MB.
AHEAD_PER_WORKER = 4
MAX_BYTES_AHEAD = 200_000_000


PR_SET_PDEATHSIG = 1  # linux/prctl.h
PR_SET_NAME = 15
# What `ps` shows for a worker once it is bound to its parent (at most 15 bytes).
WORKER_NAME = b"footcore-parse"


def _die_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the process that started it ends."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # it died before the request: nobody would signal
                    os._exit(1)
                libc.prctl(PR_SET_NAME, ctypes.c_char_p(WORKER_NAME), 0, 0, 0)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    # Where the kernel cannot be asked: a reparented worker has another parent pid.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_workers(total_files: int) -> int:
    if total_files < PARALLEL_FROM_FILES:
        return 1
    return max(1, min(available_cores(), MAX_WORKERS))


def parsed(steps: Iterable[Step], workers: int) -> Iterator[FileOutcome]:
    """Each step's outcome, in order: pending files parsed here (workers <= 1) or in workers."""
    if workers <= 1:
        for step in steps:
            yield parse_pending(step)
        return
    yield from _parsed_in_workers(steps, workers)


class _Pool:
    """A process pool that is replaced when a worker dies; each crash fails one file.

    Which queued file killed the worker cannot be known, so the first unfinished one in order is
    reported and the others are parsed again in a fresh pool: a file that crashes every time is
    eventually the first, and each crash costs one file, never the batch.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.generation = 0
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_die_with_parent,
            initargs=(os.getpid(),),
        )

    def submit(self, step: Pending) -> _Job:
        return _Job(step, self.executor.submit(parse_pending, step), self.generation)

    def result(self, job: _Job) -> FileOutcome:
        while True:
            try:
                return job.future.result()
            except BrokenProcessPool:
                if job.generation == self.generation:
                    self.restart()
                    return Failed(
                        job.step.source, "the parse stopped its worker process (out of memory?)"
                    )
                job = self.submit(job.step)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.generation += 1
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class _Job:
    step: Pending
    future: Future[FileOutcome]
    generation: int


def _parsed_in_workers(steps: Iterable[Step], workers: int) -> Iterator[FileOutcome]:
    window: deque[_Job | FileOutcome] = deque()
    ahead = 0
    pool = _Pool(workers)

    def settle() -> FileOutcome:
        nonlocal ahead
        entry = window.popleft()
        if isinstance(entry, _Job):
            ahead -= len(entry.step.data)
            return pool.result(entry)
        return entry

    try:
        for step in steps:
            if isinstance(step, Pending):
                window.append(pool.submit(step))
                ahead += len(step.data)
            else:
                window.append(step)
            while window and (len(window) > AHEAD_PER_WORKER * workers or ahead > MAX_BYTES_AHEAD):
                yield settle()
        while window:
            yield settle()
    finally:
        pool.close()
