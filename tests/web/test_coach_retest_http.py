"""A coach moves an athlete's retest over HTTP: with edit access it moves (audited, the athlete
reads the reason on today and the plan, the coach's page has the form); with view access it is
forbidden; a bad day is a one-line 422 naming `to`."""

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
from footcore.services import accounts
from tests.integration.test_roster import new_runner
from tests.web.conftest import HOSTS, TODAY, TestClient, make_client

NOW = datetime(2026, 11, 16, 12, 0)
PW = "a long team passphrase 42"
EDITOR, VIEWER, ADMIN, ATHLETE = (
    "c@club.example",
    "v@club.example",
    "a@club.example",
    "ana@club.example",
)


@pytest.fixture
def settings(tmp_path: Path) -> WebSettings:
    url = f"sqlite:///{tmp_path / 'team.db'}"
    uow = SqlUnitOfWork.connect(url)
    try:
        new_runner(uow, "ana")
        hasher, policy = PasswordHasher(), team_policy()
        for email, role, athlete in (
            (EDITOR, Role.COACH, None),
            (VIEWER, Role.COACH, None),
            (ADMIN, Role.ADMIN, None),
            (ATHLETE, Role.ATHLETE, "ana"),
        ):
            accounts.add_account(uow, hasher, policy, NOW, email, role, athlete, PW)
        accounts.grant(uow, NOW, EDITOR, "ana", Access.EDIT)
        accounts.grant(uow, NOW, VIEWER, "ana", Access.VIEW)
    finally:
        uow.dispose()
    return WebSettings(database_url=url, allowed_hosts=HOSTS, today=lambda: TODAY, now=lambda: NOW)


def signed_in(settings: WebSettings, email: str) -> Iterator[TestClient]:
    with make_client(settings) as c:
        assert c.post("/api/session", json={"email": email, "password": PW}).is_success
        yield c


def retest_start(c: TestClient, query: str = "") -> str:
    weeks = c.get(f"/api/plan{query}").json()["weeks"]
    start: str = next(w["start"] for w in weeks if w["retest"] and w["start"] > TODAY.isoformat())
    return start


def test_a_coach_with_edit_access_moves_the_retest_and_the_athlete_reads_why(
    settings: WebSettings,
) -> None:
    for coach in signed_in(settings, EDITOR):
        assert 'id="move-retest"' in coach.get("/coach/athlete?athlete=ana").text
        old = retest_start(coach, "?athlete=ana")
        later = (datetime.fromisoformat(old).date() + timedelta(days=7)).isoformat()
        r = coach.post(
            "/api/coach/edits?athlete=ana",
            json={"kind": "retest", "to": later, "reason": "race on Sunday"},
        )
        assert r.status_code == 201, r.text
        assert (r.json()["kind"], r.json()["value"]) == ("retest", later)
        assert retest_start(coach, "?athlete=ana") == later
    note = f"changed by your coach: retest moved to the week from {later} (race on Sunday)"
    for athlete in signed_in(settings, ATHLETE):
        assert note in athlete.get("/today").text
        assert note in athlete.get("/plan").text
    for admin in signed_in(settings, ADMIN):
        entry = admin.get("/api/audit").json()[0]
        assert (entry["actor"], entry["action"], entry["athlete"]) == (EDITOR, "coach.edit", "ana")
        assert entry["reason"] == "race on Sunday" and later in entry["detail"]


def test_a_coach_with_view_access_may_not_move_the_retest(settings: WebSettings) -> None:
    for coach in signed_in(settings, VIEWER):
        old = retest_start(coach, "?athlete=ana")
        r = coach.post(
            "/api/coach/edits?athlete=ana",
            json={"kind": "retest", "to": old, "reason": "x"},
        )
        assert r.status_code == 403
        assert 'id="move-retest"' not in coach.get("/coach/athlete?athlete=ana").text
        assert retest_start(coach, "?athlete=ana") == old
    for admin in signed_in(settings, ADMIN):
        assert all(e["action"] != "coach.edit" for e in admin.get("/api/audit").json())


def test_the_coachs_page_form_moves_the_retest(settings: WebSettings) -> None:
    for coach in signed_in(settings, EDITOR):
        old = retest_start(coach, "?athlete=ana")
        earlier = (datetime.fromisoformat(old).date() - timedelta(days=7)).isoformat()
        r = coach.post(
            "/coach/edits?athlete=ana",
            data={"kind": "retest", "to": earlier, "reason": "ready early"},
        )
        assert r.status_code == 200 and "Retest moved." in r.text
        assert retest_start(coach, "?athlete=ana") == earlier


@pytest.mark.parametrize(
    "to",
    [TODAY.isoformat(), "2030-01-07", "next week"],
)
def test_a_bad_day_is_a_one_line_422_naming_to(settings: WebSettings, to: str) -> None:
    for coach in signed_in(settings, EDITOR):
        r = coach.post(
            "/api/coach/edits?athlete=ana", json={"kind": "retest", "to": to, "reason": "x"}
        )
        assert r.status_code == 422
        body = r.json()
        assert body["field"] == "to" and "\n" not in body["error"]
