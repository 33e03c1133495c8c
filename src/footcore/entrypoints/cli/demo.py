"""`--demo` for every command that reads a runner: the demo runner in demo.db (next to your own
database, never in it), built first when it is missing, as `serve --demo` does."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from footcore.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])


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
