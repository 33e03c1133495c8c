"""The runs page's upload (without JavaScript) stores a questionable large spike only when its
checkbox is ticked, and says why otherwise; a run without a distance never reads "0.00"."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from tests.synthetic_runs import gpx, track, with_jump
from tests.web.conftest import TestClient
from tests.web.test_pages import onboard, token

LONG_RUN = gpx(with_jump(track(datetime(2026, 11, 14, 7, tzinfo=UTC), 12, 70), 100))


def upload(c: TestClient, **data: str) -> str:
    found = re.search(r'action="(/runs/upload\?csrf_token=[^"]+)"', c.get("/runs").text)
    assert found is not None
    files = [("files", ("long.gpx", LONG_RUN))]
    r = c.post(found.group(1).replace("&amp;", "&"), files=files, data=data)
    assert r.status_code == 200, r.text
    page: str = r.text
    return page


def test_the_upload_page_asks_for_the_checkbox_before_a_questionable_large_spike(
    bare_client: TestClient,
) -> None:
    onboard(bare_client, skip="1")
    t = token(bare_client, "/runs")
    for day in ("2026-11-02", "2026-11-05", "2026-11-08", "2026-11-11"):
        added = bare_client.post(
            "/runs", data={"csrf_token": t, "distance": "5", "minutes": "30", "date": day}
        )
        assert added.status_code == 200, added.text
    assert 'name="confirm"' in bare_client.get("/runs").text
    refused = upload(bare_client)
    assert "Imported 0 run(s)" in refused and "confirm it to store it" in refused
    stored = upload(bare_client, confirm="true")
    assert "Imported 1 run(s)" in stored and "GPS jump" in stored
