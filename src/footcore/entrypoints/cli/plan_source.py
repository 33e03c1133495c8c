"""Where an exported plan comes from: the stored runner (--athlete, --database-url, as every
training command), or with --profile from files, as `footcore plan` makes it (for a physio who
stores no runner). The options that choose it are shared by `calendar` and `print`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from footcore.bootstrap import knowledge
from footcore.entrypoints.cli.options import parse_date, storage_options
from footcore.errors import InputError

if TYPE_CHECKING:  # the progress and load modules are imported only when a command runs
    from footcore.domain.plan import Plan
    from footcore.domain.profile import Profile
    from footcore.domain.progress import Progress


@dataclass(frozen=True)
class Source:
    """The plan to export, whose it is, and what has been done so far."""

    plan: Plan
    profile: Profile
    athlete: str  # the stable id in calendar UIDs
    name: str  # the runner's name for titles
    progress: Progress | None  # None: built from files, nothing logged
    first_week: int  # the week to print from by default


def plan_source_options(f: Any) -> Any:
    """--profile and friends (files, as `footcore plan`), else the stored runner."""
    options = (
        click.option(
            "--profile",
            "profile_path",
            type=click.Path(path_type=Path),
            help="Build the plan from this profile (TOML) instead of the stored runner.",
        ),
        click.option(
            "--assessment",
            type=click.Path(path_type=Path),
            help="With --profile: the assessment results (TOML).",
        ),
        click.option(
            "--start", help="With --profile: first day of the plan, YYYY-MM-DD (default today)."
        ),
        click.option(
            "--weeks",
            type=int,
            help="With --profile: the plan's length in weeks, as "
            "`footcore plan` (default 24). A stored plan: how many weeks to export.",
        ),
    )
    for option in reversed(options):
        f = option(f)
    return storage_options(f)


def plan_source(
    profile_path: Path | None,
    assessment: Path | None,
    start: str | None,
    weeks: int | None,
    database_url: str | None,
    athlete: str,
) -> Source:
    """The plan to export: the stored runner's, or with `profile_path` one made from files."""
    if profile_path is None:
        if assessment is not None or start is not None:
            raise InputError(
                "--assessment and --start need --profile (a stored runner's plan has its own)"
            )
        from footcore.adapters.storage.uow import SqlUnitOfWork
        from footcore.services.exports import stored_runner

        found = stored_runner(SqlUnitOfWork.connect(database_url), athlete, date.today())
        return Source(
            found.plan,
            found.profile,
            athlete,
            found.profile.runner.name or athlete,
            found.progress,
            found.current_week(),
        )
    from footcore.adapters.inputs import read_profile, read_results
    from footcore.services.planning import make_plan

    profile = read_profile(profile_path)
    results = read_results(assessment) if assessment is not None else None
    first = parse_date(start, "--start") or date.today()
    plan = make_plan(knowledge(), profile, results, first, weeks)
    # No stored athlete: the runner's name (or the profile file's name) keeps the UIDs stable
    # from one export to the next.
    return Source(
        plan, profile, profile.runner.name or profile_path.stem, profile.runner.name, None, 1
    )


def weeks_to_export(
    src: Source, first: int | None, weeks: int | None, from_files: bool
) -> tuple[int, int | None]:
    """(first week, count): from files, --weeks is the plan's length and all of it is exported."""
    return (first or src.first_week, None if from_files else weeks)
