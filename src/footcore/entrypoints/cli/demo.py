"""`footcore demo`: a demo runner with twelve weeks of history, stored apart from your own data."""

from __future__ import annotations

from datetime import date

import click

from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import parse_date
from footcore.errors import InputError


@cli.command("demo")
@click.option(
    "--database-url",
    help="Where to store the demo (default: demo.db next to "
    "footcore.db, in FOOTCORE_HOME or your data folder; FOOTCORE_DATABASE_URL is "
    "ignored, so the demo never lands in your own database).",
)
@click.option("--replace", is_flag=True, help="Build the default demo.db again from scratch.")
# Hidden: the other commands read the real today, so another day only suits a fixed clock.
@click.option("--today", "today_", hidden=True, help="Pretend today is this day, YYYY-MM-DD.")
def demo_cmd(database_url: str | None, replace: bool, today_: str | None) -> None:
    """Store a demo runner with twelve weeks of logs, check-ins, retests, runs and shoes, kept
    apart from your own data, so that every screen and chart has something to show."""
    from footcore.adapters.storage.database import data_home
    from footcore.adapters.storage.uow import SqlUnitOfWork
    from footcore.errors import ConflictError
    from footcore.services import demo

    today = parse_date(today_, "--today") or date.today()
    url = database_url
    if url is None:
        path = data_home() / "demo.db"
        url = f"sqlite:///{path}"
        if path.exists():
            if not replace:
                raise ConflictError(
                    f"a demo is already stored in {path}; add --replace to build it again"
                )
            for extra in (
                path,
                path.with_name(path.name + "-wal"),
                path.with_name(path.name + "-shm"),
            ):
                extra.unlink(missing_ok=True)
    elif replace:
        raise InputError(
            "--replace rebuilds only the default demo.db; for another database, "
            "remove the runner 'demo' yourself or choose another database"
        )
    uow = SqlUnitOfWork.connect(url)
    with uow:
        if uow.repo.athlete(demo.NAME) is not None:
            raise ConflictError(
                f"a runner '{demo.NAME}' is already stored in "
                f"{uow.db.display}; choose another --database-url"
            )
    click.echo(
        "Building the demo runner day by day through the training log (this takes a "
        "little while)..."
    )
    done = demo.build(uow, today)
    shown = uow.db.display
    click.echo(
        f"Stored runner '{done.athlete}' in {shown}: {demo.WEEKS_OF_HISTORY} weeks from "
        f"{done.start.isoformat()} with {done.sessions_logged} sessions logged, {done.checkins} "
        f"morning check-ins, {done.retests} retests, {done.runs} runs and {done.shoes} pairs of "
        "shoes."
    )
    where = f"--database-url {shown} --athlete {done.athlete}"
    click.echo("Your own data is not touched. Look around:")
    for command in (
        "status",
        "week",
        "load",
        "shoes",
        "chart adherence adherence.png",
        "chart load load.svg",
        "print demo-plan.pdf",
        "calendar demo-plan.ics",
        "serve",
    ):
        click.echo(f"  footcore {command} {where}")
