"""The whole product in a real browser: Debian's Chromium, driven by Playwright, against the real
server (`footcore serve`) on a fresh database, on a phone and on a desktop viewport.

onboarding -> assessment (a running timer, instant scoring) -> plan -> today's session (a hold
timer counted down to its beep, per-side counters, effort and pain) -> check-in -> a progress
chart. A failing test leaves a screenshot and the page's HTML in test-artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.clock import noon
from tests.factories import example_profile
from tests.synthetic import Track, write_activity
from tests.web.browser import ARTIFACTS, served

# one worker runs them all: one Chromium, and the module-scoped browser is launched once
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

VIEWPORTS: dict[str, dict[str, Any]] = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Watch:
    """What the page did that it should not: console errors (CSP violations among them),
    uncaught exceptions, and requests to any origin but the app's own."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.problems: list[str] = []

    def console(self, msg: Any) -> None:
        if msg.type == "error":
            self.problems.append(f"console: {msg.text}")

    def request(self, req: Any) -> None:
        if not req.url.startswith((self.base, "data:", "blob:")):
            self.problems.append(f"third-party request: {req.url}")


@pytest.fixture(params=list(VIEWPORTS))
def page(
    request: pytest.FixtureRequest, browser: Any, tmp_path: Path, today: date
) -> Iterator[Any]:
    with served(tmp_path, today) as base:
        request.node.base_url = base
        context = browser.new_context(base_url=base, **VIEWPORTS[request.param])
        pg = context.new_page()
        pg.set_default_timeout(30_000)  # waits, not limits: a loaded 2-core machine is slow
        watch = Watch(base)
        pg.on("console", watch.console)
        pg.on("pageerror", lambda exc: watch.problems.append(f"page error: {exc}"))
        pg.on("request", watch.request)
        pg.clock.install(time=noon(today))  # the page's clock is pinned as the server's
        pg.watch = watch
        yield pg
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
            pg.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=True)
            (ARTIFACTS / f"{stem}.html").write_text(pg.content(), encoding="utf-8")
        context.close()


# Every visible control must have a name a screen reader can read out.
UNLABELLED = """() => Array.from(document.querySelectorAll(
    'input:not([type=hidden]), select, textarea, button'))
  .filter(el => el.offsetParent !== null)
  .filter(el => el.tagName === 'BUTTON'
    ? !el.textContent.trim() && !el.getAttribute('aria-label')
    : !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
  .map(el => el.name || el.id || el.outerHTML.slice(0, 80))"""


def assert_labelled(pg: Any) -> None:
    assert pg.evaluate(UNLABELLED) == [], pg.url


def visible_step(pg: Any, selector: str) -> Any:
    steps = pg.locator(f"{selector}:visible")
    assert steps.count() == 1, "one step at a time"
    return steps.first


def onboard(pg: Any) -> None:
    from playwright.sync_api import expect

    pg.goto("/")
    expect(pg).to_have_url(re.compile(r"/onboarding$"))
    pg.get_by_label("Age", exact=True).fill("34")
    pg.get_by_label("Sex (for the norms)").select_option("female")
    pg.get_by_label("Kilometres a week").fill("40")
    pg.get_by_label("Runs a week").fill("4")
    pg.get_by_label("Long-run day").select_option("sun")
    days = pg.get_by_role("group", name="Days you can train")
    for day in DAYS:
        days.get_by_label(day).check()
    gear = pg.get_by_role("group", name=re.compile("^Equipment you have"))
    gear.get_by_label("A small towel").check()
    gear.get_by_label("A resistance band").check()
    assert_labelled(pg)
    pg.get_by_role("button", name="Continue to the assessment").click()


def assess(pg: Any) -> None:
    from playwright.sync_api import expect

    expect(pg.get_by_role("heading", name="About you")).to_be_visible()
    pg.get_by_role("button", name="Next test").click()
    assert_labelled(pg)
    stance = visible_step(pg, "[data-step]")
    expect(stance.get_by_role("heading")).to_contain_text("Single-leg stance, eyes open")
    # The left-foot timer counts down; stopping it writes the time held into the result.
    stance.get_by_role("button", name="Start left timer").click()
    pg.clock.run_for(3000)
    expect(stance.locator("[data-timer]").first).to_have_attribute("data-state", "running")
    # The page's clock runs on while the test talks to it: allow a second of slack.
    expect(stance.locator("[data-remaining]").first).to_have_text(re.compile(r"^4[12]$"))
    stance.get_by_role("button", name="Stop").first.click()
    expect(stance.locator("#single_leg_stance_eyes_open_s_left")).to_have_value(
        re.compile(r"^[34](\.\d)?$")
    )
    right = stance.locator("#single_leg_stance_eyes_open_s_right")
    right.fill("44")
    right.dispatch_event("change")
    # Instant scoring against the norm for a 34-year-old woman.
    score = stance.locator("[data-score]")
    expect(score).to_contain_text(re.compile(r"Left: [34](\.\d)? s, below"))
    expect(score).to_contain_text("norm")
    values = {"number": ("18", "20"), "pass_fail": ("pass", "pass"), "boolean": ("yes", "no")}
    while pg.get_by_role("button", name="Next test").is_visible():
        pg.get_by_role("button", name="Next test").click()
        step = visible_step(pg, "[data-step]")
        test, kind = step.get_attribute("data-test"), step.get_attribute("data-kind")
        for side, value in zip(("left", "right"), values[str(kind)], strict=True):
            name = f"{test}_{side}"
            if kind == "number":
                step.locator(f"#{name}").fill(value)
            else:
                step.locator(f"input[name='{name}'][value='{value}']").check()
        step.locator("input").first.dispatch_event("change")
        expect(step.locator("[data-score]")).not_to_be_empty()
    pg.get_by_role("button", name="Save and make my plan").click()


def check_plan(pg: Any) -> None:
    from playwright.sync_api import expect

    expect(pg).to_have_url(re.compile(r"/plan\?welcome=1$"))
    expect(pg.get_by_role("status")).to_contain_text("Your plan is ready")
    expect(pg.locator("details.week")).to_have_count(24)
    expect(pg.locator(".badge-light").first).to_be_attached()
    expect(pg.locator(".badge-retest").first).to_be_attached()
    this_week = pg.locator("details.week.current")
    expect(this_week).to_have_attribute("open", "")
    expect(this_week.locator(".day").first).to_be_visible()


def show_step(pg: Any, index: int) -> Any:
    """Tap Next (or Previous) until exercise `index` (0-based) of the player is the one shown."""
    while True:
        shown_id = str(visible_step(pg, "[data-exercise]").get_attribute("id"))
        shown = int(shown_id.removeprefix("ex-"))
        if shown == index:
            return pg.locator(f"#ex-{index}")
        name = "Next exercise" if shown < index else "Previous"
        pg.get_by_role("button", name=name, exact=True).click()


def play_session(pg: Any) -> None:
    from playwright.sync_api import expect

    pg.get_by_role("navigation", name="Main").get_by_role("link", name="Today").click()
    expect(pg.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    first = visible_step(pg, "[data-exercise]")
    expect(first.get_by_role("heading")).to_contain_text("Exercise 1 of")
    # The next exercise is one tap away, without scrolling.
    nxt = pg.get_by_role("button", name="Next exercise")
    box, height = nxt.bounding_box(), pg.viewport_size["height"]
    assert box is not None and box["y"] + box["height"] <= height
    assert_labelled(pg)
    # Which exercise has what comes from the day's JSON (the planner lays out each weekday
    # differently): the first done on each side gets the per-side counters, the first held gets
    # the hold timer. The clock is pinned, so the day is always the same.
    items = pg.request.get("/api/today").json()["items"]
    sided = next((i for i, item in enumerate(items) if item["per_side"]), None)
    held = next((i for i, item in enumerate(items) if item["hold_s"]), None)
    assert sided is not None and held is not None, f"today's session lacks one: {items}"
    step = show_step(pg, sided)
    step.get_by_role("button", name="One more: sets done, left").click()
    step.get_by_role("button", name="One more: sets done, right").click()
    step.get_by_label("Effort (RPE 0-10)").select_option("3")
    step = show_step(pg, held)
    timer = step.locator("[data-timer]").first
    seconds = int(timer.get_attribute("data-seconds") or "0")
    assert seconds == items[held]["hold_s"]
    counted = step.locator(f"input[name='{timer.get_attribute('data-count-into')}']")
    sets_before = int(counted.input_value())
    timer.get_by_role("button", name=re.compile("^Start hold")).click()
    pg.clock.run_for(2000)
    expect(timer).to_have_attribute("data-state", "running")
    expect(timer.locator("[data-remaining]")).to_have_text(
        re.compile(f"^({seconds - 2}|{seconds - 3})$")
    )
    beeps_before = int(pg.locator("html").get_attribute("data-beeps") or "0")
    pg.clock.run_for(seconds * 1000)
    expect(timer).to_have_attribute("data-state", "finished")
    expect(timer.locator("[data-remaining]")).to_have_text("0")
    assert int(pg.locator("html").get_attribute("data-beeps") or "0") > beeps_before
    # A hold held to the end counts one set on its side.
    expect(counted).to_have_value(str(sets_before + 1))
    expect(counted.locator("xpath=..").locator("output")).to_have_text(str(sets_before + 1))
    step.get_by_label("Effort (RPE 0-10)").select_option("5")
    step.get_by_label("Pain during it (0-10)").select_option("1")
    step.get_by_label("Where it hurt").select_option("arch")
    while not pg.get_by_role("button", name="Save session").is_visible():
        nxt.click()
    pg.get_by_role("button", name="Save session").click()
    expect(pg.get_by_role("heading", name="Session logged")).to_be_visible()
    expect(pg.get_by_role("status")).to_contain_text("logged")


def check_in(pg: Any) -> None:
    from playwright.sync_api import expect

    pg.get_by_role("link", name="Morning check-in").click()
    assert_labelled(pg)
    pg.get_by_role("group", name=re.compile("^Pain on getting up")).get_by_label(
        "1", exact=True
    ).check()
    pg.get_by_role("button", name="Check in").click()
    expect(pg.get_by_role("status")).to_contain_text("morning pain 1/10")


def see_progress(pg: Any) -> None:
    from playwright.sync_api import expect

    pg.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    expect(pg.get_by_role("heading", name="Progress", exact=True)).to_be_visible()
    chart = pg.locator("#chart-adherence img.chart")
    chart.scroll_into_view_if_needed()
    expect(chart).to_be_visible()
    pg.wait_for_function(
        "() => { const i = document.querySelector('#chart-adherence img');"
        " return i.complete && i.naturalWidth > 0; }"
    )
    pain = pg.locator("#chart-pain")
    pain.get_by_text("The numbers").click()
    expect(pain.locator("tbody")).to_contain_text("1")
    pg.get_by_role("link", name="API").click()
    expect(pg.locator("#docs-status")).to_contain_text("endpoints")
    expect(pg.locator("details.endpoint").first).to_be_visible()


def test_a_runner_goes_from_onboarding_to_a_progress_chart(page: Any) -> None:
    onboard(page)
    assess(page)
    check_plan(page)
    play_session(page)
    check_in(page)
    see_progress(page)
    assert page.watch.problems == []


def create_runner(base: str) -> None:
    """A stored runner made through the API, for flows that do not start at onboarding."""

    import httpx

    with httpx.Client(base_url=base) as c:
        token = c.get("/api/csrf").json()["token"]
        profile = example_profile()
        r = c.post("/api/athlete", json={"profile": profile}, headers={"X-CSRF-Token": token})
        assert r.status_code == 201, r.text


def test_runs_upload_with_progress_then_load_and_shoes(
    page: Any, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    create_runner(request.node.base_url)
    page.goto("/runs")
    assert_labelled(page)
    old = datetime(2013, 2, 6, 12, 11, tzinfo=UTC)  # long before today: no spike
    gpx = write_activity(tmp_path / "korita.gpx", Track(start=old - timedelta(days=30), km=6))
    fit = write_activity(tmp_path / "forerunner.fit", Track(start=old, km=4.84, minutes=43.75))
    page.get_by_label(re.compile("^Files")).set_input_files([str(gpx), str(fit)])
    page.get_by_role("button", name="Upload").click()
    status = page.locator("[data-upload-status]")
    expect(status).to_contain_text("Imported 2 run(s)")
    expect(page.locator("progress")).to_be_visible()
    assert page.locator("progress").evaluate("p => p.value") == 100
    expect(page.locator("[data-upload-results]")).to_contain_text(gpx.name)
    page.get_by_label("Distance (km)").fill("8")
    page.get_by_label("Minutes", exact=True).fill("45")
    page.get_by_role("button", name="Add the run").click()
    expect(page.locator(".done[role=status]")).to_contain_text("Stored the run")
    expect(page.locator("table tbody tr")).to_have_count(3)
    page.get_by_role("link", name="Running load and spikes").click()
    expect(page.get_by_role("heading", name="Running load")).to_be_visible()
    page.wait_for_function(
        "() => { const i = document.querySelector('img.chart');"
        " return i.complete && i.naturalWidth > 0; }"
    )
    page.get_by_role("link", name="Shoes", exact=True).first.click()
    assert_labelled(page)
    page.get_by_label("Name", exact=True).fill("Pegasus")
    page.get_by_role("button", name="Add the pair").click()
    expect(page.get_by_role("status")).to_contain_text("Added Pegasus")
    assert page.watch.problems == []
