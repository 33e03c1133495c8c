"""The `footcore` command line. Exit codes: 0 ok, 1 internal error, 2 bad input, 3 red flag,
4 broken data file, 5 storage unavailable (footcore.errors draws the tree), 130 stopped by Ctrl-C
(`session` and `assess` save what was answered first)."""

from __future__ import annotations

import sys

import click

from footcore.entrypoints.cli import (  # each registers its commands on the group
    accounts,
    assess,
    demo,
    exports,
    learn,
    library,
    logbook,
    profile,
    running,
    serve,
    session,
    shoes,
    training,
)
from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.words import cli_message
from footcore.errors import FootcoreError, RedFlagError

# Imported for their registration on `cli`; named here so that the imports are plainly used.
COMMAND_MODULES = (
    accounts,
    assess,
    demo,
    exports,
    learn,
    library,
    logbook,
    profile,
    running,
    serve,
    session,
    shoes,
    training,
)


def main() -> None:
    """Entry point: runs the CLI and turns every error into one line and its exit code."""
    try:
        code = cli.main(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except click.exceptions.Abort:
        click.echo("footcore: stopped.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        click.echo(f"footcore: error: {exc.format_message()}{hint}", err=True)
        sys.exit(exc.exit_code)
    except RedFlagError as exc:
        click.echo(f"footcore: STOP: {cli_message(exc)}", err=True)
        sys.exit(exc.exit_code)
    except FootcoreError as exc:
        click.echo(f"footcore: error: {cli_message(exc)}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("footcore: stopped.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # the last guard: no traceback ever reaches a user
        click.echo(
            f"footcore: internal error ({type(exc).__name__}: {exc}); please report it", err=True
        )
        sys.exit(1)
