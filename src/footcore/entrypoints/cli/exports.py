"""CLI commands that write files: calendar (.ics), print (.pdf) and chart (.png/.svg).

The plan comes from the stored runner or, with --profile, from files (cli/plan_source.py).
Every command checks the output path before it renders anything, so that a wrong extension or an
unwritable folder fails at once (exit 2, one line), and writes atomically (temp file + rename).
Exporters and their libraries are imported inside the commands: `footcore --help` stays fast.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from footcore.bootstrap import knowledge, pictures
from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import (
    FORMATS,
    demo_option,
    echo_json,
    parse_date,
    storage_options,
)
from footcore.entrypoints.cli.plan_source import plan_source, plan_source_options, weeks_to_export
from footcore.errors import InputError

PATH = click.Path(path_type=Path, dir_okay=False)


# calendar --------------------------------------------------------------------------------------


@cli.command("calendar")
@click.argument("out", type=PATH)
@click.option(
    "--time",
    "at",
    default="07:00",
    show_default=True,
    help="Start time of each session, HH:MM, in floating local time.",
)
@click.option(
    "--tz",
    help="Pin the sessions to this IANA time zone (e.g. Europe/Berlin) "
    "instead of floating local time.",
)
@click.option(
    "--alarm",
    "alarm_minutes",
    type=click.IntRange(0, 24 * 60),
    default=15,
    show_default=True,
    help="Reminder, in minutes before each session.",
)
@demo_option
@plan_source_options
def calendar_cmd(
    out: Path,
    at: str,
    tz: str | None,
    alarm_minutes: int,
    profile_path: Path | None,
    assessment: Path | None,
    start: str | None,
    weeks: int | None,
    database_url: str | None,
    athlete: str,
) -> None:
    """Write every planned session to an iCalendar file (.ics), each with a reminder.

    Importing a newer file again updates the sessions rather than duplicating them.
    """
    from dataclasses import replace

    from footcore.adapters.exporters.calendar_ics import (
        CalendarOptions,
        parse_time,
        plan_calendar,
        zone,
    )
    from footcore.adapters.exporters.files import check_target, write_atomic

    check_target(out, (".ics",), "calendar")
    if tz is not None:
        zone(tz)
    options = CalendarOptions(at=parse_time(at), tz=tz, alarm_minutes=alarm_minutes)
    src = plan_source(profile_path, assessment, start, weeks, database_url, athlete)
    plan = src.plan
    if profile_path is None and weeks is not None:
        plan = replace(
            plan,
            weeks=tuple(
                w for w in plan.weeks if src.first_week <= w.index < src.first_week + weeks
            ),
        )
    write_atomic(
        out, plan_calendar(plan, knowledge().catalog, src.athlete, replace(options, name=src.name))
    )
    where = f"in {tz}" if tz else "floating local time"
    click.echo(
        f"Wrote {out}: {len(plan.sessions())} sessions in {len(plan.weeks)} weeks at "
        f"{at} ({where}), each with a reminder {alarm_minutes} min before."
    )


# print -----------------------------------------------------------------------------------------


@cli.command("print")
@click.argument("out", type=PATH)
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@click.option(
    "--from-week",
    "first_week",
    type=click.IntRange(1, 999),
    help="First plan week to print (default: week 1 from files; the current week of "
    "a stored plan).",
)
@demo_option
@plan_source_options
def print_cmd(
    out: Path,
    paper: str,
    first_week: int | None,
    profile_path: Path | None,
    assessment: Path | None,
    start: str | None,
    weeks: int | None,
    database_url: str | None,
    athlete: str,
) -> None:
    """Write a printable plan (.pdf): a cover with findings and priorities, a page per week,
    a card per exercise, a log sheet to fill in by hand, and progress charts when there is data."""
    from footcore.adapters.exporters.files import check_target, write_atomic
    from footcore.adapters.exporters.pdf_plan import (
        PrintOptions,
        card_doses,
        chart_kinds,
        plan_pdf,
        select_weeks,
    )

    check_target(out, (".pdf",), "printable plan")
    src = plan_source(profile_path, assessment, start, weeks, database_url, athlete)
    first, count = weeks_to_export(src, first_week, weeks, profile_path is not None)
    chosen = select_weeks(src.plan, first, count)
    k = knowledge()
    write_atomic(
        out,
        plan_pdf(
            src.plan,
            k.catalog,
            src.profile,
            PrintOptions(
                paper=paper,
                first_week=first,
                weeks=count,
                name=src.name,
                labels=k.rules.quality_labels,
                progress=src.progress,
                pictures=pictures().exercises,
            ),
        ),
    )
    charts = len(chart_kinds(src.progress))
    click.echo(
        f"Wrote {out} ({'A4' if paper == 'a4' else 'Letter'}): a cover, "
        f"{len(chosen)} week pages (weeks {chosen[0].index}-{chosen[-1].index}), "
        f"{len(card_doses(chosen))} exercise cards, a log sheet"
        + (f" and {charts} progress charts." if charts else ".")
    )


# chart -----------------------------------------------------------------------------------------


@cli.command("chart")
@click.argument("kind")
@click.argument("out", type=PATH)
@click.option("--from", "since", help="First day of the period, YYYY-MM-DD (default: all).")
@click.option("--to", "until", help="Last day of the period, YYYY-MM-DD (default: today).")
@click.option(
    "--format",
    "fmt",
    type=FORMATS,
    default="text",
    show_default=True,
    help="json also prints the series the chart draws.",
)
@demo_option
@storage_options
def chart_cmd(
    kind: str,
    out: Path,
    since: str | None,
    until: str | None,
    fmt: str,
    database_url: str | None,
    athlete: str,
) -> None:
    """Draw a progress chart to .png or .svg. KIND: retests (against the norm band of your age
    and sex), adherence (sessions planned and done per week), pain (during sessions and the next
    morning), load (weekly running distance, spiky weeks marked)."""
    from footcore.adapters.exporters.charts import SUFFIXES, check_kind
    from footcore.adapters.exporters.files import check_target, write_atomic
    from footcore.adapters.storage.uow import SqlUnitOfWork
    from footcore.services.exports import chart_for_athlete

    check_kind(kind)
    suffix = check_target(out, SUFFIXES, "chart")
    first, last = parse_date(since, "--from"), parse_date(until, "--to")
    if first is not None and last is not None and first > last:
        raise InputError(f"--from {since} is after --to {until}")
    chart = chart_for_athlete(
        SqlUnitOfWork.connect(database_url), athlete, kind, suffix, date.today(), first, last
    )
    write_atomic(out, chart.image)
    if fmt == "json":
        echo_json(
            {
                "file": str(out),
                "kind": kind,
                "format": suffix,
                "empty": chart.empty,
                "series": {k: [list(p) for p in v] for k, v in chart.series.items()},
            }
        )
    elif chart.empty:
        click.echo(f"Wrote {out}: no {kind} data yet in this period (the chart says so).")
    else:
        points = sum(len(v) for v in chart.series.values())
        click.echo(
            f"Wrote {out}: the {kind} chart ({points} points in {len(chart.series)} series)."
        )
