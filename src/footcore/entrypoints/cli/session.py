"""`footcore session`: the day's session walked through at the terminal, and saved.

Nothing done is lost: every answer is checked as it is typed and asked again when it does not fit,
and Ctrl-C (or the end of input) saves the items already answered, says so and exits with 130.
An item stopped part-way is not stored (its pain was never asked, and a guessed 0/10 would steer
the next dose); the message gives the one `footcore log` line that records what was timed of it.
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from footcore.entrypoints.cli import prompts
from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import _day, _decision_line, _uow, storage_options
from footcore.entrypoints.cli.training import _check_pause, _read_day
from footcore.errors import FootcoreError, RedFlagError
from footcore.presentation.days import day_text
from footcore.presentation.doses import dose_text

if TYPE_CHECKING:
    from footcore.services.logbook import LogEntry
    from footcore.services.queries.day_view import DayView

STOPPED = 130  # the shell's code for Ctrl-C; what was answered before it is saved


@dataclass
class Walked:
    """What the walk through a session gathered, and where it stopped (if it did)."""

    entries: list[LogEntry] = field(default_factory=list)
    stopped: bool = False
    unfinished: str | None = None  # the `footcore log` line for an item stopped part-way


@cli.command("session")
@click.option("--date", "day", help="The day (default: today).")
@click.option(
    "--timer/--no-timer",
    default=None,
    help="Count down holds and rests; Enter stops a countdown (default: on at a terminal).",
)
@storage_options
def session_cmd(
    day: str | None, timer: bool | None, database_url: str | None, athlete: str
) -> None:
    """Walk through the day's session: hold timers, per-side counts; logs it all at once.

    Ctrl-C saves the items already answered and exits with 130.
    """
    when = _day(day)
    view = _read_day(database_url, athlete, when)
    _check_pause(view)
    walked = walk(view, sys.stdin.isatty() if timer is None else timer)
    if walked.entries:
        _save(database_url, athlete, when, walked.entries)
    elif not walked.stopped:
        click.echo("Nothing logged.")
    if walked.stopped:
        saved = len({e.exercise for e in walked.entries})
        kept = f"Saved the {saved} item(s) answered before the stop" if saved else "Nothing saved"
        click.echo(
            f"\nStopped. {kept}; `footcore session --date {when.isoformat()}` "
            "goes on with the rest."
        )
        if walked.unfinished:
            click.echo(f"The item in progress is not saved; to record it: {walked.unfinished}")
        click.get_current_context().exit(STOPPED)


def _save(url: str | None, athlete: str, when: date, entries: list[LogEntry]) -> None:
    """Store the whole session at once; if that is refused, each item alone, so one bad item
    costs only itself."""
    from footcore.services import training

    try:
        done = training.log_session(_uow(url), athlete, entries, date.today())
    except RedFlagError:
        raise
    except FootcoreError as exc:
        click.echo(f"Saving the session at once failed ({exc.message}); saving item by item.")
        done = []
        for e in entries:
            try:
                done += training.log_session(_uow(url), athlete, [e], date.today())
            except RedFlagError:
                raise
            except FootcoreError as one:
                click.echo(f"  Not saved: {e.exercise} ({e.side}): {one.message}")
    names = {d.entry.exercise for d in done if not d.already}
    click.echo(f"Logged {len(names)} item(s) for {when.isoformat()}.")
    shown = []  # the sides of one item share its decision: say it once
    for d in done:
        if d.decision is not None and (line := _decision_line(d.decision)) not in shown:
            shown.append(line)
            click.echo(line)


def walk(view: DayView, timer: bool) -> Walked:
    """Prompt through each item not yet logged; Ctrl-C or the end of input stops the walk and
    keeps what was answered."""
    out = Walked()
    if not view.items:
        click.echo(day_text(view))
        return out
    clock = prompts.make_clock()
    for item in view.items:
        progress: dict[str, Any] = {}
        try:
            out.entries += _item(view, item, timer, clock, progress)
        except (KeyboardInterrupt, click.Abort, EOFError):
            out.stopped = True
            out.unfinished = _log_line(view, item, progress)
            return out
    if out.entries:
        try:
            rpe = prompts.ask_count("\nHow hard was the session overall, 0-10?", 0, 10, 5)
        except (KeyboardInterrupt, click.Abort, EOFError):
            out.stopped = True  # the effort is optional: save the items without it
            return out
        out.entries = [dataclasses.replace(e, rpe=rpe) for e in out.entries]
    return out


def _item(
    view: DayView, item: Any, timer: bool, clock: prompts.EnterClock, progress: dict[str, Any]
) -> list[LogEntry]:
    """Walk one item; `progress` keeps what was timed so far, for the message after a stop."""
    from footcore.services.logbook import LogEntry

    click.echo(f"\n{item.name}: {dose_text(item)}")
    if item.logged:
        click.echo("  already logged")
        return []
    for cue in item.cues:
        click.echo(f"  - {cue}")
    if not prompts.ask_yes_no("  Do it now?", default=True):
        return []
    target = item.reps if item.reps is not None else item.hold_s
    unit = "reps" if item.reps is not None else "seconds"
    done: dict[str, int] = {}
    timed: dict[str, list[int]] = {}
    progress["timed"] = timed
    for side in ("left", "right") if item.per_side else ("both",):
        if timer and item.hold_s:
            timed[side] = []
            for number in range(1, item.sets + 1):
                click.prompt(
                    f"  Enter to start set {number} ({side})", default="", show_default=False
                )
                held = prompts.countdown(item.hold_s, f"set {number} {side}", clock, click.echo)
                timed[side].append(held)
                if number < item.sets and item.rest_s:
                    prompts.countdown(item.rest_s, "rest", clock, click.echo)
        if target is not None:
            held_default = min(timed[side]) if timed.get(side) else target
            done[side] = prompts.ask_count(f"  {unit} per set ({side})", 0, 600, held_default)
    sets_default = min((len(t) for t in timed.values()), default=item.sets) or item.sets
    sets = prompts.ask_count("  sets done", 0, 20, sets_default)
    pain = prompts.ask_count("  pain during it, 0-10", 0, 10, 0)
    area = _ask_area() if pain else ""
    if not sets:
        return []
    counts = set(done.values())
    sides = ["both"] if len(counts) <= 1 else [s for s in done if done[s]]
    entries = []
    for side in sides:
        n: int | None = done[side] if side in done else next(iter(done.values()), None)
        entries.append(
            LogEntry(
                item.exercise_done,
                view.date,
                sets,
                reps=n if item.reps is not None else None,
                hold_s=n if item.hold_s is not None and item.reps is None else None,
                side=side,
                pain=pain,
                pain_area=area,
            )
        )
    return entries


def _ask_area() -> str:
    from footcore.adapters.datafiles import vocabulary

    words = list(vocabulary().words("pain_areas"))
    return prompts.ask_word(f"  where ({', '.join(words)}; blank = not sure)", words)


def _log_line(view: DayView, item: Any, progress: dict[str, Any]) -> str | None:
    """The `footcore log` command that records what was timed of an unfinished item."""
    timed = {side: held for side, held in progress.get("timed", {}).items() if held}
    if not timed:
        return None
    lines = []
    for side, held in timed.items():
        side_opt = "" if side == "both" else f" --side {side}"
        lines.append(
            f"footcore log {item.exercise_done} --date {view.date.isoformat()} --sets "
            f"{len(held)} --hold-s {max(1, min(held))}{side_opt} --pain N"
        )
    return " ; ".join(lines)
