"""What the interactive commands (`session`, `assess`) share: answers checked as they are typed and
asked again when they do not fit, and a countdown that Enter stops.

A prompt never raises on a bad answer: it says what fits and asks again, so a typo after minutes
of timed work costs one more line, not the work. Ctrl-C and the end of input still stop the flow
(as KeyboardInterrupt or click.Abort); the commands catch them and save what was done.
"""

from __future__ import annotations

import difflib
import select
import sys
import time
from collections.abc import Callable, Sequence
from typing import Protocol

import click

YES = ("y", "yes")
NO = ("n", "no")
SKIP = "skip"


def ask_yes_no(text: str, default: bool | None = None, skip: bool = False) -> bool | None:
    """A yes/no answer (y, yes, n, no; `skip` too when allowed, as None); asked until it fits."""
    accepted = "y/n/skip" if skip else "y/n"
    hint = {True: "Y/n", False: "y/N", None: accepted}[default]
    if skip and default is not None:
        hint += "/skip"
    while True:
        raw = click.prompt(f"{text} [{hint}]", default="", show_default=False).strip().lower()
        if raw == "" and default is not None:
            return default
        if raw in YES:
            return True
        if raw in NO:
            return False
        if skip and raw == SKIP:
            return None
        click.echo(f"  Please answer {', '.join((*YES, *NO, *((SKIP,) if skip else ())))}.")


def ask_word(text: str, words: Sequence[str], blank_ok: bool = True) -> str:
    """One word of a vocabulary (blank when allowed); an unknown word is named and asked again."""
    while True:
        raw = click.prompt(text, default="", show_default=False).strip().lower()
        if (raw == "" and blank_ok) or raw in words:
            return raw
        near = difflib.get_close_matches(raw, words, n=1)
        guess = f" Did you mean '{near[0]}'?" if near else ""
        click.echo(f"  '{raw}' is not one of: {', '.join(words)}.{guess}")


def ask_number(
    text: str, low: float, high: float, default: float | None = None, whole: bool = False
) -> float | None:
    """A number in [low, high]; blank is the default (None when there is none = skipped)."""
    shown = "" if default is None else f" [{default:g}]"
    while True:
        raw = click.prompt(f"{text}{shown}", default="", show_default=False).strip()
        if raw == "":
            return default
        try:
            value = int(raw) if whole else float(raw)
        except ValueError:
            value = None
        if value is not None and low <= value <= high:
            return value
        kind = "a whole number" if whole else "a number"
        click.echo(f"  '{raw}' does not fit: type {kind} from {low:g} to {high:g}.")


def ask_count(text: str, low: int, high: int, default: int) -> int:
    """A whole number in [low, high]; blank takes the default."""
    value = ask_number(text, low, high, default, whole=True)
    return int(default if value is None else value)


class EnterClock(Protocol):
    """Waits up to `seconds`; True when the runner pressed Enter in that time."""

    def wait(self, seconds: float) -> bool: ...


class TerminalClock:
    """The real clock: select() on the terminal lets Enter end a wait early (POSIX terminals);
    where stdin cannot be watched (a pipe on Windows, a test's stream) it simply sleeps."""

    def wait(self, seconds: float) -> bool:
        stream = sys.stdin
        try:
            ready, _, _ = select.select([stream], [], [], seconds)
        except (OSError, ValueError, TypeError, AttributeError):
            time.sleep(seconds)
            return False
        if ready:
            stream.readline()
            return True
        return False


def make_clock() -> EnterClock:
    """The clock the commands use; tests replace this function to run timers without sleeping."""
    return TerminalClock()


def countdown(seconds: int, label: str, clock: EnterClock, echo: Callable[..., None]) -> int:
    """Count down `seconds`; Enter stops it. The whole seconds that passed (all of them when it
    ran out)."""
    for passed in range(seconds):
        echo(f"\r  {label}: {seconds - passed:3d} s (Enter stops) ", nl=False)
        if clock.wait(1):
            echo(f"\r  {label}: stopped at {passed} s          ")
            return passed
    echo(f"\r  {label}: done                    ")
    return seconds
