"""The runner's own pre-flare baseline, and which exercises load a painful area.

Silbernagel's pain-monitoring model (evidence.md section 3) asks that pain after activity settle
by the next morning and that a next morning worse than baseline reduce the load. "Baseline" here
is the runner's own: the mornings before the flare began, not the morning before. Comparing each
morning with the one before let a flare hide: after a 7/10 session, mornings of 3/10 each equalled
the one before and counted as settled although the runner's usual morning was 0/10.

A day is *disturbed* when its session hurt above the acceptable zone or its morning was above the
baseline; the first disturbed day opens a flare, and the flare lasts until a morning is back at or
under the baseline. Mornings of a flare never enter a baseline. The baseline is the median (or the
maximum, as the data file says) of the undisturbed mornings in the `window_days` before the flare
began (before the day itself when there is no flare); without any such morning, the caller's
fallback (the profile's pain for the area).
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from footcore.domain.catalog import Exercise


@dataclass(frozen=True, slots=True)
class BaselineRules:
    window_days: int
    method: str  # "median" (the lower middle value) or "max"
    reduce_within_safe: bool  # does a morning above baseline but within the safe zone reduce?
    following_days: int  # how far ahead a reduction reaches the exercises loading the area
    gentle: frozenset[str]  # exercise categories that do not load an area (mobility, stretch...)
    area_tissues: Mapping[str, frozenset[str]]  # pain area -> muscles and tissues it holds
    sources: tuple[str, ...]
    area_sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PainDay:
    """What is known of one day for one area: the morning's pain and the session's worst pain."""

    day: date
    morning: int | None = None
    session: int | None = None


@dataclass(frozen=True, slots=True)
class Baseline:
    value: int
    flare_start: date | None  # the first day of the flare still going on, or None
    mornings: int  # how many undisturbed mornings it was computed from (0: the fallback)
    # The session the flare's first decisions are dated by: the flare's first day when a session
    # opened it, the day before when a morning did (a morning's decisions follow that session).
    flare_session: date | None = None

    @property
    def text(self) -> str:
        if self.mornings == 0:
            return f"{self.value}/10 (from your profile; no check-in before)"
        return f"{self.value}/10"


def _summary(values: list[int], method: str) -> int:
    return max(values) if method == "max" else int(statistics.median_low(values))


def _of(
    quiet: list[tuple[date, int]], before: date, rules: BaselineRules, fallback: int
) -> Baseline:
    # The window days before `before`, and that day's own morning when it was undisturbed (the
    # morning of a day whose session began the flare came before the session).
    start = before - timedelta(days=rules.window_days)
    values = [v for d, v in quiet if start <= d <= before]
    if not values:
        return Baseline(fallback, None, 0)
    return Baseline(_summary(values, rules.method), None, len(values))


def pre_flare_baseline(
    days: Iterable[PainDay],
    on: date,
    safe_max: int,
    acceptable_max: int,
    rules: BaselineRules,
    fallback: int,
) -> Baseline:
    """The baseline a morning of `on` is judged against, from the days before `on`.

    Within a day the morning comes first (it follows the day before) and the session after it, so
    the morning of the day a flare begins with a painful session still counts as undisturbed. A
    morning opens a flare only when it would reduce volume (`morning_reduces`): a rise within the
    safe zone holds the dose once and then counts as an ordinary morning, so that a runner whose
    usual morning is 1 or 2 is not held forever against a profile that said 0. Once a flare is
    open, only a morning back at the baseline ends it.
    """
    quiet: list[tuple[date, int]] = []
    flare: date | None = None
    dated: date | None = None
    for d in sorted((d for d in days if d.day < on), key=lambda d: d.day):
        if d.morning is not None:
            base = _of(quiet, flare or d.day, rules, fallback)
            if flare is not None and d.morning > base.value:
                pass  # the flare goes on
            elif flare is None and morning_reduces(d.morning, base, safe_max, rules):
                flare, dated = d.day, d.day - timedelta(days=1)
            else:
                flare = dated = None
                quiet.append((d.day, d.morning))
        if d.session is not None and d.session > acceptable_max and flare is None:
            flare = dated = d.day
    found = _of(quiet, flare or on, rules, fallback)
    return Baseline(found.value, flare, found.mornings, dated)


def morning_reduces(morning: int, base: Baseline, safe_max: int, rules: BaselineRules) -> bool:
    """Whether a morning calls for less volume: above the baseline, and (unless the data file says
    otherwise) beyond the safe zone; a rise within the safe zone holds the dose instead."""
    return morning > base.value and (morning > safe_max or rules.reduce_within_safe)


def loading_slots(
    planned: Iterable[tuple[date, str, Exercise]],
    start: date,
    area: str,
    rules: BaselineRules,
    skip: Collection[str] = (),
) -> list[str]:
    """The slots planned from `start` over the following days (`following_days`) whose exercise
    loads the area, each once, in date order; `skip` are slots already decided."""
    end = start + timedelta(days=rules.following_days)
    out: list[str] = []
    for day, slot, ex in sorted(planned, key=lambda p: p[0]):
        fresh = start <= day < end and slot not in skip and slot not in out
        if fresh and loads_area(ex, area, rules):
            out.append(slot)
    return out


def decision_dates(session_date: date | None, made_at: date) -> tuple[date, date]:
    """(date, made_at) of a decision: a decision about a session is dated by that session and
    keeps the day it was made beside it; a program decision is dated by the day it was made."""
    return session_date or made_at, made_at


def loads_area(ex: Exercise, area: str, rules: BaselineRules) -> bool:
    """Whether an exercise puts load on a painful area ('' = pain without a named area): the area
    is among its pain contraindications, or it is not a gentle category (mobility, stretch...) and
    works a muscle or tissue of the area (any, when no area was named)."""
    if area and area in ex.contraindications.pain_areas:
        return True
    if ex.category.value in rules.gentle:
        return False
    return not area or bool(rules.area_tissues.get(area, frozenset()) & set(ex.muscles))
