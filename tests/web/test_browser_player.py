"""The session player in a real browser (Chromium at 390 px): a hold stopped early is a set done
at the seconds held, both sides done are both logged, and a rest timer runs between sets. The
page's clock is Playwright's, pinned like the server's (no sleeps); the session's day is explicit:
the first day of the plan's JSON, up to today, that holds a timed exercise on each side."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.clock import noon
from tests.factories import example_profile
from tests.web.browser import first_day_with, served

pytestmark = pytest.mark.browser
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}


def sided_hold(item: dict[str, Any]) -> bool:
    return bool(item["per_side"] and item["hold_s"])


@pytest.fixture
def phone(browser: Any, tmp_path: Path, today: date) -> Iterator[Any]:
    # The plan starts on the Monday a week before today's week: every weekday of it lies on or
    # before today, so whichever day holds a timed exercise can be played and logged.
    start = today - timedelta(days=today.weekday() + 7)
    with served(tmp_path, today) as base:
        with httpx.Client(base_url=base) as c:
            token = c.get("/api/csrf").json()["token"]
            profile = example_profile()
            body = {"profile": profile, "start": start.isoformat(), "weeks": 8}
            r = c.post("/api/athlete", json=body, headers={"X-CSRF-Token": token})
            assert r.status_code == 201, r.text
            plan = c.get("/api/plan").json()
        context = browser.new_context(base_url=base, **PHONE)
        pg = context.new_page()
        pg.set_default_timeout(10_000)
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.clock.install(time=noon(today))
        pg.errors = errors
        pg.hold_day = first_day_with(plan, sided_hold, until=today)
        yield pg
        context.close()


def test_a_hold_stopped_early_is_logged_as_held_with_a_rest_between_sets(phone: Any) -> None:
    from playwright.sync_api import expect

    pg = phone
    pg.goto(f"/today?day={pg.hold_day.isoformat()}")
    nxt = pg.get_by_role("button", name="Next exercise")
    step = pg.locator("[data-exercise]:visible").first
    while step.locator("[data-timer][data-count-into$='_left']").count() == 0:
        nxt.click()
        step = pg.locator("[data-exercise]:visible").first
    left, right = step.locator("[data-timer]").nth(0), step.locator("[data-timer]").nth(1)
    seconds = int(left.get_attribute("data-seconds") or "0")
    sets_left = step.locator("input[name$='_left'][name^='sets_']")
    # The left hold runs to its end: one set, then the rest between sets counts down.
    left.get_by_role("button", name="Start hold (left)").click()
    pg.clock.run_for((seconds + 1) * 1000)
    expect(left).to_have_attribute("data-state", "finished")
    expect(sets_left).to_have_value("1")
    rest = step.locator("[data-rest-timer]")
    expect(rest).to_be_visible()
    total = int(rest.get_attribute("data-seconds") or "0")
    pg.clock.run_for(2000)
    expect(rest.locator("[data-rest-left]")).to_have_text(
        re.compile(f"^({total - 2}|{total - 3})$")
    )
    rest.get_by_role("button", name="Skip the rest").click()
    expect(rest).to_be_hidden()
    # The right hold is stopped after 2 s: a set done at 2 s, not the prescribed time.
    right.get_by_role("button", name="Start hold (right)").click()
    pg.clock.run_for(2300)
    right.get_by_role("button", name="Stop").click()
    expect(step.locator("input[name$='_right'][name^='sets_']")).to_have_value("1")
    expect(step.locator("input[name$='_right'][name^='amount_']")).to_have_value("2")
    step.get_by_label("Effort (RPE 0-10)").select_option("4")
    while not pg.get_by_role("button", name="Save session").is_visible():
        nxt.click()
    pg.get_by_role("button", name="Save session").click()
    expect(pg.get_by_role("heading", name="Session logged")).to_be_visible()
    done = pg.locator("main").inner_text()
    assert re.search(rf"\(left side\): 1 × {seconds} s", done), done
    assert "(right side): 1 × 2 s" in done
    assert "only the left side" not in done
    assert pg.errors == []
