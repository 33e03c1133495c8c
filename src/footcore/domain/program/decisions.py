"""The decision after one logged session, over plain values: what the session's logs, the
runner's check-ins and logs around it and the pre-flare baseline say about it (an `Outcome`),
and what the pain-monitoring model then decides (domain/adaptation.py `decide`).

Storage reads the logs and check-ins up to the morning after the session, once; everything
below is pure, so a decision is unit-testable without a database (tests/unit/
test_program_scenario.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from footcore.domain.adaptation import (
    AdaptationRules,
    Decision,
    Kind,
    Options,
    Outcome,
    decide,
    weekly_trend,
)
from footcore.domain.catalog import Dose
from footcore.domain.flare import Baseline, PainDay, pre_flare_baseline
from footcore.domain.program.checkins import CheckIn
from footcore.domain.program.levels import DecisionLike
from footcore.domain.program.logbook import LogRecord

DAY = timedelta(days=1)


def pain_days(
    checkins: Sequence[CheckIn], logs: Sequence[LogRecord], area: str, end: date
) -> list[PainDay]:
    """Every day up to `end` with its morning pain and worst session pain for an area: the area's
    own check-in, else the overall one ('' = the worst of any area); logs of the area or unnamed."""
    mornings: dict[date, dict[str, int]] = {}
    for c in checkins:
        if c.day <= end:
            mornings.setdefault(c.day, {})[c.area] = c.morning_pain
    sessions: dict[date, int] = {}
    for lg in logs:
        if lg.day <= end and (not area or lg.pain_area in (area, "")):
            sessions[lg.day] = max(sessions.get(lg.day, 0), lg.pain)
    days = []
    for day in sorted(set(mornings) | set(sessions)):
        by_area = mornings.get(day, {})
        morning = (
            by_area.get(area, by_area.get("")) if area else max(by_area.values(), default=None)
        )
        days.append(PainDay(day, morning, sessions.get(day)))
    return days


def baseline(
    checkins: Sequence[CheckIn],
    logs: Sequence[LogRecord],
    on: date,
    area: str,
    profile_pain: Mapping[str, int],
    rules: AdaptationRules,
) -> Baseline:
    """The baseline a morning of `on` in `area` is judged against; before any quiet morning, the
    pain the runner's profile gives for the area (the worst of them without an area)."""
    fallback = profile_pain.get(area, 0) if area else max(profile_pain.values(), default=0)
    return pre_flare_baseline(
        pain_days(checkins, logs, area, on),
        on,
        rules.safe_max,
        rules.acceptable_max,
        rules.baseline,
        fallback,
    )


def _pains(
    checkins: Sequence[CheckIn], logs: Sequence[LogRecord], area: str, start: date, end: date
) -> list[int]:
    return [
        lg.pain for lg in logs if start <= lg.day <= end and (not area or lg.pain_area == area)
    ] + [c.morning_pain for c in checkins if start <= c.day <= end and (not area or c.area == area)]


def _stiffness(checkins: Sequence[CheckIn], area: str, start: date, end: date) -> list[int]:
    return [
        c.stiffness
        for c in checkins
        if start <= c.day <= end and c.stiffness is not None and (not area or c.area in (area, ""))
    ]


def _morning(checkins: Sequence[CheckIn], day: date, area: str) -> int | None:
    by_area = {c.area: c.morning_pain for c in checkins if c.day == day}
    if area in by_area:
        return by_area[area]
    if "" in by_area:
        return by_area[""]
    return max(by_area.values()) if by_area and not area else None


def session_outcome(
    day: date,
    session: Sequence[LogRecord],
    prescribed: Dose,
    checkins: Sequence[CheckIn],
    logs: Sequence[LogRecord],
    profile_pain: Mapping[str, int],
    rules: AdaptationRules,
) -> Outcome:
    """How one slot's session of `day` went: `session` are its logs (at least one), `checkins`
    and `logs` the runner's up to the morning after (what the baseline and the weekly trend read).
    """
    worst = max(session, key=lambda lg: (lg.pain, lg.pain_area != ""))
    area = worst.pain_area or next((lg.pain_area for lg in session if lg.pain_area), "")
    measures = [m for lg in session if (m := lg.reps or lg.hold_s or lg.distance_m) is not None]
    rpes = [lg.rpe for lg in session if lg.rpe is not None]
    w = rules.trend_window_days
    this = (day - (w - 1) * DAY, day)
    last = (day - (2 * w - 1) * DAY, day - w * DAY)
    return Outcome(
        day=day,
        prescribed=prescribed,
        sets_done=min(lg.sets for lg in session),
        measure_done=min(measures) if measures else None,
        sides_done=frozenset(lg.side for lg in session),
        pain=worst.pain,
        area=area,
        rpe=max(rpes) if rpes else None,
        morning_pain=_morning(checkins, day + DAY, area),
        baseline_pain=baseline(checkins, logs, day + DAY, area, profile_pain, rules).value,
        rising=weekly_trend(
            _pains(checkins, logs, area, *this), _pains(checkins, logs, area, *last), area, rules
        )
        or weekly_trend(
            _stiffness(checkins, area, *this),
            _stiffness(checkins, area, *last),
            area,
            rules,
            "morning stiffness",
        ),
    )


def decide_session(
    day: date,
    session: Sequence[LogRecord],
    prescribed: Dose,
    checkins: Sequence[CheckIn],
    logs: Sequence[LogRecord],
    profile_pain: Mapping[str, int],
    opts: Options,
    rules: AdaptationRules,
) -> Decision:
    """The decision for one slot's session of `day` (see `session_outcome` for the values)."""
    outcome = session_outcome(day, session, prescribed, checkins, logs, profile_pain, rules)
    return decide(outcome, opts, rules)


def flare_reach(base: Baseline, session_day: date) -> date:
    """The first session a flare's reductions are dated from: decisions are dated by sessions,
    so a flare opened by a morning reaches back to the session before that morning."""
    return min(base.flare_session or session_day, session_day)


def reduced_in_flare(decisions: Sequence[DecisionLike], since: date) -> bool:
    """Whether a slot already took its step down in the flare reaching back to `since`: one step
    per flare, not one per morning above the baseline."""
    return any(
        d.kind == Kind.REGRESS.value and d.session_date is not None and d.session_date >= since
        for d in decisions
    )


def flare_reason(morning: int, day: date, area: str, base: Baseline, name: str) -> str:
    """Why a flare's morning takes volume from an exercise loading the painful area."""
    where = area or "painful area"
    return (
        f"morning pain{f' ({area})' if area else ''} {morning}/10 on {day.isoformat()} "
        f"is worse than your baseline ({base.text}) and {name} loads the {where}"
    )
