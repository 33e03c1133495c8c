"""The export commands end to end, as a shell runs them: calendar, print, chart and demo, and every
bad input as one line with exit code 2 (never a traceback)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import ics
import pytest
from pypdf import PdfReader

from tests.cli_runner import Outcome, run
from tests.conftest import EXAMPLES

PROFILE = str(EXAMPLES / "runner.toml")
RESULTS = str(EXAMPLES / "assessment.toml")
FROM_FILES = ("--profile", PROFILE, "--assessment", RESULTS, "--start", "2026-11-23")
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                   reason="pdftoppm (Debian poppler-utils) is not installed")


def one_line_error(r: Outcome, code: int = 2) -> str:
    assert r.code == code, (r.out, r.err)
    assert r.err.startswith("footcore: error: ") and r.err.count("\n") == 1, r.err
    assert "Traceback" not in r.err + r.out
    return r.err


def unwritable_dir(tmp_path: Path) -> Path:
    """A folder this process cannot write to: a read-only one, or /sys when running as root
    (root ignores file modes, but the kernel refuses new files in sysfs to everyone)."""
    if os.geteuid() == 0:
        return Path("/sys")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    return locked


# calendar --------------------------------------------------------------------------------------


def test_calendar_from_a_profile_writes_an_ics_that_a_second_client_reads(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    r = run("calendar", str(out), *FROM_FILES, "--weeks", "6", "--time", "06:30")
    assert r.code == 0, r.err
    events = ics.Calendar(out.read_text(encoding="utf-8")).events
    plan = run("plan", *FROM_FILES, "--weeks", "6", "--format", "json")
    sessions = [d for w in json.loads(plan.out)["weeks"] for d in w["days"]]
    assert len(events) == len(sessions)
    assert {e.begin.strftime("%H:%M") for e in events} == {"06:30"}
    assert f"{len(sessions)} sessions in 6 weeks" in r.out


def test_calendar_exported_twice_keeps_its_uids(tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run("calendar", str(first), *FROM_FILES, "--weeks", "3").code == 0
    assert run("calendar", str(second), *FROM_FILES, "--weeks", "3", "--time", "19:00").code == 0
    uids = [sorted(e.uid for e in ics.Calendar(p.read_text()).events) for p in (first, second)]
    assert uids[0] == uids[1] and len(set(uids[0])) == len(uids[0])


@pytest.mark.parametrize(("args", "message"), [
    (["calendar", "plan.txt"], "needs one of .ics; got '.txt'"),
    (["calendar", "plan.ics", "--time", "7am"], "--time: '7am' is not a time of day"),
    (["calendar", "plan.ics", "--time", "25:00"], "is not a time of day"),
    (["calendar", "plan.ics", "--tz", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
    (["calendar", "plan.ics", "--profile", "missing.toml"], "no such profile file"),
    (["calendar", "plan.ics", "--assessment", RESULTS], "--assessment and --start need --profile"),
])
def test_calendar_bad_input_is_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / a) if a.startswith("plan.") else a for a in args]
    assert message in one_line_error(run(*args))


def test_calendar_to_an_unwritable_folder_says_permission_denied(tmp_path: Path) -> None:
    target = unwritable_dir(tmp_path) / "plan.ics"
    err = one_line_error(run("calendar", str(target), *FROM_FILES))
    assert f"cannot write {target}: permission denied" in err
    assert not target.exists()


def test_calendar_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "plan.ics"
    assert "no such directory" in one_line_error(run("calendar", str(target), *FROM_FILES))


# print -----------------------------------------------------------------------------------------


@needs_poppler
def test_print_writes_a_pdf_that_poppler_renders_page_by_page(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    r = run("print", str(out), *FROM_FILES, "--weeks", "3", "--paper", "letter")
    assert r.code == 0, r.err
    pages = len(PdfReader(out).pages)
    subprocess.run(["pdftoppm", "-png", "-r", "20", str(out), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == pages
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    for heading in ("Findings", "Priorities", "Week 1", "Week 2", "Week 3", "Cues",
                    "Log sheet"):
        assert heading in text
    assert "3 week pages" in r.out


@pytest.mark.parametrize(("args", "message"), [
    (["print", "plan.docx"], "needs one of .pdf; got '.docx'"),
    (["print", "plan"], "needs one of .pdf; got no extension"),
    (["print", "plan.pdf", "--paper", "a5"], "'a5' is not one of 'a4', 'letter'"),
    (["print", "plan.pdf", "--weeks", "0"], "--weeks 0 is out of range"),
    (["print", "plan.pdf", "--from-week", "7", "--weeks", "3"], "the plan has no week 7"),
])
def test_print_bad_input_is_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / a) if a.startswith("plan") else a for a in args]
    assert message in one_line_error(run(*args, *FROM_FILES))


def test_print_to_an_unwritable_folder_says_permission_denied(tmp_path: Path) -> None:
    target = unwritable_dir(tmp_path) / "plan.pdf"
    err = one_line_error(run("print", str(target), *FROM_FILES))
    assert f"cannot write {target}: permission denied" in err
