"""`footcore profile show` and `footcore profile set`: the stored profile, and one change to it
(which re-plans from tomorrow on)."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import FORMATS, _uow, echo_json, storage_options


@cli.group("profile")
def profile_group() -> None:
    """Show or change the stored profile (a change re-plans from tomorrow on)."""


@profile_group.command("show")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@storage_options
def profile_show_cmd(fmt: str, database_url: str | None, athlete: str) -> None:
    """Show the stored profile."""
    from footcore.services import training

    raw = training.profile_show(_uow(database_url), athlete, date.today())
    if fmt == "json":
        echo_json(raw)
        return
    for key, value in sorted(_flatten(raw).items()):
        click.echo(f"{key} = {value!r}")


def _flatten(raw: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, dict) and key != "pain":
            out.update(_flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


@profile_group.command("set")
@click.argument("key")
@click.argument("value")
@storage_options
def profile_set_cmd(key: str, value: str, database_url: str | None, athlete: str) -> None:
    """Set KEY (dotted, e.g. schedule.minutes_per_day, health.pain.knee) to VALUE.

    Lists take commas: footcore profile set equipment.items towel,band
    """
    from footcore.services import training

    done = training.profile_set(_uow(database_url), athlete, key, value, date.today())
    if not done.changed:
        click.echo(f"{key} is already {done.value!r}; nothing changed.")
    else:
        click.echo(
            f"{key} = {done.value!r}. The plan is re-planned from "
            f"{done.replanned_from}; past sessions and logs are unchanged."
        )
