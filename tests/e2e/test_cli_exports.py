"""The export commands end to end, as a shell runs them: calendar, print, chart and demo, and every
bad input as one line with exit code 2 (never a traceback)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import ics
import pytest
from pypdf import PdfReader

from tests.cli_runner import Outcome, run
from tests.conftest import EXAMPLES

PROFILE = str(EXAMPLES / "runner.toml")
RESULTS = str(EXAMPLES / "assessment.toml")
FROM_FILES = ("--profile", PROFILE, "--assessment", RESULTS, "--start", "2026-11-23")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (Debian poppler-utils) is not installed"
)


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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["calendar", "plan.txt"], "needs one of .ics; got '.txt'"),
        (["calendar", "plan.ics", "--time", "7am"], "--time: '7am' is not a time of day"),
        (["calendar", "plan.ics", "--time", "25:00"], "is not a time of day"),
        (["calendar", "plan.ics", "--tz", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
        (["calendar", "plan.ics", "--profile", "missing.toml"], "no such profile file"),
        (
            ["calendar", "plan.ics", "--assessment", RESULTS],
            "--assessment and --start need --profile",
        ),
    ],
)
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
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for heading in ("Findings", "Priorities", "Week 1", "Week 2", "Week 3", "Cues", "Log sheet"):
        assert heading in text
    assert "3 week pages" in r.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["print", "plan.docx"], "needs one of .pdf; got '.docx'"),
        (["print", "plan"], "needs one of .pdf; got no extension"),
        (["print", "plan.pdf", "--paper", "a5"], "'a5' is not one of 'a4', 'letter'"),
        (["print", "plan.pdf", "--weeks", "0"], "--weeks 0 is out of range"),
        (["print", "plan.pdf", "--from-week", "7", "--weeks", "3"], "the plan has no week 7"),
    ],
)
def test_print_bad_input_is_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / a) if a.startswith("plan") else a for a in args]
    assert message in one_line_error(run(*args, *FROM_FILES))


def test_print_to_an_unwritable_folder_says_permission_denied(tmp_path: Path) -> None:
    target = unwritable_dir(tmp_path) / "plan.pdf"
    err = one_line_error(run("print", str(target), *FROM_FILES))
    assert f"cannot write {target}: permission denied" in err


# A stored runner and the demo -----------------------------------------------------------------


# the demo is built once (a session fixture: its tests need not run one after the other) when its
# tests run on one xdist worker
ON_ONE_WORKER = pytest.mark.xdist_group("demo")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`footcore demo` once for the test process, with FOOTCORE_DATABASE_URL pointing at the
    runner's own database: the demo must go to demo.db in FOOTCORE_HOME all the same."""
    home = tmp_path_factory.mktemp("home")
    own = home / "own.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOOTCORE_HOME", str(home))
        mp.setenv("FOOTCORE_DATABASE_URL", f"sqlite:///{own}")
        r = run("demo")
        assert r.code == 0, r.err
        yield f"sqlite:///{home / 'demo.db'}", own


def stored(tmp_path: Path) -> tuple[str, ...]:
    """A runner stored with `footcore init` and nothing logged yet."""
    url = f"sqlite:///{tmp_path / 'runner.db'}"
    r = run(
        "init",
        "--profile",
        PROFILE,
        "--assessment",
        RESULTS,
        "--database-url",
        url,
        "--athlete",
        "ana",
    )
    assert r.code == 0, r.err
    return ("--database-url", url, "--athlete", "ana")


def chart_json(*args: str) -> dict[str, Any]:
    r = run("chart", *args, "--format", "json")
    assert r.code == 0, r.err
    data: dict[str, Any] = json.loads(r.out)
    return data


@ON_ONE_WORKER
def test_the_demo_is_kept_apart_from_the_runners_own_database(demo_db: tuple[str, Path]) -> None:
    url, own = demo_db
    assert Path(url.removeprefix("sqlite:///")).is_file()
    assert not own.exists()
    r = run("status", "--database-url", url, "--athlete", "demo")
    assert r.code == 0, r.err
    assert "Runner 'demo'" in r.out


@ON_ONE_WORKER
def test_the_demo_fills_every_chart(demo_db: tuple[str, Path], tmp_path: Path) -> None:
    where = ("--database-url", demo_db[0], "--athlete", "demo")
    adherence = chart_json("adherence", str(tmp_path / "a.png"), *where)["series"]
    assert len(adherence["planned"]) >= 12
    done = [n for _, n in adherence["done"]]
    assert 0 in done, "the demo's week away shows as a week with nothing done"
    assert sum(done) >= 40
    pain = chart_json("pain", str(tmp_path / "p.svg"), *where)["series"]
    assert max(v for _, v in pain["during"]) == 6  # the painful day
    assert len(pain["next_morning"]) >= 30
    retests = chart_json("retests", str(tmp_path / "r.png"), *where)["series"]
    assert len(retests["heel_raise_reps.left"]) == 3  # baseline and two retests
    assert [v for _, v in retests["heel_raise_reps.left"]] == sorted(
        v for _, v in retests["heel_raise_reps.left"]
    )
    load = chart_json("load", str(tmp_path / "l.svg"), *where)["series"]
    assert len(load["distance"]) >= 16  # four weeks of history and the plan's twelve
    assert 0.0 in [km for _, km in load["distance"]], "the week away has no runs"
    assert len(load["marked"]) == 1  # the half marathon: a moderate single-run spike
    assert b"moderate" in (tmp_path / "l.svg").read_bytes()
    for name in ("a.png", "r.png"):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert ElementTree.parse(tmp_path / "p.svg").getroot().tag.endswith("svg")


@ON_ONE_WORKER
def test_the_demo_will_not_overwrite_itself_without_replace(
    demo_db: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOOTCORE_HOME", str(Path(demo_db[0].removeprefix("sqlite:///")).parent))
    assert "add --replace to build it again" in one_line_error(run("demo"))
    err = one_line_error(run("demo", "--database-url", demo_db[0]))
    assert "a runner 'demo' is already stored" in err
    assert "--replace rebuilds only the default demo.db" in one_line_error(
        run("demo", "--replace", "--database-url", demo_db[0])
    )


@ON_ONE_WORKER
@needs_poppler
def test_printing_the_demo_adds_its_progress_charts(
    demo_db: tuple[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "demo.pdf"
    r = run("print", str(out), "--database-url", demo_db[0], "--athlete", "demo", "--weeks", "2")
    assert r.code == 0, r.err
    assert "4 progress charts" in r.out
    reader = PdfReader(out)
    last = subprocess.run(
        ["pdftotext", "-f", str(len(reader.pages)), str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Progress" in last
    first_week = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    status = run("status", "--database-url", demo_db[0], "--athlete", "demo").out
    current = status.split("Plan week ", 1)[1].split(" ", 1)[0]
    assert f"Week {current} ·" in first_week  # a stored plan prints from the current week


def test_the_calendar_of_a_stored_runner_names_them_in_its_uids(tmp_path: Path) -> None:
    where = stored(tmp_path)
    out = tmp_path / "ana.ics"
    r = run("calendar", str(out), *where)
    assert r.code == 0, r.err
    events = ics.Calendar(out.read_text()).events
    assert events and all(e.uid.startswith("footcore-ana-") for e in events)
    assert len(events) == int(r.out.split(": ", 1)[1].split(" sessions")[0])


def test_a_new_runners_charts_say_there_is_nothing_yet(tmp_path: Path) -> None:
    where = stored(tmp_path)
    for kind in ("pain", "load"):
        data = chart_json(kind, str(tmp_path / f"{kind}.svg"), *where)
        assert data["empty"] is True and data["series"] == {}
        assert b"No data yet" in (tmp_path / f"{kind}.svg").read_bytes()
    # The plan starts today: today's session is planned and not done yet.
    adherence = chart_json("adherence", str(tmp_path / "a.svg"), *where)["series"]
    assert [n for _, n in adherence["done"]] == [0.0]
    assert len(adherence["planned"]) == 1
    r = run("chart", "pain", str(tmp_path / "pain.png"), *where)
    assert r.code == 0 and "no pain data yet in this period" in r.out
    # The baseline assessment alone is one point per side, against its norm band.
    retests = chart_json("retests", str(tmp_path / "r.svg"), *where)["series"]
    assert retests["heel_raise_reps.left"] == [["2026-11-16", 14.0]]
    assert [name for name, _ in retests["heel_raise_reps.norm"]] == ["low", "reference", "high"]


def test_a_period_with_no_data_gives_an_explicit_empty_chart(tmp_path: Path) -> None:
    where = stored(tmp_path)
    data = chart_json(
        "retests", str(tmp_path / "r.svg"), "--from", "2020-01-01", "--to", "2020-12-31", *where
    )
    assert data["empty"] is True
    assert b"No data yet" in (tmp_path / "r.svg").read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["chart", "steps", "out.png"],
            "unknown chart kind 'steps'; accepted: retests, adherence, pain, load",
        ),
        (["chart", "pain", "out.jpg"], "needs one of .png, .svg; got '.jpg'"),
        (["chart", "pain", "out.png", "--from", "2026-13-01"], "--from '2026-13-01' is not a date"),
        (
            ["chart", "pain", "out.png", "--from", "2026-05-01", "--to", "2026-04-01"],
            "--from 2026-05-01 is after --to 2026-04-01",
        ),
        (["chart", "pain", "out.png", "--athlete", "nobody"], "no runner 'nobody' yet"),
    ],
)
def test_chart_bad_input_is_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    where = stored(tmp_path)
    args = [str(tmp_path / a) if a.startswith("out") else a for a in args]
    err = one_line_error(run(*args, *where[:2], *([] if "--athlete" in args else where[2:])))
    assert message in err
    assert not list(tmp_path.glob("out*"))


def test_chart_to_an_unwritable_folder_says_permission_denied(tmp_path: Path) -> None:
    where = stored(tmp_path)
    target = unwritable_dir(tmp_path) / "pain.png"
    err = one_line_error(run("chart", "pain", str(target), *where))
    assert f"cannot write {target}: permission denied" in err


def test_a_stored_plan_needs_a_stored_runner(tmp_path: Path) -> None:
    err = one_line_error(
        run(
            "print", str(tmp_path / "p.pdf"), "--database-url", f"sqlite:///{tmp_path / 'empty.db'}"
        )
    )
    assert "no runner 'default' yet" in err
