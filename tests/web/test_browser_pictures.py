"""Pictures in a real browser (Debian's Chromium): the exercise page and the session player show
their pictures, at a phone's 390 px and a desktop's 1280 px, without any CSP complaint."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

# The browser tests' own fixtures (Chromium, and a served app per viewport), shared as they are;
# pytest knows a fixture by the name it has here, hence the plain import and the noqa marks.
from tests.web.test_browser import create_runner, page  # noqa: F401

if TYPE_CHECKING:
    from playwright.sync_api import FloatRect

pytestmark = pytest.mark.browser


def visible_picture(pg: Any, scope: str = "") -> FloatRect:
    from playwright.sync_api import expect

    svg = pg.locator(f"{scope} figure.picture svg").first
    expect(svg).to_be_visible()
    box: FloatRect | None = svg.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 100
    width = pg.viewport_size["width"]
    # It fits the screen: no sideways scrolling on a phone.
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    return box


def test_the_exercise_page_shows_the_picture_on_phone_and_desktop(
    page: Any,  # noqa: F811
) -> None:
    page.goto("/library/short_foot_standing")
    box = visible_picture(page)
    if page.viewport_size["width"] == 390:
        assert box["width"] > 300
    label = page.locator("figure.picture svg").first.get_attribute("aria-labelledby")
    assert label and page.locator(f"#{label.split()[0]}").count() == 1
    assert page.watch.problems == []


def test_the_session_player_shows_the_current_exercises_picture(
    page: Any,  # noqa: F811
    request: pytest.FixtureRequest,
) -> None:
    from playwright.sync_api import expect

    create_runner(request.node.base_url)
    page.goto("/today")
    nxt = page.get_by_role("link", name=re.compile("^Next session"))
    if nxt.count():
        nxt.click()
    first = page.locator("[data-exercise]").first
    expect(first).to_be_visible()
    visible_picture(page, "[data-exercise]:visible")
    assert page.watch.problems == []


def test_the_assessment_wizard_shows_the_tests_picture(
    page: Any,  # noqa: F811
    request: pytest.FixtureRequest,
) -> None:
    create_runner(request.node.base_url)
    page.goto("/assess")
    page.get_by_role("button", name="Next test").click()
    visible_picture(page, "[data-step]:visible")
    assert page.watch.problems == []


def test_a_reader_who_asks_for_less_motion_sees_the_steps_still(
    page: Any,  # noqa: F811
) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.goto("/library/calf_raise")
    visible_picture(page)
    paused = page.evaluate(
        "() => Array.from(document.querySelectorAll('figure.picture svg'))"
        ".map(s => s.animationsPaused())"
    )
    assert paused and all(paused)
    page.emulate_media(reduced_motion="no-preference")
    page.goto("/library/calf_raise")
    moving = page.evaluate(
        "() => Array.from(document.querySelectorAll('figure.picture svg'))"
        ".map(s => s.animationsPaused())"
    )
    assert moving and not any(moving)
