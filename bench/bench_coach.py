"""Benchmark: the coach's roster on PostgreSQL, 10 vs 1,000 athletes with a year of logs each.

Method: a fresh PostgreSQL database (created and dropped here) is migrated, then filled with
1,000 athletes by bulk inserts of the tables the roster reads: a plan of 52 weeks each (a retest
week every 8th), 3 planned sessions a week, 2 exercise logs per session done (about 85% done),
a morning check-in a week, 3 runs a week, a retest every 8 weeks (a quarter failed) and an open
red-flag pause for 1 athlete in 50; about 1.1 million rows. Prescriptions are left out: the roster
never reads them. Then footcore.services.roster.roster() runs for the first 10 and for all 1,000
athletes, as the web's /api/roster does, after one warm-up call each: we report the median and
p90 wall time (time.perf_counter) of --repeat calls, and the number of SQL statements of one call
(SQLAlchemy's before_cursor_execute event). The data is VACUUMed and ANALYZEd first
(--no-vacuum: ANALYZE only, the method of the first measurements). Goal (issue 12): under
300 ms median at 1,000 and the same query count for 10 and 1,000.

Run: FOOTCORE_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
     .venv/bin/python bench/bench_coach.py [--athletes 1000] [--repeat 15] [--no-vacuum]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

import psycopg
from sqlalchemy import event, insert

from footcore.adapters.storage.models import (
    AssessmentRow,
    Athlete,
    CheckinRow,
    LogRow,
    PauseRow,
    PlanRow,
    SessionRow,
    WeekRow,
)
from footcore.adapters.storage.running_models import RunRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.adapters.team_file import team_policy
from footcore.services import roster

TODAY = date(2026, 11, 16)
START = TODAY - timedelta(weeks=52)
PHASES = ("foundation", "build", "strength", "power")


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    name = f"footcore_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def seed(uow: SqlUnitOfWork, athletes: int, rng: random.Random) -> int:
    """Bulk-insert the athletes' year; returns the number of rows."""
    conn = uow.engine.connect()
    total = 0

    def put(model: Any, rows: list[dict[str, Any]]) -> None:
        nonlocal total
        if rows:
            conn.execute(insert(model), rows)
            total += len(rows)

    put(
        Athlete,
        [{"id": i + 1, "name": f"athlete{i:04d}", "created_on": START} for i in range(athletes)],
    )
    put(
        PlanRow,
        [
            {"athlete_id": i + 1, "start": START, "weeks": 52, "warnings": "[]"}
            for i in range(athletes)
        ],
    )
    week_id = 0
    for a in range(1, athletes + 1):
        weeks, sessions, logs, checkins, runs, tests = [], [], [], [], [], []
        for w in range(52):
            week_id += 1
            start = START + timedelta(weeks=w)
            weeks.append(
                {
                    "id": week_id,
                    "athlete_id": a,
                    "seq": w + 1,
                    "start": start,
                    "plan_week": w + 1,
                    "phase": PHASES[w // 13],
                    "cycle": w // 4 + 1,
                    "week_in_cycle": w % 4 + 1,
                    "light": w % 4 == 3,
                    "retest": w % 8 == 7,
                    "kind": "planned",
                    "note": "",
                    "reviewed": start < TODAY - timedelta(days=7),
                    "gate": None,
                }
            )
            for offset in (0, 2, 4):
                day = start + timedelta(days=offset)
                sessions.append({"athlete_id": a, "week_id": week_id, "date": day})
                if day < TODAY and rng.random() < 0.85:
                    pain = rng.choice((0, 0, 0, 1, 2, 3, 5, 7))
                    for ex in ("short_foot", "heel_raise"):
                        logs.append(
                            {
                                "athlete_id": a,
                                "date": day,
                                "exercise": ex,
                                "slot": ex,
                                "side": "both",
                                "sets": 3,
                                "reps": 10,
                                "hold_s": None,
                                "distance_m": None,
                                "rpe": 5,
                                "pain": pain,
                                "pain_area": "",
                            }
                        )
                km = rng.uniform(5, 12)
                if day <= TODAY:
                    runs.append(
                        {
                            "athlete_id": a,
                            "start": datetime.combine(day, datetime.min.time()),
                            "date": day,
                            "distance_m": km * 1000,
                            "elapsed_s": km * 360,
                            "moving_s": km * 340,
                            "rpe": None,
                            "shoe_id": None,
                            "surface": None,
                            "source": "bench",
                            "distance_source": "manual",
                            "device": None,
                        }
                    )
            if start + timedelta(days=1) < TODAY:
                checkins.append(
                    {
                        "athlete_id": a,
                        "date": start + timedelta(days=1),
                        "area": "",
                        "morning_pain": rng.choice((0, 1, 2, 4, 7)),
                        "symptoms": "[]",
                    }
                )
            if w % 8 == 7 and start < TODAY:
                tests.append(
                    {
                        "athlete_id": a,
                        "date": start,
                        "kind": "retest",
                        "results": "{}",
                        "findings": "[]",
                        "passed": rng.random() > 0.25,
                        "reference": False,
                        "reasons": "[]",
                    }
                )
        put(WeekRow, weeks)
        put(SessionRow, sessions)
        put(LogRow, logs)
        put(CheckinRow, checkins)
        put(RunRow, runs)
        put(AssessmentRow, tests)
        if a % 50 == 0:
            put(
                PauseRow,
                [
                    {
                        "athlete_id": a,
                        "started": TODAY - timedelta(days=3),
                        "symptoms": "[]",
                        "message": "see a clinician",
                        "cleared": None,
                    }
                ],
            )
    conn.commit()
    conn.close()
    return total


def measure(uow: SqlUnitOfWork, names: list[str], repeat: int) -> tuple[list[float], int]:
    policy = team_policy()
    roster.roster(uow, policy, names, TODAY)  # warm-up
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(uow.engine, "before_cursor_execute", count)
    rows = roster.roster(uow, policy, names, TODAY)
    event.remove(uow.engine, "before_cursor_execute", count)
    assert len(rows) == len(names)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        roster.roster(uow, policy, names, TODAY)
        times.append((time.perf_counter() - t0) * 1000)
    return times, len(statements)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--athletes", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--no-vacuum", dest="vacuum", action="store_false", help="ANALYZE only, as before"
    )
    args = parser.parse_args()
    server = os.environ.get(
        "FOOTCORE_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    with fresh_database(server) as url:
        uow = SqlUnitOfWork.connect(url)
        try:
            t0 = time.perf_counter()
            rows = seed(uow, args.athletes, random.Random(12))
            print(
                f"seeded {args.athletes} athletes, {rows:,} rows in "
                f"{time.perf_counter() - t0:.0f} s"
            )
            # VACUUM as well as ANALYZE: autovacuum vacuums insert-only tables after a bulk
            # load (PostgreSQL 13+), which sets the visibility map that index-only scans need;
            # without it the roster would be timed in a state a live server leaves soon.
            with uow.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE" if args.vacuum else "ANALYZE")
            names = [f"athlete{i:04d}" for i in range(args.athletes)]
            for n in (10, args.athletes):
                times, queries = measure(uow, names[:n], args.repeat)
                q = statistics.quantiles(times, n=10)
                print(
                    f"roster of {n:>5} athletes: median {statistics.median(times):7.1f} ms, "
                    f"p90 {q[-1]:7.1f} ms, {queries} SQL statements"
                )
        finally:
            uow.dispose()


if __name__ == "__main__":
    main()
