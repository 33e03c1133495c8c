"""CLI commands that write files: calendar (.ics), print (.pdf), chart (.png/.svg), and demo.

Every command checks the output path before it renders anything (a wrong extension or an
unwritable folder fails at once, exit 2, one line) and writes atomically (temp file + rename).
The exporters and their libraries are imported inside the commands, so `footcore --help` stays
fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import click

from footcore.bootstrap import knowledge
from footcore.domain.plan import Plan
from footcore.domain.profile import Profile
from footcore.entrypoints.cli import cli, parse_date
from footcore.errors import InputError

PATH = click.Path(path_type=Path, dir_okay=False)


@dataclass(frozen=True)
class Source:
    """The plan to export and whose it is."""

    plan: Plan
    profile: Profile
    athlete: str  # the stable id in calendar UIDs
    name: str  # the runner's name for titles ('' when unknown)


def _from_files(profile_path: Path, assessment: Path | None, start: str | None,
                weeks: int | None) -> Source:
    from footcore.adapters.inputs import read_profile, read_results
    from footcore.services.planning import make_plan

    profile = read_profile(profile_path)
    results = read_results(assessment) if assessment is not None else None
    first = parse_date(start, "--start") or date.today()
    plan = make_plan(knowledge(), profile, results, first, weeks)
    # Without a stored athlete, the runner's name (or the profile file's name) keeps the UIDs
    # stable from one export to the next.
    athlete = profile.runner.name or profile_path.stem
    return Source(plan, profile, athlete, profile.runner.name)


def plan_source_options(f: Any) -> Any:
    """--profile/--assessment/--start/--weeks: build the plan from files, as `footcore plan`."""
    for option in reversed((
        click.option("--profile", "profile_path", type=click.Path(path_type=Path),
                     help="Build the plan from this profile (TOML) instead of a stored runner."),
        click.option("--assessment", type=click.Path(path_type=Path),
                     help="With --profile: the assessment results (TOML)."),
        click.option("--start", help="With --profile: first day of the plan, YYYY-MM-DD "
                     "(default today)."),
        click.option("--weeks", type=int,
                     help="With --profile: the plan's length in weeks, as `footcore plan` "
                     "(default 24). For a stored plan: how many weeks from --from-week."),
    )):
        f = option(f)
    return f


def _source(profile_path: Path | None, assessment: Path | None, start: str | None,
            weeks: int | None) -> Source:
    if profile_path is None:
        if assessment is not None or start is not None:
            raise InputError("--assessment and --start need --profile")
        raise InputError("give --profile PROFILE.toml (a stored runner needs `footcore init` "
                         "first)")
    return _from_files(profile_path, assessment, start, weeks)


# calendar --------------------------------------------------------------------------------------


@cli.command("calendar")
@click.argument("out", type=PATH)
@click.option("--time", "at", default="07:00", show_default=True,
              help="Start time of each session, HH:MM (floating local time).")
@click.option("--tz", help="Pin the events to this IANA time zone (e.g. Europe/Berlin) "
              "instead of floating local time.")
@click.option("--alarm", "alarm_minutes", type=click.IntRange(0, 24 * 60), default=15,
              show_default=True, help="Reminder, in minutes before each session.")
@plan_source_options
def calendar_cmd(out: Path, at: str, tz: str | None, alarm_minutes: int,
                 profile_path: Path | None, assessment: Path | None, start: str | None,
                 weeks: int | None) -> None:
    """Write every planned session to an iCalendar file (.ics), with a reminder each.

    Importing a newer file again updates the events rather than duplicating them.
    """
    from footcore.adapters.exporters.calendar_ics import (
        CalendarOptions,
        parse_time,
        plan_calendar,
        zone,
    )
    from footcore.adapters.exporters.files import check_target, write_atomic

    check_target(out, (".ics",), "calendar")
    options = CalendarOptions(at=parse_time(at), tz=tz, alarm_minutes=alarm_minutes)
    if tz is not None:
        zone(tz)
    src = _source(profile_path, assessment, start, weeks)
    data = plan_calendar(src.plan, knowledge().catalog, src.athlete,
                         CalendarOptions(options.at, options.tz, options.alarm_minutes,
                                         name=src.name))
    write_atomic(out, data)
    sessions = len(src.plan.sessions())
    where = f"in {tz}" if tz else "floating local time"
    click.echo(f"Wrote {out}: {sessions} sessions in {len(src.plan.weeks)} weeks at {at} "
               f"({where}), each with a reminder {alarm_minutes} min before.")


# print -----------------------------------------------------------------------------------------


@cli.command("print")
@click.argument("out", type=PATH)
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@click.option("--from-week", "first_week", type=click.IntRange(1, 104), default=None,
              help="First plan week to print (default: week 1).")
@plan_source_options
def print_cmd(out: Path, paper: str, first_week: int | None, profile_path: Path | None,
              assessment: Path | None, start: str | None, weeks: int | None) -> None:
    """Write a printable plan (.pdf): cover, a page per week, exercise cards and a log sheet."""
    from footcore.adapters.exporters.files import check_target, write_atomic
    from footcore.adapters.exporters.pdf_plan import (
        PrintOptions,
        card_doses,
        plan_pdf,
        select_weeks,
    )

    check_target(out, (".pdf",), "printable plan")
    src = _source(profile_path, assessment, start, weeks)
    k = knowledge()
    first = first_week or 1
    count = None  # from files, --weeks is the plan's length and the whole plan is printed
    chosen = select_weeks(src.plan, first, count)
    data = plan_pdf(src.plan, k.catalog, src.profile,
                    PrintOptions(paper=paper, first_week=first, weeks=count, name=src.name,
                                 labels=k.rules.quality_labels))
    write_atomic(out, data)
    cards = len(card_doses(chosen))
    click.echo(f"Wrote {out} ({paper.upper() if paper == 'a4' else 'Letter'}): a cover, "
               f"{len(chosen)} week pages, {cards} exercise cards and a log sheet.")
