"""Logging what was done and how the next morning felt; red flags pause the program.

Every log is idempotent: the same log sent twice is reported as already logged and stored once; a
different log for the same exercise, day and side is a conflict (exit 2), never an overwrite.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from footcore.adapters.program_limits_file import load_program_limits
from footcore.domain.program import CheckIn, Pause
from footcore.domain.program import Logged as ProgramLogged
from footcore.domain.program.checkins import check_checkin
from footcore.domain.program.logbook import (
    LogEntry,
    check_past,
)
from footcore.domain.redflags import referral_message
from footcore.errors import RedFlagError
from footcore.services.adapting import DecisionInfo, decide_session, record
from footcore.services.context import Runner
from footcore.services.flare_response import reduce_loading
from footcore.services.ports import Programs
from footcore.services.weekly import catch_up

# What one log may hold, per set (data/program_limits.toml [log]); the API's schema reads it here.
LOG_RANGES = load_program_limits().log

__all__ = ["LOG_RANGES", "CheckedIn", "LogEntry", "Logged", "check_past", "checkin", "log_many"]
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Logged:
    entry: LogEntry
    already: bool
    slot: str
    sets: int
    measure: str
    decision: DecisionInfo | None


@dataclass(frozen=True)
class CheckedIn:
    day: date
    area: str
    morning_pain: int
    already: bool
    decisions: list[DecisionInfo] = field(default_factory=list)
    stiffness: int | None = None


def ensure_not_paused(runner: Runner) -> None:
    pause = runner.pause()
    if pause is not None:
        raise RedFlagError(pause.message, pause.symptoms, action="clear")


def pause_for(runner: Runner, symptoms: Sequence[str]) -> str | None:
    """Store a pause for any red flag among the symptoms; the referral message, or None."""
    flags = runner.red_flags
    positive = [flags[s] for s in symptoms if s in flags]
    if not positive:
        return None
    message = referral_message(positive)
    if runner.pause() is None:
        pause = Pause(runner.as_of, tuple(f.symptom for f in positive), message)
        runner.paused(pause)
        runner.uow.programs.add_pause(runner.id, pause)
        record(runner, "", "pause", "none", message, [s for f in positive for s in f.sources])
    return message


def store_logs(
    programs: Programs,
    athlete_id: int,
    as_of: date,
    entries: Sequence[LogEntry],
    pause: Pause | None,
    ranges: Mapping[str, tuple[int, int]],
    pain_areas: Iterable[str],
) -> list[ProgramLogged]:
    """The use case's core: load the program of the logged days once, log into it, save it once."""
    program = programs.get(athlete_id, as_of, {e.day for e in entries}, pause)
    done = program.log_many(entries, ranges, pain_areas)
    programs.save(program)
    return done


def log_exercise(runner: Runner, entry: LogEntry, decide: bool = True) -> Logged:
    """Store one log and (unless `decide` is False) decide for its exercise; the caller commits."""
    return log_many(runner, [entry], decide)[0]


def log_many(runner: Runner, entries: Sequence[LogEntry], decide: bool = True) -> list[Logged]:
    """Store a session's logs through the program (loaded once, saved once), then decide once per
    exercise with all its sides in: deciding after the left side alone would judge a session
    whose right side is still on its way."""
    from footcore.adapters.datafiles import vocabulary

    catalog, areas = runner.catalog, vocabulary().words("pain_areas")
    for e in entries:
        catalog.get(e.exercise)  # an unknown id is a NotFoundError naming the fix
    pause = runner.pause()  # read once per transaction
    if pause is None:
        catch_up(runner)  # settle ended weeks first: a repeat week moves the sessions
    limits = runner.limits.log
    done = store_logs(runner.uow.programs, runner.id, runner.as_of, entries, pause, limits, areas)
    decided: dict[tuple[str, date], DecisionInfo | None] = {}
    if decide:
        for d in done:
            key = (d.record.slot, d.record.day)
            if not d.already and key not in decided:
                decided[key] = decide_session(runner, *key)
    return [
        Logged(
            e,
            d.already,
            d.record.slot,
            d.record.sets,
            d.measure,
            None if d.already else decided.get((d.record.slot, d.record.day)),
        )
        for e, d in zip(entries, done, strict=True)
    ]


def checkin(
    runner: Runner,
    day: date,
    morning_pain: int,
    area: str = "",
    symptoms: Sequence[str] = (),
    stiffness: int | None = None,
) -> CheckedIn:
    """Store the next-morning check-in and decide again for the day before; the caller commits.

    A red-flag symptom stores a pause and raises RedFlagError after the caller's commit (the
    caller gets the message in `pause_message`).
    """
    from footcore.adapters.datafiles import vocabulary

    words = vocabulary()
    c = CheckIn(day, area, morning_pain, stiffness, tuple(sorted(symptoms)))
    check_checkin(c, runner.as_of, words.words("pain_areas"), words.words("symptoms"))
    catch_up(runner)  # settle ended weeks before anything is decided
    program = runner.uow.programs.get(runner.id, runner.as_of, [day], None, checkins=True)
    if program.check_in(c):
        return CheckedIn(day, area, morning_pain, True)
    runner.uow.programs.save(program)
    pause_for(runner, symptoms)
    before = day - DAY
    slots = dict.fromkeys(
        lg.slot
        for lg in runner.uow.programs.logs_between(runner.id, before, before)
        if not area or lg.pain_area in (area, "")
    )
    decisions = [d for s in slots if (d := decide_session(runner, s, before)) is not None]
    decisions += reduce_loading(runner, day, area, morning_pain, slots)
    return CheckedIn(day, area, morning_pain, False, decisions, stiffness)
