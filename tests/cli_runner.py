"""Running the real `footcore` entry point in-process, as a user's shell would see it."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

from footcore.entrypoints.cli import main


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
