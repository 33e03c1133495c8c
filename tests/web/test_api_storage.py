"""The API's stored-runner endpoints with good and bad input, each test on SQLite and on
PostgreSQL (`app_client` of tests/web/conftest.py)."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from footcore.entrypoints.http import WebSettings
from tests.factories import example_profile
from tests.web.conftest import HOSTS, TODAY, TestClient, make_client
from tests.web.test_api import error_of

ROOT = Path(__file__).resolve().parents[2]
PROFILE: dict[str, Any] = example_profile()
BASELINE: dict[str, Any] = {
    "date": TODAY.isoformat(),
    "tests": {
        "heel_raise_reps": {"left": 14, "right": 22},
        "single_leg_stance_eyes_open_s": {"left": 38, "right": 45},
    },
}


@pytest.fixture
def runner(app_client: TestClient) -> TestClient:
    r = app_client.post("/api/athlete", json={"profile": PROFILE, "results": BASELINE})
    assert r.status_code == 201, r.text
    return app_client


def first_item(c: TestClient, day: date = TODAY) -> dict[str, Any]:
    items: list[dict[str, Any]] = c.get(f"/api/today?day={day.isoformat()}").json()["items"]
    assert items
    return items[0]


def log_body(item: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "exercise": item["exercise_done"],
        "sets": item["sets"],
        "rpe": 4,
        "pain": 1,
        "side": "left" if item["per_side"] else "both",
        **extra,
    }


# Creating the runner -----------------------------------------------------------------------------


def test_before_onboarding_every_runner_endpoint_is_404(app_client: TestClient) -> None:
    for path in (
        "/api/today",
        "/api/week",
        "/api/plan",
        "/api/profile",
        "/api/status",
        "/api/progress",
        "/api/calendar",
        "/api/export",
    ):
        assert "POST /api/athlete" in error_of(app_client.get(path), 404), path
    assert error_of(app_client.post("/api/logs", json={"exercise": "ankle_circles"}), 404)


def test_a_runner_is_created_once(app_client: TestClient) -> None:
    r = app_client.post("/api/athlete", json={"profile": PROFILE, "weeks": 12})
    assert r.status_code == 201
    body = r.json()
    assert body == {
        "athlete": "default",
        "start": TODAY.isoformat(),
        "weeks": 12,
        "warnings": body["warnings"],
    }
    assert "already exists" in error_of(
        app_client.post("/api/athlete", json={"profile": PROFILE}), 409
    )


@pytest.mark.parametrize(
    ("patch", "needle"),
    [
        ({"profile": {**PROFILE, "runner": {"age": 5}}}, "runner.age"),
        ({"profile": {**PROFILE, "equipment": {"items": ["treadmill"]}}}, "accepted"),
        ({"weeks": 500}, "out of range"),
        (
            {"results": {"date": TODAY.isoformat(), "tests": {"heel_raise_reps": {"left": "x"}}}},
            "number",
        ),
        ({"nickname": "Ana"}, "unknown field"),
    ],
)
def test_a_bad_runner_is_refused_and_nothing_is_stored(
    app_client: TestClient, patch: dict[str, Any], needle: str
) -> None:
    assert needle in error_of(
        app_client.post("/api/athlete", json={"profile": PROFILE, **patch}), 422
    )
    assert app_client.get("/api/today").status_code == 404


def test_a_red_flag_stores_no_runner(app_client: TestClient) -> None:
    profile = copy.deepcopy(PROFILE)
    profile["health"]["symptoms"] = ["night_pain"]
    r = app_client.post("/api/athlete", json={"profile": profile})
    assert "clinician" in error_of(r, 409)
    assert r.json()["symptoms"] == ["night_pain"]
    assert app_client.get("/api/today").status_code == 404


# Profile, plan, day ------------------------------------------------------------------------------


def test_the_profile_reads_back_and_changes_replan_from_tomorrow(runner: TestClient) -> None:
    assert runner.get("/api/profile").json()["runner"]["age"] == 34
    changed = {**PROFILE, "schedule": {"minutes_per_day": 20, "days": ["mon", "wed", "fri"]}}
    r = runner.put("/api/profile", json=changed)
    assert r.json() == {
        "changed": ["schedule.minutes_per_day", "schedule.days"],
        "replanned_from": (TODAY + timedelta(days=1)).isoformat(),
    }
    assert runner.get("/api/profile").json()["schedule"]["days"] == ["mon", "wed", "fri"]
    assert runner.put("/api/profile", json=changed).json()["changed"] == []


@pytest.mark.parametrize(
    ("profile", "needle"),
    [
        ({**PROFILE, "schedule": {"days": ["someday"]}}, "accepted"),
        ({**PROFILE, "runner": {"age": 200}}, "runner.age"),
        ({"units": "km"}, "runner"),
    ],
)
def test_a_bad_profile_changes_nothing(
    runner: TestClient, profile: dict[str, Any], needle: str
) -> None:
    before = runner.get("/api/profile").json()
    assert needle in error_of(runner.put("/api/profile", json=profile), 422)
    assert runner.get("/api/profile").json() == before


def test_the_stored_plan_today_and_week(runner: TestClient) -> None:
    plan = runner.get("/api/plan").json()
    assert len(plan["weeks"]) == 24 and plan["start"] == TODAY.isoformat()
    assert "calf_endurance" in plan["priorities"]
    day = runner.get("/api/today").json()
    assert day["date"] == TODAY.isoformat() and day["paused"] is None
    assert day["week"]["phase"] == "foundation" and day["items"][0]["cues"]
    week = runner.get("/api/week").json()
    assert len(week) == 7 and week[0]["date"] == TODAY.isoformat()
    later = runner.get("/api/today?day=2026-11-20").json()
    assert later["date"] == "2026-11-20"
    assert "day" in error_of(runner.get("/api/today?day=someday"), 422)


# Logging ---------------------------------------------------------------------------------------


def test_a_log_is_stored_once_and_a_different_one_conflicts(runner: TestClient) -> None:
    item = first_item(runner)
    first = runner.post("/api/logs", json=log_body(item)).json()
    assert first["already"] is False and first["slot"] == item["exercise"]
    again = runner.post("/api/logs", json=log_body(item)).json()
    assert again["already"] is True
    assert "already logged" in error_of(runner.post("/api/logs", json=log_body(item, pain=3)), 409)
    assert runner.get("/api/today").json()["items"][0]["logged"] is True


@pytest.mark.parametrize(
    ("patch", "status", "needle"),
    [
        ({"exercise": "moonwalk"}, 404, "unknown exercise"),
        ({"date": (TODAY + timedelta(days=1)).isoformat()}, 422, "future"),
        ({"rpe": 11}, 422, "out of range"),
        ({"pain": -1}, 422, "out of range"),
        ({"side": "middle"}, 422, "side"),
        ({"pain_area": "elbow"}, 422, "accepted"),
        ({"sets": 0}, 422, "out of range"),
        ({"exercise": "heel_walk"}, 422, "not in the session"),
    ],
)
def test_a_bad_log_is_refused(
    runner: TestClient, patch: dict[str, Any], status: int, needle: str
) -> None:
    r = runner.post("/api/logs", json=log_body(first_item(runner), **patch))
    assert needle in error_of(r, status)


def test_a_session_is_logged_whole_or_not_at_all(runner: TestClient) -> None:
    items = runner.get("/api/today").json()["items"]
    good = [log_body(i) for i in items[:2]]
    bad = [*good, {"exercise": "moonwalk"}]
    assert error_of(runner.post("/api/sessions", json={"entries": bad}), 404)
    assert not any(i["logged"] for i in runner.get("/api/today").json()["items"])
    done = runner.post("/api/sessions", json={"entries": good}).json()
    assert [d["already"] for d in done] == [False, False]
    assert "entries" in error_of(runner.post("/api/sessions", json={"entries": []}), 422)


# Check-ins, red flags, clearance ---------------------------------------------------------------


def test_a_check_in_is_stored_once(runner: TestClient) -> None:
    body = {"morning_pain": 2, "area": "heel"}
    assert runner.post("/api/checkins", json=body).json()["already"] is False
    assert runner.post("/api/checkins", json=body).json()["already"] is True
    assert "already stored" in error_of(
        runner.post("/api/checkins", json={**body, "morning_pain": 5}), 409
    )


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"morning_pain": 11}, "out of range"),
        ({"morning_pain": 1, "area": "elbow"}, "accepted"),
        ({"morning_pain": 1, "symptoms": ["hiccups"]}, "accepted"),
        ({"morning_pain": 1, "date": "2030-01-01"}, "future"),
        ({}, "morning_pain"),
    ],
)
def test_a_bad_check_in_is_refused(runner: TestClient, body: dict[str, Any], needle: str) -> None:
    assert needle in error_of(runner.post("/api/checkins", json=body), 422)


def test_a_red_flag_pauses_the_program_until_cleared(runner: TestClient) -> None:
    r = runner.post("/api/checkins", json={"morning_pain": 3, "symptoms": ["fever"]})
    assert "clinician" in error_of(r, 409)
    assert runner.get("/api/today").json()["paused"]
    item = first_item(runner)
    assert "clinician" in error_of(runner.post("/api/logs", json=log_body(item)), 409)
    by = "A. Lee, physiotherapist"
    assert "confirm" in error_of(runner.post("/api/clear", json={"confirm": False, "by": by}), 422)
    assert (
        "resumes" in runner.post("/api/clear", json={"confirm": True, "by": by}).json()["message"]
    )
    assert runner.get("/api/today").json()["paused"] is None


# Retests, status, progress, calendar -------------------------------------------------------------


def test_a_retest_is_scored_and_gated(runner: TestClient) -> None:
    body = {"date": TODAY.isoformat(), "tests": {"heel_raise_reps": {"left": 20, "right": 22}}}
    done = runner.post("/api/retests", json=body).json()
    assert done["passed"] in (True, False) and done["reasons"] and done["findings"]
    assert runner.post("/api/retests", json=body).json()["already"] is True
    other = {**body, "tests": {"heel_raise_reps": {"left": 25, "right": 25}}}
    assert "one retest per day" in error_of(runner.post("/api/retests", json=other), 409)


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"date": "2030-01-01", "tests": {"heel_raise_reps": {"left": 20}}}, "future"),
        ({"date": TODAY.isoformat(), "tests": {"heel_raise_reps": {"left": 900}}}, "out of range"),
        ({"date": TODAY.isoformat()}, "tests"),
    ],
)
def test_a_bad_retest_is_refused(runner: TestClient, body: dict[str, Any], needle: str) -> None:
    assert needle in error_of(runner.post("/api/retests", json=body), 422)


def test_status_and_progress_follow_the_logs(runner: TestClient) -> None:
    item = first_item(runner)
    runner.post("/api/logs", json=log_body(item, pain=2))
    runner.post("/api/checkins", json={"morning_pain": 1})
    status = runner.get("/api/status").json()
    assert status["athlete"] == "default" and status["adherence_week"][0] == 1
    progress = runner.get("/api/progress").json()
    assert progress["adherence"][0]["done"] == 1
    assert progress["pain"]["during"] == [{"date": TODAY.isoformat(), "pain": 2}]
    assert all("female" in r["band"]["sexes"] for r in progress["retests"])
    chart = runner.get("/api/progress/charts/pain")
    assert chart.headers["content-type"] == "image/svg+xml" and b"<svg" in chart.content
    assert "accepted" in error_of(runner.get("/api/progress/charts/spiders"), 422)


def test_the_calendar_address_is_private(runner: TestClient) -> None:
    url = runner.get("/api/calendar").json()["url"]
    path = url.removeprefix("http://testserver")
    ics = runner.get(path)
    assert ics.status_code == 200 and ics.text.startswith("BEGIN:VCALENDAR")
    assert runner.get("/calendar/guessed.ics").status_code == 404


def test_an_export_imports_into_another_database(runner: TestClient, tmp_path: Path) -> None:
    exported = runner.get("/api/export")
    assert exported.headers["content-type"] == "application/json"
    data = exported.json()
    assert "already exists" in error_of(runner.post("/api/import", json=data), 409)
    other = make_client(
        WebSettings(
            database_url=f"sqlite:///{tmp_path / 'other.db'}",
            allowed_hosts=HOSTS,
            today=lambda: TODAY,
        )
    )
    assert other.post("/api/import", json=data).status_code == 201
    assert other.get("/api/profile").json() == runner.get("/api/profile").json()
    assert error_of(other.post("/api/import", json={"format_version": 99}), 422)
