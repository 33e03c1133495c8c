"""The session player stores what was done: a hold stopped at 2 s is stored as 2 s, not the
prescribed time; both sides logged are judged together (never "only the left side was logged");
names, not ids, on the page that confirms it; a rest timer between sets is on the page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from footcore.entrypoints.http import WebSettings
from tests.cli_runner import run
from tests.web.conftest import TODAY, TestClient
from tests.web.test_pages import onboard, token


def items(c: TestClient) -> list[dict[str, Any]]:
    data = c.get("/api/today", params={"day": TODAY.isoformat()}).json()
    found: list[dict[str, Any]] = data["items"]
    return found


def stored(settings: WebSettings, tmp_path: Path) -> dict[str, Any]:
    """The runner's records as `footcore export` writes them."""
    out = tmp_path / "export.json"
    r = run("export", str(out), "--database-url", str(settings.database_url))
    assert r.code == 0, r.err
    records: dict[str, Any] = json.loads(out.read_text())
    return records


def test_a_hold_stopped_at_two_seconds_is_stored_as_two_seconds(
    client: TestClient, settings: WebSettings, tmp_path: Path
) -> None:
    onboard(client, skip="1")
    planned = items(client)
    i, hold = next((i, it) for i, it in enumerate(planned) if it["hold_s"] and not it["reps"])
    side = "left" if hold["per_side"] else "both"
    page = client.get("/today").text
    assert f'name="amount_{i}_{side}"' in page and "data-rest-timer" in page
    form = {"csrf_token": token(client, "/today"), "date": TODAY.isoformat()}
    form |= {f"sets_{i}_{side}": "1", f"amount_{i}_{side}": "2", f"pain_{i}": "0"}
    done = client.post("/today/log", data=form)
    assert done.status_code == 200, done.text
    assert f"{hold['name']} ({side} side" in done.text and "1 × 2 s" in done.text
    logs = stored(settings, tmp_path)["logs"]
    assert [(lg["exercise"], lg["hold_s"]) for lg in logs] == [(hold["exercise_done"], 2)]


def test_both_sides_logged_are_never_called_one_side(
    client: TestClient, settings: WebSettings, tmp_path: Path
) -> None:
    onboard(client, skip="1")
    planned = items(client)
    i, item = next((i, it) for i, it in enumerate(planned) if it["per_side"])
    form = {"csrf_token": token(client, "/today"), "date": TODAY.isoformat()}
    form |= {f"pain_{i}": "0", f"rpe_{i}": "4"}
    form |= {f"sets_{i}_left": str(item["sets"]), f"sets_{i}_right": str(item["sets"])}
    done = client.post("/today/log", data=form)
    assert done.status_code == 200, done.text
    assert "only the left side" not in done.text
    assert re.search(r"\(left side\).*\(right side\)", done.text, re.S)
    assert item["exercise_done"] not in re.sub(r'href="[^"]*"', "", done.text)
    decisions = stored(settings, tmp_path)["decisions"]
    assert decisions and not any("only the" in d["reason"] for d in decisions)
