"""Pictures over HTTP: the SVG routes of the API, and the pages that show them inline."""

from __future__ import annotations

from defusedxml import ElementTree

from tests.web.conftest import TestClient
from tests.web.test_pages import onboard

SVG_NS = "{http://www.w3.org/2000/svg}"


def test_an_exercise_picture_is_served_as_svg_under_the_apps_csp(client: TestClient) -> None:
    r = client.get("/api/exercises/short_foot_standing/picture.svg")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("image/svg+xml")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    root = ElementTree.fromstring(r.text)
    assert (
        root.findtext(f"{SVG_NS}title")
        == client.get("/api/exercises/short_foot_standing").json()["name"]
    )
    assert len([g for g in root.iter(f"{SVG_NS}g") if g.get("role") == "img"]) == 3


def test_one_step_of_a_picture_can_be_asked_for(client: TestClient) -> None:
    whole = client.get("/api/exercises/calf_raise/picture.svg").text
    one = client.get("/api/exercises/calf_raise/picture.svg?step=2")
    assert one.status_code == 200
    assert one.text.count('role="img"') == 2 and whole.count('role="img"') == 4
    # The step keeps its number and its place among the others.
    assert "step 2 of 3" in one.text and "<animate " in one.text


def test_an_unknown_exercise_has_no_picture(client: TestClient) -> None:
    r = client.get("/api/exercises/moonwalk/picture.svg")
    assert r.status_code == 404
    assert "unknown exercise 'moonwalk'" in r.json()["error"]


def test_a_step_the_picture_lacks_is_not_found_and_a_silly_one_is_bad_input(
    client: TestClient,
) -> None:
    assert client.get("/api/exercises/toe_spread/picture.svg?step=3").status_code == 404
    bad = client.get("/api/exercises/toe_spread/picture.svg?step=0")
    assert bad.status_code == 422 and bad.json()["field"] == "step"


def test_each_test_of_the_battery_has_its_picture(client: TestClient) -> None:
    for t in client.get("/api/assessment/battery").json():
        r = client.get(f"/api/assessment/battery/{t['id']}/picture.svg")
        assert r.status_code == 200, t["id"]
        ElementTree.fromstring(r.text)
    assert client.get("/api/assessment/battery/nope/picture.svg").status_code == 404


def test_the_exercise_page_shows_its_picture_inline(client: TestClient) -> None:
    page = client.get("/library/towel_scrunch").text
    assert '<figure class="picture"><div class="steps"><svg' in page
    assert "Curl the toes to pull the towel toward you" in page


def test_the_library_lists_each_exercise_with_a_picture(client: TestClient) -> None:
    page = client.get("/library").text
    from footcore.bootstrap import knowledge

    assert page.count('class="thumb" src="/api/exercises/') == len(list(knowledge().catalog))


def test_the_assessment_wizard_draws_each_tests_protocol(bare_client: TestClient) -> None:
    onboard(bare_client)
    page = bare_client.get("/assess").text
    assert page.count('<figure class="picture">') == 8
    assert "Measure big toe to wall in cm" in page


def test_the_session_player_shows_each_exercises_picture(bare_client: TestClient) -> None:
    onboard(bare_client, skip="1")
    page = bare_client.get("/today").text
    sections = page.count("data-exercise ")
    assert sections > 0
    assert page.count('<figure class="picture">') == sections
    # Each copy has its own ids, so several on one page do not clash.
    assert 'id="pic-0-1-title"' in page and 'id="pic-1-1-title"' in page
