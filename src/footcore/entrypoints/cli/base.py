"""The `footcore` click group. Command modules register on it; `main` imports them, so no
command module imports the module that imports it."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="footcore")
def cli() -> None:
    """footcore: a periodized foot-and-ankle strength program for runners.

    Assess your feet, get a plan that fits your running week, and follow it.
    """
