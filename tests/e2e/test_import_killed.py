"""A killed import takes its parsing workers with it: the real CLI in a subprocess, parsing on
two worker processes, is killed with SIGKILL (no clean-up runs), and every process it started
is gone within a bounded time. Polled, never slept on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import psutil
import pytest

from tests.cli_runner import init_runner
from tests.synthetic_runs import gpx, track

START = date(2026, 11, 2)


def until(condition: Callable[[], object], seconds: float) -> bool:
    """Poll `condition()` until true or `seconds` have passed (bounded, no fixed sleep)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        os.sched_yield()
    return bool(condition())


def alive(pids: list[int]) -> list[int]:
    out = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                out.append(pid)
        except psutil.NoSuchProcess:
            pass
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_killed_import_leaves_no_worker_behind(sqlite_cli: str, tmp_path: Path) -> None:
    db = sqlite_cli
    init_runner(START)
    folder = tmp_path / "runs"
    folder.mkdir()
    # Files gpxpy takes a second or more each to parse, enough to keep both workers busy.
    one = gpx(track(datetime(2026, 10, 1, 7, tzinfo=UTC), 42, 1200, every_s=1))
    for n in range(16):
        (folder / f"run-{n:02d}.gpx").write_bytes(one)
    cli = Path(sys.executable).with_name("footcore")
    env = {**os.environ, "FOOTCORE_DATABASE_URL": db, "FOOTCORE_HOME": str(tmp_path / "home")}
    started_pids: list[int] = []
    proc = subprocess.Popen(
        [str(cli), "runs", "import", str(folder), "--workers", "2", "--yes"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        parent = psutil.Process(proc.pid)

        def workers() -> list[psutil.Process]:
            try:
                kids = parent.children(recursive=True)
            except psutil.NoSuchProcess:
                return []
            return [k for k in kids if "spawn_main" in " ".join(k.cmdline())]

        def bound() -> bool:
            # each worker renames itself once it will die with its parent (Linux)
            try:
                return sum(w.name() == "footcore-parse" for w in workers()) >= 2
            except psutil.NoSuchProcess:
                return False

        assert until(bound, 120), "the workers never started"
        started_pids.extend(p.pid for p in parent.children(recursive=True))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        # A worker that outlived its parent would go on parsing the files queued for it.
        assert until(lambda: not alive(started_pids), 5), f"still running: {alive(started_pids)}"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in alive(started_pids):
            os.kill(pid, signal.SIGKILL)  # only what this test's CLI started, by pid
