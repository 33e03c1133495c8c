"""Benchmark: drawing each exercise's and test's picture as SVG, against serializing the same
exercise to JSON, in one run.

Method: in this process, after a warm-up (data files loaded and validated once, as a server or a
second call would), every picture (65 exercises, 8 tests) is drawn from its pose data to SVG text
(`lay_out` + `picture_svg`: forward kinematics, props, muscles, arrows, layout, writing) N times,
timed with time.perf_counter (wall) and time.thread_time (CPU, which ignores waiting for a core on
a shared machine). The baseline, timed the same way in the same run, is `json.dumps` of the
exercise as the API returns it (`exercise_dict`). We report, over all pictures, the median, p90
and worst per-picture time, the ratio of medians picture / baseline, and the PNG (Pillow) time.
Goal (issue #13): every picture well under 50 ms.

Run: .venv/bin/python bench/bench_pictures.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from footcore.adapters.pictures.png import picture_png
from footcore.adapters.pictures.svg import picture_svg
from footcore.bootstrap import knowledge, pictures
from footcore.domain.catalog import Exercise
from footcore.domain.pictures import Picture, lay_out
from footcore.presentation.exercises import exercise_dict

ROOT = Path(__file__).resolve().parents[1]


def timed(
    fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The median of `repeat` runs of fn, in ms."""
    out: list[float] = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        out.append((clock() - t0) * 1000)
    return statistics.median(out)


def _draw(p: Picture) -> str:
    return picture_svg(p, lay_out(p))


def _exercise_json(ex: Exercise) -> str:
    return json.dumps(exercise_dict(ex))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    k = knowledge()
    every = pictures().all()
    for p in every:  # warm-up
        picture_svg(p, lay_out(p))
    draw: dict[str, float] = {}
    draw_cpu: dict[str, float] = {}
    for p in every:
        draw[p.id] = timed(partial(_draw, p), args.repeat)
        draw_cpu[p.id] = timed(partial(_draw, p), args.repeat, time.thread_time)
    base = [timed(partial(_exercise_json, ex), args.repeat) for ex in k.catalog]
    png = [timed(partial(picture_png, p), 3) for p in every[:: max(1, len(every) // 10)]]
    times = sorted(draw.values())
    worst = max(draw, key=lambda i: draw[i])
    report = {
        "pictures": len(every),
        "repeat": args.repeat,
        "svg_ms": {
            "median": round(statistics.median(times), 3),
            "p90": round(statistics.quantiles(times, n=10)[-1], 3),
            "worst": round(draw[worst], 3),
            "worst_id": worst,
            "cpu_median": round(statistics.median(draw_cpu.values()), 3),
        },
        "baseline_exercise_json_ms": {"median": round(statistics.median(base), 3)},
        "ratio_svg_over_json": round(statistics.median(times) / statistics.median(base), 1),
        "png_ms_median_of_sample": round(statistics.median(png), 1),
        "goal_met": draw[worst] < 50,
    }
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "pictures.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
