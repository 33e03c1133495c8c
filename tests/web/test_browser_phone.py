"""A 390 px phone in Chromium: the tabs row shows that more tabs exist (it fades out and a More
button scrolls it), and every chart's text is at least 12 px as the phone shows it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.web.test_browser_player import phone  # noqa: F401  (the fixture)

pytestmark = pytest.mark.browser


def test_the_phone_tabs_show_that_more_exist_and_more_scrolls_to_them(phone: Any) -> None:  # noqa: F811
    from playwright.sync_api import expect

    pg = phone
    pg.goto("/plan")
    nav = pg.get_by_role("navigation", name="Main")
    more = nav.get_by_role("button", name="More tabs")
    expect(more).to_be_visible()
    settings = nav.get_by_role("link", name="Settings")
    box = settings.bounding_box()
    assert box is not None and box["x"] + box["width"] > 390  # out of sight at first
    for _ in range(5):
        if not more.is_visible():
            break
        more.click()
    box = settings.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    expect(more).to_be_hidden()  # the row is at its end


def test_every_chart_text_is_at_least_12_px_on_a_phone(phone: Any) -> None:  # noqa: F811
    pg = phone
    pg.goto("/progress")
    charts = pg.locator("img.chart")
    assert charts.count() == 4
    for i in range(charts.count()):
        img = charts.nth(i)
        img.scroll_into_view_if_needed()
        pg.wait_for_function("(i) => i.complete && i.naturalWidth > 0", arg=img.element_handle())
        svg = pg.request.get(img.get_attribute("src") or "").text()
        view_box = re.search(r'viewBox="0 0 ([\d.]+)', svg)
        assert view_box is not None, svg[:300]
        view_width = float(view_box.group(1))
        sizes = [float(s) for s in re.findall(r"font(?:-size)?:[^;\"]*?([\d.]+)px", svg)]
        shown = (img.bounding_box() or {"width": 0})["width"]
        assert sizes and shown > 300, (img.get_attribute("src"), svg[:300], shown)
        assert min(sizes) * shown / view_width >= 12, (img.get_attribute("src"), min(sizes))
