"""Benchmark: the web server under concurrent load over loopback, today page and log endpoint
against a trivial endpoint of the same app, in the same run.

Method: `footcore serve` (uvicorn, one process, exactly as a runner starts it) listens on a free
loopback port with a fresh SQLite database in a temporary folder. The bundled example runner is
created through the API (profile and baseline assessment, today as the plan's first day). Every
target is warmed up, then loaded at 1, 10 and 50 concurrent clients, the three targets taking
turns within each round (so a burst of load from elsewhere on the machine hits all three alike),
three rounds by default; each figure is the median over the rounds:

- trivial: GET /api/health (a constant JSON answer: routing, middleware and HTTP cost only);
- today:   GET /today (the session player page: the stored day read and rendered);
- log:     POST /api/logs (log the first exercise of today's session, JSON with the CSRF header;
           the first request stores it, every later one goes through the whole transaction and
           is answered "already logged", since a log is idempotent).

The load generator is wrk (Debian's package `wrk`; `apt-get install wrk`): closed-loop clients,
one connection each, keep-alive, for a fixed time per run, with its latency percentiles. Without
wrk the script falls back to a bounded asyncio+httpx generator (also closed-loop, same numbers
reported) and says so; that generator competes with the server for the CPU, so its absolute
numbers are lower. Each run is bounded in time (--duration) and wrk's connection count.

Reported per target and concurrency: p50 and p99 latency (ms), throughput (requests/s), errors,
and the server's CPU time per request (ms: its user + system time over the run, read from
/proc/PID/stat, divided by the requests answered; a figure that other load on the machine barely
moves, unlike throughput); then the goal check: p99 under 50 ms at 50 clients, and today's and
the log's throughput at least half the trivial endpoint's. Results also go to
bench/results/web.json (ignored by git).

Before and after: `--compare OTHER_PYTHON` (the interpreter of another tree's venv, e.g. a
worktree of an older commit) serves a second app from that tree at the same time, on its own
fresh database, and every run alternates between the two (this tree, then the other: ABAB), so
load from elsewhere on the machine hits both alike; the report ends with each target's ratio
this / other (throughput, and the other's CPU per request over this one's).

Run: .venv/bin/python bench/bench_web.py [--duration 3] [--rounds 3] [--clients 1,10,50]
     [--generator wrk|httpx] [--compare OTHER_PYTHON]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
FOOTCORE = Path(sys.executable).parent / "footcore"
TARGETS = ("trivial", "today", "log")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(home: Path, port: int, footcore: Path = FOOTCORE) -> subprocess.Popen[bytes]:
    env = {**os.environ, "FOOTCORE_HOME": str(home)}
    env.pop("FOOTCORE_DATABASE_URL", None)
    proc = subprocess.Popen(
        [
            str(footcore),
            "serve",
            "--port",
            str(port),
            "--database-url",
            f"sqlite:///{home / 'footcore.db'}",
        ],
        stdout=(home / "server.log").open("wb"),
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # a loaded machine may take long to import the app
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit("the server did not start:\n" + (home / "server.log").read_text())


def set_up(base: str) -> tuple[str, dict[str, Any]]:
    """Create the example runner; the CSRF token and the body of the log request."""
    with httpx.Client(base_url=base, timeout=60) as c:
        token = c.get("/api/csrf").json()["token"]
        headers = {"X-CSRF-Token": token}
        profile = tomllib.loads((ROOT / "examples/runner.toml").read_text())
        raw = tomllib.loads((ROOT / "examples/assessment.toml").read_text())
        tests = {k: v for k, v in raw.items() if k != "date"}
        today = time.strftime("%Y-%m-%d")
        r = c.post(
            "/api/athlete",
            headers=headers,
            json={"profile": profile, "results": {"date": today, "tests": tests}},
        )
        r.raise_for_status()
        item = c.get("/api/today").json()["items"][0]
        body = {
            "exercise": item["exercise_done"],
            "sets": item["sets"],
            "rpe": 4,
            "pain": 0,
            "side": "left" if item["per_side"] else "both",
        }
        c.post("/api/logs", headers=headers, json=body).raise_for_status()
        return token, body


def requests_for(target: str, token: str, body: dict[str, Any]) -> dict[str, Any]:
    if target == "trivial":
        return {"method": "GET", "path": "/api/health"}
    if target == "today":
        return {"method": "GET", "path": "/today"}
    return {
        "method": "POST",
        "path": "/api/logs",
        "body": json.dumps(body),
        "headers": {"Content-Type": "application/json", "X-CSRF-Token": token},
    }


# wrk ---------------------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip())
    if not m:
        raise ValueError(f"wrk latency {text!r}")
    return float(m.group(1)) * UNITS[m.group(2)]


def run_wrk(
    base: str, req: dict[str, Any], clients: int, duration: float, work: Path
) -> dict[str, Any]:
    script = work / "request.lua"
    lines = [f'wrk.method = "{req["method"]}"']
    if "body" in req:
        lines.append(f"wrk.body = {json.dumps(req['body'])}")
    for k, v in req.get("headers", {}).items():
        lines.append(f'wrk.headers["{k}"] = "{v}"')
    script.write_text("\n".join(lines) + "\n")
    threads = min(clients, 2)
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{clients}",
            f"-d{duration:g}s",
            "--latency",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base + req["path"],
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lat = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)\s*$", out, re.M))
    if set(lat) != {"50", "99"}:
        raise SystemExit(f"cannot read wrk's output:\n{out}")
    answered = re.search(r"(\d+) requests in", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (
        sum(int(g) for g in sock.groups()) if sock else 0
    )
    per_second = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if answered is None or per_second is None:
        raise SystemExit(f"cannot read wrk's output:\n{out}")
    total, rps = int(answered.group(1)), float(per_second.group(1))
    return {
        "p50_ms": _ms(lat["50"]),
        "p99_ms": _ms(lat["99"]),
        "rps": rps,
        "requests": total,
        "errors": errors,
    }


# asyncio + httpx fallback ------------------------------------------------------------------------


async def _httpx_load(
    base: str, req: dict[str, Any], clients: int, duration: float
) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:
        end = time.perf_counter() + duration

        async def one_client() -> None:
            nonlocal errors
            while time.perf_counter() < end:
                t0 = time.perf_counter()
                try:
                    r = await client.request(
                        req["method"],
                        req["path"],
                        content=req.get("body"),
                        headers=req.get("headers"),
                    )
                    if r.status_code >= 400:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append((time.perf_counter() - t0) * 1000)

        start = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed = time.perf_counter() - start
    latencies.sort()
    return {
        "p50_ms": statistics.median(latencies),
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "rps": len(latencies) / elapsed,
        "requests": len(latencies),
        "errors": errors,
    }


def run_httpx(
    base: str, req: dict[str, Any], clients: int, duration: float, work: Path
) -> dict[str, Any]:
    return asyncio.run(_httpx_load(base, req, clients, duration))


def server_cpu_s(pid: int) -> float | None:
    """The server process's user + system CPU time in seconds (Linux /proc), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def with_cpu(pid: int, run: Any, *args: Any) -> dict[str, Any]:
    before = server_cpu_s(pid)
    r: dict[str, Any] = run(*args)
    after = server_cpu_s(pid)
    cpu = (after - before) if before is not None and after is not None else float("nan")
    r["cpu_ms"] = 1000 * cpu / max(1, r["requests"])
    return r


# Report ------------------------------------------------------------------------------------------


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]} | {
        "errors": sum(r["errors"] for r in runs),
        "requests": sum(r["requests"] for r in runs),
    }


@dataclass
class Served:
    """One app under test: its server process, address and requests, and its runs."""

    label: str
    proc: subprocess.Popen[bytes]
    base: str
    home: Path
    reqs: dict[str, dict[str, Any]]
    runs: dict[str, dict[int, list[dict[str, Any]]]]


def serve(label: str, footcore: Path, home: Path, levels: list[int]) -> Served:
    port = free_port()
    proc = start_server(home, port, footcore)
    base = f"http://127.0.0.1:{port}"
    try:
        token, body = set_up(base)
    except BaseException:
        proc.kill()
        raise
    reqs = {t: requests_for(t, token, body) for t in TARGETS}
    return Served(label, proc, base, home, reqs, {t: {c: [] for c in levels} for t in TARGETS})


def report(served: Served, generator: str, rounds: int, duration: float) -> dict[str, Any]:
    results = {t: {c: _median(runs) for c, runs in served.runs[t].items()} for t in TARGETS}
    print(
        f"footcore web bench ({served.label}): generator {generator}, {rounds} rounds of "
        f"{duration:g} s per target and level (medians), {os.cpu_count()} CPUs, "
        "one uvicorn process"
    )
    print(
        f"{'target':<8} {'clients':>7} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'errors':>7} "
        f"{'cpu ms/req':>10}"
    )
    for target in TARGETS:
        for clients, r in results[target].items():
            print(
                f"{target:<8} {clients:>7} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} "
                f"{r['rps']:>8.0f} {r['errors']:>7} {r['cpu_ms']:>10.2f}"
            )
    top = max(results["trivial"])
    print(f"\nGoal at {top} clients: p99 < 50 ms, throughput >= 50% of trivial")
    for target in ("today", "log"):
        r, base_r = results[target][top], results["trivial"][top]
        ratio = r["rps"] / base_r["rps"]
        ok = r["p99_ms"] < 50 and ratio >= 0.5
        print(
            f"  {target:<6} p99 {r['p99_ms']:.1f} ms, {100 * ratio:.0f}% of trivial "
            f"({'met' if ok else 'NOT met'})"
        )
    return results


def compare(this: Served, other: Served) -> None:
    """Ratios of the interleaved runs, paired run by run (each pair ran back to back), median
    over the rounds; the ratio of the medians beside it."""
    print("\nThis tree / the other (--compare): req/s ratio, and the other's CPU per request")
    print("over this one's; paired run by run (median of the pairs) and of the medians:")
    head = f"{'req/s paired':>13} {'of medians':>11} {'cpu paired':>11}"
    print(f"{'target':<8} {'clients':>7} {head}")
    for target in TARGETS:
        for clients, runs in this.runs[target].items():
            pairs = list(zip(runs, other.runs[target][clients], strict=True))
            rps = statistics.median(a["rps"] / b["rps"] for a, b in pairs)
            cpu = statistics.median(b["cpu_ms"] / a["cpu_ms"] for a, b in pairs)
            of_medians = _median(runs)["rps"] / _median(other.runs[target][clients])["rps"]
            print(f"{target:<8} {clients:>7} {rps:>12.2f}x {of_medians:>10.2f}x {cpu:>10.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--duration", type=float, default=3.0, help="seconds per run (default 3)")
    ap.add_argument("--rounds", type=int, default=3, help="runs per target and level (3)")
    ap.add_argument("--clients", default="1,10,50", help="concurrency levels (default 1,10,50)")
    ap.add_argument(
        "--generator", choices=("wrk", "httpx"), default="wrk" if shutil.which("wrk") else "httpx"
    )
    ap.add_argument(
        "--compare",
        type=Path,
        help="python of another tree's venv: serve it too and alternate the runs (before/after)",
    )
    args = ap.parse_args()
    levels = [int(c) for c in args.clients.split(",")]
    run = run_wrk if args.generator == "wrk" else run_httpx
    apps = [("this tree", FOOTCORE)]
    if args.compare:
        apps.append((f"other: {args.compare}", args.compare.parent / "footcore"))
    with tempfile.TemporaryDirectory(prefix="footcore-bench-") as tmp:
        served: list[Served] = []
        try:
            for i, (label, footcore) in enumerate(apps):
                home = Path(tmp) / str(i)
                home.mkdir()
                served.append(serve(label, footcore, home, levels))
            for s in served:
                for target in TARGETS:
                    run(s.base, s.reqs[target], 10, 1.0, s.home)  # warm-up
            # Targets (and apps) take turns within each round, so a load spike from elsewhere on
            # the machine hits them all alike; each figure is the median over the rounds.
            for clients in levels:
                for _ in range(args.rounds):
                    for target in TARGETS:
                        for s in served:
                            s.runs[target][clients].append(
                                with_cpu(
                                    s.proc.pid,
                                    run,
                                    s.base,
                                    s.reqs[target],
                                    clients,
                                    args.duration,
                                    s.home,
                                )
                            )
        finally:
            for s in served:
                s.proc.terminate()
                s.proc.wait(timeout=10)
    results = [report(s, args.generator, args.rounds, args.duration) for s in served]
    if len(results) == 2:
        compare(served[0], served[1])
    doc: dict[str, Any] = {
        "generator": args.generator,
        "duration_s": args.duration,
        "rounds": args.rounds,
        "results": results[0],
        "runs": served[0].runs,
    }
    if len(served) == 2:
        doc |= {"compare": str(args.compare), "other": results[1], "other_runs": served[1].runs}
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "web.json").write_text(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
