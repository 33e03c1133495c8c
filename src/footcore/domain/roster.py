"""What a coach sees of each athlete: adherence in compliance colours, pain and its trend, and
the alerts (pain, red flag, retests failed, engagement, running spikes that restrict the foot
plan), each with its reason and source. Pure: the facts come in, already read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Colour(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"  # nothing planned in the window


@dataclass(frozen=True, slots=True)
class Compliance:
    green_low: int
    green_high: int
    yellow_low: int
    yellow_high: int


def adherence(done: int, planned: int) -> int | None:
    return None if planned == 0 else round(100 * done / planned)


def colour(percent: int | None, c: Compliance) -> Colour:
    """TrainingPeaks' colours: green within ±20% of planned, yellow 50-79% or 121-150%, red
    otherwise (a vendor convention)."""
    if percent is None:
        return Colour.NONE
    if c.green_low <= percent <= c.green_high:
        return Colour.GREEN
    if c.yellow_low <= percent < c.green_low or c.green_high < percent <= c.yellow_high:
        return Colour.YELLOW
    return Colour.RED


@dataclass(frozen=True, slots=True)
class AlertRules:
    pain_critical: int
    pain_rise: int
    engagement_low_days: int
    engagement_stalled_days: int
    engagement_dropped_days: int
    failed_retests: int


@dataclass(frozen=True, slots=True)
class RosterWindows:
    """How far back the roster looks (team.toml [roster])."""

    pain_window_days: int  # the worst pain of these days, its trend against as many before
    spike_days: int  # running spikes counted over these days


@dataclass(frozen=True, slots=True)
class Alert:
    """`key` names this occurrence (kind and the day that raised it), so an acknowledged alert
    comes back only when something new raises it."""

    key: str
    kind: str
    severity: str  # critical, high, medium
    reason: str
    source: str


@dataclass(frozen=True, slots=True)
class Facts:
    """What the alerts are raised from, for one athlete on `today`."""

    today: date
    pain_by_day: dict[date, int] = field(default_factory=dict)  # worst reported pain per day
    pause: tuple[date, str] | None = None  # an open red-flag pause: started, message
    retests: tuple[tuple[date, bool | None], ...] = ()  # in date order
    last_activity: date | None = None
    active_since: date | None = None  # when the plan started (for engagement before any log)
    restriction: tuple[date, str] | None = None  # the trigger day and reason, if one is active


MEDBRIDGE = "MedBridge alert convention (vendor, not evidence)"


def pain_trend(
    pain_by_day: dict[date, int], today: date, window_days: int
) -> tuple[int | None, str]:
    """The worst pain of the last `window_days` and its trend against as many days before."""
    recent = [p for d, p in pain_by_day.items() if 0 <= (today - d).days < window_days]
    before = [
        p for d, p in pain_by_day.items() if window_days <= (today - d).days < 2 * window_days
    ]
    worst = max(recent) if recent else None
    if worst is None or not before:
        return worst, "unknown"
    earlier = max(before)
    return worst, "rising" if worst > earlier else "falling" if worst < earlier else "steady"


def alerts(f: Facts, rules: AlertRules) -> list[Alert]:
    out: list[Alert] = []
    days = sorted(f.pain_by_day)
    if days:
        last = days[-1]
        pain = f.pain_by_day[last]
        if pain >= rules.pain_critical:
            out.append(
                Alert(
                    f"pain_critical:{last}",
                    "pain",
                    "critical",
                    f"pain {pain}/10 on {last} ({rules.pain_critical} or more is critical)",
                    MEDBRIDGE,
                )
            )
        elif len(days) > 1 and pain - f.pain_by_day[days[-2]] >= rules.pain_rise:
            rise = pain - f.pain_by_day[days[-2]]
            out.append(
                Alert(
                    f"pain_rise:{last}",
                    "pain",
                    "high",
                    f"pain rose {rise} points to {pain}/10 on {last} since {days[-2]}",
                    MEDBRIDGE,
                )
            )
    if f.pause is not None:
        started, message = f.pause
        out.append(
            Alert(
                f"red_flag:{started}",
                "red_flag",
                "critical",
                f"program paused for a red flag since {started}: {message}",
                "footcore red-flag screen (data/redflags.toml)",
            )
        )
    done = [r for r in f.retests if r[1] is not None]
    tail = done[-rules.failed_retests :]
    if len(tail) == rules.failed_retests and not any(passed for _, passed in tail):
        out.append(
            Alert(
                f"retest_failed:{tail[-1][0]}",
                "retest",
                "high",
                f"the last {rules.failed_retests} retests failed (latest {tail[-1][0]})",
                "footcore's choice (the retest gate, data/planner_rules.toml)",
            )
        )
    since = f.last_activity or f.active_since
    if since is not None:
        idle = (f.today - since).days
        for days_, level, severity in (
            (rules.engagement_dropped_days, "dropped", "high"),
            (rules.engagement_stalled_days, "stalled", "medium"),
            (rules.engagement_low_days, "low", "medium"),
        ):
            if idle >= days_:
                out.append(
                    Alert(
                        f"engagement_{level}:{since}",
                        "engagement",
                        severity,
                        f"engagement {level}: no activity for {idle} days (since {since})",
                        MEDBRIDGE,
                    )
                )
                break
    if f.restriction is not None:
        trigger, reason = f.restriction
        out.append(
            Alert(
                f"running_spike:{trigger}",
                "running",
                "high",
                f"a running spike on {trigger} restricts the foot plan: {reason}",
                "footcore load rules (data/load_rules.toml)",
            )
        )
    return out
