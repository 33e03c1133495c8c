"""Web pages a person reads show citations as "Author et al. YEAR (grade X)" or an article's
title, never `seed:` or `evidence:` keys, and every plan page carries the evidence summary
(Taddei 2020 beside Leppänen 2024). The app's day is pinned (tests/web/conftest.TODAY)."""

from __future__ import annotations

import html
import re

from tests.web.conftest import TestClient
from tests.web.test_pages import PROFILE_FORM, onboard, token

KEY = re.compile(r"\b(?:seed|evidence):[\w.]+")


def text_of(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def readable(page: str) -> str:
    words = text_of(page)
    assert not KEY.findall(words), KEY.findall(words)[:5]
    return words


def carries_the_summary(words: str) -> None:
    assert "What the trials say about foot-strength training" in words
    assert "Taddei et al. 2020 (grade A)" in words and "Leppänen et al. 2024 (grade A)" in words
    assert "did not lower overuse injuries" in words and "cannot promise to prevent injury" in words


def test_the_plan_preview_carries_the_summary(bare_client: TestClient) -> None:
    t = token(bare_client, "/plan/preview")
    r = bare_client.post("/plan/preview", data={"csrf_token": t, **PROFILE_FORM, "weeks": "4"})
    assert r.status_code == 200
    carries_the_summary(readable(r.text))


def test_the_stored_plan_and_todays_session_read_citations(bare_client: TestClient) -> None:
    assert onboard(bare_client, date="2026-11-16", heel_raise_reps_left="14").status_code == 303
    carries_the_summary(readable(bare_client.get("/plan").text))
    today = readable(bare_client.get("/today").text)
    assert ("Sources: " in today and "(grade " in today) or "(article)" in today


def test_library_and_learn_pages_read_citations(client: TestClient) -> None:
    exercise = readable(client.get("/library/rathleff_heel_raise").text)
    assert "Rathleff et al. 2015 (grade S)" in exercise
    topic = readable(client.get("/learn/evidence_honesty").text)
    assert "Leppänen et al. 2024 (grade A)" in topic
