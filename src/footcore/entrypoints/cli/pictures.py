"""Writing pictures from the command line: `exercise ID --picture FILE` and
`exercises --contact-sheet FILE` (.svg or .png). Messages go to stderr so that `--format json`
output stays JSON."""

from __future__ import annotations

from pathlib import Path

import click

from footcore.bootstrap import pictures

SUFFIXES = (".svg", ".png")


def write_picture(path: Path, exercise_id: str) -> None:
    from footcore.adapters.exporters.files import check_target, write_atomic
    from footcore.adapters.pictures.sheet import picture_file

    suffix = check_target(path, SUFFIXES, "picture")
    picture = pictures().exercises[exercise_id]
    write_atomic(path, picture_file(picture, suffix))
    click.echo(f"Wrote {path}: {len(picture.steps)} steps of {picture.title}.", err=True)


def write_contact_sheet(path: Path, exercise_ids: list[str], with_tests: bool) -> None:
    from footcore.adapters.exporters.files import check_target, write_atomic
    from footcore.adapters.pictures.sheet import sheet_file

    suffix = check_target(path, SUFFIXES, "contact sheet")
    p = pictures()
    chosen = [p.exercises[i] for i in exercise_ids]
    if with_tests:
        chosen += list(p.tests.values())
    if not chosen:
        click.echo(f"No exercise matches; {path} not written.", err=True)
        return
    write_atomic(path, sheet_file(chosen, suffix))
    click.echo(f"Wrote {path}: {len(chosen)} pictures.", err=True)
