"""The plan page marks each past day done, partly done or missed (today and later days: no
mark until something is logged). The server's today is pinned."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from footcore.entrypoints.http import WebSettings
from footcore.services.day_marks import DONE, MISSED, PARTLY, mark
from tests.factories import example_profile
from tests.web.conftest import HOSTS, TestClient, make_client

START = date(2026, 11, 16)  # a Monday
TODAY = date(2026, 11, 19)


@pytest.fixture
def runner(tmp_path: Path) -> Iterator[TestClient]:
    settings = WebSettings(
        database_url=f"sqlite:///{tmp_path / 'fc.db'}", allowed_hosts=HOSTS, today=lambda: TODAY
    )
    with make_client(settings) as c:
        profile = example_profile()
        body = {"profile": profile, "start": START.isoformat(), "weeks": 8}
        assert c.post("/api/athlete", json=body).status_code == 201
        yield c


def items(c: TestClient, day: str) -> list[str]:
    return [i["exercise_done"] for i in c.get("/api/today", params={"day": day}).json()["items"]]


def test_a_day_is_done_partly_done_or_missed() -> None:
    assert mark({"a", "b"}, {"a", "b"}, past=True) == DONE
    assert mark({"a", "b"}, {"b"}, past=False) == PARTLY
    assert mark({"a", "b"}, set(), past=True) == MISSED
    assert mark({"a", "b"}, set(), past=False) is None
    assert mark(set(), set(), past=True) is None


def test_the_plan_marks_past_days_done_partly_done_or_missed(runner: TestClient) -> None:
    for exercise in items(runner, "2026-11-16"):
        r = runner.post("/api/logs", json={"exercise": exercise, "date": "2026-11-16", "rpe": 4})
        assert r.status_code == 200, r.text
    first = items(runner, "2026-11-17")[0]
    assert (
        runner.post("/api/logs", json={"exercise": first, "date": "2026-11-17"}).status_code == 200
    )
    page = runner.get("/plan").text
    marks = dict(
        re.findall(r'>(\w{3} \d\d \w{3})</a> · \d+ min\s*<span [^>]*data-mark="([^"]+)"', page)
    )
    assert marks == {"Mon 16 Nov": DONE, "Tue 17 Nov": PARTLY, "Wed 18 Nov": MISSED}
