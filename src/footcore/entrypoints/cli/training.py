"""CLI commands of the training log: init, profile, today, week, log, session, checkin, retest,
status, clear, export and import-data. Each command is one transaction on the database chosen by
--database-url, FOOTCORE_DATABASE_URL or FOOTCORE_HOME (see adapters/storage/database.py).

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
    _decision_line,
    _uow,
    demo_option,
    echo_json,
    exercise_name,
    parse_date,
    storage_options,
)
from footcore.errors import FileInputError, InputError, RedFlagError
from footcore.presentation.days import day_text, status_text
from footcore.presentation.evidence import cite_all

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


# Logging ----------------------------------------------------------------------


@cli.command("log")
@click.argument("exercise_id")
@click.option("--date", "day", help="The day it was done, YYYY-MM-DD (default: today).")
@click.option("--sets", type=int, help="Sets done (default: as prescribed).")
@click.option("--reps", type=int, help="Reps per set (default: as prescribed).")
@click.option("--hold-s", type=int, help="Seconds held per set, for holds.")
@click.option(
    "--side", type=click.Choice(["left", "right", "both"]), default="both", show_default=True
)
@click.option("--rpe", type=int, help="Effort 0-10 (progress needs it).")
@click.option("--pain", type=int, default=0, show_default=True, help="Pain during it, 0-10.")
@click.option("--pain-area", default="", help="Where it hurt (heel, arch, achilles, ...).")
@storage_options
def log_cmd(
    exercise_id: str,
    day: str | None,
    sets: int | None,
    reps: int | None,
    hold_s: int | None,
    side: str,
    rpe: int | None,
    pain: int,
    pain_area: str,
    database_url: str | None,
    athlete: str,
) -> None:
    """Log one exercise of a planned session (the same log twice is stored once)."""
    from footcore.services import training
    from footcore.services.logbook import LogEntry

    if reps is not None and hold_s is not None:
        raise InputError("give --reps or --hold-s, not both")
    entry = LogEntry(exercise_id, _day(day), sets, reps, hold_s, side, rpe, pain, pain_area)
    done = training.log(_uow(database_url), athlete, entry, date.today())
    what = f"{exercise_name(exercise_id)} on {entry.day.isoformat()}"
    if done.already:
        click.echo(f"Already logged: {what} ({side}); nothing changed.")
        return
    click.echo(
        f"Logged {what}: {done.sets} x {done.measure} ({side}), pain {pain}/10"
        + (f", effort {rpe}/10" if rpe is not None else "")
        + "."
    )
    if done.decision is not None:
        click.echo(_decision_line(done.decision))


@cli.command("checkin")
@click.option("--date", "day", help="The morning, YYYY-MM-DD (default: today).")
@click.option("--morning-pain", type=int, required=True, help="Pain on getting up, 0-10.")
@click.option("--area", default="", help="Where (heel, arch, achilles...); default overall.")
@click.option("--symptom", multiple=True, help="A red-flag symptom word; repeat the option.")
@click.option("--stiffness", type=int, help="Morning stiffness on getting up, 0-10.")
@storage_options
def checkin_cmd(
    day: str | None,
    morning_pain: int,
    area: str,
    symptom: tuple[str, ...],
    stiffness: int | None,
    database_url: str | None,
    athlete: str,
) -> None:
    """Record the next-morning response; it decides yesterday's exercises."""
    from footcore.services import training

    when = _day(day)
    done = training.checkin(
        _uow(database_url),
        athlete,
        when,
        morning_pain,
        area,
        list(symptom),
        date.today(),
        stiffness,
    )
    where = area or "overall"
    if done.already:
        click.echo(f"Already checked in for {when.isoformat()} ({where}); nothing changed.")
        return
    click.echo(
        f"Checked in for {when.isoformat()}: morning pain {morning_pain}/10"
        + (f", stiffness {stiffness}/10" if stiffness is not None else "")
        + f" ({where})."
    )
    for d in done.decisions:
        click.echo(_decision_line(d))


@cli.command("retest")
@click.option(
    "--results",
    "results_path",
    type=click.Path(path_type=Path),
    required=True,
    help="The retest results (TOML, the same battery as the assessment).",
)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@storage_options
def retest_cmd(results_path: Path, fmt: str, database_url: str | None, athlete: str) -> None:
    """Score a retest against the norms and your reference; it gates the next phase."""
    from footcore.adapters.inputs import read_toml_file, results_from_mapping
    from footcore.presentation.findings import finding_dict
    from footcore.services import training

    raw = read_toml_file(results_path, "results")
    results = results_from_mapping(raw, str(results_path))
    done = training.retest(_uow(database_url), athlete, results, raw, date.today())
    if fmt == "json":
        echo_json(
            {
                "date": done.day.isoformat(),
                "passed": done.result.passed,
                "entering": done.entering,
                "reasons": list(done.result.reasons),
                "sources": list(done.result.sources),
                "effect": done.effect,
                "already": done.already,
                "findings": [finding_dict(f) for f in done.findings],
            }
        )
        return
    verdict = "passed" if done.result.passed else "did not pass"
    click.echo(
        f"Retest of {done.day.isoformat()} {verdict} (gate to the "
        f"{done.entering.replace('_', '-')} phase):"
    )
    click.echo("\n".join(f"  - {r}" for r in done.result.reasons))
    click.echo(f"Plan: {done.effect}. Sources: {cite_all(done.result.sources)}")


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
