"""A morning above the runner's baseline reaches beyond yesterday's exercises: every exercise that
loads the painful area in the sessions of the following days takes one step of volume away, once
per flare (rules: data/adaptation_rules.toml [baseline] and [area_load]; domain/flare.py)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from footcore.adapters.storage.models import PrescriptionRow
from footcore.domain.adaptation import Action, reduce_volume
from footcore.domain.catalog import Exercise
from footcore.domain.flare import loading_slots, morning_reduces
from footcore.domain.program.decisions import flare_reach, flare_reason, reduced_in_flare
from footcore.services.adapting import DecisionInfo, apply_level, options_for, record
from footcore.services.baseline import baseline_for
from footcore.services.context import Runner

DAY = timedelta(days=1)


def reduce_loading(
    runner: Runner, day: date, area: str, morning: int, decided: Iterable[str]
) -> list[DecisionInfo]:
    """Reduce the exercises loading `area` over the days from `day` on after a morning above the
    baseline; `decided` are the slots already decided from yesterday's session. The decisions are
    dated by the session the morning follows (the day before)."""
    rules = runner.adapt
    base = baseline_for(runner, day, area)
    if not morning_reduces(morning, base, rules.safe_max, rules.baseline):
        return []
    session_day = day - DAY
    # Decisions are dated by sessions: a flare opened by a morning has its first ones dated by the
    # session before that morning, so the flare's reach starts there, not on the morning's day.
    since = flare_reach(base, session_day)
    repo, catalog = runner.uow.repo, runner.catalog
    end = day + rules.baseline.following_days * DAY
    items: dict[str, tuple[PrescriptionRow, Exercise]] = {}
    planned: list[tuple[date, str, Exercise]] = []
    for session in repo.sessions_between(runner.id, day, end):
        for p in session.items:
            ex = catalog.exercises.get(p.exercise_done) or catalog.exercises.get(p.exercise)
            if ex is not None:
                planned.append((session.date, p.exercise, ex))
                items.setdefault(p.exercise, (p, ex))
    out: list[DecisionInfo] = []
    for slot in loading_slots(planned, day, area, rules.baseline, set(decided)):
        p, ex = items[slot]
        history = repo.decisions(runner.id, slot)
        if reduced_in_flare(history, since):
            continue  # already reduced in this flare: one step per flare, not per morning
        decision = reduce_volume(
            flare_reason(morning, day, area, base, ex.name),
            rules.morning_sources + rules.baseline.area_sources,
            options_for(runner, slot, session_day, p, history),
        )
        if decision.action is Action.NONE:
            continue
        row = record(
            runner,
            slot,
            decision.kind.value,
            decision.action.value,
            decision.reason,
            decision.sources,
            session_day,
            decision.variant,
        )
        out.append(DecisionInfo.of(row))
        apply_level(runner, slot, session_day)
    return out
