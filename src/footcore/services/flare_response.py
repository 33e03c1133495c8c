"""A morning above the runner's baseline reaches beyond yesterday's exercises: every exercise that
loads the painful area in the sessions of the following days takes one step of volume away, once
per flare (rules: domain/program/flares.py, data/adaptation_rules.toml [baseline] and
[area_load]; domain/flare.py)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from footcore.domain.flare import morning_reduces
from footcore.domain.program.decisions import baseline, flare_reach
from footcore.domain.program.flares import flare_decision, loading_items, to_reduce
from footcore.services.adapting import DecisionInfo, settle, slot_options, week_of
from footcore.services.context import Runner
from footcore.services.slot_store import Knows, Slots

DAY = timedelta(days=1)


def reduce_in_flare(
    slots: Slots, runner: Knows, day: date, area: str, morning: int, decided: Iterable[str]
) -> list[DecisionInfo]:
    """Reduce the exercises loading `area` over the days from `day` on after a morning above the
    baseline; `decided` are the slots already decided from yesterday's session. The decisions are
    dated by the session the morning follows (the day before)."""
    rules = runner.adapt
    checkins, logs = slots.history(runner.id, day)
    base = baseline(checkins, logs, day, area, runner.profile.health.pain, rules)
    if not morning_reduces(morning, base, rules.safe_max, rules.baseline):
        return []
    session_day = day - DAY
    # Decisions are dated by sessions: a flare opened by a morning has its first ones dated by the
    # session before that morning, so the flare's reach starts there, not on the morning's day.
    since = flare_reach(base, session_day)
    ahead = slots.items(runner.id, day, day + rules.baseline.following_days * DAY)
    out: list[DecisionInfo] = []
    for item, ex in loading_items(ahead, day, area, runner.catalog, rules, set(decided)):
        history = slots.decisions(runner.id, item.slot)
        if not to_reduce(history, since):
            continue
        # The week as it stands now: a slot settled before may have taken a variant.
        week = week_of(slots, runner.id, session_day)
        opts = slot_options(runner, item.slot, session_day, item, history, week)
        decision = flare_decision(ex, morning, day, area, base, opts, rules)
        if decision is not None:
            stored = settle(slots, runner, item.slot, session_day, decision, history)
            out.append(DecisionInfo.of(stored))
    return out


def reduce_loading(
    runner: Runner, day: date, area: str, morning: int, decided: Iterable[str]
) -> list[DecisionInfo]:
    """`reduce_in_flare` for a stored runner."""
    return reduce_in_flare(runner.uow.slots, runner, day, area, morning, decided)
