"""Benchmark: generating a 52-week plan vs serializing that same plan to JSON, in one run.

Method: both operations run in this process on the bundled example runner and assessment, after a
warm-up (data files loaded and validated once, as a long-running server or a second call would).
Each is timed with time.perf_counter over many repetitions (and again with time.thread_time, CPU
time, which ignores waiting for a core on a shared machine); we report the median, p90 and the
ratio generation / serialization. The ratio is what matters: it is stable across machines, unlike
absolute times. Goal (issue #2): under 10 ms and under 5x its own serialization.

Run: .venv/bin/python bench/bench_plan.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

from footcore.adapters.inputs import read_profile, read_results
from footcore.bootstrap import knowledge
from footcore.domain.assessment import score
from footcore.domain.planner import generate_plan
from footcore.presentation.plans import plan_dict

ROOT = Path(__file__).resolve().parents[1]


def timed(fn: Any, repeat: int, clock: Any = time.perf_counter) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        out.append((clock() - t0) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    k = knowledge()
    profile = read_profile(ROOT / "examples" / "runner.toml")
    results = read_results(ROOT / "examples" / "assessment.toml")
    findings = score(k.battery, results, profile)
    start = date(2026, 11, 23)

    def generate() -> Any:
        return generate_plan(k.catalog, profile, k.rules, start, 52, findings)

    plan = generate()

    def serialize() -> str:
        return json.dumps(plan_dict(plan))

    generate()
    serialize()
    gen = timed(generate, args.repeat)
    ser = timed(serialize, args.repeat)
    # CPU time of this thread as well: on a shared machine it ignores time spent waiting for a core.
    gen_cpu = timed(generate, args.repeat, time.thread_time)
    ser_cpu = timed(serialize, args.repeat, time.thread_time)
    g, s = statistics.median(gen), statistics.median(ser)
    report = {
        "repeat": args.repeat,
        "generate_52_weeks_ms": {
            "median": round(g, 3),
            "p90": round(statistics.quantiles(gen, n=10)[-1], 3),
        },
        "serialize_json_ms": {
            "median": round(s, 3),
            "p90": round(statistics.quantiles(ser, n=10)[-1], 3),
        },
        "ratio_generate_over_serialize": round(g / s, 2),
        "cpu_ms": {
            "generate_median": round(statistics.median(gen_cpu), 3),
            "serialize_median": round(statistics.median(ser_cpu), 3),
        },
        "goal": "generate < 10 ms and ratio < 5",
        "met": g < 10 and g / s < 5,
    }
    print(json.dumps(report, indent=2))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "plan.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
