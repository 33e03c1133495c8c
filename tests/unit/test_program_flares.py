"""A morning above the baseline takes one step of volume from each exercise that loads the
painful area in the following days, once per flare: the next morning of the same flare takes
nothing more. Run on the in-memory unit of work."""

from __future__ import annotations

from datetime import date

from footcore.domain.dose_ladder import stepped
from footcore.domain.program import CheckIn
from footcore.services.flare_response import reduce_in_flare
from tests.fakes import FakeSlotsUnitOfWork
from tests.slot_builders import ATHLETE, DAY, STEPS, Knowing, planned, program

FIRST = date(2026, 3, 2)
LOADING = ["towel_scrunch", "calf_raise"]
GENTLE = "ankle_circles"  # mobility: does not load the heel


def mornings(uow: FakeSlotsUnitOfWork, *pains: int, start: int = 0) -> None:
    """Heel check-ins of the days from FIRST + `start` on."""
    for k, pain in enumerate(pains, start):
        uow.programs.checkins.setdefault(ATHLETE, []).append(
            CheckIn(FIRST + k * DAY, "heel", pain, None, ())
        )


def test_a_flare_reduces_each_loading_slot_once() -> None:
    uow = program(FIRST, 21, [*LOADING, GENTLE])
    mornings(uow, *[1] * 7, 5)
    flare = FIRST + 7 * DAY

    done = reduce_in_flare(uow.slots, Knowing(flare), flare, "heel", 5, ())

    assert [(d.exercise, d.kind, d.action) for d in done] == [
        (s, "regress", "less") for s in LOADING
    ]
    assert {d.session_date for d in done} == {flare - DAY}  # dated by the session before
    for k in (6, 7, 20):
        items = uow.slots.on(ATHLETE, FIRST + k * DAY)
        want = [planned(s).dose if k < 7 else stepped(planned(s).dose, -1, STEPS) for s in LOADING]
        assert [i.dose for i in items[:2]] == want, k
        assert items[2] == planned(GENTLE, 2)

    # the next morning of the same flare takes nothing more
    mornings(uow, 5, start=8)
    assert reduce_in_flare(uow.slots, Knowing(flare + DAY), flare + DAY, "heel", 5, ()) == []
    assert len(uow.slots.decided[ATHLETE]) == 2


def test_a_morning_at_the_baseline_or_a_slot_already_decided_takes_nothing() -> None:
    uow = program(FIRST, 14, LOADING)
    mornings(uow, *[1] * 7)
    day = FIRST + 7 * DAY
    assert reduce_in_flare(uow.slots, Knowing(day), day, "heel", 1, ()) == []

    done = reduce_in_flare(uow.slots, Knowing(day), day, "heel", 5, {"towel_scrunch"})
    assert [d.exercise for d in done] == ["calf_raise"]
