"""CLI commands of running load: runs (list, add, import) and load; shoes are in cli/shoes.py.
Each is one transaction (an import: one per file) on the database chosen as for the training log
(--database-url, FOOTCORE_DATABASE_URL, FOOTCORE_HOME).

Imports stay inside the commands, as in cli/training.py, so `footcore --help` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, time
from pathlib import Path

import click

from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import (
    FORMATS,
    _uow,
    demo_option,
    echo_json,
    parse_date,
    storage_options,
)
from footcore.errors import InputError

SURFACE = click.Choice(["road", "trail", "track", "treadmill"])


def _time(value: str | None) -> time | None:
    if value is None:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"--time {value!r} is not a time of day; use HH:MM, e.g. 07:30",
        ) from None


# Runs ---------------------------------------------------------------------------------------------


@cli.group("runs", invoke_without_command=True)
@click.option(
    "--limit",
    type=click.IntRange(1, 10_000),
    default=20,
    show_default=True,
    help="How many of the latest runs to list.",
)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@demo_option
@storage_options
@click.pass_context
def runs_group(
    ctx: click.Context, limit: int, fmt: str, database_url: str | None, athlete: str
) -> None:
    """List the latest runs; `runs add` and `runs import` store more."""
    if ctx.invoked_subcommand is not None:
        return
    from footcore.presentation.runs import runs_dict, runs_text
    from footcore.services import running

    view = running.list_runs(_uow(database_url), athlete, date.today(), limit)
    if fmt == "json":
        echo_json(runs_dict(view))
    else:
        click.echo(runs_text(view))


@runs_group.command("add")
@click.option("--date", "day", required=True, help="The day of the run, YYYY-MM-DD.")
@click.option("--km", type=float, help="Distance in km (more than 0).")
@click.option("--mi", type=float, help="Distance in miles (more than 0).")
@click.option(
    "--distance",
    help="Distance with its unit, e.g. 10mi or 16km (a bare number is in your profile's units).",
)
@click.option("--minutes", type=float, required=True, help="Moving time in minutes.")
@click.option("--rpe", type=int, help="How hard it felt, 0-10.")
@click.option("--shoe", help="The shoe's name (see `footcore shoes`).")
@click.option("--surface", type=SURFACE)
@click.option("--time", "at", help="Start time HH:MM UTC, to tell two runs of a day apart.")
@storage_options
def runs_add_cmd(
    day: str,
    km: float | None,
    mi: float | None,
    distance: str | None,
    minutes: float,
    rpe: int | None,
    shoe: str | None,
    surface: str | None,
    at: str | None,
    database_url: str | None,
    athlete: str,
) -> None:
    """Store a run typed in by hand."""
    from footcore.presentation.runs import added_text
    from footcore.services import running

    when = parse_date(day, "--date")
    assert when is not None
    run = running.add_run(
        _uow(database_url),
        athlete,
        day=when,
        km=_typed_km(km, mi, distance, database_url, athlete),
        minutes=minutes,
        as_of=date.today(),
        rpe=rpe,
        shoe=shoe,
        surface=surface,
        at=_time(at),
    )
    click.echo(added_text(run))


@runs_group.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.option("--shoe", help="The shoe every imported run was run in.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Processes that parse (default: one per core for large batches).",
)
@click.option(
    "--yes",
    is_flag=True,
    help="Store runs from questionable files that would be a large spike without asking.",
)
@storage_options
def runs_import_cmd(
    paths: tuple[Path, ...],
    fmt: str,
    shoe: str | None,
    workers: int | None,
    yes: bool,
    database_url: str | None,
    athlete: str,
) -> None:
    """Import FIT, GPX and TCX files (also .gz), folders and Strava export zips.

    Only runs are stored; other sports are skipped and named; a run already stored (same start
    within a minute, distance within 10%) is a duplicate. Each file is one transaction: a file
    that fails leaves nothing behind, and the rest of the batch goes on. A run that cannot be
    true is refused with the reason; a run from a questionable file (GPS jumps left out) that
    would be a large spike is stored only once you confirm it (or with --yes).
    """
    from footcore.presentation.runs import import_text
    from footcore.services import running

    with _progress() as progress:
        report = running.import_paths(
            _uow(database_url),
            athlete,
            paths,
            date.today(),
            progress,
            workers,
            shoe,
            (lambda _question: True) if yes else _ask,
        )
    if fmt == "json":
        echo_json(report.as_dict())
    else:
        click.echo(import_text(report))


def _ask(question: str) -> bool:
    """Ask on the terminal; no answer (end of input) is no."""
    try:
        return click.confirm(question, default=False, err=True)
    except click.Abort:
        click.echo("", err=True)
        return False


@contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=0, unit="file", file=sys.stderr, leave=False)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        bar.close()


# Load ---------------------------------------------------------------------------------------------


@cli.command("load")
@click.option(
    "--weeks",
    type=int,
    default=8,
    show_default=True,
    help="Calendar weeks to show, up to this one (1-520).",
)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@demo_option
@storage_options
def load_cmd(weeks: int, fmt: str, database_url: str | None, athlete: str) -> None:
    """Weekly running load, single-run spikes, the acute:chronic ratio (with its caveat) and
    the days the foot plan leaves out plyometric and high-load items."""
    from footcore.presentation.runs import load_dict, load_text
    from footcore.services import running

    report = running.load_report(_uow(database_url), athlete, weeks, date.today())
    if fmt == "json":
        echo_json(load_dict(report))
    else:
        click.echo(load_text(report))


def _typed_km(
    km: float | None, mi: float | None, distance: str | None, url: str | None, athlete: str
) -> float:
    """The run's distance in km from exactly one of --km, --mi and --distance."""
    from footcore.presentation.units import M_PER_KM, M_PER_MI, parse_distance

    given = [n for n, v in (("--km", km), ("--mi", mi), ("--distance", distance)) if v is not None]
    if len(given) != 1:
        raise InputError(
            "give the distance once: --km 16, --mi 10 or --distance 10mi"
            + (f" (got {' and '.join(given)})" if given else "")
        )
    if km is not None:
        return km
    if mi is not None:
        if mi <= 0:
            raise InputError(f"--mi {mi:g}: give a distance over 0 miles")
        return mi * M_PER_MI / M_PER_KM
    assert distance is not None
    unit = "km"
    if distance.strip().replace(".", "", 1).isdigit():  # a bare number: the runner's units
        from footcore.services import training

        unit = str(training.profile_show(_uow(url), athlete, date.today()).get("units", "km"))
    try:
        return parse_distance(distance, unit) / M_PER_KM
    except ValueError as exc:
        raise InputError(f"--distance: {exc}") from None
