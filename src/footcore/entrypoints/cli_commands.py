"""CLI commands of the core beyond the library and the planner: assess and learn."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from footcore.bootstrap import knowledge
from footcore.domain.assessment import BatteryTest, ResultKind, Results, SideResult
from footcore.domain.profile import Profile, Runner, Sex
from footcore.domain.redflags import screen
from footcore.entrypoints import render
from footcore.entrypoints.cli import FORMATS, cli, echo_json
from footcore.errors import InputError
from footcore.presenters import cite_all

UNKNOWN_AGE = 30  # a runner who gives no age is compared with the 18-39 norms


@cli.command("learn")
@click.argument("topic", required=False)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def learn_cmd(topic: str | None, fmt: str) -> None:
    """Read about the foot, the running gait, common problems, foot care and recovery."""
    from footcore.adapters.topics import load_topics

    topics = load_topics()
    if topic is None:
        if fmt == "json":
            echo_json([{"id": t.id, "title": t.title, "kind": t.kind} for t in topics.values()])
            return
        for kind in ("anatomy", "gait", "problem", "care", "recovery"):
            group = [t for t in topics.values() if t.kind == kind]
            if group:
                click.echo(f"{kind}:")
                for t in group:
                    click.echo(f"  {t.id:<28} {t.title}")
        click.echo("\n`footcore learn TOPIC` reads one.")
        return
    found = topics.get(topic)
    if found is None:
        raise InputError(f"unknown topic '{topic}'; accepted: {', '.join(topics)}")
    t = found
    if fmt == "json":
        echo_json(
            {
                "id": t.id,
                "title": t.title,
                "kind": t.kind,
                "summary": t.summary,
                "points": list(t.points),
                "related_injury": t.related_injury,
                "exercises": list(t.exercises),
                "sources": list(t.sources),
            }
        )
        return
    click.echo(t.title)
    click.echo("")
    click.echo(t.summary)
    for p in t.points:
        click.echo(f"  - {p}")
    if t.exercises:
        names = [knowledge().catalog.get(e).name for e in t.exercises]
        click.echo(f"\nExercises that help: {', '.join(names)}")
    click.echo(f"Sources: {cite_all(t.sources)}")


# Assessment ------------------------------------------------------------------------------------


def _countdown(seconds: int, enabled: bool) -> None:
    """A visible countdown for a timed test; the runner stops the clock themselves with Enter."""
    if not enabled:
        return
    click.prompt("Press Enter to start the clock", default="", show_default=False)
    for left in range(seconds, 0, -1):
        click.echo(f"\r  {left:3d} s left ", nl=False)
        time.sleep(1)
    click.echo("\r  time! (the test's ceiling)      ")


def _ask_side(test: BatteryTest, side: str, timer: bool) -> float | bool | str | None:
    label = f"{test.name}, {side} side"
    if test.kind is ResultKind.NUMBER:
        if test.hold_s:
            _countdown(test.hold_s, timer)
        raw = click.prompt(f"{label} ({test.unit}; blank to skip)", default="", show_default=False)
        if raw.strip() == "":
            return None
        try:
            value = float(raw)
        except ValueError:
            raise InputError(f"{label}: {raw!r} is not a number") from None
        if value < 0:
            raise InputError(f"{label}: must be 0 or more")
        return value
    if test.kind is ResultKind.PASS_FAIL:
        answer = click.prompt(f"{label}: pass or fail", type=click.Choice(["pass", "fail", "skip"]))
        return None if answer == "skip" else answer
    answer = click.prompt(f"{label}: could you do it?", type=click.Choice(["yes", "no", "skip"]))
    return None if answer == "skip" else answer == "yes"


def _write_results(path: Path, results: Results) -> None:
    lines = [f"date = {results.date.isoformat()}"]
    for test, side in results.values.items():
        parts = []
        for name, v in (("left", side.left), ("right", side.right)):
            if v is None:
                continue
            text = (
                ("true" if v else "false")
                if isinstance(v, bool)
                else (f'"{v}"' if isinstance(v, str) else f"{v:g}")
            )
            parts.append(f"{name} = {text}")
        lines.append(f"{test} = {{ {', '.join(parts)} }}")
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the results ({exc.strerror})") from None


@cli.command("assess")
@click.option(
    "--results",
    "results_path",
    type=click.Path(path_type=Path),
    help="Score a results file instead of walking through the tests.",
)
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(path_type=Path),
    help="Your profile, for age and sex norms (otherwise you are asked).",
)
@click.option(
    "--save",
    type=click.Path(path_type=Path),
    help="Interactive: write the results to this TOML file.",
)
@click.option(
    "--timer/--no-timer",
    default=None,
    help="Show countdown timers (default: on when typing at a terminal).",
)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def assess_cmd(
    results_path: Path | None,
    profile_path: Path | None,
    save: Path | None,
    timer: bool | None,
    fmt: str,
) -> None:
    """Score the baseline assessment against published norms (interactive without --results)."""
    from footcore.adapters.inputs import read_profile, read_results
    from footcore.services.planning import assess

    k = knowledge()
    profile = read_profile(profile_path) if profile_path else None
    warnings: list[str] = []
    if results_path is not None:
        results = read_results(results_path)
        if profile is None:
            # Norms depend on age and sex; without a profile, compare with young adults.
            profile = Profile(runner=Runner(age=UNKNOWN_AGE))
            warnings.append(
                f"no --profile given: compared with the norms of age {UNKNOWN_AGE}, sex "
                "unspecified; give --profile for your own age and sex"
            )
    else:
        timer = sys.stdin.isatty() if timer is None else timer
        profile, results = _interactive(k.battery, profile, timer)
        if save is not None:
            _write_results(save, results)
            click.echo(f"Saved to {save}.")
    done = assess(k, profile, results)
    if fmt == "json":
        echo_json(
            {
                "date": done.date.isoformat(),
                "findings": [render.finding_dict(f) for f in done.findings],
                "priorities": list(done.priorities),
                "warnings": warnings,
            }
        )
    else:
        click.echo(render.findings_text(done.findings, done.priorities, k.rules.quality_labels))
        for w in warnings:
            click.echo(f"Warning: {w}")


def _interactive(
    battery: tuple[BatteryTest, ...], profile: Profile | None, timer: bool
) -> tuple[Profile, Results]:
    from datetime import date

    k = knowledge()
    click.echo("First, a safety screen. Answer yes if any of these is true for you now.")
    positive = []
    for key, flag in k.red_flags.items():
        if click.confirm(f"  {flag.label}?", default=False):
            positive.append(key)
    screen(positive, k.red_flags)
    if profile is None:
        age = click.prompt("Your age", type=click.IntRange(14, 99))
        sex = click.prompt(
            "Sex (for norms)", type=click.Choice([s.value for s in Sex]), default="unspecified"
        )
        profile = Profile(runner=Runner(age=age, sex=Sex(sex)))
    values: dict[str, SideResult] = {}
    for test in battery:
        click.echo(f"\n{test.name}")
        for i, step in enumerate(test.protocol, start=1):
            click.echo(f"  {i}. {step}")
        left = _ask_side(test, "left", timer)
        right = _ask_side(test, "right", timer)
        if left is not None or right is not None:
            values[test.id] = SideResult(left, right)
    return profile, Results(date.today(), values)
