"""The runner's own pre-flare baseline, settled mornings, the 0->1 rule, reductions by area over
the following days and decision dating, with no database (domain/flare.py, domain/adaptation.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from footcore.adapters.adaptation_rules_file import load_adaptation_rules
from footcore.adapters.datafiles import load_catalog
from footcore.domain.adaptation import Action, Kind, Options, Outcome, decide
from footcore.domain.catalog import Dose
from footcore.domain.flare import (
    Baseline,
    PainDay,
    decision_dates,
    loading_slots,
    loads_area,
    morning_reduces,
    pre_flare_baseline,
)

RULES = load_adaptation_rules()
B = RULES.baseline
CATALOG = load_catalog()
DAY = timedelta(days=1)
FLARE = date(2026, 3, 10)  # the day of the 7/10 session
OPEN = Options(
    can_step_up=True, can_step_down=True, harder="harder_one", easier=None, days_at_level=14
)


def days_before(
    first: date, mornings: list[int | None], sessions: list[int | None]
) -> list[PainDay]:
    return [
        PainDay(first + i * DAY, m, s)
        for i, (m, s) in enumerate(zip(mornings, sessions, strict=True))
    ]


def baseline(days: list[PainDay], on: date, fallback: int = 0) -> Baseline:
    return pre_flare_baseline(days, on, RULES.safe_max, RULES.acceptable_max, B, fallback)


def flare_history(after: list[int]) -> list[PainDay]:
    """A week of 0/10 mornings and 1/10 sessions, a 7/10 session on FLARE, then mornings `after`
    with 2/10 sessions."""
    before = days_before(FLARE - 7 * DAY, [0] * 7, [1] * 7)
    day_of = [PainDay(FLARE, 0, 7)]
    later = [PainDay(FLARE + (i + 1) * DAY, m, 2) for i, m in enumerate(after)]
    return before + day_of + later


def outcome(morning: int, base: int, pain: int = 2) -> Outcome:
    return Outcome(
        day=FLARE,
        prescribed=Dose(sets=3, reps=10),
        sets_done=3,
        measure_done=10,
        sides_done=frozenset({"both"}),
        pain=pain,
        area="achilles",
        rpe=5,
        morning_pain=morning,
        baseline_pain=base,
        rising=None,
    )


# The baseline ---------------------------------------------------------------------------------


def test_the_data_file_names_its_window_and_method() -> None:
    assert (B.window_days, B.method, B.reduce_within_safe) == (7, "median", False)
    assert "evidence:silbernagel_2007" in B.sources


def test_mornings_of_3_after_a_flare_are_judged_against_the_0_before_it() -> None:
    history = flare_history([3, 3, 3, 3])
    for k in range(1, 5):
        on = FLARE + k * DAY
        found = baseline(history, on)
        assert found.value == 0, on
        assert found.flare_start == FLARE
        assert morning_reduces(3, found, RULES.safe_max, B)


def test_each_equal_morning_no_longer_counts_as_settled() -> None:
    history = flare_history([3, 3, 3])
    d = decide(outcome(morning=3, base=baseline(history, FLARE + 3 * DAY).value), OPEN, RULES)
    assert d.kind is Kind.REGRESS and d.action is Action.LESS
    assert "worse than your baseline (0/10" in d.reason


def test_the_flare_ends_when_a_morning_is_back_at_the_baseline() -> None:
    history = flare_history([3, 2, 0, 0])
    assert baseline(history, FLARE + 3 * DAY).flare_start == FLARE
    after = baseline(history, FLARE + 4 * DAY)
    assert after.flare_start is None and after.value == 0


def test_flare_mornings_never_enter_a_later_baseline() -> None:
    # A long flare of 3/10 mornings, then back to 0: the 3s are not the new normal.
    history = flare_history([3] * 10 + [0])
    assert baseline(history, FLARE + 12 * DAY).value == 0


def test_a_runner_whose_usual_morning_is_2_is_settled_at_2_despite_a_profile_of_0() -> None:
    # The 3 opened a one-day flare (left out of the baseline); the 2 after it ended it.
    history = days_before(FLARE - 7 * DAY, [2, 2, 1, 2, 2, 3, 2], [1] * 7)
    found = baseline(history, FLARE, fallback=0)
    assert found.value == 2 and found.mornings == 6 and found.flare_start is None
    assert not morning_reduces(2, found, RULES.safe_max, B)


def test_the_median_ignores_one_odd_morning_before_the_flare() -> None:
    history = days_before(FLARE - 7 * DAY, [0, 0, 0, 4, 0, 0, 0], [1] * 7)
    assert baseline(history, FLARE).value == 0


def test_mornings_older_than_the_window_do_not_count() -> None:
    old = days_before(FLARE - 30 * DAY, [3] * 5, [None] * 5)
    recent = days_before(FLARE - 5 * DAY, [0] * 5, [None] * 5)
    assert baseline(old + recent, FLARE).value == 0


def test_without_any_morning_the_profile_pain_is_the_baseline() -> None:
    found = baseline([], FLARE, fallback=2)
    assert (found.value, found.mornings) == (2, 0)
    assert "from your profile" in found.text


def test_a_morning_above_the_baseline_opens_a_flare_even_without_a_painful_session() -> None:
    history = [*days_before(FLARE - 7 * DAY, [0] * 7, [1] * 7), PainDay(FLARE, 4, 1)]
    found = baseline(history, FLARE + DAY)
    assert found.flare_start == FLARE and found.value == 0


@given(
    mornings=st.lists(st.integers(0, 10) | st.none(), min_size=1, max_size=30),
    sessions=st.lists(st.integers(0, 10) | st.none(), min_size=30, max_size=30),
    fallback=st.integers(0, 10),
)
def test_the_baseline_is_a_morning_that_was_undisturbed_or_the_fallback(
    mornings: list[int | None], sessions: list[int | None], fallback: int
) -> None:
    first = date(2026, 1, 1)
    history = days_before(first, mornings, sessions[: len(mornings)])
    found = baseline(history, first + len(mornings) * DAY, fallback)
    if found.mornings == 0:
        assert found.value == fallback
    else:
        assert found.value in {m for m in mornings if m is not None}
        assert found.mornings <= B.window_days + 1


# The 0 -> 1 rule ------------------------------------------------------------------------------


def test_a_rise_within_the_safe_zone_opens_no_flare_and_becomes_the_usual_morning() -> None:
    history = days_before(FLARE - 7 * DAY, [0, 0, 0, 1, 1, 1, 1], [1] * 7)
    found = baseline(history, FLARE)
    assert found.flare_start is None and found.value == 1


def test_a_single_morning_from_0_to_1_holds_the_dose_without_reducing_it() -> None:
    d = decide(outcome(morning=1, base=0), OPEN, RULES)
    assert (d.kind, d.action) == (Kind.HOLD, Action.NONE)
    assert "within the safe zone (0-2)" in d.reason and "until it settles" in d.reason
    assert not morning_reduces(1, Baseline(0, None, 7), RULES.safe_max, B)


def test_a_morning_from_0_to_3_leaves_the_safe_zone_and_reduces() -> None:
    d = decide(outcome(morning=3, base=0), OPEN, RULES)
    assert (d.kind, d.action) == (Kind.REGRESS, Action.LESS)


def test_the_data_file_can_make_a_rise_within_the_safe_zone_reduce() -> None:
    strict = replace(RULES, baseline=replace(B, reduce_within_safe=True))
    assert decide(outcome(morning=1, base=0), OPEN, strict).action is Action.LESS


@given(morning=st.integers(0, 10), base=st.integers(0, 10), pain=st.integers(0, 5))
def test_no_morning_above_the_baseline_ever_progresses(morning: int, base: int, pain: int) -> None:
    d = decide(outcome(morning=morning, base=base, pain=pain), OPEN, RULES)
    if morning > base:
        assert d.kind is not Kind.PROGRESS
        reduces = morning_reduces(morning, Baseline(base, None, 1), RULES.safe_max, B)
        assert (d.kind is Kind.REGRESS) == reduces


# Reductions by area over the following days ---------------------------------------------------


def test_the_achilles_is_loaded_by_calf_work_and_not_by_toe_spreading() -> None:
    assert loads_area(CATALOG.get("single_leg_heel_raise"), "achilles", B)
    assert not loads_area(CATALOG.get("toe_spread"), "achilles", B)
    assert loads_area(CATALOG.get("toe_spread"), "arch", B)


def test_mobility_and_stretches_do_not_count_as_loading_an_area() -> None:
    assert not loads_area(CATALOG.get("ankle_circles"), "ankle", B)
    assert not loads_area(CATALOG.get("seated_plantar_stretch"), "arch", B)


def test_a_reduction_reaches_every_loading_exercise_of_the_following_days() -> None:
    heel, towel, hop = (
        CATALOG.get(x) for x in ("single_leg_heel_raise", "toe_spread", "soft_landing_hops")
    )
    start = FLARE + DAY
    planned = [
        (start, "toe_spread", towel),
        (start + DAY, "single_leg_heel_raise", heel),
        (start + 3 * DAY, "soft_landing_hops", hop),
        (start + 5 * DAY, "single_leg_heel_raise", heel),
        (start + B.following_days * DAY, "late_one", heel),  # beyond the window
    ]
    assert loading_slots(planned, start, "achilles", B) == [
        "single_leg_heel_raise",
        "soft_landing_hops",
    ]
    skipped = loading_slots(planned, start, "achilles", B, skip={"single_leg_heel_raise"})
    assert skipped == ["soft_landing_hops"]


# Decision dating ------------------------------------------------------------------------------


def test_a_decision_about_a_session_is_dated_by_the_session_and_keeps_when_it_was_made() -> None:
    assert decision_dates(date(2026, 3, 10), date(2026, 3, 14)) == (
        date(2026, 3, 10),
        date(2026, 3, 14),
    )


def test_a_program_decision_is_dated_by_the_day_it_was_made() -> None:
    assert decision_dates(None, date(2026, 3, 14)) == (date(2026, 3, 14), date(2026, 3, 14))
