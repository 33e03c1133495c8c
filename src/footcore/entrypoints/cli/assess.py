"""`footcore assess`: score a results file, or walk the runner through the battery.

The walk follows the protocol it prints: a test whose protocol asks for three trials per side gets
three clocks per side and keeps the best (the battery's `trials`). A bad answer is asked again,
y/n/yes/no/skip work wherever a yes or no is asked, Enter stops a running clock, and Ctrl-C keeps
the answers already given (written to --save, when given) and exits with 130.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from footcore.bootstrap import knowledge
from footcore.domain.assessment import BatteryTest, ResultKind, Results, SideResult
from footcore.domain.profile import Profile, Runner, Sex
from footcore.domain.redflags import screen
from footcore.entrypoints.cli import prompts
from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import FORMATS, echo_json, parse_date
from footcore.errors import InputError
from footcore.presentation.findings import finding_dict, findings_text
from footcore.presentation.profiles import UNKNOWN_AGE

Answer = float | bool | str | None
Keep = Callable[[Answer], None]
STOPPED = 130  # the shell's code for Ctrl-C
MAX_NUMBER = 1000.0  # no test of the battery measures more (reps, cm or s); a typo guard


@dataclass
class Answers:
    """The answers given so far; what a stop saves."""

    day: date
    values: dict[str, SideResult] = field(default_factory=dict)

    def results(self) -> Results:
        return Results(self.day, dict(self.values))

    def keeper(self, test: str, side: str) -> Keep:
        """Stores one side's answer as soon as it is known (None: nothing to store)."""

        def keep(value: Answer) -> None:
            if value is None:
                return
            old = self.values.get(test, SideResult(None, None))
            self.values[test] = (
                SideResult(value, old.right) if side == "left" else SideResult(old.left, value)
            )

        return keep


def _best(test: BatteryTest, trials: list[float]) -> float:
    return max(trials) if test.higher_is_better else min(trials)


def _ask_number(
    test: BatteryTest, side: str, timer: bool, clock: prompts.EnterClock, keep: Keep
) -> float | None:
    """One side of a number test: `trials` trials (blank ends them early), the best kept; each
    trial goes to `keep` at once, so a stop in trial 3 keeps the first two."""
    top = float(test.hold_s) if test.hold_s else MAX_NUMBER
    kept: list[float] = []
    for trial in range(1, test.trials + 1):
        which = f", trial {trial} of {test.trials}" if test.trials > 1 else ""
        label = f"{test.name}, {side} side{which}"
        held: int | None = None
        if timer and test.hold_s:
            click.prompt(f"{label}: Enter starts the clock", default="", show_default=False)
            held = prompts.countdown(test.hold_s, "clock", clock, click.echo)
        blank = "blank to skip" if not kept else "blank: no more trials"
        value = prompts.ask_number(
            f"{label} ({test.unit}; {blank})", 0.0, top, None if held is None else float(held)
        )
        if value is None:
            break
        kept.append(value)
        keep(_best(test, kept))
    if not kept:
        return None
    best = _best(test, kept)
    if len(kept) > 1:
        click.echo(f"  {side}: best of {len(kept)} = {best:g} {test.unit}")
    return best


def _ask_side(
    test: BatteryTest, side: str, timer: bool, clock: prompts.EnterClock, keep: Keep
) -> float | bool | str | None:
    if test.kind is ResultKind.NUMBER:
        return _ask_number(test, side, timer, clock, keep)
    label = f"{test.name}, {side} side"
    if test.kind is ResultKind.PASS_FAIL:
        answer = prompts.ask_word(f"{label}: pass, fail or skip", ["pass", "fail", "skip"], False)
        return None if answer == "skip" else answer
    return prompts.ask_yes_no(f"{label}: could you do it?", skip=True)


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
    help="Interactive: write the results to this TOML file (on Ctrl-C too: what was answered).",
)
@click.option(
    "--timer/--no-timer",
    default=None,
    help="Show countdown timers; Enter stops one (default: on when typing at a terminal).",
)
@click.option("--date", "day", help="Interactive: the day of the tests (default: today).")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def assess_cmd(
    results_path: Path | None,
    profile_path: Path | None,
    save: Path | None,
    timer: bool | None,
    day: str | None,
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
        answers = Answers(parse_date(day, "--date") or date.today())
        use_timer = sys.stdin.isatty() if timer is None else timer
        try:
            profile = _interactive(k.battery, profile, use_timer, answers)
        except (KeyboardInterrupt, click.Abort, EOFError):
            _stopped(save, answers)
        results = answers.results()
        if save is not None:
            _write_results(save, results)
            click.echo(f"Saved to {save}.")
    done = assess(k, profile, results)
    if fmt == "json":
        echo_json(
            {
                "date": done.date.isoformat(),
                "findings": [finding_dict(f) for f in done.findings],
                "priorities": list(done.priorities),
                "warnings": warnings,
            }
        )
    else:
        click.echo(findings_text(done.findings, done.priorities, k.rules.quality_labels))
        for w in warnings:
            click.echo(f"Warning: {w}")


def _stopped(save: Path | None, answers: Answers) -> NoReturn:
    """Ctrl-C or the end of input: keep what was answered when there is a file for it."""
    n = len(answers.values)
    if save is not None and n:
        _write_results(save, answers.results())
        click.echo(
            f"\nStopped. Saved the {n} test(s) answered to {save}; "
            f"`footcore assess --results {save}` scores them."
        )
    elif n:
        click.echo(f"\nStopped. {n} test(s) were answered but not saved: give --save FILE.")
    else:
        click.echo("\nStopped before any test was answered; nothing to save.")
    click.get_current_context().exit(STOPPED)


def _interactive(
    battery: tuple[BatteryTest, ...], profile: Profile | None, timer: bool, answers: Answers
) -> Profile:
    k = knowledge()
    click.echo("First, a safety screen. Answer yes if any of these is true for you now.")
    positive = [
        key for key, flag in k.red_flags.items() if prompts.ask_yes_no(f"  {flag.label}?", False)
    ]
    screen(positive, k.red_flags)
    click.echo("No red flag: on to the tests.")
    if profile is None:
        click.echo("The norms depend on age and sex, so two questions about you first.")
        age = int(prompts.ask_number("Your age in years, 14-99", 14, 99, whole=True) or 0)
        while not age:
            age = int(prompts.ask_number("Your age in years, 14-99", 14, 99, whole=True) or 0)
        sexes = [s.value for s in Sex]
        sex = prompts.ask_word(
            f"Sex for the norms ({', '.join(sexes)}; blank = unspecified)", sexes
        )
        profile = Profile(runner=Runner(age=int(age), sex=Sex(sex or "unspecified")))
    clock = prompts.make_clock()
    for test in battery:
        click.echo(f"\n{test.name}")
        for i, step in enumerate(test.protocol, start=1):
            click.echo(f"  {i}. {step}")
        left = _ask_side(test, "left", timer, clock, answers.keeper(test.id, "left"))
        answers.keeper(test.id, "left")(left)
        right = _ask_side(test, "right", timer, clock, answers.keeper(test.id, "right"))
        answers.keeper(test.id, "right")(right)
    return profile
