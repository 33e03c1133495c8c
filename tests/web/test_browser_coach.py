"""A coach's day in a real browser (Debian's Chromium, Playwright) against a real uvicorn server
in this process, its calendar and clock pinned: the coach logs in, opens the roster and an
athlete, acknowledges a pain alert and swaps an exercise with a reason; then the athlete logs in
and sees the change in their session. A failure leaves a screenshot in test-artifacts/."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from footcore.adapters.secrets_kit import PasswordHasher
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.adapters.team_file import team_policy
from footcore.bootstrap import knowledge
from footcore.domain.accounts import Access, Role
from footcore.entrypoints.http import WebSettings, create_app
from footcore.services import accounts, training
from tests.clock import noon
from tests.integration.test_roster import TODAY, new_runner
from tests.web.browser import ARTIFACTS, free_port

pytestmark = pytest.mark.browser

NOW = datetime(2026, 11, 16, 12, 0)
PW = "a long team passphrase 42"


@pytest.fixture
def team(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """The seeded team database served on a free loopback port; yields what the test needs."""
    url = f"sqlite:///{tmp_path / 'team.db'}"
    uow = SqlUnitOfWork.connect(url)
    try:
        new_runner(uow, "ana")
        training.checkin(uow, "ana", TODAY - timedelta(days=1), 8, "", [], TODAY)
        day = next(
            TODAY + timedelta(days=n)
            for n in range(1, 14)
            if training.day(uow, "ana", TODAY + timedelta(days=n), TODAY).items
        )
        slot = training.day(uow, "ana", day, TODAY).items[0].exercise
        hasher, policy = PasswordHasher(), team_policy()
        accounts.add_account(uow, hasher, policy, NOW, "coach@club.example", Role.COACH, None, PW)
        accounts.add_account(uow, hasher, policy, NOW, "ana@club.example", Role.ATHLETE, "ana", PW)
        accounts.grant(uow, NOW, "coach@club.example", "ana", Access.EDIT)
    finally:
        uow.dispose()
    port = free_port()
    settings = WebSettings(
        database_url=url,
        allowed_hosts=("127.0.0.1",),
        today=lambda: TODAY,
        now=lambda: NOW,
    )
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    target = next(e for e in sorted(knowledge().catalog.exercises) if e != slot)
    try:
        yield {"base": f"http://127.0.0.1:{port}", "day": day, "slot": slot, "target": target}
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def log_in(pg: Any, email: str) -> None:
    pg.goto("/")
    pg.wait_for_url(re.compile(r"/login\?next="))
    pg.get_by_label("Email").fill(email)
    pg.get_by_label("Password", exact=True).fill(PW)
    pg.get_by_role("button", name="Log in").click()


def test_a_coachs_day_and_the_athlete_sees_the_change(
    team: dict[str, Any], browser: Any, request: pytest.FixtureRequest
) -> None:
    from playwright.sync_api import expect

    coach = browser.new_context(base_url=team["base"]).new_page()
    coach.set_default_timeout(15_000)
    coach.clock.install(time=noon(TODAY))  # the pages' clocks are pinned as the server's
    try:
        log_in(coach, "coach@club.example")
        expect(coach).to_have_url(re.compile(r"/roster$"))
        row = coach.get_by_role("row", name=re.compile("ana"))
        expect(row).to_contain_text("pain (critical)")
        coach.get_by_role("link", name="ana").click()
        expect(coach.get_by_text("pain 8/10")).to_be_visible()
        alert = coach.locator("section.alert")
        alert.get_by_label("Why").fill("phoned her, resting two days")
        alert.get_by_role("button", name="Acknowledge").click()
        expect(coach.get_by_role("status")).to_have_text("Acknowledged.")
        expect(coach.get_by_text("No open alerts.")).to_be_visible()
        coach.get_by_label("Exercise").select_option(team["slot"])
        coach.get_by_label("Swap for").select_option(team["target"])
        coach.get_by_label("Why (the athlete sees it)").fill("sore big toe")
        coach.get_by_role("button", name="Swap").click()
        expect(coach.get_by_role("status")).to_have_text("Changed from tomorrow.")
        expect(coach.get_by_text("sore big toe")).to_be_visible()

        athlete = browser.new_context(base_url=team["base"]).new_page()
        athlete.set_default_timeout(15_000)
        athlete.clock.install(time=noon(TODAY))
        log_in(athlete, "ana@club.example")
        expect(athlete).to_have_url(re.compile(r"/today$"))
        athlete.goto(f"/today?day={team['day'].isoformat()}")
        assert "changed by your coach:" in athlete.content()
        assert "(sore big toe)" in athlete.content()
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        coach.screenshot(path=str(ARTIFACTS / "coach_day.png"), full_page=True)
        (ARTIFACTS / "coach_day.html").write_text(coach.content(), encoding="utf-8")
        raise
