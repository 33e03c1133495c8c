"""Every command is one transaction: an error half-way, or a process killed half-way through a
write, leaves the database as it was before the command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from footcore.adapters.storage.models import LogRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.entrypoints.cli.words import cli_message
from footcore.errors import InputError
from footcore.services import training
from footcore.services.logbook import LogEntry
from tests.conftest import REPO
from tests.factories import example_profile

START = date(2026, 3, 2)
PROFILE = example_profile()


def count_logs(uow: SqlUnitOfWork) -> int:
    with uow:
        return int(uow.repo.session.scalar(select(func.count(LogRow.id))) or 0)


def test_an_error_in_the_middle_of_a_session_log_stores_none_of_it(uow: SqlUnitOfWork) -> None:
    training.init(uow, "ana", PROFILE, "runner.toml", None, None, START, 4, START)
    items = training.day(uow, "ana", START, START).items
    entries = [LogEntry(i.exercise_done, START, rpe=5) for i in items]
    entries.insert(2, LogEntry(items[0].exercise_done, START, pain=11))  # invalid, third
    with pytest.raises(InputError) as refused:
        training.log_session(uow, "ana", entries, START)
    assert "--pain 11 is out of range" in cli_message(refused.value)  # as the command line says it
    assert count_logs(uow) == 0
    assert training.day(uow, "ana", START, START).items == items  # no dose was touched


CRASHER = textwrap.dedent("""
    import sys, time
    from datetime import date
    from footcore.adapters.storage.models import LogRow
    from footcore.adapters.storage.uow import SqlUnitOfWork

    uow = SqlUnitOfWork.connect(sys.argv[1])
    with uow:
        athlete = uow.repo.athlete("ana")
        for i in range(3000):
            uow.repo.add(LogRow(athlete_id=athlete.id, date=date(2026, 3, 2),
                                exercise=f"x{i}", slot=f"x{i}", side="both", sets=1, reps=1,
                                hold_s=None, distance_m=None, rpe=None, pain=0, pain_area=""))
            if i % 500 == 0:
                uow.repo.flush()
        uow.repo.flush()
        print("written, not committed", flush=True)
        time.sleep(60)
        uow.commit()
""")


def test_a_process_killed_in_the_middle_of_a_write_leaves_the_database_consistent(
    uow: SqlUnitOfWork, database_url: str, tmp_path: Path
) -> None:
    training.init(uow, "ana", PROFILE, "runner.toml", None, None, START, 4, START)
    script = tmp_path / "crash.py"
    script.write_text(CRASHER)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, str(script), database_url], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "written, not committed"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert count_logs(uow) == 0
    if database_url.startswith("sqlite"):
        with uow.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    item = training.day(uow, "ana", START, START).items[0]
    done = training.log(uow, "ana", LogEntry(item.exercise_done, START, rpe=5), START)
    assert not done.already and count_logs(uow) == 1
