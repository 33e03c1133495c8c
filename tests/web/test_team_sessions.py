"""Team mode over HTTP: the cookie, log-in throttling, session expiry (the clock pinned),
revocation, disabled accounts, pages sending to /login, and serve refusing other hosts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from footcore.adapters.secrets_kit import PasswordHasher
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.adapters.team_file import team_policy
from footcore.domain.accounts import Role
from footcore.entrypoints.http import WebSettings
from footcore.services import accounts
from tests.cli_runner import run
from tests.web.conftest import HOSTS, TODAY, TestClient, make_client

T0 = datetime(2026, 11, 16, 9, 0)
PW = "a long team passphrase 42"
EMAIL = "coach@club.example"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'team.db'}"
    uow = SqlUnitOfWork.connect(url)
    try:
        accounts.add_account(uow, PasswordHasher(), team_policy(), T0, EMAIL, Role.COACH, None, PW)
    finally:
        uow.dispose()
    return url


@pytest.fixture
def clock() -> Clock:
    return Clock()


def client_for(url: str, clock: Clock, secure: bool = False) -> TestClient:
    settings = WebSettings(
        database_url=url,
        allowed_hosts=HOSTS,
        today=lambda: TODAY,
        now=clock,
        secure_cookies=secure,
    )
    return make_client(settings)


@pytest.fixture
def client(url: str, clock: Clock) -> Iterator[TestClient]:
    with client_for(url, clock) as c:
        yield c


def login(c: TestClient, password: str = PW) -> int:
    status: int = c.post("/api/session", json={"email": EMAIL, "password": password}).status_code
    return status


def test_without_a_session_the_api_says_401_and_pages_send_to_login(client: TestClient) -> None:
    assert client.get("/api/me").status_code == 401
    r = client.get("/today?day=2026-11-16", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=%2Ftoday%3Fday%3D2026-11-16"
    assert client.get("/login").status_code == 200
    assert client.get("/api/health").status_code == 200
    assert client.get("/static/app.css").status_code == 200


def test_the_session_cookie_is_httponly_strict_and_host_prefixed_over_https(
    url: str, clock: Clock
) -> None:
    with client_for(url, clock) as c:
        assert login(c) == 200
        assert "footcore_session" in c.cookies  # plain HTTP on loopback: no prefix, no Secure
    with client_for(url, clock, secure=True) as c:
        r = c.post("/api/session", json={"email": EMAIL, "password": PW})
        sent = r.headers["set-cookie"]
        assert sent.startswith("__Host-footcore_session=")
        for attribute in ("HttpOnly", "Secure", "SameSite=strict", "Path=/"):
            assert attribute.lower() in sent.lower()
        assert "domain" not in sent.lower()


def test_the_login_form_goes_on_to_the_page_asked_for(client: TestClient) -> None:
    r = client.post(
        "/login", data={"email": EMAIL, "password": PW, "next": "/account"}, follow_redirects=False
    )
    assert (r.status_code, r.headers["location"]) == (303, "/account")
    assert EMAIL in client.get("/account").text
    evil = client.post(
        "/login",
        data={"email": EMAIL, "password": PW, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert evil.headers["location"] == "/"
    wrong = client.post("/login", data={"email": EMAIL, "password": "nope"})
    assert wrong.status_code == 401 and "wrong email or password" in wrong.text


def test_five_wrong_passwords_lock_the_address_and_the_lock_ends(
    client: TestClient, clock: Clock
) -> None:
    for _ in range(5):
        assert login(client, "a wrong password!") == 401
    r = client.post("/api/session", json={"email": EMAIL, "password": PW})
    assert r.status_code == 429 and "try again in 15 minutes" in r.json()["error"]
    clock.now += timedelta(minutes=15)
    assert login(client) == 200


def test_a_session_expires_when_idle_and_after_twelve_hours(
    client: TestClient, clock: Clock
) -> None:
    assert login(client) == 200
    clock.now += timedelta(minutes=29)
    assert client.get("/api/me").status_code == 200
    clock.now += timedelta(minutes=30)
    assert client.get("/api/me").status_code == 401
    assert login(client) == 200
    logged_in = clock.now
    while client.get("/api/me").status_code == 200:  # busy all day: never idle for 30 minutes
        clock.now += timedelta(minutes=29)
        assert clock.now - logged_in < timedelta(hours=13)
    ended = clock.now - logged_in
    assert timedelta(hours=12) <= ended < timedelta(hours=12, minutes=29)


def test_a_user_ends_another_of_their_sessions_and_logs_out(url: str, clock: Clock) -> None:
    with client_for(url, clock) as phone, client_for(url, clock) as laptop:
        assert login(phone) == 200 and login(laptop) == 200
        listed = laptop.get("/api/logins").json()
        assert [s["current"] for s in listed] == [False, True]
        assert laptop.delete(f"/api/logins/{listed[0]['id']}").status_code == 200
        assert phone.get("/api/me").status_code == 401
        assert laptop.delete("/api/session").status_code == 200
        assert laptop.get("/api/me").status_code == 401


def test_a_disabled_account_is_logged_out_at_once(url: str, client: TestClient) -> None:
    assert login(client) == 200
    uow = SqlUnitOfWork.connect(url)
    try:
        accounts.disable(uow, T0, EMAIL)
    finally:
        uow.dispose()
    assert client.get("/api/me").status_code == 401
    assert login(client) == 401


def test_serve_refuses_another_host_without_team_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOOTCORE_DATABASE_URL", f"sqlite:///{tmp_path / 'personal.db'}")
    r = run("serve", "--host", "0.0.0.0", "--allow-host", "club.example")
    assert r.code == 2
    assert "needs team mode" in r.err and len(r.err.strip().splitlines()) == 1
