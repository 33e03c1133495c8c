"""Which session a flare's decisions are dated by (domain/flare.py): the day of the session that
opened it, or the day before the morning that opened it (a morning's decisions follow the session
before it). The once-per-flare rule counts a flare's decisions from that session on."""

from __future__ import annotations

from datetime import date, timedelta

from footcore.adapters.adaptation_rules_file import load_adaptation_rules
from footcore.domain.flare import Baseline, PainDay, pre_flare_baseline

RULES = load_adaptation_rules()
DAY = timedelta(days=1)
FLARE = date(2026, 3, 10)
SETTLED = [PainDay(FLARE - (7 - i) * DAY, 0, 1) for i in range(7)]


def baseline(days: list[PainDay], on: date) -> Baseline:
    return pre_flare_baseline(days, on, RULES.safe_max, RULES.acceptable_max, RULES.baseline, 0)


def test_a_flare_opened_by_a_morning_is_dated_from_the_session_before_that_morning() -> None:
    bad = RULES.safe_max + 1
    history = [*SETTLED, PainDay(FLARE, bad, 1), PainDay(FLARE + DAY, bad, 1)]
    found = baseline(history, FLARE + 2 * DAY)
    assert found.flare_start == FLARE
    assert found.flare_session == FLARE - DAY


def test_a_flare_opened_by_a_painful_session_is_dated_from_that_session() -> None:
    history = [*SETTLED, PainDay(FLARE, 0, RULES.acceptable_max + 1), PainDay(FLARE + DAY, 3, 1)]
    found = baseline(history, FLARE + 2 * DAY)
    assert (found.flare_start, found.flare_session) == (FLARE, FLARE)


def test_a_morning_back_at_the_baseline_ends_the_flare_and_its_dating() -> None:
    bad = RULES.safe_max + 1
    history = [*SETTLED, PainDay(FLARE, bad, 1), PainDay(FLARE + DAY, 0, 1)]
    found = baseline(history, FLARE + 2 * DAY)
    assert (found.flare_start, found.flare_session) == (None, None)
