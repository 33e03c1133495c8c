"""The API takes dates as ISO text only and never a boolean for a number (422 naming the field,
nothing stored); its OpenAPI document states the real ranges and words, and the 400 for a body
that is not JSON; OPTIONS answers every address with the methods it really accepts."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import TestClient
from tests.web.test_api_storage import BASELINE, runner  # noqa: F401

JSON = {"content-type": "application/json"}


def refused(r: Any, field: str) -> str:
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["field"] == field, body
    return str(body["error"])


@pytest.mark.parametrize("bad", [0, 20261116, True, "16/11/2026", "2026-11-16T00:00:00", None])
def test_a_retest_dated_by_anything_but_iso_text_is_refused_and_not_stored(
    runner: TestClient,  # noqa: F811
    bad: Any,
) -> None:
    error = refused(runner.post("/api/retests", json={**BASELINE, "date": bad}), "date")
    assert "YYYY-MM-DD" in error
    retests = runner.get("/api/progress").json()["retests"]
    assert all(len(series["points"]) <= 1 for series in retests)  # the baseline only


def test_a_morning_pain_of_true_is_not_a_number(runner: TestClient) -> None:  # noqa: F811
    error = refused(runner.post("/api/checkins", json={"morning_pain": True}), "morning_pain")
    assert "integer" in error
    assert refused(runner.post("/api/checkins", json={"morning_pain": "3"}), "morning_pain")
    assert refused(runner.post("/api/checkins", json={"morning_pain": 2.5}), "morning_pain")
    assert "at most 10" in refused(
        runner.post("/api/checkins", json={"morning_pain": 11}), "morning_pain"
    )
    stored = runner.post("/api/checkins", json={"morning_pain": 2, "date": "2026-11-16"})
    assert stored.status_code == 200 and stored.json()["morning_pain"] == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"date": "2026-11-10", "km": True, "minutes": 45}, "km"),
        ({"date": "2026-11-10", "km": 8, "minutes": "45"}, "minutes"),
        ({"date": "2026-11-10", "km": 8, "minutes": 45, "rpe": False}, "rpe"),
        ({"date": 1762732800, "km": 8, "minutes": 45}, "date"),
        ({"date": "2026-11-10", "km": 8, "minutes": 45, "time": 3600}, "time"),
    ],
)
def test_a_run_with_a_boolean_or_number_in_place_of_text_is_refused(
    runner: TestClient,  # noqa: F811
    body: dict[str, Any],
    field: str,
) -> None:
    refused(runner.post("/api/runs", json=body), field)
    assert runner.get("/api/runs").json()["total"] == 0


def test_a_body_that_is_not_json_is_a_400_and_documented(client: TestClient) -> None:
    r = client.post("/api/screen", content=b'{"symptoms": [', headers=JSON)
    assert r.status_code == 400 and r.json() == {"error": "the body is not valid JSON"}
    doc = client.get("/api/openapi.json").json()
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            if "application/json" in op.get("requestBody", {}).get("content", {}):
                assert "400" in op["responses"], (method, path)


def _numbers(schema: Any, where: str) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(schema, dict):
        if schema.get("type") in ("integer", "number"):
            found.append((where, schema))
        for key, value in schema.items():
            found += _numbers(value, f"{where}/{key}")
    elif isinstance(schema, list):
        for value in schema:
            found += _numbers(value, where)
    return found


def test_every_number_a_client_sends_publishes_its_range(client: TestClient) -> None:
    doc = client.get("/api/openapi.json").json()
    schemas = doc["components"]["schemas"]
    sent: list[tuple[str, dict[str, Any]]] = []
    for name, schema in schemas.items():
        # SidesCreate: each battery test has its own range, published at /api/assessment/battery.
        if (name.endswith(("Create", "In"))) and name != "SidesCreate":
            sent += _numbers(schema, name)
    for path, operations in doc["paths"].items():
        for op in operations.values():
            for parameter in op.get("parameters", []):
                sent += _numbers(parameter["schema"], f"{path}?{parameter['name']}")
    assert len(sent) >= 15
    for where, schema in sent:
        low = schema.get("minimum", schema.get("exclusiveMinimum"))
        assert low is not None, where
        if not where.startswith("/api/runs?limit"):
            assert schema.get("maximum", schema.get("exclusiveMaximum")) is not None, where
    weeks = schemas["AthleteCreate"]["properties"]["weeks"]["anyOf"][0]
    assert (weeks["minimum"], weeks["maximum"]) == (1, 104)
    load = next(p for p in doc["paths"]["/api/load"]["get"]["parameters"] if p["name"] == "weeks")
    assert (load["schema"]["minimum"], load["schema"]["maximum"]) == (1, 520)
    assert schemas["CheckinCreate"]["properties"]["morning_pain"]["maximum"] == 10


def test_words_are_published_as_enums_from_the_vocabulary(client: TestClient) -> None:
    doc = client.get("/api/openapi.json").json()
    schemas = doc["components"]["schemas"]
    vocabulary = client.get("/api/vocabulary").json()["words"]
    area = schemas["CheckinCreate"]["properties"]["area"]["enum"]
    assert area == ["", *vocabulary["pain_areas"]]
    symptoms = schemas["ScreenCreate"]["properties"]["symptoms"]["items"]["enum"]
    assert set(symptoms) == set(vocabulary["symptoms"])
    assert schemas["LogCreate"]["properties"]["side"]["enum"] == ["both", "left", "right"]
    category = doc["paths"]["/api/exercises"]["get"]["parameters"][0]["schema"]["anyOf"][0]
    assert category["enum"] == list(vocabulary["categories"])
    surface = schemas["RunCreate"]["properties"]["surface"]["anyOf"][0]["enum"]
    assert surface == ["road", "trail", "track", "treadmill"]


def test_options_lists_every_method_an_address_accepts(client: TestClient) -> None:
    doc = client.get("/api/openapi.json").json()
    for path, operations in doc["paths"].items():
        url = path.replace("{exercise_id}", "x").replace("{topic_id}", "x")
        url = url.replace("{shoe}", "x").replace("{kind}", "x").replace("{", "").replace("}", "")
        r = client.options(url)
        assert r.status_code == 204, (path, r.status_code)
        allowed = set(r.headers["allow"].split(", "))
        assert allowed == {m.upper() for m in operations} | {"OPTIONS"}, path
        for method in {"GET", "POST", "PUT", "DELETE"} - allowed:
            wrong = client.request(method, url)
            assert wrong.status_code == 405, (method, path)
            assert set(wrong.headers["allow"].split(", ")) == allowed, (method, path)
    assert client.options("/").status_code == 204
    assert client.options("/api/no-such-thing").status_code == 404
