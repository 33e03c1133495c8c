"""The tests' clock: no test reads the real date. An autouse fixture (tests/conftest.py) pins the
clock with time-machine to noon UTC of ANCHOR (noon, so that the local date is ANCHOR in any time
zone from UTC-11 to UTC+11); a test marked `any_weekday` runs once on each day of ANCHOR's week.
Child processes the tests start (the browser tests' server) are pinned through `pinned_command`."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, time, timedelta

ANCHOR = date(2026, 11, 19)  # a Thursday
WEEK = [ANCHOR - timedelta(days=ANCHOR.weekday() - i) for i in range(7)]  # its Monday to Sunday


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def pinned_python(day: date, code: str) -> list[str]:
    """A child Python running `code` with its clock started at noon of `day` (and ticking on)."""
    prelude = (
        f"import time_machine\ntime_machine.travel({noon(day).isoformat()!r}, tick=True).start()\n"
    )
    return [sys.executable, "-c", prelude + code]


def pinned_command(day: date, *footcore_args: str) -> list[str]:
    """`footcore ARGS` in a child process whose clock is pinned to `day`."""
    code = (
        "import sys\n"
        "from footcore.entrypoints.cli.main import main\n"
        "sys.argv = ['footcore', *sys.argv[1:]]\n"
        "main()\n"
    )
    return [*pinned_python(day, code), *footcore_args]
