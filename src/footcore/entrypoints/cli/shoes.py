"""CLI commands of footwear: shoes (list, add, retire, ramp): distance per pair, the soft
retirement reminder, rotation and the minimalist ramp. Each is one transaction on the database
chosen as for the training log (--database-url, FOOTCORE_DATABASE_URL, FOOTCORE_HOME).

Imports stay inside the commands, as in cli/training.py, so `footcore --help` stays fast.
"""

from __future__ import annotations

from datetime import date

import click

from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import FORMATS, _uow, demo_option, echo_json, storage_options

KINDS = click.Choice(["minimalist", "neutral", "cushioned", "stability", "maximal"])


@cli.group("shoes", invoke_without_command=True)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.option(
    "--explain",
    is_flag=True,
    help="Add why: the reminder's evidence, the rotation study and how the ramp works.",
)
@demo_option
@storage_options
@click.pass_context
def shoes_group(
    ctx: click.Context, fmt: str, explain: bool, database_url: str | None, athlete: str
) -> None:
    """Distance per shoe, the soft retirement reminder, rotation and the minimalist ramp.

    The list says what is; --explain adds why, once: the evidence behind the reminder, the
    rotation study and how the minimalist ramp works, each with its sources.
    """
    if ctx.invoked_subcommand is not None:
        return
    from footcore.presentation.shoes import shoes_dict, shoes_text
    from footcore.services import running

    report = running.shoes_report(_uow(database_url), athlete, date.today())
    if fmt == "json":
        echo_json(shoes_dict(report))
    else:
        click.echo(shoes_text(report, explain))


@shoes_group.command("add")
@click.argument("name")
@click.option("--kind", type=KINDS, default="neutral", show_default=True)
@click.option("--drop-mm", type=float, help="Heel-to-toe drop in mm.")
@click.option("--stack-mm", type=float, help="Stack height in mm.")
@click.option("--weight-g", type=float, help="Weight of one shoe in g.")
@click.option(
    "--reminder-km", type=float, help="Remind me at this distance (480-800 km; default 650)."
)
@storage_options
def shoes_add_cmd(
    name: str,
    kind: str,
    drop_mm: float | None,
    stack_mm: float | None,
    weight_g: float | None,
    reminder_km: float | None,
    database_url: str | None,
    athlete: str,
) -> None:
    """Store a pair of shoes under NAME; runs name it with --shoe."""
    from footcore.services import running

    shoe = running.add_shoe(
        _uow(database_url),
        athlete,
        name,
        date.today(),
        kind,
        drop_mm,
        stack_mm,
        weight_g,
        reminder_km,
    )
    click.echo(
        f"Stored shoe '{shoe.name}' ({shoe.kind}). Runs name it with --shoe "
        f'"{shoe.name}"; `footcore shoes` shows its distance.'
    )


@shoes_group.command("retire")
@click.argument("name")
@storage_options
def shoes_retire_cmd(name: str, database_url: str | None, athlete: str) -> None:
    """Mark a pair retired: its distance stays, its reminder stops."""
    from footcore.services import running

    shoe = running.retire_shoe(_uow(database_url), athlete, name, date.today())
    click.echo(f"Retired '{shoe.name}'.")


@shoes_group.command("ramp")
@click.option(
    "--target-km",
    type=float,
    help="Start the transition, aiming at this many km a week in minimalist shoes.",
)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@storage_options
def shoes_ramp_cmd(
    target_km: float | None, fmt: str, database_url: str | None, athlete: str
) -> None:
    """The minimalist transition: its milestones, and where the ramp stands."""
    from footcore.presentation.shoes import ramp_dict, ramp_lines
    from footcore.presentation.units import units_of
    from footcore.services import running

    uow = _uow(database_url)
    if target_km is not None:
        report = running.start_ramp(uow, athlete, target_km, date.today())
    else:
        report = running.ramp_report(uow, athlete, date.today())
    u = units_of(report.units)
    if fmt == "json":
        echo_json(ramp_dict(report, u))
    else:
        click.echo("\n".join(ramp_lines(report, u)))
