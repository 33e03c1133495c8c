"""The runner's history of pain as plain values (check-ins and logs up to a day, read once), and
the pre-flare baseline for one area from it (the rules: domain/program/decisions.py and
domain/flare.py)."""

from __future__ import annotations

from datetime import date

from footcore.adapters.storage.programs import checkin, log_record
from footcore.domain.flare import Baseline
from footcore.domain.program import CheckIn, LogRecord
from footcore.domain.program.decisions import baseline
from footcore.services.context import Runner


def history(runner: Runner, end: date) -> tuple[list[CheckIn], list[LogRecord]]:
    """Every check-in and log of the runner up to `end` (inclusive), in date order."""
    repo = runner.uow.repo
    return (
        [checkin(c) for c in repo.checkins_between(runner.id, date.min, end)],
        [log_record(lg) for lg in repo.logs_between(runner.id, date.min, end)],
    )


def baseline_for(runner: Runner, on: date, area: str) -> Baseline:
    """The baseline a morning of `on` in `area` is judged against."""
    checkins, logs = history(runner, on)
    return baseline(checkins, logs, on, area, runner.profile.health.pain, runner.adapt)
