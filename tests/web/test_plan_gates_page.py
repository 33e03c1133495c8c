"""The web plan preview marks the weeks reached only through a retest gate (issue #9)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.test_pages import PROFILE_FORM, token


def test_the_plan_preview_marks_every_week_after_the_first_cycle_as_gated(
    bare_client: TestClient,
) -> None:
    t = token(bare_client, "/plan/preview")
    r = bare_client.post("/plan/preview", data={"csrf_token": t, **PROFILE_FORM, "weeks": "24"})
    assert r.status_code == 200
    gated = re.findall(r'data-gated-by="([^"]+)"', r.text)
    assert len(gated) == 16  # weeks 9-24 follow the retests of weeks 8 and 16
    assert all("lower_leg_pain" in g for g in gated)
    assert "heel_raise_reps" in gated[-1]
    assert r.text.count("after a retest gate") == 16
    assert "reached only if the week-8 retest passes" in r.text


def test_the_preview_offers_alfredson_for_mid_portion_achilles_pain(
    bare_client: TestClient,
) -> None:
    t = token(bare_client, "/plan/preview")
    form = {**PROFILE_FORM, "equipment": ["towel", "band", "step"], "weeks": "8"}
    r = bare_client.post(
        "/plan/preview",
        data={"csrf_token": t, **form, "achilles_tendinopathy": "mid_portion"},
    )
    assert r.status_code == 200
    assert "Eccentric heel drop, straight knee (Alfredson)" in r.text
    plain = bare_client.post("/plan/preview", data={"csrf_token": t, **form})
    assert "Eccentric heel drop" not in plain.text
    bad = bare_client.post(
        "/plan/preview", data={"csrf_token": t, **form, "achilles_tendinopathy": "middle"}
    )
    assert bad.status_code == 422 and "achilles_tendinopathy" in bad.text
