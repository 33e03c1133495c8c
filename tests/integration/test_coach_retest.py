"""A coach moves the athlete's next retest, on SQLite and PostgreSQL: the retest week and every
later week move, the past and today stay, the athlete reads the reason, the move is audited, and
a bad day is refused without changing anything."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.plan import Week
from footcore.errors import InputError
from footcore.services import accounts, coach_edits, training
from footcore.services.coach_retest import move_retest
from footcore.services.exports import stored_runner
from tests.integration.test_coach_edits import COACH, NOW
from tests.integration.test_roster import TODAY, new_runner

WEEK = timedelta(days=7)


def weeks(uow: SqlUnitOfWork) -> tuple[Week, ...]:
    return stored_runner(uow, "ana", TODAY).plan.weeks


def next_retest(uow: SqlUnitOfWork) -> Week:
    return next(w for w in weeks(uow) if w.retest and w.start > TODAY)


def test_a_retest_moved_a_week_later_moves_every_later_week_from_tomorrow(
    uow: SqlUnitOfWork,
) -> None:
    new_runner(uow, "ana")
    before = weeks(uow)
    old = next_retest(uow).start
    today_items = training.day(uow, "ana", TODAY, TODAY).items
    moved = move_retest(uow, NOW, COACH, "ana", old + WEEK + timedelta(days=2), "race", TODAY)
    assert (moved.kind, moved.value, moved.from_day) == (
        "retest",
        (old + WEEK).isoformat(),
        TODAY + timedelta(days=1),
    )
    after = weeks(uow)
    assert len(after) == len(before) + 1
    assert next_retest(uow).start == old + WEEK
    inserted = next(w for w in after if w.start == old)
    assert not inserted.retest
    note = f"changed by your coach: retest moved to the week from {old + WEEK} (race)"
    assert inserted.coach_note == note and next_retest(uow).coach_note == note
    assert after[-1].start == before[-1].start + WEEK
    assert training.day(uow, "ana", TODAY, TODAY).items == today_items
    # the athlete reads it on today (this week's note) and in the plan's list of changes
    assert note in (training.day(uow, "ana", TODAY, TODAY).week or {})["note"]
    assert [(e.kind, e.reason) for e in coach_edits.edits(uow, "ana", TODAY)] == [
        ("retest", "race")
    ]
    entry = accounts.audit_log(uow)[0]
    assert (entry.action, entry.actor, entry.reason) == ("coach.edit", COACH, "race")
    assert f"to the week of {old + WEEK}" in entry.detail


def test_a_retest_moved_a_week_earlier_drops_a_week_that_has_not_begun(
    uow: SqlUnitOfWork,
) -> None:
    new_runner(uow, "ana")
    before = weeks(uow)
    old = next_retest(uow).start
    assert old - WEEK > TODAY  # the week dropped lies wholly ahead
    move_retest(uow, NOW, COACH, "ana", old - WEEK, "feels ready", TODAY)
    after = weeks(uow)
    assert len(after) == len(before) - 1
    assert next_retest(uow).start == old - WEEK
    assert after[-1].start == before[-1].start - WEEK
    # a second move replaces the first in the athlete's list of changes
    move_retest(uow, NOW, COACH, "ana", old, "after all, the race", TODAY)
    assert next_retest(uow).start == old
    assert [e.value for e in coach_edits.edits(uow, "ana", TODAY)] == [old.isoformat()]


@pytest.mark.parametrize(
    ("to", "reason", "field", "words"),
    [
        (TODAY, "x", "to", "before tomorrow"),
        (date(2028, 1, 3), "x", "to", "outside the plan"),
        (None, "x", "to", "already in the week"),
        (None, " ", "reason", "say why"),
        (TODAY + timedelta(days=3), "x", "to", "has begun"),
    ],
)
def test_a_bad_retest_move_is_refused_and_changes_nothing(
    uow: SqlUnitOfWork, to: date | None, reason: str, field: str, words: str
) -> None:
    new_runner(uow, "ana")
    before = weeks(uow)
    day = to or next_retest(uow).start + timedelta(days=1)
    with pytest.raises(InputError, match=words) as caught:
        move_retest(uow, NOW, COACH, "ana", day, reason, TODAY)
    assert caught.value.field == field
    assert weeks(uow) == before
    assert coach_edits.edits(uow, "ana", TODAY) == []
    assert accounts.audit_log(uow) == []
