"""A coach's roster and alerts over HTTP: only granted athletes, colours with their words, an
alert acknowledged from the athlete's page (audited)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from footcore.adapters.secrets_kit import PasswordHasher
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.adapters.team_file import team_policy
from footcore.domain.accounts import Access, Role
from footcore.entrypoints.http import WebSettings
from footcore.services import accounts, training
from tests.integration.test_roster import new_runner
from tests.web.conftest import HOSTS, TODAY, TestClient, make_client

NOW = datetime(2026, 11, 16, 12, 0)
PW = "a long team passphrase 42"


@pytest.fixture
def coach(tmp_path: Path) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'team.db'}"
    uow = SqlUnitOfWork.connect(url)
    try:
        for name in ("ana", "ben"):
            new_runner(uow, name)
        training.checkin(uow, "ana", TODAY - timedelta(days=1), 8, "", [], TODAY)
        hasher, policy = PasswordHasher(), team_policy()
        accounts.add_account(uow, hasher, policy, NOW, "c@club.example", Role.COACH, None, PW)
        accounts.grant(uow, NOW, "c@club.example", "ana", Access.EDIT)
    finally:
        uow.dispose()
    settings = WebSettings(
        database_url=url, allowed_hosts=HOSTS, today=lambda: TODAY, now=lambda: NOW
    )
    with make_client(settings) as c:
        assert c.post("/api/session", json={"email": "c@club.example", "password": PW}).is_success
        yield c


def test_the_roster_lists_only_granted_athletes_with_their_alerts(coach: TestClient) -> None:
    rows = coach.get("/api/roster").json()
    assert [r["athlete"] for r in rows] == ["ana"]
    assert rows[0]["alerts"][0]["kind"] == "pain" and rows[0]["colour_7"] == "red"
    page = coach.get("/roster").text
    assert "TrainingPeaks" in page and ">red<" in page and "ben" not in page
    assert coach.get("/api/roster?sort=bogus").status_code == 422
    assert coach.get("/", follow_redirects=False).headers["location"] == "/roster"


def test_a_coach_acknowledges_a_pain_alert_from_the_athletes_page(coach: TestClient) -> None:
    page = coach.get("/coach/athlete?athlete=ana").text
    assert "pain 8/10" in page and "Acknowledge" in page
    key = coach.get("/api/alerts?athlete=ana").json()[0]["key"]
    r = coach.post("/coach/alerts/ack?athlete=ana", data={"key": key, "reason": "phoned"})
    assert r.status_code == 200 and "Acknowledged." in r.text and "pain 8/10" not in r.text
    assert coach.get("/api/alerts?athlete=ana").json() == []
    assert coach.post("/api/alerts/ack?athlete=ana", json={"key": key}).status_code == 404


def test_the_athlete_sees_a_coachs_swap_on_the_day_and_the_plan(
    coach: TestClient, tmp_path: Path
) -> None:
    day = next(
        d["date"]
        for d in coach.get(
            f"/api/week?athlete=ana&day={(TODAY + timedelta(days=1)).isoformat()}"
        ).json()
        if d["items"] and d["date"] > TODAY.isoformat()
    )
    slot = coach.get(f"/api/today?athlete=ana&day={day}").json()["items"][0]["exercise"]
    r = coach.post(
        "/api/coach/edits?athlete=ana",
        json={
            "kind": "swap",
            "exercise": slot,
            "to": "towel_scrunch" if slot != "towel_scrunch" else "ankle_circles",
            "reason": "sore big toe",
        },
    )
    assert r.status_code == 201, r.text
    url = f"sqlite:///{tmp_path / 'team.db'}"
    uow = SqlUnitOfWork.connect(url)
    try:
        accounts.add_account(
            uow, PasswordHasher(), team_policy(), NOW, "ana@club.example", Role.ATHLETE, "ana", PW
        )
    finally:
        uow.dispose()
    settings = WebSettings(
        database_url=url, allowed_hosts=HOSTS, today=lambda: TODAY, now=lambda: NOW
    )
    with make_client(settings) as ana:
        assert ana.post(
            "/api/session", json={"email": "ana@club.example", "password": PW}
        ).is_success
        item = ana.get(f"/api/today?day={day}").json()["items"][0]
        assert (
            "changed by your coach:" in item["adaptation"] and "sore big toe" in item["adaptation"]
        )
        assert "changed by your coach: swap" in ana.get("/plan").text
        assert (
            ana.post(
                "/api/coach/edits",
                json={"kind": "note", "exercise": slot, "note": "x", "reason": "y"},
            ).status_code
            == 403
        )
