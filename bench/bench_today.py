"""Benchmark: `footcore today` as a whole process on a database holding two years of logs, against
`python -c pass` in the same run.

Method: a fresh SQLite database (the default backend) gets one runner with a 104-week plan that
started 103 weeks ago, and two years of history: every planned item of every past day logged, a
decision for each, and a check-in every morning (written in bulk, as the commands would have
written them day by day; past weeks are marked reviewed, as `catch_up` marks weeks that had logs).
Then `footcore today` and `python -c pass` run alternately as subprocesses, N times each after a
warm-up; we report the medians, p90s and their ratio. Goal (issue #3): today under 300 ms median.

Run: .venv/bin/python bench/bench_today.py [--repeat N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import date, timedelta
from pathlib import Path

import footcore.bootstrap  # noqa: F401  (wires the services the seeding calls)
from footcore.adapters.inputs import results_from_mapping
from footcore.adapters.storage.models import Base, CheckinRow, DecisionRow, LogRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.services import training

ROOT = Path(__file__).resolve().parents[1]
DAY = timedelta(days=1)
GOAL_MS = 300.0


def build(url: str, today: date) -> dict[str, int]:
    profile = tomllib.loads((ROOT / "examples" / "runner.toml").read_text())
    baseline = tomllib.loads((ROOT / "examples" / "assessment.toml").read_text())
    start = today - 103 * 7 * DAY
    uow = SqlUnitOfWork.connect(url)
    training.init(
        uow,
        "default",
        profile,
        "runner.toml",
        results_from_mapping(baseline),
        baseline,
        start,
        104,
        start,
    )
    counts = {"logs": 0, "decisions": 0, "checkins": 0}
    with uow:
        repo = uow.repo
        athlete = repo.athlete("default")
        assert athlete is not None
        seq = repo.next_seq(athlete.id)
        rows: list[Base] = []
        for session in repo.sessions_between(athlete.id, start, today):
            day = session.date
            rows.append(
                CheckinRow(athlete_id=athlete.id, date=day, area="", morning_pain=0, symptoms="[]")
            )
            counts["checkins"] += 1
            for p in session.items:
                rows.append(
                    LogRow(
                        athlete_id=athlete.id,
                        date=day,
                        exercise=p.exercise_done,
                        slot=p.exercise,
                        side="both",
                        sets=p.sets,
                        reps=p.reps,
                        hold_s=p.hold_s,
                        distance_m=p.distance_m,
                        rpe=5,
                        pain=1,
                        pain_area="",
                    )
                )
                rows.append(
                    DecisionRow(
                        athlete_id=athlete.id,
                        seq=seq,
                        date=day + DAY,
                        session_date=day,
                        exercise=p.exercise,
                        kind="hold",
                        action="none",
                        reason="pain 1/10 (safe) settled by the next morning, all sets done at "
                        "effort 5/10; the dose and the progression chain are at their top",
                        sources='["evidence:silbernagel_2007"]',
                        variant=None,
                    )
                )
                seq += 1
                counts["logs"] += 1
                counts["decisions"] += 1
        repo.add_all(rows)
        for w in repo.weeks(athlete.id):
            if w.start + 7 * DAY <= today:
                w.reviewed = True
                w.gate = "passed" if w.retest else None
        uow.commit()
    uow.dispose()
    return counts


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t0) * 1000


def summary(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 1),
        "p90": round(statistics.quantiles(values, n=10)[-1], 1),
        "min": round(min(values), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--keep", type=Path, help="Keep the database in this folder.")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="footcore-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "footcore.db"
    db.unlink(missing_ok=True)
    url = f"sqlite:///{db}"
    today = date.today()
    t0 = time.perf_counter()
    counts = build(url, today)
    build_s = time.perf_counter() - t0
    script = Path(sys.executable).parent / "footcore"
    footcore = (
        [str(script)]
        if script.exists()
        else [sys.executable, "-c", "from footcore.entrypoints.cli.main import main; main()"]
    )
    today_cmd = [*footcore, "today", "--database-url", url]
    baseline_cmd = [sys.executable, "-c", "pass"]
    out = subprocess.run(today_cmd, check=True, capture_output=True, text=True).stdout
    for _ in range(2):  # warm-up: file cache, .pyc files
        timed(today_cmd)
        timed(baseline_cmd)
    runs: dict[str, list[float]] = {"today": [], "python_pass": []}
    for _ in range(args.repeat):
        runs["today"].append(timed(today_cmd))
        runs["python_pass"].append(timed(baseline_cmd))
    t, p = statistics.median(runs["today"]), statistics.median(runs["python_pass"])
    report = {
        "repeat": args.repeat,
        "database": {
            "backend": "sqlite",
            "bytes": db.stat().st_size,
            **counts,
            "build_seconds": round(build_s, 1),
        },
        "footcore_today_ms": summary(runs["today"]),
        "python_pass_ms": summary(runs["python_pass"]),
        "ratio_today_over_python": round(t / p, 1),
        "today_minus_python_ms": round(t - p, 1),
        "goal": f"today median < {GOAL_MS:g} ms",
        "met": t < GOAL_MS,
        "first_line": out.splitlines()[0] if out else "",
    }
    print(json.dumps(report, indent=2))
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "today.json").write_text(json.dumps(report, indent=2) + "\n")
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
