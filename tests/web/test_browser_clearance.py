"""In a real browser (Debian's Chromium, Playwright, the real server): the plan page carries the
evidence summary; a check-in records morning stiffness; a red-flag pause is lifted only with the
name and role of who cleared it, which the progress page then shows."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.web.test_browser import (  # noqa: F401  (the fixtures)
    assert_labelled,
    create_runner,
    page,
)

pytestmark = pytest.mark.browser
BY = "A. Lee, physiotherapist"


def test_the_plan_stiffness_and_a_named_clearance_in_the_browser(
    page: Any,  # noqa: F811
    request: pytest.FixtureRequest,
) -> None:
    from playwright.sync_api import expect

    create_runner(request.node.base_url)
    page.goto("/plan")
    summary = page.locator("section.evidence")
    expect(summary.get_by_role("heading")).to_have_text(
        "What the trials say about foot-strength training"
    )
    expect(summary).to_contain_text("Taddei et al. 2020 (grade A)")
    expect(summary).to_contain_text("Leppänen et al. 2024 (grade A)")

    page.goto("/checkin")
    assert_labelled(page)
    page.get_by_role("group", name=re.compile("^Pain on getting up")).get_by_label(
        "1", exact=True
    ).check()
    page.get_by_role("group", name=re.compile("^Stiffness on getting up")).get_by_label(
        "4", exact=True
    ).check()
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_role("status")).to_contain_text("morning pain 1/10, stiffness 4/10")

    page.goto("/checkin")
    page.get_by_role("group", name=re.compile("^Pain on getting up")).get_by_label(
        "2", exact=True
    ).check()
    page.get_by_label("Where").select_option("heel")
    page.locator("details summary").click()
    page.locator("input[name='symptoms']").first.check()
    page.get_by_role("button", name="Check in").click()
    page.goto("/today")
    expect(page.get_by_role("heading", name="Your program is paused")).to_be_visible()
    assert_labelled(page)
    page.get_by_label("A clinician has cleared me to train").check()
    page.get_by_label("Who cleared you (name, role)").fill(BY)
    page.get_by_role("button", name="Resume my program").click()
    expect(page.get_by_role("status")).to_contain_text(f"Cleared by {BY}")
    page.goto("/progress")
    expect(page.locator(".clearance")).to_contain_text(f"by {BY}.")
    # The red-flag check-in answers 409 on purpose (the program pauses); nothing else may fail.
    assert [p for p in page.watch.problems if "409 (Conflict)" not in p] == []
