"""Fixtures of the web tests: an app per test on a throwaway database, and clients for it."""

from __future__ import annotations

import warnings
from collections.abc import Generator, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from footcore.entrypoints.http import WebSettings, create_app
from tests.databases import SqliteTemplate
from tests.web.browser import CHROMIUM, CHROMIUM_ARGS

with warnings.catch_warnings():
    # Starlette asks for the httpx2 package; the locked httpx still works for the test client.
    warnings.simplefilter("ignore")
    # Re-exported: the web tests take the client class from here, after the warning is silenced.
    from fastapi.testclient import TestClient as TestClient

TODAY = date(2026, 11, 16)  # a Monday
HOSTS = ("testserver", "127.0.0.1", "localhost")


def make_client(settings: WebSettings, csrf: bool = True) -> TestClient:
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    if csrf:
        token = client.get("/api/csrf").json()["token"]
        client.headers["X-CSRF-Token"] = token
    return client


@pytest.fixture(autouse=True)
def _own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No web test may touch the user's own footcore folder or database."""
    monkeypatch.setenv("FOOTCORE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("FOOTCORE_DATABASE_URL", raising=False)


@pytest.fixture
def settings(tmp_path: Path, sqlite_template: SqliteTemplate) -> WebSettings:
    return WebSettings(
        database_url=sqlite_template.copy_to(tmp_path / "footcore.db"),
        allowed_hosts=HOSTS,
        today=lambda: TODAY,
    )


@pytest.fixture
def client(settings: WebSettings) -> Iterator[TestClient]:
    with make_client(settings) as c:
        yield c


@pytest.fixture
def app_client(database_url: str) -> Iterator[TestClient]:
    """A client of an app on a fresh database of each backend (SQLite, PostgreSQL)."""
    settings = WebSettings(database_url=database_url, allowed_hosts=HOSTS, today=lambda: TODAY)
    with make_client(settings) as c:
        yield c


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, one per test module (the browser tests')."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def bare_client(settings: WebSettings) -> Iterator[TestClient]:
    """A client that has no CSRF token yet."""
    with make_client(settings, csrf=False) as c:
        yield c


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember each phase's report on the item, so fixtures can see whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report
