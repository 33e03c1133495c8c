"""The pictures of exercises and tests: every one drawn in 2-4 steps, poses within the joints'
ranges, only the equipment the exercise needs, no two drawings alike, and SVG that is valid,
accessible and self-contained."""

from __future__ import annotations

import io
import math
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from defusedxml import ElementTree
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from footcore.adapters.pictures.datafile import _check_step, load_pictures
from footcore.adapters.pictures.png import picture_png
from footcore.adapters.pictures.sheet import contact_sheet_svg
from footcore.adapters.pictures.svg import picture_svg
from footcore.bootstrap import knowledge, pictures
from footcore.domain.pictures import Picture, Step, View
from footcore.domain.pictures.scene import draw_step
from footcore.errors import DataFileError
from tests.unit.test_domain_is_pure import imported_modules

SVG_NS = "{http://www.w3.org/2000/svg}"
ALL = pictures().all()
PICTURES_DOMAIN = Path(__file__).resolve().parents[2] / "src/footcore/domain/pictures"


def test_every_exercise_and_every_test_has_two_to_four_steps() -> None:
    k = knowledge()
    p = pictures()
    assert set(p.exercises) == {e.id for e in k.catalog}
    assert set(p.tests) == {t.id for t in k.battery}
    assert all(2 <= len(pic.steps) <= 4 for pic in ALL)


def _shapes_only(svg: str) -> str:
    """The SVG without its words (titles, descriptions, captions and ids)."""
    svg = re.sub(r"<(title|desc|text|metadata)\b.*?</\1>", "", svg, flags=re.S)
    return re.sub(r'\s(id|aria-labelledby)="[^"]*"', "", svg)


def test_no_two_exercises_or_tests_share_a_drawing() -> None:
    drawings: dict[str, list[str]] = {}
    for pic in ALL:
        drawings.setdefault(_shapes_only(picture_svg(pic)), []).append(pic.id)
    shared = [ids for ids in drawings.values() if len(ids) > 1]
    assert shared == []


def test_every_pose_stays_within_its_joints_ranges() -> None:
    p = pictures()
    for pic in ALL:
        for step in pic.steps:
            for joint, value in step.angles:
                assert p.ranges[joint].holds(value), (pic.id, joint, value)
                assert step.view in p.joint_views[joint]


def test_each_range_says_where_it_comes_from() -> None:
    for r in pictures().ranges.values():
        assert r.low < r.high
        assert "footcore's choice" in r.basis or "evidence:" in r.basis or "seed:" in r.basis


def test_an_exercise_draws_only_equipment_it_needs_or_a_wall_or_chair() -> None:
    k = knowledge()
    for pic in pictures().exercises.values():
        allowed = set(k.catalog.get(pic.id).equipment) | set(k.rules.always_available)
        for step in pic.steps:
            assert set(step.equipment_words) <= allowed, pic.id


def test_a_pose_beyond_a_joints_range_is_refused_when_loaded() -> None:
    p = pictures()
    step = pictures().exercises["calf_raise"].steps[1]
    bent = replace(step, angles=(*step.angles[:-1], ("trunk", 120.0)))
    with pytest.raises(DataFileError, match="trunk = 120 deg is outside its range -20 to 95"):
        _check_step(bent, p.ranges, p.joint_views, "calf_raise step 2")


def test_an_arrow_at_a_landmark_the_view_lacks_is_refused() -> None:
    p = pictures()
    step = pictures().exercises["toe_spread"].steps[1]
    from footcore.domain.pictures import Arrow

    wrong = replace(step, arrows=(Arrow("knee_r"),))
    with pytest.raises(DataFileError, match="arrow at 'knee_r'"):
        _check_step(wrong, p.ranges, p.joint_views, "toe_spread step 2")


def test_loading_twice_gives_the_same_pictures() -> None:
    k = knowledge()
    again = load_pictures(k.catalog, k.battery)
    assert again.exercises == pictures().exercises


def _joint_values(view: View) -> st.SearchStrategy[dict[str, float]]:
    p = pictures()
    joints = {j: r for j, r in p.ranges.items() if view in p.joint_views[j]}
    return st.fixed_dictionaries(
        {j: st.floats(r.low, r.high, allow_nan=False) for j, r in joints.items()}
    )


@settings(max_examples=60, deadline=None)
@given(
    view=st.sampled_from(list(View)),
    data=st.data(),
    support=st.sampled_from(["floor", "air", "ball", "step", "knees", "sit", "seat"]),
)
def test_any_pose_within_the_ranges_draws_finite_shapes(
    view: View, data: st.DataObject, support: str
) -> None:
    from footcore.adapters.pictures.datafile import SUPPORTS

    angles = data.draw(_joint_values(view))
    if support not in SUPPORTS[view]:
        support = "floor"
    step = Step(view, tuple(sorted(angles.items())), "a caption", support=support)
    scene = draw_step(step, ("abductor_hallucis", "gastrocnemius", "interossei"))
    assert scene.shapes
    x0, y0, x1, y1 = scene.bounds()
    assert all(math.isfinite(v) for v in (x0, y0, x1, y1))
    assert x1 > x0 and y1 > y0


def test_the_pictures_domain_imports_only_the_standard_library() -> None:
    for path in PICTURES_DOMAIN.glob("*.py"):
        for name in imported_modules(path):
            top = name.split(".")[0]
            assert name.startswith("footcore.domain") or top in {
                "__future__",
                "math",
                "textwrap",
                "dataclasses",
                "enum",
            }, (path.name, name)


def _check_svg(text: str, steps: int) -> None:
    root = ElementTree.fromstring(text)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("role") == "img" and root.get("viewBox")
    # No fixed pixel size: it scales to its container, a 390 px phone included.
    assert root.get("width") is None and root.get("height") is None
    assert (root.findtext(f"{SVG_NS}title") or "").strip()
    assert (root.findtext(f"{SVG_NS}desc") or "").strip()
    groups = [g for g in root.iter(f"{SVG_NS}g") if g.get("role") == "img"]
    assert len(groups) == steps
    for g in groups:
        assert g.findtext(f"{SVG_NS}title") and g.findtext(f"{SVG_NS}desc")
    for el in root.iter():
        assert el.tag not in (
            f"{SVG_NS}script",
            f"{SVG_NS}style",
            f"{SVG_NS}image",
            f"{SVG_NS}foreignObject",
        )
        for attr in el.attrib:
            local = attr.split("}")[-1]
            # Inline styles would be blocked by the app's CSP; scripts and links are not allowed.
            assert local not in ("style", "href") and not local.startswith("on"), (el.tag, attr)
    assert "CC0" in text and "creativecommons.org/publicdomain/zero/1.0" in text


@pytest.mark.parametrize("pic", ALL, ids=lambda p: p.id)
def test_each_picture_is_valid_accessible_self_contained_svg(pic: Picture) -> None:
    _check_svg(picture_svg(pic), len(pic.steps))


def test_a_moving_step_is_animated_and_a_hold_is_still() -> None:
    calf = picture_svg(pictures().exercises["calf_raise"])
    assert calf.count("<animate ") > 0 and 'repeatCount="indefinite"' in calf
    hold = picture_svg(pictures().exercises["plantar_roll_cooldown"])
    assert "<animate " not in hold


def test_the_png_of_a_picture_is_a_drawing_not_a_blank() -> None:
    data = picture_png(pictures().exercises["marble_pickup"], width=400)
    img = Image.open(io.BytesIO(data))
    assert img.format == "PNG" and img.width == 400
    colours = img.convert("RGB").getcolors(maxcolors=1_000_000) or []
    assert len(colours) > 50


def test_the_contact_sheet_holds_every_picture() -> None:
    text = contact_sheet_svg(ALL)
    root = ElementTree.fromstring(text)
    nested = [el for el in root if el.tag == f"{SVG_NS}svg"]
    assert len(nested) == len(ALL)


def test_each_step_alone_is_valid_svg_with_its_own_title_and_description() -> None:
    from footcore.adapters.pictures.svg import step_svgs

    pic = pictures().exercises["knee_to_wall_mobilisation"]
    svgs = step_svgs(pic, "k")
    assert len(svgs) == len(pic.steps)
    for i, text in enumerate(svgs, start=1):
        _check_svg(text, 1)
        assert f"step {i} of {len(svgs)}" in text


def _bundled() -> list[tuple[str, dict[str, Any]]]:
    from footcore.adapters.pictures.datafile import _files

    return _files()


def _with(name: str, edit: Any) -> list[tuple[str, dict[str, Any]]]:
    """The bundled picture files with `edit` applied to the parsed file `name`."""
    import copy

    files = copy.deepcopy(_bundled())
    for file_name, raw in files:
        if file_name == name:
            edit(raw)
    return files


def _picture(raw: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for p in raw["picture"] if p["id"] == pid)


def _load(files: list[tuple[str, dict[str, Any]]]) -> None:
    k = knowledge()
    load_pictures(k.catalog, k.battery, files)


def test_drawing_equipment_the_exercise_does_not_need_is_refused() -> None:
    files = _with(
        "foot.toml",
        lambda raw: _picture(raw, "toe_spread")["step"][0].update(equipment=["band:toes"]),
    )
    with pytest.raises(DataFileError, match="toe_spread step 1: draws 'band'"):
        _load(files)


def test_two_exercises_drawn_alike_are_refused() -> None:
    def copy_steps(raw: dict[str, Any]) -> None:
        _picture(raw, "lesser_toes_lift")["step"] = _picture(raw, "big_toe_lift")["step"]

    with pytest.raises(DataFileError, match="lesser_toes_lift: draws exactly what big_toe_lift"):
        _load(_with("foot.toml", copy_steps))


def test_an_exercise_without_a_picture_is_refused() -> None:
    def drop(raw: dict[str, Any]) -> None:
        raw["picture"] = [p for p in raw["picture"] if p["id"] != "toe_spread"]

    with pytest.raises(DataFileError, match="no picture for toe_spread"):
        _load(_with("foot.toml", drop))


def test_five_steps_are_too_many_and_one_too_few() -> None:
    def five(raw: dict[str, Any]) -> None:
        steps = _picture(raw, "toe_spread")["step"]
        steps += steps + steps[:1]

    with pytest.raises(DataFileError, match="at most 4"):
        _load(_with("foot.toml", five))

    def one(raw: dict[str, Any]) -> None:
        _picture(raw, "toe_spread")["step"] = _picture(raw, "toe_spread")["step"][:1]

    with pytest.raises(DataFileError, match="at least 2"):
        _load(_with("foot.toml", one))


def test_a_step_naming_an_unknown_pose_is_refused() -> None:
    files = _with(
        "foot.toml", lambda raw: _picture(raw, "toe_spread")["step"][0].update(pose="handstand")
    )
    with pytest.raises(DataFileError, match=r"pose 'handstand' is not in pictures/joints\.toml"):
        _load(files)


def test_a_test_draws_only_what_its_protocol_names() -> None:
    files = _with(
        "tests.toml", lambda raw: _picture(raw, "paper_grip")["step"][0].update(equipment=["towel"])
    )
    with pytest.raises(DataFileError, match="paper_grip step 1: draws 'towel'"):
        _load(files)
