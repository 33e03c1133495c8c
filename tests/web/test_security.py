"""Safe by default: CSRF on every unsafe method, body limits, host check, headers, no traces."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from footcore.entrypoints.http import WebSettings, create_app
from footcore.entrypoints.http.security.csrf import COOKIE
from tests.web.conftest import HOSTS, TestClient, make_client

SCREEN: dict[str, list[str]] = {"symptoms": []}


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/health", "/static/app.css", "/nope", "/api/nope"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert "camera=()" in headers["permissions-policy"]


def test_pages_and_api_answers_are_never_cached(client: TestClient) -> None:
    assert client.get("/api/health").headers["cache-control"] == "no-store"
    assert client.get("/library").headers["cache-control"] == "no-store"


def test_pages_load_nothing_from_another_origin(client: TestClient) -> None:
    for path in ("/", "/library", "/assess", "/plan/preview", "/screen", "/api/docs", "/learn"):
        html = client.get(path).text
        assert not re.search(r"(src|href)=\"(https?:)?//", html), path


def test_a_post_without_a_token_is_refused(bare_client: TestClient) -> None:
    r = bare_client.post("/api/screen", json=SCREEN)
    assert r.status_code == 403
    assert "X-CSRF-Token" in r.json()["error"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_every_unsafe_method_needs_the_token(bare_client: TestClient, method: str) -> None:
    r = bare_client.request(method.upper(), "/api/screen", json=SCREEN)
    assert r.status_code == 403


def test_a_forged_or_tampered_token_is_refused(bare_client: TestClient) -> None:
    token = bare_client.get("/api/csrf").json()["token"]
    for bad in ("forged", token[:-2] + "xx", token + "x"):
        r = bare_client.post("/api/screen", json=SCREEN, headers={"X-CSRF-Token": bad})
        assert r.status_code == 403, bad


def test_a_token_from_another_app_is_refused(settings: WebSettings) -> None:
    other = make_client(WebSettings(database_url=settings.database_url, allowed_hosts=HOSTS))
    token = other.get("/api/csrf").json()["token"]
    mine = make_client(settings, csrf=False)
    r = mine.post("/api/screen", json=SCREEN, headers={"X-CSRF-Token": token})
    assert r.status_code == 403


def test_the_header_must_match_the_cookie_when_there_is_one(bare_client: TestClient) -> None:
    first = bare_client.get("/api/csrf").json()["token"]
    bare_client.cookies.clear()
    second = bare_client.get("/api/csrf").json()["token"]  # the cookie now holds `second`
    assert first != second
    assert (
        bare_client.post("/api/screen", json=SCREEN, headers={"X-CSRF-Token": first}).status_code
        == 403
    )
    assert (
        bare_client.post("/api/screen", json=SCREEN, headers={"X-CSRF-Token": second}).status_code
        == 200
    )


def test_a_script_without_cookies_passes_with_the_header_alone(settings: WebSettings) -> None:
    c = make_client(settings, csrf=False)
    token = c.get("/api/csrf").json()["token"]
    c.cookies.clear()
    assert c.post("/api/screen", json=SCREEN, headers={"X-CSRF-Token": token}).status_code == 200


def test_a_form_post_needs_the_hidden_field_matching_the_cookie(bare_client: TestClient) -> None:
    page = bare_client.get("/screen").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    ok = bare_client.post("/screen", data={"csrf_token": token.group(1)})
    assert ok.status_code == 200 and "No red flags" in ok.text
    no_field = bare_client.post("/screen", data={"symptoms": "fever"})
    assert no_field.status_code == 403
    assert "reload the page" in no_field.text
    bare_client.cookies.clear()
    no_cookie = bare_client.post("/screen", data={"csrf_token": token.group(1)})
    assert no_cookie.status_code == 403


def test_the_cookie_is_strict_and_http_only(bare_client: TestClient) -> None:
    cookie = bare_client.get("/library").headers["set-cookie"]
    assert cookie.startswith(COOKIE + "=")
    assert "SameSite=Strict" in cookie and "HttpOnly" in cookie and "Path=/" in cookie


def test_a_valid_cookie_is_not_set_again(client: TestClient) -> None:
    assert "set-cookie" not in client.get("/library").headers


def test_answers_without_a_form_set_no_cookie(bare_client: TestClient) -> None:
    assert "set-cookie" not in bare_client.get("/api/health").headers
    assert "set-cookie" not in bare_client.get("/api/exercises/ankle_circles").headers


def test_a_declared_body_over_the_limit_gets_413(client: TestClient) -> None:
    r = client.post(
        "/api/screen", content=b"x" * 1_000_001, headers={"content-type": "application/json"}
    )
    assert r.status_code == 413
    assert "over 1 MB" in r.json()["error"]


def test_a_streamed_body_over_the_limit_gets_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b"x" * 100_000

    r = client.post("/api/screen", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_uploads_may_be_larger_than_forms(settings: WebSettings) -> None:
    app = create_app(settings)
    from footcore.entrypoints.http.security.middleware import BodyLimitMiddleware

    # A Middleware unpacks as (class, args, kwargs).
    limits = [kwargs for cls, _, kwargs in app.user_middleware if cls is BodyLimitMiddleware]
    assert limits[0]["limit"] == 1_000_000
    assert limits[0]["upload_limit"] == 60_000_000
    assert "/api/runs/upload" in limits[0]["upload_paths"]


def test_an_unknown_host_is_refused(client: TestClient) -> None:
    r = client.get("/api/health", headers={"host": "evil.example"})
    assert r.status_code == 400
    assert "unknown host" in r.json()["error"]


def test_loopback_hosts_with_ports_are_accepted(client: TestClient) -> None:
    for host in ("127.0.0.1:8000", "localhost:8123"):
        assert client.get("/api/health", headers={"host": host}).status_code == 200


def test_an_internal_error_shows_no_trace(settings: WebSettings) -> None:
    app = create_app(settings)

    def boom() -> None:
        raise RuntimeError("secret detail in /home/someone/footcore.db")

    app.add_api_route("/api/boom", boom)
    app.add_api_route("/boom", boom)
    c = TestClient(app, raise_server_exceptions=False)
    r = c.get("/api/boom")
    assert r.status_code == 500
    assert set(r.json()) == {"error"}
    assert "secret" not in r.text and "Traceback" not in r.text and "RuntimeError" not in r.text
    page = c.get("/boom")
    assert page.status_code == 500 and "text/html" in page.headers["content-type"]
    assert "secret" not in page.text and "Traceback" not in page.text
    assert page.headers["x-frame-options"] == "DENY"


def test_the_swagger_ui_from_a_cdn_is_not_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/static/docs.js" in docs.text
