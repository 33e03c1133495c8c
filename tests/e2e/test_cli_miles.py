"""A runner who chose miles types miles: `runs add --mi`, `--distance 10mi` or a bare number
in their unit, and the profile's weekly distance in either unit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import init_runner, run
from tests.conftest import EXAMPLES


@pytest.fixture
def miles_runner(sqlite_cli: str, tmp_path: Path) -> Path:
    text = (EXAMPLES / "runner.toml").read_text()
    profile = tmp_path / "miles.toml"
    profile.write_text('units = "mi"\n' + text.replace("weekly_km = ", "weekly_mi = "))
    init_runner("2026-03-02", 8, profile=profile)
    return tmp_path


def km_of_runs() -> list[float]:
    runs = json.loads(run("runs", "--format", "json").out)["runs"]
    return sorted(round(r["distance_m"] / 1000, 3) for r in runs)


def test_runs_are_typed_in_miles_or_with_their_unit(miles_runner: Path) -> None:
    for args in (
        ("--mi", "10"),
        ("--distance", "16km"),
        ("--distance", "6"),  # a bare number: the runner's miles
        ("--km", "5"),
    ):
        r = run("runs", "add", "--date", "2026-03-03", "--minutes", "50", *args, "--time", "07:00")
        assert r.code == 0, (args, r.err)
    assert km_of_runs() == [5.0, 9.656, 16.0, 16.093]
    assert "10.00 mi" in run("runs").out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--km", "5", "--mi", "3"), "give the distance once"),
        ((), "give the distance once: --km 16, --mi 10 or --distance 10mi"),
        (("--distance", "6 furlongs"), "'6 furlongs' is not a distance"),
        (("--mi", "-3"), "--mi -3: give a distance over 0 miles"),
    ],
)
def test_a_distance_given_twice_or_badly_is_one_line(
    miles_runner: Path, args: tuple[str, ...], message: str
) -> None:
    r = run("runs", "add", "--date", "2026-03-03", "--minutes", "50", *args)
    assert r.code == 2 and message in r.err and r.err.count("\n") == 1, r.err


def test_the_weekly_distance_is_taken_in_either_unit(miles_runner: Path) -> None:
    show = json.loads(run("profile", "show", "--format", "json").out)
    assert "weekly_mi" in show["running"]
    assert run("profile", "set", "running.weekly_km", "25mi").code == 0
    running = json.loads(run("profile", "show", "--format", "json").out)["running"]
    assert running["weekly_km"] == "25mi" and "weekly_mi" not in running  # one replaces the other
    assert run("profile", "set", "running.weekly_mi", "20").code == 0
    bad = run("profile", "set", "running.weekly_km", "25 leagues")
    assert bad.code == 2 and "is not a distance" in bad.err


def test_the_web_form_takes_the_weekly_distance_in_the_units_chosen(tmp_path: Path) -> None:
    from datetime import date

    from footcore.entrypoints.http import WebSettings
    from tests.web.conftest import HOSTS, make_client
    from tests.web.test_pages import PROFILE_FORM, token

    settings = WebSettings(
        database_url=f"sqlite:///{tmp_path / 'web.db'}",
        allowed_hosts=HOSTS,
        today=lambda: date(2026, 11, 16),
    )
    with make_client(settings) as c:
        form = {**PROFILE_FORM, "units": "mi", "weekly_km": "25", "csrf_token": token(c)}
        step2 = c.post("/onboarding", data=form)
        assert step2.status_code == 200, step2.text
        import html
        import re

        found = re.search(r'name="profile_json" value="([^"]+)"', step2.text)
        assert found is not None
        profile = json.loads(html.unescape(found.group(1)))
        assert profile["running"]["weekly_km"] == pytest.approx(40.234, abs=0.001)
        finish = {"csrf_token": form["csrf_token"], "profile_json": html.unescape(found.group(1))}
        assert c.post("/onboarding/finish", data={**finish, "skip": "1"}).status_code in (200, 303)
        page = c.get("/settings").text
        assert "Miles a week" in page and 'value="25"' in page
