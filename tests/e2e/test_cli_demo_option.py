"""`--demo` on every command that reads a runner: it reads the demo runner in demo.db next to the
runner's own database, never the runner's own data, exactly as naming that database would."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_runner import init_runner, run

DAY = "2026-03-02"


@pytest.fixture
def homes(sqlite_cli: str, tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    """An empty database of the runner's own, and a small runner 'demo' in demo.db beside it."""
    home = tmp_path / "home"
    demo = ["--database-url", f"sqlite:///{home / 'demo.db'}", "--athlete", "demo"]
    init_runner(DAY, 8, *demo, assessment=True)
    added = run("runs", "add", "--date", DAY, "--km", "8", "--minutes", "45", *demo)
    assert added.code == 0, added.err
    yield tmp_path, demo


@pytest.mark.parametrize(
    "args",
    [
        ("status", "--format", "json"),
        ("today", "--date", DAY, "--format", "json"),
        ("week", "--date", DAY, "--format", "json"),
        ("load", "--format", "json"),
        ("shoes", "--format", "json"),
        ("runs", "--format", "json"),
    ],
)
def test_demo_reads_the_demo_runner_not_your_own(
    homes: tuple[Path, list[str]], args: tuple[str, ...]
) -> None:
    _, demo = homes
    shown = run(*args, "--demo")
    assert shown.code == 0, shown.err
    assert shown.out == run(*args, *demo).out
    assert run(*args).code != 0  # your own database has no runner


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("chart", "load"), "c.svg"),
        (("print",), "p.pdf"),
        (("calendar",), "c.ics"),
        (("export",), "e.json"),
    ],
)
def test_demo_writes_files_of_the_demo_runner(
    homes: tuple[Path, list[str]], args: tuple[str, ...], name: str
) -> None:
    tmp_path, _ = homes
    out = tmp_path / name
    r = run(*args, str(out), "--demo")
    assert r.code == 0, r.err
    assert out.stat().st_size > 0
    if name == "e.json":
        assert json.loads(out.read_text())["athlete"]["name"] == "demo"


def test_demo_refuses_another_database_and_changes(homes: tuple[Path, list[str]]) -> None:
    r = run("status", "--demo", "--athlete", "ana")
    assert r.code == 2 and "--demo reads the demo runner in demo.db; leave out --athlete" in r.err
    r = run("runs", "--demo", "add", "--date", DAY, "--km", "5", "--minutes", "30")
    assert r.code == 2 and "--demo only shows the demo runner" in r.err
