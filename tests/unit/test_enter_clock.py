"""The terminal clock: Enter typed during a wait ends it at once (select on stdin), and the
countdown reports the whole seconds that passed. A pipe stands in for the terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest

from footcore.entrypoints.cli.prompts import TerminalClock, countdown


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """stdin read from a pipe; yields the end to type into."""
    read, write = os.pipe()
    stream = os.fdopen(read, "r")
    monkeypatch.setattr(sys, "stdin", stream)
    yield write
    os.close(write)
    stream.close()


def test_enter_ends_a_wait_at_once_and_is_consumed(typed: int) -> None:
    os.write(typed, b"\n")
    clock = TerminalClock()
    assert clock.wait(30) is True  # returns on the Enter, not after 30 s
    assert clock.wait(0) is False  # the Enter was read: nothing left


def test_a_countdown_stopped_by_enter_reports_the_seconds_held(typed: int) -> None:
    class ThirdSecond:
        calls = 0

        def wait(self, seconds: float) -> bool:
            self.calls += 1
            return self.calls == 3

    shown: list[str] = []
    held = countdown(10, "set 1", ThirdSecond(), lambda text, nl=True: shown.append(text))
    assert held == 2 and "stopped at 2 s" in shown[-1]
    os.write(typed, b"\n")  # Enter already typed: the real clock stops in its first second
    assert countdown(3, "rest", TerminalClock(), lambda text, nl=True: None) == 0
