"""The authorization matrix of team mode: every route of the app (the OpenAPI document's and every
page) × anonymous / the athlete themself / another athlete / a coach with view / a coach with edit
/ a coach without a grant / an admin, on SQLite and PostgreSQL.

Each athlete's data carries distinctive strings (the runner's name in the profile, a shoe): the
other athlete's never appears in any body, and a refused request shows none of them.

The expected kind of each route is written out here, not imported from the gate, so a route
classified wrongly there fails here.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from fastapi.routing import APIRoute

from footcore.adapters.secrets_kit import PasswordHasher
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.adapters.team_file import team_policy
from footcore.domain.accounts import Access, Role
from footcore.entrypoints.http import WebSettings
from footcore.entrypoints.http.security.secret import calendar_key
from footcore.services import accounts
from tests.web.conftest import HOSTS, TODAY, TestClient, make_client
from tests.web.test_api_storage import BASELINE, PROFILE

NOW = datetime(2026, 11, 16, 10, 0)
PW = "a long team passphrase 42"
SECRET = "matrix-secret-" + "x" * 32
ANA_MARKS = ("Anastasia Quokkafoot", "Zephyrglide")
BEN_MARKS = ("Bartholomew Wombatheel", "Yarrowstride")

PUBLIC = {
    "/login",
    "/login/invitation",
    "/api/session",
    "/api/invitation",
    "/api/health",
    "/api/csrf",
    "/favicon.ico",
}
USER = {
    "/api/docs",
    "/api/openapi.json",
    "/api/exercises/{exercise_id}/picture.svg",
    "/api/assessment/battery/{test_id}/picture.svg",
    "/library",
    "/library/{exercise_id}",
    "/learn",
    "/learn/{topic_id}",
    "/screen",
    "/plan/preview",
    "/api/exercises",
    "/api/exercises/{exercise_id}",
    "/api/topics",
    "/api/topics/{topic_id}",
    "/api/vocabulary",
    "/api/screen",
    "/api/assessment/battery",
    "/api/assessment/score",
    "/api/plans/preview",
    "/api/me",
    "/api/logins",
    "/api/logins/{session_id}",
    "/api/me/totp",
    "/account",
    "/account/sessions/end",
}
ADMIN = {"/api/audit", "/audit"}
COACH = {"/api/roster", "/roster", "/api/templates"}
COACHING = {
    "/api/alerts/ack",
    "/api/templates/save",
    "/api/templates/assign",
    "/coach/athlete",
    "/coach/alerts/ack",
    "/coach/edits",
}  # an athlete's, for coaches
# Ending one's own session is tested on its own (it would log the persona out mid-matrix).
LOGOUTS = {("DELETE", "/api/session"), ("POST", "/logout")}
PERSONAS = ("anonymous", "self", "other", "coach_view", "coach_edit", "coach_none", "admin")
EMAILS = {
    "self": "ana@club.example",
    "other": "ben@club.example",
    "coach_view": "viewer@club.example",
    "coach_edit": "editor@club.example",
    "coach_none": "stranger@club.example",
    "admin": "admin@club.example",
}


@dataclass(frozen=True)
class Cell:
    persona: str
    method: str
    path: str
    kind: str


def seed(database_url: str) -> None:
    """Two runners with their distinctive strings, then the accounts (team mode on)."""
    for athlete, (name, shoe) in (("ana", ANA_MARKS), ("ben", BEN_MARKS)):
        settings = WebSettings(
            database_url=database_url, athlete=athlete, allowed_hosts=HOSTS, today=lambda: TODAY
        )
        profile = copy.deepcopy(PROFILE)
        profile["runner"]["name"] = name
        with make_client(settings) as c:
            assert (
                c.post("/api/athlete", json={"profile": profile, "results": BASELINE}).status_code
                == 201
            )
            assert c.post("/api/shoes", json={"name": shoe}).status_code == 201
    uow = SqlUnitOfWork.connect(database_url)
    hasher, policy = PasswordHasher(), team_policy()
    try:
        for persona, email in EMAILS.items():
            role = {"self": Role.ATHLETE, "other": Role.ATHLETE, "admin": Role.ADMIN}.get(
                persona, Role.COACH
            )
            own = {"self": "ana", "other": "ben"}.get(persona)  # the runner the account is
            accounts.add_account(uow, hasher, policy, NOW, email, role, own, PW)
        accounts.grant(uow, NOW, EMAILS["coach_view"], "ana", Access.VIEW)
        accounts.grant(uow, NOW, EMAILS["coach_edit"], "ana", Access.EDIT)
        # the view-only coach also sees ben: the matrix shows ben never leaks into ana's pages
        accounts.grant(uow, NOW, EMAILS["coach_view"], "ben", Access.VIEW)
    finally:
        uow.dispose()


@pytest.fixture
def team(database_url: str) -> Iterator[dict[str, TestClient]]:
    seed(database_url)
    settings = WebSettings(
        database_url=database_url,
        allowed_hosts=HOSTS,
        today=lambda: TODAY,
        now=lambda: NOW,
        secret_key=SECRET,
    )
    clients: dict[str, TestClient] = {}
    try:
        for persona in PERSONAS:
            c = make_client(settings)
            c.__enter__()
            clients[persona] = c
            if persona != "anonymous":
                r = c.post("/api/session", json={"email": EMAILS[persona], "password": PW})
                assert r.status_code == 200, r.text
        yield clients
    finally:
        for c in clients.values():
            c.__exit__(None, None, None)


def fill(path: str) -> str:
    values = {
        "exercise_id": "short_foot",
        "topic_id": "intrinsic_muscles",
        "kind": "pain",
        "key": calendar_key(SECRET, "ana"),
        "shoe": ANA_MARKS[1],
        "session_id": "999999",
        "test_id": "heel_raise_reps",
    }
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


def every_route(app: Any) -> list[tuple[str, frozenset[str]]]:
    """(path template, methods) of every route of the app, pages included, under FastAPI's
    classic routers and its newer lazily included ones alike."""
    found = []
    for route in app.routes:
        if isinstance(route, APIRoute):
            found.append((route.path, frozenset(route.methods or ())))
        elif hasattr(route, "effective_route_contexts"):
            for ctx in route.effective_route_contexts():
                if isinstance(ctx.original_route, APIRoute):
                    found.append((ctx.path_format, frozenset(ctx.methods or ())))
    return found


def kind_of(path: str) -> str:
    for kind, paths in (
        ("public", PUBLIC),
        ("user", USER),
        ("admin", ADMIN),
        ("coach", COACH),
        ("coaching", COACHING),
    ):
        if path in paths:
            return kind
    return "athlete"


def cells(client: TestClient) -> list[Cell]:
    out: list[Cell] = []
    for path, methods in every_route(client.app):
        for method in sorted(methods - {"HEAD"}):
            if (method, path) not in LOGOUTS:
                out.extend(Cell(p, method, path, kind_of(path)) for p in PERSONAS)
    return out


def ask(client: TestClient, cell: Cell) -> tuple[int, str, str]:
    url = fill(cell.path)
    if cell.kind in ("athlete", "coaching") and cell.persona != "self":
        url += ("&" if "?" in url else "?") + "athlete=ana"
    if cell.method == "GET":
        r = client.get(url, follow_redirects=False)
    elif url.startswith("/api/"):
        r = client.request(cell.method, url, json={})
    else:
        r = client.request(cell.method, url, data={}, follow_redirects=False)
    return r.status_code, r.text, r.headers.get("location", "")


def expected(cell: Cell) -> str:
    """'allow', or the refusal: 'login' (401 or the redirect), 'forbidden' (403), 'hidden' (404)."""
    if cell.kind == "public":
        return "allow"
    if cell.persona == "anonymous":
        return "login"
    if cell.kind == "user":
        return "allow"
    if cell.kind == "admin":
        return "allow" if cell.persona == "admin" else "forbidden"
    if cell.kind == "coach":
        return "forbidden" if cell.persona in ("self", "other") else "allow"
    if cell.kind == "coaching" and cell.persona in ("self", "other"):
        return "forbidden"  # by role, whoever the athlete: it tells nothing about them
    if cell.path in ("/api/clear", "/clear") and cell.persona == "self":
        return "forbidden"  # team mode: the coach or clinician clears a red-flag pause
    if cell.persona in ("self", "coach_edit"):
        return "allow"
    if cell.persona == "coach_view":
        return "allow" if cell.method == "GET" else "forbidden"
    return "hidden"


def outcome(cell: Cell, status: int, body: str, location: str) -> str:
    # the gate's own refusals; a handler's 401 (a wrong password at /login) is its answer
    if (status == 401 and "log in first" in body) or (
        status == 303 and location.startswith("/login?next=")
    ):
        return "login"
    if status == 403:
        return "forbidden"
    if status == 404 and "that this account may see" in body:
        return "hidden"
    return "allow"


def test_every_route_answers_each_persona_as_the_matrix_says_and_leaks_nothing(
    team: dict[str, TestClient],
) -> None:
    wrong, leaks = [], []
    every = cells(team["self"])
    assert len({(c.method, c.path) for c in every}) > 60
    for cell in every:
        status, body, location = ask(team[cell.persona], cell)
        want, got = expected(cell), outcome(cell, status, body, location)
        if want != got or status >= 500:
            wrong.append(f"{cell.persona} {cell.method} {cell.path}: {status} ({got}, want {want})")
        shown = [m for m in BEN_MARKS if m in body]
        if got != "allow":
            shown += [m for m in ANA_MARKS if m in body]
        if shown:
            leaks.append(f"{cell.persona} {cell.method} {cell.path}: {shown}")
    assert wrong == []
    assert leaks == []


def test_the_athletes_own_data_shows_their_marks_and_a_coach_sees_each_apart(
    team: dict[str, TestClient],
) -> None:
    own = team["self"].get("/api/shoes").text
    assert ANA_MARKS[1] in own and BEN_MARKS[1] not in own
    coach = team["coach_view"]
    assert BEN_MARKS[1] in coach.get("/api/shoes?athlete=ben").text
    ana = coach.get("/api/profile?athlete=ana").text
    assert ANA_MARKS[0] in ana and BEN_MARKS[0] not in ana
    # an athlete may name themself, never another; a coach must name one
    assert team["self"].get("/api/profile?athlete=ana").status_code == 200
    assert team["other"].get("/api/profile?athlete=ana").status_code == 404
    assert "name the athlete" in coach.get("/api/profile").json()["error"]
    # an unknown athlete and an ungranted one answer alike
    stranger = team["coach_none"]
    unknown = stranger.get("/api/profile?athlete=nobody-at-all")
    ungranted = stranger.get("/api/profile?athlete=ana")
    assert unknown.status_code == ungranted.status_code == 404
    assert unknown.json()["error"].replace("nobody-at-all", "X") == ungranted.json()[
        "error"
    ].replace("ana", "X")


def test_coach_writes_and_exports_are_in_the_admins_audit_log(
    team: dict[str, TestClient],
) -> None:
    editor = team["coach_edit"]
    r = editor.post(
        "/api/shoes?athlete=ana",
        json={"name": "Coachpick"},
        headers={"X-Footcore-Reason": "needs a second pair"},
    )
    assert r.status_code == 201, r.text
    assert editor.get("/api/export?athlete=ana").status_code == 200
    log = team["admin"].get("/api/audit").json()
    mine = [
        (e["action"], e["athlete"], e["detail"], e["reason"])
        for e in log
        if e["actor"] == EMAILS["coach_edit"]
    ]
    assert mine[:2] == [
        ("export", "ana", "GET /api/export", ""),
        ("edit", "ana", "POST /api/shoes", "needs a second pair"),
    ]
    assert "needs a second pair" in team["admin"].get("/audit").text
    cleared = editor.post(
        "/api/clear?athlete=ana",
        json={"confirm": True, "by": "B. Coach, physiotherapist"},
        headers={"X-Footcore-Reason": "MRI clear"},
    )
    assert cleared.status_code == 200, cleared.text
    entry = team["admin"].get("/api/audit").json()[0]
    assert (entry["action"], entry["reason"]) == ("clearance", "MRI clear")
    assert team["coach_edit"].get("/api/audit").status_code == 403


def test_a_coach_saves_a_template_of_an_athlete_and_assigns_it_back(
    team: dict[str, TestClient],
) -> None:
    editor = team["coach_edit"]
    slot = team["self"].get(f"/api/week?day={TODAY.isoformat()}").json()
    exercise = next(item["exercise"] for day in slot for item in day["items"])
    edit = {"kind": "note", "exercise": exercise, "note": "knees out", "reason": "form"}
    assert editor.post("/api/coach/edits?athlete=ana", json=edit).status_code == 201
    saved = editor.post("/api/templates/save?athlete=ana", json={"name": "Base block"})
    assert saved.status_code == 201, saved.text
    assert saved.json()["name"] == "Base block"
    assigned = editor.post("/api/templates/assign?athlete=ana", json={"name": "Base block"})
    assert assigned.status_code == 200, assigned.text
    assert [t["name"] for t in editor.get("/api/templates").json()] == ["Base block"]
    missing = editor.post("/api/templates/assign?athlete=ana", json={"name": "Nothing"})
    assert missing.status_code == 404
