"""The pages without a browser: forms that post without JavaScript, and what a bad form shows."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.web.conftest import TestClient

PROFILE_FORM: dict[str, Any] = {
    "age": "34",
    "sex": "female",
    "weekly_km": "40",
    "runs_per_week": "4",
    "long_run_day": "sun",
    "hard_days": ["tue"],
    "minutes_per_day": "15",
    "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    "equipment": ["towel", "band"],
    "units": "km",
}


def token(c: TestClient, path: str = "/onboarding") -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', c.get(path).text)
    assert found is not None
    return found.group(1)


def onboard(c: TestClient, **extra: Any) -> Any:
    t = token(c)
    step2 = c.post("/onboarding", data={"csrf_token": t, **PROFILE_FORM})
    assert step2.status_code == 200, step2.text
    profile_json = re.search(r'name="profile_json" value="([^"]+)"', step2.text)
    assert profile_json is not None
    import html

    data = {"csrf_token": t, "profile_json": html.unescape(profile_json.group(1)), **extra}
    return c.post("/onboarding/finish", data=data, follow_redirects=False)


def test_the_first_visit_starts_onboarding(bare_client: TestClient) -> None:
    r = bare_client.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/onboarding"
    assert bare_client.get("/today", follow_redirects=False).headers["location"] == "/onboarding"


def test_onboarding_stores_the_runner_with_a_baseline(bare_client: TestClient) -> None:
    r = onboard(
        bare_client,
        date="2026-11-16",
        heel_raise_reps_left="14",
        heel_raise_reps_right="22",
        paper_grip_left="pass",
        toe_yoga_hallux_lift_left="no",
    )
    assert r.status_code == 303 and r.headers["location"] == "/plan?welcome=1"
    plan = bare_client.get("/plan?welcome=1").text
    assert "Your plan is ready" in plan and "lighter week" in plan and "retest" in plan
    assert bare_client.get("/", follow_redirects=False).headers["location"] == "/today"
    assert bare_client.get("/onboarding", follow_redirects=False).status_code == 303


def test_onboarding_can_skip_the_assessment(bare_client: TestClient) -> None:
    assert onboard(bare_client, skip="1").status_code == 303
    assert "No assessment yet" in bare_client.get("/plan").text


def test_a_bad_profile_shows_the_form_again_with_what_to_fix(bare_client: TestClient) -> None:
    r = bare_client.post(
        "/onboarding", data={"csrf_token": token(bare_client), **PROFILE_FORM, "age": "7"}
    )
    assert r.status_code == 422
    assert "runner.age" in r.text and 'value="7"' in r.text


def test_a_red_flag_at_onboarding_stops_with_a_referral(bare_client: TestClient) -> None:
    r = bare_client.post(
        "/onboarding",
        data={"csrf_token": token(bare_client), **PROFILE_FORM, "symptoms": ["cannot_bear_weight"]},
    )
    assert r.status_code == 409
    assert "Please see a clinician first" in r.text and "urgent care" in r.text


def test_a_session_logs_from_the_plain_form(bare_client: TestClient) -> None:
    onboard(bare_client, skip="1")
    page = bare_client.get("/today").text
    assert "Exercise 1 of" in page and "data-timer" in page
    t = token(bare_client, "/today")
    nothing = bare_client.post("/today/log", data={"csrf_token": t, "date": "2026-11-16"})
    assert nothing.status_code == 422 and "at least one set" in nothing.text
    side = "left" if 'name="sets_0_left"' in page else "both"
    done = bare_client.post(
        "/today/log",
        data={
            "csrf_token": t,
            "date": "2026-11-16",
            f"sets_0_{side}": "1",
            "rpe_0": "4",
            "pain_0": "1",
            "area_0": "arch",
        },
    )
    assert done.status_code == 200 and "1 item(s) logged" in done.text
    assert "Logged." in bare_client.get("/today").text


def test_the_check_in_and_a_bad_one(bare_client: TestClient) -> None:
    onboard(bare_client, skip="1")
    t = token(bare_client, "/checkin")
    bad = bare_client.post("/checkin", data={"csrf_token": t})
    assert bad.status_code == 422 and "0-10" in bad.text
    ok = bare_client.post("/checkin", data={"csrf_token": t, "morning_pain": "2"})
    assert "morning pain 2/10" in ok.text


def test_settings_save_and_replan(bare_client: TestClient) -> None:
    onboard(bare_client, skip="1")
    page = bare_client.get("/settings").text
    assert "/calendar/" in page
    t = token(bare_client, "/settings")
    r = bare_client.post(
        "/settings", data={"csrf_token": t, **PROFILE_FORM, "minutes_per_day": "25"}
    )
    assert "Saved: schedule.minutes_per_day" in r.text
    bad = bare_client.post(
        "/settings", data={"csrf_token": t, **PROFILE_FORM, "minutes_per_day": "500"}
    )
    assert bad.status_code == 422 and "minutes_per_day" in bad.text


def test_the_plan_preview_stores_nothing(bare_client: TestClient) -> None:
    t = token(bare_client, "/plan/preview")
    r = bare_client.post("/plan/preview", data={"csrf_token": t, **PROFILE_FORM, "weeks": "8"})
    assert r.status_code == 200 and r.text.count('class="week') == 8
    assert bare_client.get("/", follow_redirects=False).headers["location"] == "/onboarding"


def test_the_anonymous_assessment_scores_against_norms(bare_client: TestClient) -> None:
    t = token(bare_client, "/assess")
    r = bare_client.post(
        "/assess",
        data={
            "csrf_token": t,
            "age": "34",
            "sex": "female",
            "heel_raise_reps_left": "14",
            "heel_raise_reps_right": "22",
        },
    )
    assert r.status_code == 200 and "below" in r.text and "Calf endurance" in r.text
    assert bare_client.post("/assess", data={"csrf_token": t}).status_code == 422


def test_the_library_filters_and_shows_an_exercise(client: TestClient) -> None:
    page = client.get("/library?category=balance&q=single").text
    assert "Single-leg balance" in page
    assert client.get("/library/ankle_circles").status_code == 200
    assert client.get("/library/moonwalk").status_code == 404
    assert client.get("/library?category=yoga").status_code == 422
    learn = client.get("/learn").text
    topic = re.search(r'href="(/learn/[a-z_]+)"', learn)
    assert topic is not None and client.get(topic.group(1)).status_code == 200


def test_runs_and_shoes_work_without_javascript(bare_client: TestClient, tmp_path: Path) -> None:
    from tests.synthetic import Track, write_activity

    onboard(bare_client, skip="1")
    page = bare_client.get("/runs").text
    upload = re.search(r'action="(/runs/upload\?csrf_token=[^"]+)"', page)
    assert upload is not None
    gpx = write_activity(tmp_path / "korita.gpx", Track(start=datetime(2010, 8, 1, 8, tzinfo=UTC)))
    done = bare_client.post(
        upload.group(1).replace("&amp;", "&"), files=[("files", (gpx.name, gpx.read_bytes()))]
    )
    assert done.status_code == 200 and "Imported 1 run(s)" in done.text
    t = token(bare_client, "/runs")
    added = bare_client.post(
        "/runs", data={"csrf_token": t, "distance": "5", "minutes": "30", "date": "2026-11-15"}
    )
    assert "Stored the run of 2026-11-15" in added.text
    assert bare_client.post("/runs", data={"csrf_token": t}).status_code == 422
    assert "Running load" in bare_client.get("/load").text
    shoes = bare_client.post("/shoes", data={"csrf_token": t, "name": "Vivo", "kind": "minimalist"})
    assert "Added Vivo (minimalist)" in shoes.text
    retired = bare_client.post("/shoes/retire", data={"csrf_token": t, "name": "Vivo"})
    assert "Retired Vivo" in retired.text
