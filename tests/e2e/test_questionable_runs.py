"""Asking before a questionable run is stored, through the CLI (a prompt, --yes) and the API
(the upload's confirm flag); a large GPX is read in bounded memory with the figures gpxpy gives.
Every date is a fixed anchor: the runs lie in October 2026, before any day these tests run."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, date, datetime
from pathlib import Path

import gpxpy
import pytest

from footcore.adapters import import_limits_file
from footcore.adapters.importers import gpx as gpx_module
from footcore.adapters.importers.gpx_stream import parse_gpx_stream
from footcore.adapters.importers.model import ParsedActivity
from footcore.domain.plausibility import Plausibility
from tests.cli_runner import init_runner, run
from tests.factories import example_profile
from tests.synthetic_runs import gpx, track, with_jump
from tests.web.conftest import HOSTS, TODAY, TestClient, make_client

EASY = ("2026-10-03", "2026-10-06", "2026-10-09", "2026-10-12")
LONG_RUN = with_jump(track(datetime(2026, 10, 14, 7, tzinfo=UTC), 12, 70), 100)


@pytest.fixture
def cli(sqlite_cli: str, tmp_path: Path) -> Path:
    init_runner("2026-10-01")
    for day in EASY:
        assert run("runs", "add", "--date", day, "--km", "5", "--minutes", "30").code == 0
    path = tmp_path / "long.gpx"
    path.write_bytes(gpx(LONG_RUN))
    return path


def runs_total() -> int:
    return run("runs", "--format", "json").out.count('"distance_m"')


@pytest.mark.parametrize(("answer", "stored"), [("n\n", False), ("y\n", True), ("", False)])
def test_the_cli_asks_before_storing_a_questionable_large_spike(
    cli: Path, answer: str, stored: bool
) -> None:
    r = run("runs", "import", str(cli), stdin=answer)
    assert r.code == 0, r.err
    assert "comes from a questionable file" in r.err and "Store it? [y/N]" in r.err
    assert runs_total() == 4 + stored
    if not stored:
        assert "not stored: a questionable file" in r.out


def test_the_cli_stores_it_without_asking_with_yes(cli: Path) -> None:
    r = run("runs", "import", str(cli), "--yes")
    assert r.code == 0 and "Store it?" not in r.err
    assert runs_total() == 5


@pytest.fixture
def api(tmp_path: Path) -> TestClient:
    from footcore.entrypoints.http import WebSettings

    settings = WebSettings(
        database_url=f"sqlite:///{tmp_path / 'web.db'}", allowed_hosts=HOSTS, today=lambda: TODAY
    )
    client = make_client(settings)
    profile = example_profile()
    body = {"profile": profile, "start": "2026-10-01"}
    assert client.post("/api/athlete", json=body).status_code == 201
    for day in EASY:
        r = client.post("/api/runs", json={"date": day, "km": 5, "minutes": 30})
        assert r.status_code == 201, r.text
    return client


@pytest.mark.parametrize("confirm", [None, "true"])
def test_the_api_refuses_a_questionable_large_spike_unless_confirmed(
    api: TestClient, confirm: str | None
) -> None:
    files = [("files", ("long.gpx", gpx(LONG_RUN), "application/gpx+xml"))]
    data = {"confirm": confirm} if confirm else {}
    r = api.post("/api/runs/upload", files=files, data=data)
    assert r.status_code == 200, r.text
    outcomes = {f["outcome"]: f["detail"] for f in r.json()["files"]}
    assert "GPS jump" in outcomes["note"]
    if confirm:
        assert outcomes["imported"] == "1 run(s)"
        assert api.get("/api/runs").json()["total"] == 5
    else:
        assert "confirm it to store it" in outcomes["failed"]
        assert api.get("/api/runs").json()["total"] == 4


def test_a_large_gpx_streams_in_bounded_memory_with_gpxpys_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    points = with_jump(track(datetime(2026, 10, 1, 7, tzinfo=UTC), 30, 900, every_s=1), 5000)
    data = gpx(points)  # 5 MB; the streaming size is lowered to 1 MB below to reach it
    tracemalloc.start()
    try:
        streamed = parse_gpx_stream("big.gpx", data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < len(data) / 4  # gpxpy's document takes many times the file
    limits = import_limits_file.plausibility()
    assert gpx_module.parse_gpx("big.gpx", data) == streamed  # gpxpy, the whole document
    small = Plausibility(**{**limits.__dict__, "stream_from_bytes": 1_000_000})
    monkeypatch.setattr(gpx_module, "plausibility", lambda: small)

    def no_document(*_: object) -> None:
        raise AssertionError("a file over the streaming size was parsed whole")

    monkeypatch.setattr(gpxpy, "parse", no_document)
    assert gpx_module.parse_gpx("big.gpx", data) == streamed
    (run,) = streamed
    assert isinstance(run, ParsedActivity)
    assert run.notes and run.start.date() == date(2026, 10, 1)
