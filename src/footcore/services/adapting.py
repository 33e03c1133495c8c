"""Deciding, after each logged session and each next-morning check-in, what happens next to each
exercise; storing every decision with its reason; and keeping each slot's level (the fold of its
decisions) and the future doses in step with it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from datetime import date, timedelta

from footcore.adapters.storage.models import DecisionRow, PrescriptionRow, StateRow
from footcore.domain.adaptation import Options, can_step
from footcore.domain.catalog import Dose, Phase
from footcore.domain.flare import decision_dates
from footcore.domain.planner import exclusion
from footcore.domain.program.decisions import decide_session as decide_logged
from footcore.domain.program.levels import fold
from footcore.services.baseline import history as pain_history
from footcore.services.context import Runner, dumps
from footcore.services.plan_items import base_dose, refresh


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
    def of(cls, row: DecisionRow) -> DecisionInfo:
        return cls(
            row.exercise,
            row.kind,
            row.action,
            row.variant,
            row.reason,
            tuple(json.loads(row.sources)),
            row.date,
            row.session_date,
            row.made_at,
        )


DAY = timedelta(days=1)


def record(
    runner: Runner,
    slot: str,
    kind: str,
    action: str,
    reason: str,
    sources: tuple[str, ...] | list[str],
    session_date: date | None = None,
    variant: str | None = None,
) -> DecisionRow:
    # A decision about a session is dated by that session; when it was made is kept beside it.
    dated, made_at = decision_dates(session_date, runner.as_of)
    row = DecisionRow(
        athlete_id=runner.id,
        seq=runner.uow.repo.next_seq(runner.id),
        date=dated,
        made_at=made_at,
        session_date=session_date,
        exercise=slot,
        kind=kind,
        action=action,
        variant=variant,
        reason=reason,
        sources=dumps(list(dict.fromkeys(sources))),
    )
    runner.uow.repo.add(row)
    runner.uow.repo.flush()
    return row


def _eligible(
    runner: Runner, ids: tuple[str, ...], phase: Phase, easier: bool, taken: set[str]
) -> str | None:
    """The first variant the runner may do; never one that is already an item of the week."""
    catalog = runner.catalog
    for ex_id in ids:
        ex = catalog.exercises.get(ex_id)
        if ex is None or ex.habit or ex_id in taken:
            continue
        # An easier variant may come from an earlier phase; a harder one must fit this phase.
        at = phase if (phase in ex.phases or not easier) else ex.phases[0]
        if exclusion(ex, runner.profile, at, runner.planner_rules) is None:
            return ex_id
    return None


def _item(runner: Runner, day: date, slot: str) -> PrescriptionRow | None:
    session = runner.uow.repo.session_on(runner.id, day)
    return next((p for p in session.items if p.exercise == slot), None) if session else None


def options_for(
    runner: Runner, slot: str, day: date, item: PrescriptionRow, history: list[DecisionRow]
) -> Options:
    """What the dose and the chain allow for a slot on `day`, from its decisions before then."""
    repo = runner.uow.repo
    level, since = fold(history, slot, before=day)
    base = base_dose(runner, item, level.variant)
    week = repo.week_on(runner.id, day)
    phase = Phase(week.phase) if week is not None else Phase.FOUNDATION
    taken: set[str] = set()
    if week is not None:
        for s in repo.sessions_between(runner.id, week.start, week.start + 7 * DAY):
            taken |= {
                i for p in s.items if p.exercise != slot for i in (p.exercise, p.exercise_done)
            }
    ex = runner.catalog.exercises.get(level.variant)
    protocol = runner.planner_rules.protocols.get(level.variant)
    return Options(
        can_step_up=can_step(base, level.step, +1, runner.adapt.steps),
        can_step_down=can_step(base, level.step, -1, runner.adapt.steps),
        harder=_eligible(runner, ex.progression, phase, False, taken) if ex else None,
        easier=_eligible(runner, ex.regression, phase, True, taken) if ex else None,
        days_at_level=(day - since).days if since is not None else 0,
        names={e.id: e.name for e in runner.catalog},
        protocol=protocol.note if protocol is not None else None,
    )


def decide_session(runner: Runner, slot: str, day: date) -> DecisionInfo | None:
    """Decide (again) for the session of `slot` on `day`; None when nothing was logged.

    A decision identical to the one already in force for that session is not stored twice.
    """
    repo = runner.uow.repo
    # Storage reads, once: the check-ins and logs up to the morning after the session.
    checkins, logs = pain_history(runner, day + DAY)
    session = [lg for lg in logs if lg.day == day and lg.slot == slot]
    item = _item(runner, day, slot) if session else None
    if item is None:
        return None
    history = repo.decisions(runner.id, slot)
    opts = options_for(runner, slot, day, item, history)
    prescribed = Dose(
        sets=item.sets,
        reps=item.reps,
        hold_s=item.hold_s,
        distance_m=item.distance_m,
        per_side=item.per_side,
    )
    decision = decide_logged(
        day, session, prescribed, checkins, logs, runner.profile.health.pain, opts, runner.adapt
    )
    current = next((d for d in reversed(history) if d.session_date == day), None)
    if current is not None and (current.kind, current.action, current.reason) == (
        decision.kind.value,
        decision.action.value,
        decision.reason,
    ):
        return DecisionInfo.of(current)
    row = record(
        runner,
        slot,
        decision.kind.value,
        decision.action.value,
        decision.reason,
        decision.sources,
        day,
        decision.variant,
    )
    info = DecisionInfo.of(row)
    apply_level(runner, slot, day)
    return info


def apply_level(runner: Runner, slot: str, day: date) -> None:
    """Store the slot's level and rewrite its doses from the day after `day` (never the past)."""
    repo = runner.uow.repo
    level, since = fold(repo.decisions(runner.id, slot), slot)
    state = repo.state(runner.id, slot)
    if state is None:
        state = StateRow(
            athlete_id=runner.id, exercise=slot, variant=slot, step=0, since=since or day
        )
        repo.add(state)
    state.variant, state.step, state.since = level.variant, level.step, since or day
    repo.flush()
    refresh(runner, slot, max(day + DAY, runner.as_of))
