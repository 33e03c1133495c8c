"""Benchmark: importing activity files against the bare parser libraries reading the same files in
the same run, and a synthetic 2,000-file Strava export parsed and imported into a fresh database.

Method (bench/README.md, "Run import", says the same at more length):

1. The samples: every FIT, GPX and TCX file of ../shared/samples (runs, other sports, multisport,
   oddities and the broken ones alike; the ground-truth csv files are not activities). Both sides
   read each file from disk, in this process:
   - footcore: `read_activities([path], workers=1)`, everything an import does before storage
     (sniffing, gzip, CRC, XML vetting, parsing, sport, figures);
   - bare: the library alone reading the whole file: fitdecode iterating every frame with its
     defaults (CRC checked, default data processor), `gpxpy.parse` on the text, and
     `defusedxml.ElementTree.parse` for TCX. A file the library rejects counts with the time it
     took to reject it;
   - floor: the cheapest read each library allows (fitdecode without processor or CRC check,
     the stdlib's C ElementTree without vetting), for context.
   One warm-up round, then R rounds (default 7); in every round each file is timed once per side,
   the sides in rotating order. Per file the median over the rounds counts; sums per format and
   overall give files/s, MB/s and the ratio footcore / bare. Goal (issue 4): at most 1.25.
2. The synthetic export: a Strava-style zip with N rows (default 2,000) built in a temp folder
   from the samples and ../shared/samples/strava-activities-header.csv: row i holds sample
   i mod 34, FIT and TCX gzipped as Strava stores them (.fit.gz, .tcx.gz, .gpx), GPX and TCX
   copies moved by whole years so that each copy is another run (FIT copies are byte-identical:
   after the first, duplicates). Activity Type is what the file holds (Run, Ride, Walk, Swim;
   the broken files are labelled Run, so they are read and fail). Timed once each: footcore
   parsing it all in this process, parsing it on every core (`workers=None`, as `footcore runs
   import` does), the bare libraries on the same members (read and gunzipped from the zip), and
   `footcore.services.running.import_paths` into a fresh SQLite database (one transaction per
   file, as the command). Each pass reports wall-clock and CPU seconds (this process and its
   parse workers): on a machine shared with other work the wall time depends on the neighbours,
   while CPU seconds over the cores are what the work itself costs. Goal (issue 4): 2,000 files
   in under a minute on 2 cores.

Run: .venv/bin/python bench/bench_import.py [--rounds R] [--files N] [--skip-bare-archive]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gzip
import io
import json
import os
import re
import resource
import statistics
import sys
import tempfile
import time
import tomllib
import warnings
import xml.etree.ElementTree as StdET
import zipfile
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import fitdecode
import gpxpy
from defusedxml import ElementTree as DefusedET

from footcore.adapters.importers import Failed, Imported, Skipped, read_activities
from footcore.adapters.importers.parallel import available_cores

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"
KINDS = ("fit", "gpx", "tcx")
GOAL_RATIO = 1.25
GOAL_ARCHIVE_S = 60.0
STRAVA_TYPES = {"running": "Run", "cycling": "Ride", "walking": "Walk", "swimming": "Swim"}


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.glob("*/*") if p.suffix.lstrip(".") in KINDS)


# The three readers of one file ------------------------------------------------------------------


def ours(path: Path) -> None:
    list(read_activities([path], workers=1))


def _quietly(read: Callable[[], object]) -> None:
    # a broken file raises: the time to reject it still counts
    with warnings.catch_warnings(), contextlib.suppress(Exception):
        warnings.simplefilter("ignore")  # fitdecode warns on CRC mismatches by default
        read()


def bare_bytes(kind: str, data: bytes) -> None:
    if kind == "fit":
        _quietly(lambda: [None for _ in fitdecode.FitReader(io.BytesIO(data))])
    elif kind == "gpx":
        _quietly(lambda: gpxpy.parse(data.decode("utf-8")))
    else:
        _quietly(lambda: DefusedET.fromstring(data))


def bare(path: Path) -> None:
    bare_bytes(path.suffix.lstrip("."), path.read_bytes())


def floor(path: Path) -> None:
    kind, data = path.suffix.lstrip("."), path.read_bytes()
    if kind == "fit":
        _quietly(
            lambda: [
                None
                for _ in fitdecode.FitReader(
                    io.BytesIO(data), processor=None, check_crc=fitdecode.CrcCheck.DISABLED
                )
            ]
        )
    elif kind == "gpx":
        _quietly(lambda: gpxpy.parse(data.decode("utf-8")))
    else:
        _quietly(lambda: StdET.fromstring(data))


# Part 1: the samples -----------------------------------------------------------------------------


def _timed(fn: Callable[[], object]) -> float:
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the parse workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _measured(fn: Callable[[], Any]) -> tuple[Any, dict[str, float]]:
    """The result, the wall-clock seconds and the CPU seconds spent (here and in workers)."""
    wall, cpu = time.perf_counter(), _cpu()
    result = fn()
    return result, {"wall_s": round(time.perf_counter() - wall, 2), "cpu_s": round(_cpu() - cpu, 2)}


def bench_samples(files: list[Path], rounds: int) -> dict[str, Any]:
    sides: dict[str, Callable[[Path], None]] = {"footcore": ours, "bare": bare, "floor": floor}
    times: dict[tuple[str, Path], list[float]] = {(s, f): [] for s in sides for f in files}
    names = list(sides)
    for number in range(rounds + 1):
        order = names[number % len(names) :] + names[: number % len(names)]
        for f in files:
            for side in order:
                spent = _timed(partial(sides[side], f))
                if number:  # round 0 warms caches and imports
                    times[side, f].append(spent)
    report: dict[str, Any] = {}
    groups = {kind: [f for f in files if f.suffix == "." + kind] for kind in KINDS}
    groups["all"] = files
    for group, members in groups.items():
        size = sum(f.stat().st_size for f in members)
        row: dict[str, Any] = {"files": len(members), "mb": round(size / 1e6, 3)}
        for side in sides:
            seconds = sum(statistics.median(times[side, f]) for f in members)
            row[side] = {
                "seconds": round(seconds, 4),
                "files_per_s": round(len(members) / seconds, 1),
                "mb_per_s": round(size / 1e6 / seconds, 2),
            }
        row["ratio_footcore_over_bare"] = round(
            row["footcore"]["seconds"] / row["bare"]["seconds"], 3
        )
        row["ratio_footcore_over_floor"] = round(
            row["footcore"]["seconds"] / row["floor"]["seconds"], 3
        )
        report[group] = row
    return report


# Part 2: the synthetic export --------------------------------------------------------------------

_ISO_YEAR = re.compile(rb"(?<![0-9])(\d{4})(-\d\d-\d\dT\d\d:\d\d)")


def moved_by_years(data: bytes, years: int) -> bytes:
    """The same XML activity `years` later: every ISO date-time moves by whole years."""
    if not years:
        return data
    return _ISO_YEAR.sub(lambda m: b"%04d%s" % (int(m.group(1)) + years, m.group(2)), data)


def strava_type(path: Path) -> str:
    (outcome,) = list(read_activities([path], workers=1))
    if isinstance(outcome, Skipped) and outcome.sport:
        return STRAVA_TYPES.get(outcome.sport, "Workout")
    return "Run"  # runs, and broken files a runner would have labelled as runs


def build_export(folder: Path, files: list[Path], count: int) -> tuple[Path, int]:
    """A Strava-style export of `count` rows; returns it and the activity bytes it holds."""
    header = next(csv.reader(io.StringIO((SAMPLES / "strava-activities-header.csv").read_text())))
    column = {name: header.index(name) for name in ("Activity ID", "Activity Type", "Filename")}
    types = {f: strava_type(f) for f in files}
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(header)
    path = folder / "export_bench.zip"
    total = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for i in range(count):
            sample = files[i % len(files)]
            kind = sample.suffix.lstrip(".")
            data = sample.read_bytes()
            if kind != "fit":
                data = moved_by_years(data, i // len(files))
            total += len(data)
            name = f"activities/{10_000 + i}.{kind}"
            if kind in ("fit", "tcx"):
                name, data = name + ".gz", gzip.compress(data, compresslevel=6)
            archive.writestr(name, data)
            row = [""] * len(header)
            row[column["Activity ID"]] = str(10_000 + i)
            row[column["Activity Type"]] = types[sample]
            row[column["Filename"]] = name
            writer.writerow(row)
        archive.writestr("activities.csv", table.getvalue())
    return path, total


def bare_archive(path: Path) -> None:
    """The bare libraries on every member a run row names, read and gunzipped from the zip."""
    with zipfile.ZipFile(path) as archive:
        rows = list(csv.reader(io.StringIO(archive.read("activities.csv").decode())))
        header = rows[0]
        kind_at, file_at = header.index("Activity Type"), header.index("Filename")
        for row in rows[1:]:
            if row[kind_at] != "Run":
                continue
            data = archive.read(row[file_at])
            name = row[file_at].removesuffix(".gz")
            if name != row[file_at]:
                data = gzip.decompress(data)
            bare_bytes(name.rsplit(".", 1)[-1], data)


def tally(outcomes: list[Any]) -> dict[str, int]:
    return {
        "imported": sum(isinstance(o, Imported) for o in outcomes),
        "skipped": sum(isinstance(o, Skipped) for o in outcomes),
        "failed": sum(isinstance(o, Failed) for o in outcomes),
    }


def import_into_sqlite(path: Path, folder: Path) -> dict[str, Any]:
    import footcore.bootstrap  # noqa: F401  (wires the services)
    from footcore.adapters.storage.uow import SqlUnitOfWork
    from footcore.services import running, training

    uow = SqlUnitOfWork.connect(f"sqlite:///{folder / 'bench.db'}")
    try:
        profile = tomllib.loads((ROOT / "examples" / "runner.toml").read_text())
        today = date.today()
        training.init(uow, "bench", profile, "examples/runner.toml", None, None, today, 24, today)
        report, spent = _measured(lambda: running.import_paths(uow, "bench", [path], today))
    finally:
        uow.dispose()
    return {
        **spent,
        "imported": len(report.imported),
        "duplicates": len(report.duplicates),
        "skipped": len(report.skipped),
        "failed": len(report.failed),
    }


def bench_archive(files: list[Path], count: int, with_bare: bool) -> dict[str, Any]:
    """Wall and CPU seconds of each pass. On a machine shared with other work the wall time
    depends on what else runs; CPU seconds over the cores bound what an idle machine takes."""
    cores = available_cores()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, size = build_export(folder, files, count)
        out: dict[str, Any] = {
            "files": count,
            "activity_mb": round(size / 1e6, 1),
            "zip_mb": round(path.stat().st_size / 1e6, 1),
            "cores": cores,
        }
        serial, out["footcore_serial"] = _measured(lambda: list(read_activities([path], workers=1)))
        parallel, out["footcore_all_cores"] = _measured(lambda: list(read_activities([path])))
        if parallel != serial:
            raise SystemExit("the parallel parse differs from the serial one")
        out["outcomes"] = tally(serial)
        if with_bare:
            _, out["bare_serial"] = _measured(lambda: bare_archive(path))
            out["ratio_footcore_over_bare_serial"] = round(
                out["footcore_serial"]["wall_s"] / out["bare_serial"]["wall_s"], 3
            )
        out["import_sqlite"] = import_into_sqlite(path, folder)
        done = out["import_sqlite"]
        out["import_files_per_s"] = round(count / done["wall_s"], 1)
        out["import_cpu_over_cores_s"] = round(done["cpu_s"] / cores, 1)
        out["load_average_after"] = round(os.getloadavg()[0], 2)
        out["goal"] = f"{count} files imported in under {GOAL_ARCHIVE_S:.0f} s on 2 cores"
        out["met"] = done["wall_s"] < GOAL_ARCHIVE_S
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--skip-bare-archive", action="store_true")
    args = parser.parse_args()
    files = sample_files()
    if not files:
        raise SystemExit(f"no samples in {SAMPLES}")
    report: dict[str, Any] = {
        "python": sys.version.split()[0],
        "cores": available_cores(),
        "load_average_before": round(os.getloadavg()[0], 2),
    }
    report["samples"] = bench_samples(files, args.rounds)
    report["samples"]["goal"] = f"footcore / bare at most {GOAL_RATIO}"
    report["samples"]["met"] = report["samples"]["all"]["ratio_footcore_over_bare"] <= GOAL_RATIO
    print(json.dumps(report["samples"], indent=2), flush=True)
    report["archive"] = bench_archive(files, args.files, not args.skip_bare_archive)
    print(json.dumps(report["archive"], indent=2))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "import.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
