"""Adapting the plan to the runner's response: the pain-monitoring model and the phase gates.

Pure functions over plain values (evidence.md section 3, Silbernagel 2007):
- pain during the exercise in the acceptable zone (0-5/10 here), settled by the next morning, all
  sets done at a moderate effort, and a week at the current dose -> progress: the dose first
  (reps or hold, up to a cap, then one more set), then the next exercise of the chain;
- pain above the zone -> regress: the easier variant, or less volume when there is none;
- next-morning pain worse than the runner's pre-flare baseline (domain.flare) and beyond the safe
  zone, or pain or stiffness rising week on week -> less volume; a rise within the safe zone holds;
- anything short of progress that is not a reduction -> hold, with the reason.
A red-flag symptom pauses the whole program; that is the caller's screen (domain.redflags).

Doses move on a ladder of whole steps around the planned dose (domain.dose_ladder); the phase
gates that a retest opens are in domain.phase_gates; the values decided over (zones, levels,
outcomes, options, decisions) in domain.adaptation_model.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

# The values, the ladder and the gates live in modules of their own; their names stay importable
# from here.
from footcore.domain.adaptation_model import (
    Action,
    AdaptationRules,
    Decision,
    Kind,
    Level,
    Options,
    Outcome,
    Zone,
)
from footcore.domain.dose_ladder import DoseSteps, can_step, dose_measure, stepped
from footcore.domain.phase_gates import GateResult, GateRules, gate

__all__ = [
    "Action",
    "AdaptationRules",
    "Decision",
    "DoseSteps",
    "GateResult",
    "GateRules",
    "Kind",
    "Level",
    "Options",
    "Outcome",
    "Zone",
    "can_step",
    "decide",
    "dose_measure",
    "gate",
    "missed_week",
    "reduce_volume",
    "stepped",
    "weekly_trend",
]


# Pain ---------------------------------------------------------------------------------------


def weekly_trend(
    this_week: Sequence[int],
    last_week: Sequence[int],
    area: str,
    rules: AdaptationRules,
    what: str = "pain",
) -> str | None:
    """Why pain (or stiffness) is rising week on week (mean up by `trend_rise` or more), or None."""
    if not this_week or not last_week:
        return None
    now, before = sum(this_week) / len(this_week), sum(last_week) / len(last_week)
    if now - before < rules.trend_rise:
        return None
    where = f"{area} {what}" if area else what
    return f"{where} is rising week on week (average {before:.1f} -> {now:.1f}/10)"


def _complete(o: Outcome) -> str | None:
    """Why the session was not complete, or None when every set was done."""
    if o.prescribed.per_side and "both" not in o.sides_done and len(o.sides_done) < 2:
        side = next(iter(o.sides_done), "one")
        return f"only the {side} side was logged"
    if o.sets_done < o.prescribed.sets:
        return f"{o.sets_done} of {o.prescribed.sets} sets were done"
    planned = dose_measure(o.prescribed)
    if planned is not None and o.measure_done is not None and o.measure_done < planned:
        return f"{o.measure_done} of {planned} per set were done"
    return None


def reduce_volume(reason: str, sources: tuple[str, ...], opts: Options) -> Decision:
    if opts.can_step_down:
        return Decision(Kind.REGRESS, Action.LESS, f"{reason}: less volume", sources)
    if opts.easier:
        return Decision(
            Kind.REGRESS,
            Action.EASIER,
            f"{reason}: the easier {opts.name(opts.easier)}",
            sources,
            opts.easier,
        )
    return Decision(
        Kind.HOLD,
        Action.NONE,
        f"{reason}, but the dose is already at its smallest and there is no easier "
        "variant: hold, and see a physiotherapist if it persists",
        sources,
    )


def decide(o: Outcome, opts: Options, rules: AdaptationRules) -> Decision:
    """The decision for one exercise after one session; the reason is always one sentence."""
    zone = rules.zone(o.pain)
    where = f" ({o.area})" if o.area else ""
    if zone is Zone.TOO_MUCH:
        reason = (
            f"pain {o.pain}/10{where} during the exercise is above the acceptable zone "
            f"({rules.zones_text})"
        )
        if opts.easier:
            return Decision(
                Kind.REGRESS,
                Action.EASIER,
                f"{reason}: the easier {opts.name(opts.easier)}",
                rules.zone_sources + rules.regress_sources,
                opts.easier,
            )
        return reduce_volume(reason, rules.zone_sources + rules.regress_sources, opts)
    if o.morning_pain is not None and o.morning_pain > o.baseline_pain:
        worse = (
            f"next-morning pain{where} {o.morning_pain}/10 is worse than your baseline "
            f"({o.baseline_pain}/10, your usual morning before any flare)"
        )
        sources = tuple(dict.fromkeys(rules.morning_sources + rules.baseline.sources))
        if o.morning_pain <= rules.safe_max and not rules.baseline.reduce_within_safe:
            return Decision(
                Kind.HOLD,
                Action.NONE,
                f"{worse} but within the safe zone (0-{rules.safe_max}): the same dose until "
                "it settles",
                sources,
            )
        return reduce_volume(worse, sources, opts)
    if o.rising is not None:
        return reduce_volume(o.rising, rules.trend_sources, opts)
    missing = _complete(o)
    if missing is not None:
        return Decision(
            Kind.HOLD, Action.NONE, f"{missing}: the same dose again", rules.progress_sources
        )
    if o.rpe is None:
        return Decision(
            Kind.HOLD,
            Action.NONE,
            "effort was not logged (effort 0-10): the same dose until it is",
            rules.effort_sources,
        )
    if o.rpe > rules.moderate_rpe_max:
        return Decision(
            Kind.HOLD,
            Action.NONE,
            f"effort {o.rpe}/10 is above moderate (up to {rules.moderate_rpe_max}/10):"
            " the same dose until it feels moderate",
            rules.effort_sources,
        )
    if o.morning_pain is None:
        return Decision(
            Kind.HOLD,
            Action.NONE,
            f"pain {o.pain}/10 is in the {zone.value} zone; progress waits for "
            "tomorrow morning's check-in (pain must settle by the next morning)",
            rules.zone_sources,
        )
    good = (
        f"pain {o.pain}/10 ({zone.value}) settled by the next morning, all sets done at "
        f"effort {o.rpe}/10"
    )
    if opts.days_at_level < rules.progress_after_days:
        return Decision(
            Kind.HOLD,
            Action.NONE,
            f"{good}; the dose steps up after {rules.progress_after_days} days at it "
            f"({opts.days_at_level} so far)",
            rules.progress_sources,
        )
    sources = rules.zone_sources + rules.progress_sources
    if opts.protocol is not None:
        return Decision(
            Kind.HOLD,
            Action.NONE,
            f"{good}; a published protocol keeps its own schedule, not footcore's steps: "
            f"{opts.protocol}",
            rules.zone_sources,
        )
    if opts.can_step_up:
        return Decision(Kind.PROGRESS, Action.MORE, f"{good}: one step more", sources)
    if opts.harder:
        return Decision(
            Kind.PROGRESS,
            Action.HARDER,
            f"{good}, and the dose is at its top: the next exercise, {opts.name(opts.harder)}",
            sources,
            opts.harder,
        )
    return Decision(
        Kind.HOLD,
        Action.NONE,
        f"{good}; the dose and the progression chain are at their top: keep it",
        sources,
    )


def missed_week(planned_days: Sequence[date], logged_days: Sequence[date]) -> bool:
    """A week with planned sessions and not one log in it."""
    return bool(planned_days) and not set(planned_days) & set(logged_days)
