"""What the CLI's commands share: output formats, dates, the storage options and their unit of
work, and `--demo` (the demo runner in demo.db, next to your own database, never in it, built first
when it is missing, as `serve --demo` does)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.core import ParameterSource

from footcore.errors import InputError
from footcore.presentation.days import decision_line

if TYPE_CHECKING:
    from footcore.adapters.storage.uow import SqlUnitOfWork

FORMATS = click.Choice(["text", "json"])


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"{option} {value!r} is not a date; use YYYY-MM-DD, e.g. 2026-03-02"
        ) from None


F = TypeVar("F", bound=Callable[..., Any])


def storage_options(fn: F) -> F:
    fn = click.option(
        "--athlete",
        default="default",
        show_default=True,
        help="Which runner (one database holds many).",
    )(fn)
    fn = click.option(
        "--database-url",
        envvar="FOOTCORE_DATABASE_URL",
        help="postgresql://USER@HOST:PORT/DB or sqlite:///PATH (default: "
        "footcore.db in FOOTCORE_HOME or your data folder).",
    )(fn)
    return fn


def _uow(url: str | None) -> SqlUnitOfWork:
    """The unit of work of this command; its connections close when the command ends."""
    from footcore.adapters.storage.uow import SqlUnitOfWork

    uow = SqlUnitOfWork.connect(url)
    click.get_current_context().call_on_close(uow.dispose)
    return uow


def _day(value: str | None) -> date:
    return parse_date(value, "--date") or date.today()


def demo_database() -> tuple[str, str]:
    """The demo's database URL and runner, building the demo through its service if needed."""
    from footcore.adapters.storage.database import data_home
    from footcore.adapters.storage.uow import SqlUnitOfWork
    from footcore.services import demo

    url = f"sqlite:///{data_home() / 'demo.db'}"
    uow = SqlUnitOfWork.connect(url)
    try:
        with uow:
            missing = uow.repo.athlete(demo.NAME) is None
        if missing:
            click.echo("footcore: building the demo runner (about half a minute)...", err=True)
            demo.build(uow, date.today())
    finally:
        uow.dispose()
    return url, demo.NAME


def demo_option(fn: F) -> F:
    """Adds --demo: the command reads the demo runner instead of yours (it never writes)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, demo: bool, **kwargs: Any) -> Any:
        if demo:
            ctx = click.get_current_context()
            if getattr(ctx, "invoked_subcommand", None):
                raise InputError(
                    f"--demo only shows the demo runner; `{ctx.info_name} "
                    f"{ctx.invoked_subcommand}` changes data, so leave out --demo"
                )
            given = [
                f"--{name.replace('_', '-')}"
                for name in ("database_url", "athlete")
                if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE
            ]
            if given:
                raise InputError(f"--demo reads the demo runner in demo.db; leave out {given[0]}")
            kwargs["database_url"], kwargs["athlete"] = demo_database()
        return fn(*args, **kwargs)

    option = click.option(
        "--demo",
        is_flag=True,
        help="Read the demo runner (demo.db next to your own database, never in it; built "
        "first if missing, which takes about half a minute).",
    )
    return option(wrapper)  # type: ignore[return-value]


def exercise_name(exercise_id: str) -> str:
    """An exercise as a person reads it: its name ("Trigger-point release"), never its id."""
    from footcore.bootstrap import knowledge

    return knowledge().catalog.name_of(exercise_id)


def _decision_line(d: Any) -> str:
    return decision_line(d, exercise_name(d.exercise))
