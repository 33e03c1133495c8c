"""The API's stateless endpoints (library, topics, vocabulary, screen, battery, scoring, plan
preview): each with good and bad input. The stored-data endpoints are in test_api_storage.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import TestClient

PROFILE: dict[str, Any] = {
    "runner": {"age": 34, "sex": "female"},
    "running": {"weekly_km": 40, "runs_per_week": 4, "long_run_day": "sun", "hard_days": ["tue"]},
    "schedule": {"minutes_per_day": 15, "days": ["mon", "wed", "fri", "sun"]},
    "equipment": {"items": ["towel", "band", "step"]},
    "health": {"past_injuries": ["plantar_fasciitis"], "pain": {"knee": 2}},
}
RESULTS: dict[str, Any] = {
    "date": "2026-11-16",
    "tests": {
        "heel_raise_reps": {"left": 14, "right": 22},
        "paper_grip": {"left": "pass", "right": "fail"},
        "toe_yoga_hallux_lift": {"left": True, "right": True},
        "knee_to_wall_cm": {"left": 10.5},
    },
}


def error_of(r: Any, status: int) -> str:
    assert r.status_code == status, r.text
    body = r.json()
    assert isinstance(body["error"], str) and body["error"]
    return str(body["error"])


# Health, CSRF, OpenAPI -------------------------------------------------------------------------


def test_health_is_trivial(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"status": "ok"}


def test_csrf_gives_a_token_and_names_the_header(bare_client: TestClient) -> None:
    body = bare_client.get("/api/csrf").json()
    assert body["header"] == "X-CSRF-Token" and len(body["token"]) > 20


def test_openapi_lists_the_api_and_no_page(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["info"]["title"] == "footcore"
    paths = spec["paths"]
    assert "/api/exercises" in paths and "/api/assessment/score" in paths
    assert all(p.startswith("/api/") for p in paths)
    described = paths["/api/exercises"]["get"]["description"]
    assert described.startswith("List the exercise library")


def test_every_operation_has_a_one_line_description(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            assert op.get("description"), (method, path)
            assert "\n" not in op["description"].strip(), (method, path)


# Library ---------------------------------------------------------------------------------------


def test_exercises_list_the_whole_library(client: TestClient) -> None:
    body = client.get("/api/exercises").json()
    assert len(body) > 40
    assert {"id", "name", "dose", "cues", "sources"} <= set(body[0])


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("category=balance", lambda ex: ex["category"] == "balance"),
        ("muscle=soleus", lambda ex: "soleus" in ex["muscles"]),
        ("equipment=none", lambda ex: set(ex["equipment"]) <= {"wall", "chair"}),
        (
            "equipment=towel&equipment=band",
            lambda ex: set(ex["equipment"]) <= {"wall", "chair", "towel", "band"},
        ),
        (
            "search=towel",
            lambda ex: (
                "towel"
                in (ex["name"] + " ".join(ex["aliases"]) + ex["description"] + ex["id"]).lower()
            ),
        ),
    ],
)
def test_exercises_filter(client: TestClient, query: str, check: Any) -> None:
    body = client.get(f"/api/exercises?{query}").json()
    assert body, query
    assert all(check(ex) for ex in body), query


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("category=yoga", "category"),
        ("muscle=biceps", "muscle"),
        ("equipment=treadmill", "equipment"),
        ("search=" + "x" * 101, "search"),
    ],
)
def test_exercises_reject_unknown_words(client: TestClient, query: str, field: str) -> None:
    r = client.get(f"/api/exercises?{query}")
    message = error_of(r, 422)
    assert r.json()["field"] == field
    assert "accepted" in message or "at most" in message


def test_an_exercise_in_full(client: TestClient) -> None:
    body = client.get("/api/exercises/ankle_circles").json()
    assert body["id"] == "ankle_circles" and body["dose"]["sets"] >= 1


def test_an_unknown_exercise_is_404(client: TestClient) -> None:
    assert "unknown exercise" in error_of(client.get("/api/exercises/moonwalk"), 404)


def test_topics_and_one_topic(client: TestClient) -> None:
    topics = client.get("/api/topics").json()
    assert topics and {"id", "title", "kind"} == set(topics[0])
    one = client.get(f"/api/topics/{topics[0]['id']}").json()
    assert one["summary"] and one["sources"]
    assert "unknown topic" in error_of(client.get("/api/topics/astrology"), 404)


def test_vocabulary_has_every_kind(client: TestClient) -> None:
    words = client.get("/api/vocabulary").json()["words"]
    assert "towel" in words["equipment"] and "night_pain" in words["symptoms"]


# Red flags -------------------------------------------------------------------------------------


def test_no_symptom_is_clear(client: TestClient) -> None:
    assert client.post("/api/screen", json={"symptoms": []}).json() == {
        "clear": True,
        "referral": None,
        "flags": [],
    }


def test_a_symptom_gives_a_referral(client: TestClient) -> None:
    body = client.post("/api/screen", json={"symptoms": ["cannot_bear_weight"]}).json()
    assert body["clear"] is False
    assert "today" in body["referral"] and body["flags"][0]["urgency"] == "urgent"


def test_screen_rejects_unknown_words_and_keys(client: TestClient) -> None:
    assert "accepted" in error_of(client.post("/api/screen", json={"symptoms": ["hiccups"]}), 422)
    assert "unknown field" in error_of(client.post("/api/screen", json={"symptom": []}), 422)
    assert "not valid JSON" in error_of(
        client.post("/api/screen", content=b"{", headers={"content-type": "application/json"}), 400
    )


# Assessment ------------------------------------------------------------------------------------


def test_the_battery_has_protocols_and_norms(client: TestClient) -> None:
    battery = client.get("/api/assessment/battery").json()
    ids = [t["id"] for t in battery]
    assert "heel_raise_reps" in ids and "paper_grip" in ids
    stance = next(t for t in battery if t["id"] == "single_leg_stance_eyes_open_s")
    assert stance["hold_s"] == 45 and stance["bands"] and stance["protocol"]


def test_scoring_against_norms_with_a_profile(client: TestClient) -> None:
    r = client.post("/api/assessment/score", json={"profile": PROFILE, "results": RESULTS})
    body = r.json()
    assert r.status_code == 200, body
    heel = next(f for f in body["findings"] if f["test"] == "heel_raise_reps")
    assert heel["standing"]["left"] == "below" and heel["asymmetry"] is True
    assert "calf_endurance" in body["priorities"]
    assert body["warnings"] == []


def test_scoring_without_a_profile_warns_about_the_norms_used(client: TestClient) -> None:
    body = client.post("/api/assessment/score", json={"results": RESULTS}).json()
    assert "age 30" in body["warnings"][0]


@pytest.mark.parametrize(
    ("results", "needle"),
    [
        ({"date": "2026-11-16", "tests": {"heel_raise_reps": {"left": -1}}}, "out of range"),
        ({"date": "2026-11-16", "tests": {"paper_grip": {"left": "maybe"}}}, "pass, fail"),
        ({"date": "2026-11-16", "tests": {"toe_yoga_hallux_lift": {"left": 3}}}, "true or false"),
        ({"date": "2026-11-16", "tests": {"handstand_s": {"left": 3}}}, "unknown key"),
        ({"date": "2026-13-01", "tests": {}}, "date"),
        ({"tests": {}}, "missing"),
    ],
)
def test_scoring_rejects_bad_results(
    client: TestClient, results: dict[str, Any], needle: str
) -> None:
    r = client.post("/api/assessment/score", json={"results": results})
    assert needle in error_of(r, 422)


def test_scoring_rejects_a_bad_profile(client: TestClient) -> None:
    profile = {**PROFILE, "runner": {"age": 7}}
    r = client.post("/api/assessment/score", json={"profile": profile, "results": RESULTS})
    message = error_of(r, 422)
    assert "runner.age" in message


def test_scoring_with_a_red_flag_in_the_profile_is_409(client: TestClient) -> None:
    profile = {**PROFILE, "health": {"symptoms": ["fever"]}}
    r = client.post("/api/assessment/score", json={"profile": profile, "results": RESULTS})
    assert "clinician" in error_of(r, 409)
    assert r.json()["symptoms"] == ["fever"]


# Plan preview ----------------------------------------------------------------------------------


def test_a_plan_preview(client: TestClient) -> None:
    r = client.post(
        "/api/plans/preview",
        json={"profile": PROFILE, "results": RESULTS, "start": "2026-11-16", "weeks": 8},
    )
    body = r.json()
    assert r.status_code == 200, body
    assert len(body["weeks"]) == 8 and body["start"] == "2026-11-16"
    days = {d["date"] for w in body["weeks"] for d in w["days"]}
    assert all(d[:4] == "2026" or d[:4] == "2027" for d in days)
    assert body["priorities"]


def test_a_plan_preview_starts_today_by_default(client: TestClient) -> None:
    body = client.post("/api/plans/preview", json={"profile": PROFILE, "weeks": 1}).json()
    assert body["start"] == "2026-11-16"


@pytest.mark.parametrize(
    ("patch", "needle", "status"),
    [
        ({"weeks": 0}, "out of range", 422),
        ({"weeks": 200}, "out of range", 422),
        ({"profile": {**PROFILE, "schedule": {"days": ["funday"]}}}, "accepted", 422),
        ({"profile": {**PROFILE, "equipment": {"items": ["treadmill"]}}}, "accepted", 422),
        ({"profile": {**PROFILE, "health": {"symptoms": ["night_pain"]}}}, "clinician", 409),
        ({"start": "tomorrow"}, "start", 422),
    ],
)
def test_a_plan_preview_rejects_bad_input(
    client: TestClient, patch: dict[str, Any], needle: str, status: int
) -> None:
    body = {"profile": PROFILE, "weeks": 4, **patch}
    assert needle in error_of(client.post("/api/plans/preview", json=body), status)


def test_the_api_package_imports_before_the_web_package() -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-c", "import footcore.entrypoints.http.api"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
