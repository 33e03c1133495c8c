"""The API's running endpoints (runs, uploads, load, shoes, the minimalist ramp) with good and
bad input, each test on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.synthetic import Track, fit_bytes, write_activity
from tests.web.conftest import TestClient
from tests.web.test_api import error_of
from tests.web.test_api_storage import PROFILE

OLD = datetime(2013, 2, 6, 12, 11, tzinfo=UTC)  # long before the pinned today: no spike


@pytest.fixture
def uploads(tmp_path: Path) -> SimpleNamespace:
    """A GPX run, a FIT run of another day and a FIT monitoring file, written by the test."""
    monitoring = tmp_path / "monitoring.fit"
    monitoring.write_bytes(fit_bytes(Track(start=OLD), file_type=15))
    return SimpleNamespace(
        gpx=write_activity(tmp_path / "korita.gpx", Track(start=OLD - timedelta(days=30), km=6)),
        fit=write_activity(tmp_path / "forerunner.fit", Track(start=OLD, km=4.84, minutes=43.75)),
        monitoring=monitoring,
    )


@pytest.fixture
def runner(app_client: TestClient) -> TestClient:
    assert app_client.post("/api/athlete", json={"profile": PROFILE}).status_code == 201
    return app_client


def files(*paths: Path) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (p.name, p.read_bytes())) for p in paths]


def test_a_run_typed_in_and_a_spike(runner: TestClient) -> None:
    r = runner.post(
        "/api/runs",
        json={"date": "2026-11-10", "km": 8, "minutes": 45, "rpe": 4, "surface": "road"},
    )
    assert r.status_code == 201
    assert r.json()["distance"] == 8.0 and r.json()["spike"] is None
    big = runner.post("/api/runs", json={"date": "2026-11-14", "km": 18, "minutes": 100}).json()
    assert "spike" in big["spike"] and big["restricted_until"] is not None
    listed = runner.get("/api/runs").json()
    assert listed["total"] == 2 and listed["runs"][0]["date"] == "2026-11-14"
    assert "already stored" in error_of(
        runner.post("/api/runs", json={"date": "2026-11-10", "km": 8, "minutes": 45}), 409
    )


@pytest.mark.parametrize(
    ("body", "status", "needle"),
    [
        ({"date": "2026-11-10", "km": 0, "minutes": 45}, 422, "distance"),
        ({"date": "2026-11-10", "km": 8, "minutes": -1}, 422, "duration"),
        ({"date": "2030-01-01", "km": 8, "minutes": 45}, 422, "future"),
        ({"date": "2026-11-10", "km": 8, "minutes": 45, "rpe": 12}, 422, "effort"),
        ({"date": "2026-11-10", "km": 8, "minutes": 45, "surface": "sand"}, 422, "accepted"),
        ({"date": "2026-11-10", "km": 8, "minutes": 45, "shoe": "Ghost"}, 404, "no shoe"),
        ({"km": 8, "minutes": 45}, 422, "date"),
    ],
)
def test_a_bad_run_is_refused(
    runner: TestClient, body: dict[str, Any], status: int, needle: str
) -> None:
    assert needle in error_of(runner.post("/api/runs", json=body), status)
    assert runner.get("/api/runs").json()["total"] == 0


def test_an_upload_of_several_files_reports_each(
    runner: TestClient, uploads: SimpleNamespace
) -> None:
    GPX, FIT, MONITORING = uploads.gpx, uploads.fit, uploads.monitoring
    r = runner.post("/api/runs/upload", files=files(GPX, FIT, MONITORING))
    body = r.json()
    assert r.status_code == 200, body
    outcomes = {f["source"]: f["outcome"] for f in body["files"]}
    assert outcomes == {GPX.name: "imported", FIT.name: "imported", MONITORING.name: "failed"}
    assert body["summary"].startswith("Imported 2 run(s)")
    again = runner.post("/api/runs/upload", files=files(GPX)).json()
    assert [f["outcome"] for f in again["files"]] == ["duplicate"]
    assert runner.get("/api/runs").json()["total"] == 2


def test_a_bad_upload_is_refused(runner: TestClient, uploads: SimpleNamespace) -> None:
    assert "choose one or more" in error_of(
        runner.post("/api/runs/upload", data={"shoe": ""}, files=[]), 422
    )
    odd = runner.post("/api/runs/upload", files=[("files", ("notes.txt", b"hello"))]).json()
    assert odd["files"][0]["outcome"] in ("skipped", "failed")
    assert "no shoe" in error_of(
        runner.post("/api/runs/upload", data={"shoe": "Ghost"}, files=files(uploads.gpx)), 404
    )


def test_the_load_report(runner: TestClient) -> None:
    runner.post("/api/runs", json={"date": "2026-11-10", "km": 8, "minutes": 45})
    runner.post("/api/runs", json={"date": "2026-11-14", "km": 18, "minutes": 100})
    load = runner.get("/api/load?weeks=4").json()
    assert len(load["weeks"]) == 4 and load["units"] == "km"
    assert any(s["restricts"] for s in load["spikes"]) and load["restrictions"]
    assert "out of range" in error_of(runner.get("/api/load?weeks=0"), 422)
    assert "weeks" in error_of(runner.get("/api/load?weeks=many"), 422)


def test_shoes_are_added_used_and_retired(runner: TestClient) -> None:
    r = runner.post("/api/shoes", json={"name": "Pegasus", "kind": "neutral", "drop_mm": 10})
    assert r.status_code == 201 and r.json()["name"] == "Pegasus"
    assert error_of(runner.post("/api/shoes", json={"name": "Pegasus"}), 409)
    runner.post("/api/runs", json={"date": "2026-11-10", "km": 8, "minutes": 45, "shoe": "Pegasus"})
    report = runner.get("/api/shoes").json()
    assert report["shoes"][0]["distance"] == 8.0 and report["ramp"]["status"]
    assert runner.post("/api/shoes/Pegasus/retire").json()["retired"] is True
    assert "no shoe" in error_of(runner.post("/api/shoes/Ghost/retire"), 404)


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"name": "", "kind": "neutral"}, "name"),
        ({"name": "X", "kind": "sandals"}, "accepted"),
        ({"name": "X", "drop_mm": 90}, "out of range"),
        ({"name": "X", "reminder_km": 5000}, "reminder"),
    ],
)
def test_a_bad_shoe_is_refused(runner: TestClient, body: dict[str, Any], needle: str) -> None:
    assert needle in error_of(runner.post("/api/shoes", json=body), 422)


def test_the_ramp_is_refused_until_it_is_offered(runner: TestClient) -> None:
    message = error_of(runner.post("/api/ramp", json={"target_km": 10}), 422)
    assert message
    assert "target" in error_of(runner.post("/api/ramp", json={"target_km": 0}), 422)
