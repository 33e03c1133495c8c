"""The session player's picture in a real browser (Debian's Chromium) at a phone's 390 px and a
desktop's 1280 px: the exercise's picture sits beside its timer on a wide screen and above it on a
phone, its captions stay readable, and the step it marks as current follows the timer."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

# The browser tests' served app per viewport (Chromium is tests/web/conftest.py's), shared as it is;
# pytest knows a fixture by the name it has here, hence the plain import and the noqa marks.
from tests.factories import example_profile
from tests.web.test_browser import page  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# The caption's size in a step's own units, and the smallest size a person reads on a phone.
CAPTION_FONT = "19"
READABLE_PX = 12.0


def runner_six_days_in(base: str, today: date) -> None:
    """A runner whose plan began six days ago, so today is a session day with a timed hold."""
    with httpx.Client(base_url=base) as c:
        token = c.get("/api/csrf").json()["token"]
        body = {"profile": example_profile(), "start": (today - timedelta(days=6)).isoformat()}
        r = c.post("/api/athlete", json=body, headers={"X-CSRF-Token": token})
        assert r.status_code == 201, r.text


def current_step(stage: Any) -> list[int]:
    """The 1-based numbers of the steps marked current (one, when the script runs)."""
    marks: list[int] = stage.locator("figure.picture svg").evaluate_all(
        "svgs => svgs.flatMap((s, j) => s.getAttribute('aria-current') === 'step' ? [j + 1] : [])"
    )
    return marks


def test_the_player_sets_the_picture_beside_the_timer_and_follows_the_hold(
    page: Any,  # noqa: F811
    request: pytest.FixtureRequest,
    today: date,
) -> None:
    from playwright.sync_api import expect

    runner_six_days_in(request.node.base_url, today)
    page.goto("/today")
    step = page.locator("[data-exercise]:visible").first
    nxt = page.get_by_role("button", name="Next exercise")
    while step.locator("[data-timer]").count() == 0:
        assert nxt.is_visible(), "today's session has no timed hold to follow"
        nxt.click()
        step = page.locator("[data-exercise]:visible").first
    stage = step.locator("[data-stage]")
    figure = stage.locator("figure.picture")
    timer = step.locator("[data-timer]").first
    expect(figure.locator("svg").first).to_be_visible()
    steps = figure.locator("svg").count()
    assert 2 <= steps <= 4

    pic, clock = figure.bounding_box(), timer.bounding_box()
    assert pic is not None and clock is not None
    width = page.viewport_size["width"]
    assert pic["x"] >= 0 and pic["x"] + pic["width"] <= width + 1  # no sideways scrolling
    if width >= 1024:
        # Beside the timer: one side of the other, on the same rows of the page, never over it.
        assert pic["x"] + pic["width"] <= clock["x"] or clock["x"] + clock["width"] <= pic["x"]
        assert pic["y"] < clock["y"] + clock["height"] and clock["y"] < pic["y"] + pic["height"]
    else:
        assert pic["y"] + pic["height"] <= clock["y"]
    smallest = figure.evaluate(
        """(f, size) => Math.min(...Array.from(f.querySelectorAll('svg')).flatMap(svg =>
             Array.from(svg.querySelectorAll(`text[font-size="${size}"]`))
               .map(t => t.getBoundingClientRect().height)))""",
        CAPTION_FONT,
    )
    assert smallest >= READABLE_PX, f"a caption line renders {smallest:.1f} px high"

    # Before the timer starts the start position is current; the hold runs on the held pose
    # (the last step); stopped, the picture is back at the start for the next set.
    assert current_step(stage) == [1]
    outline = figure.locator("svg[aria-current]").evaluate("s => getComputedStyle(s).outlineStyle")
    assert outline == "solid"
    timer.get_by_role("button", name="Start hold", exact=False).click()
    expect(timer).to_have_attribute("data-state", "running")
    assert current_step(stage) == [steps]
    page.clock.run_for(1500)
    timer.get_by_role("button", name="Stop").click()
    expect(timer).to_have_attribute("data-state", "stopped")
    assert current_step(stage) == [1]
    assert page.watch.problems == []


def test_without_the_script_the_player_shows_every_step_unmarked(
    browser: Any,
    page: Any,  # noqa: F811
    request: pytest.FixtureRequest,
    today: date,
) -> None:
    runner_six_days_in(request.node.base_url, today)
    context = browser.new_context(base_url=request.node.base_url, java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto("/today")
        figures = pg.locator("[data-stage] figure.picture")
        assert figures.count() >= 2
        svgs = figures.first.locator("svg")
        for k in range(svgs.count()):
            box = svgs.nth(k).bounding_box()
            assert box is not None and box["width"] > 100
        assert pg.locator("[data-stage] svg[aria-current]").count() == 0
    finally:
        context.close()
