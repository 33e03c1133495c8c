"""CLI commands of the training log's entries: log (one exercise), checkin (the next morning)
and retest (the battery again, which gates the next phase). Each is one transaction on the
database chosen as for the other training commands (cli/training.py).

Imports stay inside the commands, so `footcore --help` stays fast.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import (
    FORMATS,
    _day,
    _decision_line,
    _uow,
    echo_json,
    exercise_name,
    storage_options,
)
from footcore.errors import InputError
from footcore.presentation.evidence import cite_all


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
