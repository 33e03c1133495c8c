"""What a person reads never shows a source key (`seed:...` or `evidence:...`): citations read
"Rathleff et al. 2015 (grade S)" or the seed article's title, and every plan, in every format,
carries the evidence summary (Taddei 2020 beside Leppänen 2024). JSON keeps the keys. Every run
gives its start date explicitly."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import ics
import pytest

from footcore.adapters.citations import citations, short_citation
from footcore.presentation.evidence import cite, cite_all
from tests.cli_runner import run
from tests.conftest import EXAMPLES

FROM_FILES = (
    "--profile",
    str(EXAMPLES / "runner.toml"),
    "--assessment",
    str(EXAMPLES / "assessment.toml"),
    "--start",
    "2026-11-23",
)
KEY = re.compile(r"\b(?:seed|evidence):[\w.]+")
TADDEI = "Taddei et al. 2020 (grade A)"
LEPPANEN = "Leppänen et al. 2024 (grade A)"
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (Debian poppler-utils) is not installed"
)


def readable(text: str) -> None:
    """No key in human-facing text, and the evidence summary side by side."""
    assert not KEY.findall(text), KEY.findall(text)[:5]


def carries_the_summary(text: str) -> None:
    flat = " ".join(text.split())
    assert TADDEI in flat and LEPPANEN in flat
    assert "2.42 times as likely to be injured" in flat
    assert "did not lower overuse injuries" in flat and "more acute injuries" in flat
    assert "cannot promise to prevent injury" in flat


# The presenter --------------------------------------------------------------------------------


def test_a_citation_reads_first_author_year_and_grade() -> None:
    assert cite("evidence:rathleff_2015") == "Rathleff et al. 2015 (grade S)"
    assert cite("evidence:lunsford_1995") == "Lunsford and Perry 1995 (grade A)"
    assert cite("evidence:maffulli_1998") == "Maffulli 1998 (grade A)"
    assert short_citation("Gabbett TJ. Br J Sports Med. 2016;50:273-80.", "S") == (
        "Gabbett 2016 (grade S)"
    )


def test_a_seed_reads_as_its_title_without_the_seed_folder() -> None:
    # The titles live in data/evidence.toml, so a clone without ../shared shows them too.
    assert cite("seed:000_d8bd327811651ded.txt") == "Build Strong Feet For Running (article)"
    assert cite_all(["seed:000_d8bd327811651ded.txt", "evidence:taddei_2020"]) == (
        f"Build Strong Feet For Running (article); {TADDEI}"
    )


def test_every_source_of_the_register_has_readable_words() -> None:
    for key, words in citations().items():
        assert not KEY.search(words), (key, words)
        assert words.strip() and "(" in words


# The CLI: plan in text, markdown and JSON; exercise, learn -------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_plan_text_and_markdown_read_citations_and_carry_the_summary(fmt: str) -> None:
    r = run("plan", *FROM_FILES, "--weeks", "4", "--format", fmt)
    assert r.code == 0, r.err
    readable(r.out)
    carries_the_summary(r.out)
    assert "Rathleff et al. 2015" in r.out or "(article)" in r.out
    if fmt == "markdown":
        assert "## What the trials say about foot-strength training" in r.out


def test_the_plan_json_keeps_the_keys_and_carries_the_summary() -> None:
    r = run("plan", *FROM_FILES, "--weeks", "2", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    summary = data["evidence_summary"]
    assert summary["sources"] == ["evidence:taddei_2020", "evidence:leppanen_2024"]
    assert [t["source"] for t in summary["trials"]] == summary["sources"]
    assert "did not lower overuse injuries" in summary["trials"][1]["text"]
    assert any(
        s.startswith(("seed:", "evidence:"))
        for s in data["weeks"][0]["days"][0]["items"][0]["sources"]
    )


def test_exercise_and_learn_read_citations() -> None:
    for args in (("exercise", "rathleff_heel_raise"), ("learn", "evidence_honesty")):
        r = run(*args)
        assert r.code == 0, r.err
        readable(r.out)
        assert "(grade " in r.out


# PDF and calendar ------------------------------------------------------------------------------


@needs_poppler
def test_the_printed_plan_reads_citations_and_carries_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    r = run("print", str(out), *FROM_FILES, "--weeks", "2")
    assert r.code == 0, r.err
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    readable(text)
    carries_the_summary(text)
    assert "Sources: " in text


def test_every_calendar_event_carries_the_summary_and_no_key(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    r = run("calendar", str(out), *FROM_FILES, "--weeks", "2")
    assert r.code == 0, r.err
    events = ics.Calendar(out.read_text()).events
    assert events
    for e in events:
        readable(e.description or "")
        carries_the_summary(e.description or "")
