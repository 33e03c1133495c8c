"""The exercise library and plans from files: `exercises`, `exercise` and `plan`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from footcore.bootstrap import knowledge
from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import FORMATS, echo_json, parse_date
from footcore.entrypoints.cli.pictures import write_contact_sheet, write_picture
from footcore.errors import InputError
from footcore.presentation.exercises import exercise_dict, exercise_text
from footcore.presentation.plans import plan_dict, plan_text

# Exercise library ----------------------------------------------------------------------------


@cli.command("exercises")
@click.option("--category", help="Only this category (mobility, activation, strength, ...).")
@click.option(
    "--equipment",
    multiple=True,
    help="Equipment you have; repeat the option. "
    "Lists exercises that need nothing else. Use 'none' for no equipment.",
)
@click.option("--muscle", help="Only exercises that train this muscle.")
@click.option("--search", help="Words to look for in names, aliases and descriptions.")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.option(
    "--contact-sheet",
    "sheet",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write the listed exercises' pictures (and, unfiltered, the tests') to one "
    ".svg or .png file.",
)
@click.argument("more_equipment", nargs=-1, metavar="")
def exercises_cmd(
    category: str | None,
    equipment: tuple[str, ...],
    muscle: str | None,
    search: str | None,
    fmt: str,
    sheet: Path | None,
    more_equipment: tuple[str, ...],
) -> None:
    """List the exercise library."""
    # `--equipment towel band` reads naturally, so words after --equipment belong to it (click
    # options take one value each); commas work too.
    if more_equipment and not equipment:
        raise InputError(f"unexpected argument '{more_equipment[0]}'; did you mean --equipment?")
    equipment = tuple(
        w for item in (*equipment, *more_equipment) for w in item.split(",") if w.strip()
    )
    k = knowledge()
    from footcore.adapters.datafiles import vocabulary

    vocab = vocabulary()
    if category is not None and category not in vocab.words("categories"):
        raise InputError(
            f"--category: unknown word '{category}'; accepted: "
            + ", ".join(vocab.words("categories"))
        )
    have: list[str] | None = None
    if equipment:
        have = [e for e in equipment if e != "none"]
        for e in have:
            if e not in vocab.words("equipment"):
                raise InputError(
                    f"--equipment: unknown word '{e}'; accepted: none, "
                    + ", ".join(vocab.words("equipment"))
                )
        have += list(k.rules.always_available)
    if muscle is not None and muscle not in vocab.words("muscles"):
        raise InputError(
            f"--muscle: unknown word '{muscle}'; accepted: " + ", ".join(vocab.words("muscles"))
        )
    found = k.catalog.filter(category=category, equipment=have, muscle=muscle, text=search)
    if sheet is not None:
        unfiltered = not (category or equipment or muscle or search)
        write_contact_sheet(sheet, [ex.id for ex in found], with_tests=unfiltered)
    if fmt == "json":
        echo_json([exercise_dict(ex) for ex in found])
        return
    if not found:
        click.echo("No exercise matches.")
        return
    width = max(len(ex.id) for ex in found)
    for ex in found:
        gear = ", ".join(ex.equipment) or "no equipment"
        click.echo(f"{ex.id:<{width}}  {ex.category.value:<13} {ex.name} ({gear})")
    click.echo(f"\n{len(found)} exercises. `footcore exercise ID` shows one in full.")


@cli.command("exercise")
@click.argument("exercise_id")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.option(
    "--picture",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write the exercise's picture (its steps drawn) to an .svg or .png file.",
)
def exercise_cmd(exercise_id: str, fmt: str, picture: Path | None) -> None:
    """Show one exercise: how to do it, cues, dose, progressions and sources."""
    k = knowledge()
    ex = k.catalog.get(exercise_id)
    if picture is not None:
        write_picture(picture, ex.id)
    if fmt == "json":
        echo_json(exercise_dict(ex))
    else:
        click.echo(exercise_text(ex, k))


# Planning ------------------------------------------------------------------------------------


def _load_inputs(profile_path: Path, assessment: Path | None) -> tuple[Any, Any]:
    from footcore.adapters.inputs import read_profile, read_results

    profile = read_profile(profile_path)
    results = read_results(assessment) if assessment is not None else None
    return profile, results


@cli.command("plan")
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(path_type=Path),
    required=True,
    help="Your profile (TOML; see examples/runner.toml).",
)
@click.option(
    "--assessment",
    type=click.Path(path_type=Path),
    help="Your assessment results (TOML; see examples/assessment.toml).",
)
@click.option("--start", help="First day of the plan, YYYY-MM-DD (default: today).")
@click.option("--weeks", type=int, help="Length in weeks, 1-104 (default 24).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def plan_cmd(
    profile_path: Path, assessment: Path | None, start: str | None, weeks: int | None, fmt: str
) -> None:
    """Print a periodized foot-and-ankle plan for a runner."""
    from footcore.services.planning import make_plan

    k = knowledge()
    profile, results = _load_inputs(profile_path, assessment)
    first = parse_date(start, "--start") or date.today()
    plan = make_plan(k, profile, results, first, weeks)
    if fmt == "json":
        echo_json(plan_dict(plan))
    else:
        click.echo(plan_text(plan, k, markdown=fmt == "markdown"))
