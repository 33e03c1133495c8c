"""The foot plan on days of raised running load: stored restrictions leave out exactly the items
they rule out, and the refresh window loses nothing against the whole history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from footcore.adapters.load_rules_file import load_load_rules
from footcore.bootstrap import knowledge
from footcore.domain.load import RunRecord, foot_load_restrictions
from footcore.domain.load_gate import DayRestriction, apply_restrictions, ruled_out
from footcore.services.running_store import can_restrict, lookback_days

DAY = timedelta(days=1)


@dataclass(frozen=True)
class Item:
    exercise: str
    exercise_done: str


def restriction(day: date, reason: str, *ids: str) -> DayRestriction:
    return DayRestriction(
        day,
        day,
        "spike",
        ("high_load", "plyometric"),
        reason,
        (f"evidence:{reason}",),
        frozenset(ids),
    )


def test_items_ruled_out_are_left_out_with_every_reason_and_the_rest_keep_their_order() -> None:
    day = date(2026, 11, 20)
    items = [Item("a", "a"), Item("hop", "hop"), Item("b", "b"), Item("raise", "raise")]
    kept, dropped = apply_restrictions(
        items, [restriction(day, "spike", "hop", "raise"), restriction(day, "week", "hop")]
    )
    assert kept == [Item("a", "a"), Item("b", "b")]
    assert [(d.item.exercise, d.reasons) for d in dropped] == [
        ("hop", ("spike", "week")),
        ("raise", ("spike",)),
    ]
    assert dropped[0].sources == ("evidence:spike", "evidence:week")


def test_the_exercise_done_decides_so_a_regressed_variant_stays() -> None:
    # a plyometric slot regressed to a calmer variant is no longer a plyometric item today
    kept, dropped = apply_restrictions(
        [Item("hop", "heel_raise")], [restriction(date(2026, 1, 1), "spike", "hop")]
    )
    assert kept == [Item("hop", "heel_raise")] and dropped == []


def test_a_day_without_restrictions_keeps_everything() -> None:
    items = [Item("hop", "hop")]
    assert apply_restrictions(items, []) == (items, [])


def test_the_catalog_ids_ruled_out_are_the_plyometric_and_high_load_exercises() -> None:
    rules, catalog = load_load_rules(), knowledge().catalog
    runs = [
        RunRecord(date(2026, 1, 1), 10_000, 3000, 3000),
        RunRecord(date(2026, 1, 2), 20_010, 6000, 6000),
    ]
    (first, *_) = foot_load_restrictions(runs, date(2026, 1, 2), rules)
    ids = ruled_out(first, catalog)
    expected = {ex.id for ex in catalog if ex.is_plyometric or ex.load.value == "high"}
    assert ids == expected and ids


runs_strategy = st.lists(
    st.tuples(st.integers(0, 150), st.integers(0, 40_000)), min_size=0, max_size=60
)


@settings(max_examples=200, deadline=None)
@given(history=runs_strategy, today=st.integers(0, 160))
def test_the_refresh_window_gives_the_restrictions_of_the_whole_history(
    history: list[tuple[int, int]], today: int
) -> None:
    rules = load_load_rules()
    origin = date(2026, 1, 1)
    runs = [RunRecord(origin + d * DAY, float(m), 60.0, 60.0) for d, m in history]
    as_of = origin + today * DAY
    window = [r for r in runs if can_restrict(r.date, as_of, rules)]
    assert foot_load_restrictions(window, as_of, rules) == foot_load_restrictions(
        runs, as_of, rules
    )


def test_the_window_reaches_back_over_the_spike_window_and_the_restricted_days() -> None:
    rules = load_load_rules()
    assert lookback_days(rules) == rules.restrict_days_after + rules.spike_window_days + 1
