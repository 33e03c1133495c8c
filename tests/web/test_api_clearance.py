"""Clearance and stiffness over HTTP, on SQLite and PostgreSQL: the clearance endpoint takes `by`
("NAME, ROLE"), status and export show who cleared the pause and when, the progress page says so,
and a check-in carries morning stiffness. The app's day is pinned (tests/web/conftest.TODAY)."""

from __future__ import annotations

import json

from tests.web.conftest import TODAY, TestClient
from tests.web.test_api import error_of

# The stored-runner fixtures (each test runs on both backends).
from tests.web.test_api_storage import runner  # noqa: F401

BY = "A. Lee, physiotherapist"


def test_the_clearance_endpoint_records_who_cleared_the_pause_and_when(
    runner: TestClient,  # noqa: F811
) -> None:
    flagged = runner.post("/api/checkins", json={"morning_pain": 3, "symptoms": ["fever"]})
    assert flagged.status_code == 409
    assert "by" in error_of(runner.post("/api/clear", json={"confirm": True}), 422)
    assert "NAME, ROLE" in error_of(
        runner.post("/api/clear", json={"confirm": True, "by": "Anna"}), 422
    )
    assert runner.get("/api/today").json()["paused"]

    done = runner.post("/api/clear", json={"confirm": True, "by": BY})
    assert done.status_code == 200
    assert done.json()["message"].startswith(f"Cleared by {BY} on {TODAY.isoformat()}")

    status = runner.get("/api/status").json()
    assert status["paused"] is None
    assert status["cleared"]["by"] == BY and status["cleared"]["date"] == TODAY.isoformat()

    exported = json.loads(runner.get("/api/export").text)
    assert [(p["cleared"], p["cleared_by"]) for p in exported["pauses"]] == [
        (TODAY.isoformat(), BY)
    ]

    page = runner.get("/progress").text
    assert f"Last red-flag pause cleared on {TODAY.isoformat()} by {BY}." in page


def test_the_web_clearance_form_asks_who_cleared_the_runner(
    runner: TestClient,  # noqa: F811
) -> None:
    runner.post("/api/checkins", json={"morning_pain": 3, "symptoms": ["fever"]})
    form = runner.get("/today").text
    assert 'name="by"' in form and "Who cleared you" in form
    refused = runner.post("/clear", data={"confirm": "yes", "by": ""})
    assert refused.status_code == 422 and "NAME, ROLE" in refused.text
    done = runner.post("/clear", data={"confirm": "yes", "by": BY})
    assert done.status_code == 200 and f"Cleared by {BY}" in done.text


def test_a_check_in_carries_morning_stiffness(runner: TestClient) -> None:  # noqa: F811
    r = runner.post("/api/checkins", json={"morning_pain": 1, "stiffness": 5})
    assert r.status_code == 200, r.text
    assert (r.json()["morning_pain"], r.json()["stiffness"]) == (1, 5)
    assert "stiffness" in error_of(
        runner.post(
            "/api/checkins",
            json={"morning_pain": 1, "stiffness": 12, "date": (TODAY).isoformat()},
        ),
        422,
    )
    [stored] = json.loads(runner.get("/api/export").text)["checkins"]
    assert stored["stiffness"] == 5
