"""CLI commands of the training log: init, today, week, status, clear, export and import-data
(log, checkin and retest are in cli/logbook.py; profile and session in their own modules). Each
command is one transaction on the database chosen by --database-url, FOOTCORE_DATABASE_URL or
FOOTCORE_HOME (see adapters/storage/database.py).

Imports stay inside the commands: `footcore today` reads an SQLite file with the standard library
alone and never loads SQLAlchemy, Alembic or the data-file validators when it does not have to.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import (
    FORMATS,
    _day,
    _uow,
    demo_option,
    echo_json,
    parse_date,
    storage_options,
)
from footcore.errors import FileInputError, RedFlagError
from footcore.presentation.days import day_text, status_text

if TYPE_CHECKING:
    from footcore.services.queries.day_view import DayView

MAX_IMPORT_BYTES = 500_000_000


# Setting up ----------------------------------------------------------------------


@cli.command("init")
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(path_type=Path),
    required=True,
    help="Your profile (TOML; see examples/runner.toml).",
)
@click.option(
    "--assessment", type=click.Path(path_type=Path), help="Your baseline assessment results (TOML)."
)
@click.option("--start", help="First day of the plan, YYYY-MM-DD (default: today).")
@click.option("--weeks", type=int, help="Length in weeks, 1-104 (default 24).")
@storage_options
def init_cmd(
    profile_path: Path,
    assessment: Path | None,
    start: str | None,
    weeks: int | None,
    database_url: str | None,
    athlete: str,
) -> None:
    """Store a runner, their baseline assessment and their plan."""
    from footcore.adapters.inputs import read_toml_file, results_from_mapping
    from footcore.services import training

    raw = read_toml_file(profile_path, "profile")
    results_raw = read_toml_file(assessment, "results") if assessment else None
    results = results_from_mapping(results_raw, str(assessment)) if results_raw else None
    done = training.init(
        _uow(database_url),
        athlete,
        raw,
        str(profile_path),
        results,
        results_raw,
        parse_date(start, "--start"),
        weeks,
        date.today(),
    )
    click.echo(
        f"Stored runner '{done.athlete}' with a {done.weeks}-week plan from "
        f"{done.start.isoformat()}. `footcore today` shows the first session."
    )
    for w in done.warnings:
        click.echo(f"Warning: {w}")


# Today and the week ----------------------------------------------------------------------


def _read_day(url: str | None, athlete: str, day: date) -> DayView:
    from footcore.services.queries import reads

    return reads.day(reads.UrlStore(url, _uow), athlete, day, date.today())


def _check_pause(view: DayView) -> None:
    if view.pause:
        raise RedFlagError(view.pause, action="clear")


@cli.command("today")
@click.option("--date", "day", help="Another day, YYYY-MM-DD (default: today).")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@demo_option
@storage_options
def today_cmd(day: str | None, fmt: str, database_url: str | None, athlete: str) -> None:
    """The day's session: exercises, doses after adaptation, cues and the reason for each."""
    view = _read_day(database_url, athlete, _day(day))
    _check_pause(view)
    if fmt == "json":
        from footcore.services.queries.day_view import day_dict

        echo_json(day_dict(view))
    else:
        click.echo(day_text(view))


@cli.command("week")
@click.option("--date", "day", help="A day of the week to show (default: today).")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@demo_option
@storage_options
def week_cmd(day: str | None, fmt: str, database_url: str | None, athlete: str) -> None:
    """The seven days of the plan's week, with adapted doses."""
    from footcore.services.queries import reads
    from footcore.services.queries.day_view import day_dict

    days = reads.week(reads.UrlStore(database_url, _uow), athlete, _day(day), date.today())
    _check_pause(days[0])
    if fmt == "json":
        echo_json([day_dict(v) for v in days])
        return
    w = next((v.week for v in days if v.week), None)
    if w:
        click.echo(
            f"Plan week {w['seq']} from {w['start']}: {w['phase'].replace('_', '-')}, "
            f"cycle {w['cycle']}" + (", lighter" * w["light"]) + (", retest week" * w["retest"])
        )
    for v in days:
        click.echo(day_text(v, brief=True))


# Status, clearance, export ----------------------------------------------------------------------


@cli.command("status")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@demo_option
@storage_options
def status_cmd(fmt: str, database_url: str | None, athlete: str) -> None:
    """Phase, cycle and week; adherence; each exercise's dose and last decision; warnings."""
    from footcore.services import training

    s = training.status(_uow(database_url), athlete, date.today())
    if fmt == "json":
        data = dataclasses.asdict(s)
        for key in ("as_of", "plan_start", "plan_end"):
            value = getattr(s, key)
            data[key] = value.isoformat() if value is not None else None
        echo_json(data)
        return
    click.echo(status_text(s))


@cli.command("clear")
@click.option("--confirm", is_flag=True, help="A clinician has cleared me to train.")
@click.option("--by", "by", help='Who cleared you: "NAME, ROLE" (required with --confirm).')
@storage_options
def clear_cmd(confirm: bool, by: str | None, database_url: str | None, athlete: str) -> None:
    """End a red-flag pause once a clinician has cleared you to train."""
    from footcore.services import training

    click.echo(training.clear(_uow(database_url), athlete, confirm, date.today(), by))


@cli.command("export")
@click.argument("file", type=click.Path(path_type=Path))
@demo_option
@storage_options
def export_cmd(file: Path, database_url: str | None, athlete: str) -> None:
    """Write every record of a runner to FILE (JSON, format_version 2)."""
    from footcore.services import training

    text = training.export(_uow(database_url), athlete, date.today())
    tmp = file.with_name(file.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(file)
    except OSError as exc:
        raise FileInputError(f"{file}: cannot write the export ({exc.strerror})") from None
    click.echo(f"Exported runner '{athlete}' to {file}.")


@cli.command("import-data")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--athlete", help="Store under this name (default: the name in the file).")
@click.option("--database-url", envvar="FOOTCORE_DATABASE_URL", help="As for the other commands.")
def import_cmd(file: Path, athlete: str | None, database_url: str | None) -> None:
    """Load a footcore export into this database (the runner must not exist yet)."""
    from footcore.services import training

    try:
        if file.stat().st_size > MAX_IMPORT_BYTES:
            raise FileInputError(f"{file}: over 500 MB; is it a footcore export?")
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise FileInputError(f"{file}: cannot read it ({reason})") from None
    name = training.import_data(_uow(database_url), text, str(file), athlete)
    click.echo(f"Imported runner '{name}' from {file}.")
