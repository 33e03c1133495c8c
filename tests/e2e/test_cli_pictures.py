"""Pictures from the command line, and on the printable plan's exercise cards."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PIL import Image

from footcore.bootstrap import pictures
from footcore.domain.pictures.layout import wrap
from tests.cli_runner import run
from tests.conftest import EXAMPLES

SVG_NS = "{http://www.w3.org/2000/svg}"
RESULTS = str(EXAMPLES / "assessment.toml")
FROM_FILES = ("--profile", str(EXAMPLES / "runner.toml"), "--assessment", RESULTS)


def test_exercise_picture_writes_a_valid_svg(tmp_path: Path) -> None:
    out = tmp_path / "towel.svg"
    r = run("exercise", "towel_scrunch", "--picture", str(out))
    assert r.code == 0, r.err
    assert "Towel" in r.out and f"Wrote {out}: 3 steps" in r.err
    root = ElementTree.fromstring(out.read_text(encoding="utf-8"))
    assert root.tag == f"{SVG_NS}svg" and root.findtext(f"{SVG_NS}title")


def test_exercise_picture_writes_a_png_and_json_stays_json(tmp_path: Path) -> None:
    out = tmp_path / "calf.png"
    r = run("exercise", "calf_raise", "--picture", str(out), "--format", "json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["id"] == "calf_raise"
    img = Image.open(io.BytesIO(out.read_bytes()))
    assert img.format == "PNG" and img.width > 300 and img.height > 300


def test_a_picture_file_of_another_kind_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    out = tmp_path / "calf.gif"
    r = run("exercise", "calf_raise", "--picture", str(out))
    assert r.code == 2
    assert r.err.strip().endswith("a picture file needs one of .svg, .png; got '.gif'")
    assert not out.exists()


def test_an_unknown_exercise_writes_no_picture(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    r = run("exercise", "moonwalk", "--picture", str(out))
    assert r.code == 2 and not out.exists()


def test_the_contact_sheet_shows_every_exercise_and_test(tmp_path: Path) -> None:
    out = tmp_path / "all.svg"
    r = run("exercises", "--contact-sheet", str(out))
    assert r.code == 0, r.err
    root = ElementTree.fromstring(out.read_text(encoding="utf-8"))
    nested = [el for el in root if el.tag == f"{SVG_NS}svg"]
    assert len(nested) == len(pictures().all())


def test_a_filtered_contact_sheet_holds_only_the_listed_exercises(tmp_path: Path) -> None:
    out = tmp_path / "towel.png"
    r = run("exercises", "--equipment", "towel", "--contact-sheet", str(out))
    assert r.code == 0, r.err
    listed = [line.split()[0] for line in r.out.splitlines() if line and "  " in line]
    assert f"Wrote {out}: {len(listed)} pictures" in r.err
    assert Image.open(io.BytesIO(out.read_bytes())).format == "PNG"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_the_printed_plans_exercise_cards_carry_the_pictures(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "plan.pdf"
    r = run("print", str(out), *FROM_FILES, "--start", "2026-11-23", "--weeks", "1")
    assert r.code == 0, r.err
    reader = PdfReader(out)
    cards = [
        i
        for i, page in enumerate(reader.pages)
        if "Cues" in (page.extract_text() or "") and "Your dose" in (page.extract_text() or "")
    ]
    assert cards
    firsts = [wrap(p.steps[0].caption)[0] for p in pictures().exercises.values()]
    for i in cards:
        text = " ".join((reader.pages[i].extract_text() or "").split())
        # Each card draws its steps, with the first step's caption under its panel.
        assert any(line in text for line in firsts), i
    first = cards[0] + 1
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "40",
            "-f",
            str(first),
            "-l",
            str(first),
            str(out),
            str(tmp_path / "card"),
        ],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("card-*.png"))).convert("L")
    w, h = image.size
    # The picture sits under the title, in the page's upper part: far from blank there.
    band = image.crop((0, int(h * 0.08), w, int(h * 0.4)))
    dark = sum(band.histogram()[:200])
    assert dark > 0.03 * band.width * band.height
