"""Plumbing of the browser tests: the real server (`footcore serve`) in a subprocess on a free
loopback port with a throwaway database, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import httpx

from tests.clock import pinned_command

CHROMIUM = Path("/usr/bin/chromium")
# As the machine notes prescribe: no sandbox as root, no GPU, and nothing that phones home (the
# closed network refuses those connections, many at a time).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--autoplay-policy=no-user-gesture-required",
]
REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def first_day_with(
    plan: dict[str, Any], wanted: Callable[[dict[str, Any]], bool], until: date
) -> date:
    """The first day of a plan (the JSON of /api/plan) up to `until` whose session has an item
    that is `wanted`: the planner lays out each weekday differently, so a test that needs, say, a
    timed hold finds a day that has one instead of assuming the first day does."""
    for week in plan["weeks"]:
        for session in week["days"]:
            day = date.fromisoformat(session["date"])
            if day <= until and any(wanted(item) for item in session["items"]):
                return day
    raise AssertionError(f"no day of the plan up to {until} has what the test needs")


@contextmanager
def served(home: Path, today: date) -> Iterator[str]:
    """`footcore serve` on a fresh SQLite file in `home`, its clock pinned to `today` (the server
    is another process, out of reach of this process's pinned clock); yields its base URL."""
    port = free_port()
    env = {**os.environ, "FOOTCORE_HOME": str(home), "PYTHONWARNINGS": "ignore"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.pop("FOOTCORE_DATABASE_URL", None)
    log = (home / "server.log").open("wb")
    proc = subprocess.Popen(
        pinned_command(
            today,
            "serve",
            "--port",
            str(port),
            "--database-url",
            f"sqlite:///{home / 'footcore.db'}",
        ),
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60  # a loaded 2-core machine can take 20 s to start it
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "footcore serve did not start: "
                    + (home / "server.log").read_text(errors="replace")
                )
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
