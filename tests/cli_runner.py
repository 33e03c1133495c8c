"""Running the real `footcore` entry point in-process, as a user's shell would see it."""

from __future__ import annotations

import io
import json
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from footcore.entrypoints.cli.main import main
from tests.factories import EXAMPLES


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def run(*args: str, stdin: str = "") -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    old_argv, old_stdin = sys.argv, sys.stdin
    sys.argv = ["footcore", *args]
    sys.stdin = io.StringIO(stdin)
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv, sys.stdin = old_argv, old_stdin
    return Outcome(code, out.getvalue(), err.getvalue())


def checked(*args: str) -> Outcome:
    """`footcore ARGS`, which must never show a traceback, whatever its exit code."""
    r = run(*args)
    assert "Traceback" not in r.out + r.err
    return r


def ok(*args: str) -> Outcome:
    """`footcore ARGS`, which must succeed."""
    r = checked(*args)
    assert r.code == 0, (args, r.out, r.err)
    return r


def js(*args: str) -> Any:
    """`footcore ARGS --format json`, which must succeed; its JSON."""
    return json.loads(ok(*args, "--format", "json").out)


def one_error_line(r: Outcome, text: str, code: int = 2) -> None:
    """The command failed with `code` and said so in one line on stderr that contains `text`."""
    assert r.code == code, (r.out, r.err)
    assert r.err.count("\n") == 1 and r.err.startswith("footcore: "), r.err
    assert text in r.err, r.err


def init_runner(
    start: date | str | None = None,
    weeks: int | str | None = None,
    *more: str,
    assessment: bool = False,
    profile: Path = EXAMPLES / "runner.toml",
) -> Outcome:
    """`footcore init` of the example runner (or `profile`), which must succeed: from `start`,
    for `weeks`, with the example assessment when `assessment`, and any `more` options."""
    args = ["init", "--profile", str(profile)]
    if assessment:
        args += ["--assessment", str(EXAMPLES / "assessment.toml")]
    if start is not None:
        args += ["--start", str(start)]
    if weeks is not None:
        args += ["--weeks", str(weeks)]
    r = run(*args, *more)
    assert r.code == 0, r.err
    return r
