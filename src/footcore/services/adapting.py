"""Deciding, after each logged session and each next-morning check-in, what happens next to each
exercise; storing every decision with its reason; and keeping each slot's level (the fold of its
decisions) and the future doses in step with it.

The rules are pure (domain/program: decisions, decision_log, levels, options, refresh); these use
cases gather their values from `uow.slots` and write back what they decide. Each takes the slots'
store and what it knows of the runner (services/slot_store.py), so unit tests run them on the
in-memory fake; the `Runner` forms below are what the other services call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from footcore.domain.adaptation import Decision, Options
from footcore.domain.catalog import Dose, Phase
from footcore.domain.program import items, options
from footcore.domain.program.decision_log import StoredDecision, appended, in_force
from footcore.domain.program.decisions import decide_session as decide_logged
from footcore.domain.program.items import DatedItem, StoredItem
from footcore.domain.program.levels import fold, stored_level
from footcore.services.context import Runner
from footcore.services.plan_items import keep_in_step
from footcore.services.slot_store import Knows, Slots


@dataclass(frozen=True)
class DecisionInfo:
    """A stored decision as plain values, safe to use after the unit of work has closed."""

    exercise: str
    kind: str
    action: str
    variant: str | None
    reason: str
    sources: tuple[str, ...]
    date: dt.date  # the session's date when it follows a session, else the day it was made
    session_date: dt.date | None
    made_at: dt.date | None = None  # the day the decision was made (None in older databases)

    @classmethod
    def of(cls, d: StoredDecision) -> DecisionInfo:
        return cls(
            d.slot,
            d.kind,
            d.action,
            d.variant,
            d.reason,
            d.sources,
            d.date,
            d.session_date,
            d.made_at,
        )


DAY = timedelta(days=1)


def store(
    slots: Slots,
    athlete_id: int,
    as_of: date,
    slot: str,
    kind: str,
    action: str,
    reason: str,
    sources: Iterable[str],
    session_date: date | None = None,
    variant: str | None = None,
) -> StoredDecision:
    """Append one decision to the athlete's log."""
    decision = appended(
        slots.last_seq(athlete_id),
        slot,
        kind,
        action,
        reason,
        sources,
        as_of,
        session_date,
        variant,
    )
    slots.add_decision(athlete_id, decision)
    return decision


def record(
    runner: Runner,
    slot: str,
    kind: str,
    action: str,
    reason: str,
    sources: tuple[str, ...] | list[str],
    session_date: date | None = None,
    variant: str | None = None,
) -> StoredDecision:
    """Store a decision (a slot's, or the whole program's with slot ''): a decision about a
    session is dated by that session, and the day it was made is kept beside it."""
    return store(
        runner.uow.slots,
        runner.id,
        runner.as_of,
        slot,
        kind,
        action,
        reason,
        sources,
        session_date,
        variant,
    )


@dataclass(frozen=True)
class StoredWeek:
    """The stored week holding a day, as options read it: its phase and its items."""

    phase: Phase
    items: tuple[DatedItem, ...] = ()


def week_of(slots: Slots, athlete_id: int, day: date) -> StoredWeek:
    found = slots.week_on(athlete_id, day)
    if found is None:
        return StoredWeek(Phase.FOUNDATION)
    start, phase = found
    return StoredWeek(phase, tuple(slots.items(athlete_id, start, start + 7 * DAY)))


def slot_options(
    runner: Knows,
    slot: str,
    day: date,
    item: StoredItem,
    history: Sequence[StoredDecision],
    week: StoredWeek,
) -> Options:
    """What the dose and the chain allow for a slot on `day`, from its decisions before then."""
    level, since = fold(history, slot, before=day)
    return options.options_for(
        day,
        level,
        since,
        items.base_dose(item, level.variant, runner.catalog),
        week.phase,
        options.taken((d.item for d in week.items), slot),
        runner.catalog,
        runner.profile,
        runner.planner_rules,
        runner.adapt.steps,
    )


def decide(slots: Slots, runner: Knows, slot: str, day: date) -> DecisionInfo | None:
    """Decide (again) for the session of `slot` on `day`; None when nothing was logged.

    A decision identical to the one already in force for that session is not stored twice.
    """
    # Storage reads, once: the check-ins and logs up to the morning after the session.
    checkins, logs = slots.history(runner.id, day + DAY)
    session = [lg for lg in logs if lg.day == day and lg.slot == slot]
    if not session:
        return None
    item = next((d.item for d in slots.items(runner.id, day, day + DAY, slot)), None)
    if item is None:
        return None
    history = slots.decisions(runner.id, slot)
    week = week_of(slots, runner.id, day)
    d = item.dose  # the session is judged on its sets, measure and sides
    prescribed = Dose(
        sets=d.sets, reps=d.reps, hold_s=d.hold_s, distance_m=d.distance_m, per_side=d.per_side
    )
    decision = decide_logged(
        day,
        session,
        prescribed,
        checkins,
        logs,
        runner.profile.health.pain,
        slot_options(runner, slot, day, item, history, week),
        runner.adapt,
    )
    current = in_force(history, day, decision)
    if current is not None:
        return DecisionInfo.of(current)
    return DecisionInfo.of(settle(slots, runner, slot, day, decision, history))


def settle(
    slots: Slots,
    runner: Knows,
    slot: str,
    day: date,
    decision: Decision,
    history: Sequence[StoredDecision],
) -> StoredDecision:
    """Store a slot's decision about the session of `day`, then its level (the fold of its
    decisions) and its doses from the day after (never the past)."""
    stored = store(
        slots,
        runner.id,
        runner.as_of,
        slot,
        decision.kind.value,
        decision.action.value,
        decision.reason,
        decision.sources,
        day,
        decision.variant,
    )
    slots.set_level(runner.id, slot, stored_level([*history, stored], slot, day))
    start = max(day + DAY, runner.as_of)
    keep_in_step(slots, runner.id, start, runner.catalog, runner.adapt.steps, slot)
    return stored


def decide_session(runner: Runner, slot: str, day: date) -> DecisionInfo | None:
    """Decide (again) for the session of `slot` on `day` (see `decide`)."""
    return decide(runner.uow.slots, runner, slot, day)
