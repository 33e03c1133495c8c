"""A coach moves an athlete's retest from the athlete's page in a real browser (Debian's
Chromium, Playwright); then the athlete logs in and reads the move and its reason on the plan.
A failure leaves a screenshot in test-artifacts/."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from tests.integration.test_roster import TODAY
from tests.web.browser import ARTIFACTS
from tests.web.test_browser_coach import log_in, team

pytestmark = pytest.mark.browser
__all__ = ["team"]  # the fixture of the coach's day, shared


def test_a_coach_moves_the_retest_and_the_athlete_reads_why(
    team: dict[str, Any], browser: Any
) -> None:
    from playwright.sync_api import expect

    coach = browser.new_context(base_url=team["base"]).new_page()
    coach.set_default_timeout(15_000)
    try:
        log_in(coach, "coach@club.example")
        expect(coach).to_have_url(re.compile(r"/roster$"))
        plan = coach.request.get("/api/plan?athlete=ana").json()
        old = next(w["start"] for w in plan["weeks"] if w["retest"] and w["start"] > str(TODAY))
        later = (date.fromisoformat(old) + timedelta(days=7)).isoformat()
        coach.goto("/coach/athlete?athlete=ana")
        coach.get_by_label("Move the next retest to the week of").fill(later)
        coach.get_by_label("Why it moves (the athlete sees it)").fill("race on Sunday")
        coach.get_by_role("button", name="Move the retest").click()
        expect(coach.get_by_role("status")).to_have_text("Retest moved.")

        athlete = browser.new_context(base_url=team["base"]).new_page()
        athlete.set_default_timeout(15_000)
        log_in(athlete, "ana@club.example")
        athlete.goto("/plan")
        expect(
            athlete.get_by_text(
                f"changed by your coach: retest moved to the week from {later} (race on Sunday)"
            ).first
        ).to_be_visible()
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        coach.screenshot(path=str(ARTIFACTS / "coach_retest.png"), full_page=True)
        raise
