"""Coaches' edits on SQLite and PostgreSQL: from the next day on, with their reason shown to the
athlete, kept through the athlete's own adaptation, and refused when bad."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.errors import InputError, NotFoundError
from footcore.services import accounts, coach_edits, training
from footcore.services.queries.day_view import ItemView
from tests.integration.test_roster import TODAY, log_days, new_runner

NOW = datetime(2026, 11, 16, 12, 0)
COACH = "coach@club.example"


def next_session(uow: SqlUnitOfWork, after: int = 1, items: int = 1) -> tuple[date, list[ItemView]]:
    """The first day from `after` days on whose session holds at least `items` items (which day
    that is follows the planner's weekly layout, so it is looked up, not assumed)."""
    for back in range(after, 14):
        day = TODAY + timedelta(days=back)
        view = training.day(uow, "ana", day, TODAY)
        if len(view.items) >= items:
            return day, list(view.items)
    raise AssertionError(f"no session of {items} or more items in two weeks")


def swap_target(uow: SqlUnitOfWork, slot: str) -> str:
    from footcore.bootstrap import knowledge

    return next(e for e in sorted(knowledge().catalog.exercises) if e != slot)


def test_a_swap_applies_from_tomorrow_with_its_reason(uow: SqlUnitOfWork) -> None:
    new_runner(uow, "ana")
    day, items = next_session(uow)
    slot = items[0].exercise
    target = swap_target(uow, slot)
    today_before = training.day(uow, "ana", TODAY, TODAY)
    coach_edits.edit(uow, NOW, COACH, "ana", "swap", slot, "sore big toe", TODAY, to=target)
    after = {i.exercise: i for i in training.day(uow, "ana", day, TODAY).items}
    assert after[slot].exercise_done == target
    assert "changed by your coach:" in after[slot].adaptation
    assert "(sore big toe)" in after[slot].adaptation
    assert training.day(uow, "ana", TODAY, TODAY) == today_before
    entry = accounts.audit_log(uow)[0]
    assert (entry.action, entry.actor, entry.reason) == ("coach.edit", COACH, "sore big toe")
    # the athlete's own logging re-adapts their plan: the coach's swap stays
    log_days(uow, "ana", 1)
    training.checkin(uow, "ana", TODAY, 0, "", [], TODAY)
    again = {i.exercise: i for i in training.day(uow, "ana", day, TODAY).items}
    assert again[slot].exercise_done == target
    assert again[slot].adaptation.count("changed by your coach") == 1


def test_a_dose_an_exclusion_and_a_note(uow: SqlUnitOfWork) -> None:
    new_runner(uow, "ana")
    day, items = next_session(uow, items=3)
    first, second, third = (i.exercise for i in items[:3])
    coach_edits.edit(
        uow,
        NOW,
        COACH,
        "ana",
        "dose",
        first,
        "easier week",
        TODAY,
        dose={"sets": 2, "reps": 8, "hold_s": None},
    )
    coach_edits.edit(uow, NOW, COACH, "ana", "exclude", second, "no band at home", TODAY)
    coach_edits.edit(uow, NOW, COACH, "ana", "note", third, "slow", TODAY, note="3 s down")
    after = {i.exercise: i for i in training.day(uow, "ana", day, TODAY).items}
    assert after[first].sets == 2 and "dose set to 2 sets" in after[first].adaptation
    assert second not in after
    assert "note: 3 s down (slow)" in after[third].adaptation
    assert [e.kind for e in coach_edits.edits(uow, "ana", TODAY)] == ["dose", "exclude", "note"]


def test_bad_edits_are_refused_and_change_nothing(uow: SqlUnitOfWork) -> None:
    new_runner(uow, "ana")
    _, items = next_session(uow)
    slot = items[0].exercise
    with pytest.raises(InputError, match="say why"):
        coach_edits.edit(uow, NOW, COACH, "ana", "swap", slot, " ", TODAY, to="short_foot")
    with pytest.raises(NotFoundError, match="unknown exercise"):
        coach_edits.edit(uow, NOW, COACH, "ana", "swap", slot, "x", TODAY, to="nope")
    with pytest.raises(InputError, match="not in the plan"):
        coach_edits.edit(uow, NOW, COACH, "ana", "note", "nope", "x", TODAY, note="y")
    with pytest.raises(InputError, match="outside 1-10"):
        coach_edits.edit(uow, NOW, COACH, "ana", "dose", slot, "x", TODAY, dose={"sets": 40})
    assert coach_edits.edits(uow, "ana", TODAY) == []


def test_a_template_saved_from_one_athlete_is_assigned_to_another(uow: SqlUnitOfWork) -> None:
    from footcore.errors import ConflictError
    from footcore.services import coach_templates

    new_runner(uow, "ana")
    new_runner(uow, "ben")
    _, items = next_session(uow)
    slot = items[0].exercise
    target = swap_target(uow, slot)
    coach_edits.edit(uow, NOW, COACH, "ana", "swap", slot, "sore big toe", TODAY, to=target)
    coach_edits.edit(uow, NOW, COACH, "ana", "note", slot, "slowly", TODAY, note="3 s down")
    saved = coach_templates.save(uow, NOW, COACH, "toe care", "ana", TODAY)
    assert [e["kind"] for e in saved.edits] == ["swap", "note"]
    with pytest.raises(ConflictError):
        coach_templates.save(uow, NOW, COACH, "toe care", "ana", TODAY)
    done = coach_templates.assign(uow, NOW, COACH, "toe care", "ben", TODAY)
    assert (done.applied, done.skipped) == (2, [])
    assert [(e.kind, e.reason) for e in coach_edits.edits(uow, "ben", TODAY)] == [
        ("swap", "sore big toe"),
        ("note", "slowly"),
    ]
    assert coach_templates.templates(uow, "other@club.example") == []
    with pytest.raises(NotFoundError):
        coach_templates.assign(uow, NOW, "other@club.example", "toe care", "ben", TODAY)
