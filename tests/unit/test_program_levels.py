"""A logged session's decision moves its slot's level, and the doses of the next sessions follow;
never a day already past or already logged. Run on the in-memory unit of work."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.adaptation import Kind, Level
from footcore.domain.catalog import Dose
from footcore.domain.dose_ladder import stepped
from footcore.domain.program import LogEntry
from footcore.domain.program.items import adapted
from footcore.domain.program.levels import SlotLevel
from footcore.services.adapting import decide, store
from footcore.services.logbook import store_logs
from tests.fakes import FakeSlotsUnitOfWork
from tests.slot_builders import (
    AREAS,
    ATHLETE,
    CATALOG,
    DAY,
    RANGES,
    STEPS,
    Knowing,
    planned,
    program,
)

FIRST = date(2026, 3, 2)
SLOT = "towel_scrunch"  # no easier variant: too much pain takes a step of volume away


def log(uow: FakeSlotsUnitOfWork, day: date, as_of: date, pain: int, slot: str = SLOT) -> None:
    entry = LogEntry(slot, day, rpe=5, pain=pain, pain_area="heel" if pain else "")
    store_logs(uow.programs, ATHLETE, as_of, [entry], None, RANGES, AREAS)


def test_a_painful_session_steps_the_slot_down_from_the_next_day_on() -> None:
    uow = program(FIRST, 7, [SLOT, "calf_raise"])
    day = FIRST + 2 * DAY
    log(uow, day, day, pain=7)

    done = decide(uow.slots, Knowing(day), SLOT, day)

    assert done is not None and (done.kind, done.action) == ("regress", "less")
    assert uow.slots.levels(ATHLETE) == {SLOT: SlotLevel(SLOT, -1, day + DAY)}
    less = stepped(planned(SLOT).dose, -1, STEPS)
    for k in range(7):
        item = uow.slots.on(ATHLETE, FIRST + k * DAY)[0]
        assert item.dose == (less if k > 2 else planned(SLOT).dose), k
        assert ("1 dose step below the plan" in item.adaptation) is (k > 2)
    # the other slot stays at the plan; the log path sees the new doses
    assert all(
        uow.slots.on(ATHLETE, FIRST + k * DAY)[1] == planned("calf_raise", 1) for k in range(7)
    )
    assert uow.programs.sessions[ATHLETE][FIRST + 3 * DAY].items[0].sets == less.sets


def test_a_late_decision_never_rewrites_a_past_or_logged_day() -> None:
    uow = program(FIRST, 7, [SLOT])
    day, today = FIRST + DAY, FIRST + 4 * DAY
    log(uow, today, today, pain=0)  # today's session is done already
    log(uow, day, today, pain=7)  # then a painful session of three days ago

    decide(uow.slots, Knowing(today), SLOT, day)

    doses = [uow.slots.on(ATHLETE, FIRST + k * DAY)[0].dose for k in range(7)]
    less = stepped(planned(SLOT).dose, -1, STEPS)
    assert doses == [planned(SLOT).dose] * 5 + [less] * 2


def test_the_same_decision_again_is_stored_once_and_a_changed_one_is_appended() -> None:
    uow = program(FIRST, 7, [SLOT])
    day = FIRST + DAY
    log(uow, day, day, pain=7)
    first = decide(uow.slots, Knowing(day), SLOT, day)
    again = decide(uow.slots, Knowing(day), SLOT, day)
    assert again == first
    assert [d.seq for d in uow.slots.decided[ATHLETE]] == [1]

    # a program decision in between takes the next number; a new decision follows it
    store(uow.slots, ATHLETE, day, "", "pause", "none", "red flag", ["a", "a", "b"])
    assert uow.slots.decided[ATHLETE][-1].sources == ("a", "b")
    log(uow, day + DAY, day + DAY, pain=7)
    decide(uow.slots, Knowing(day + DAY), SLOT, day + DAY)
    assert [d.seq for d in uow.slots.decided[ATHLETE]] == [1, 2, 3]
    assert uow.slots.levels(ATHLETE)[SLOT].level == Level(SLOT, -2)


def test_a_day_without_a_log_decides_nothing() -> None:
    uow = program(FIRST, 7, [SLOT])
    assert decide(uow.slots, Knowing(FIRST), SLOT, FIRST) is None
    assert uow.slots.decided == {} and uow.slots.writes == 0


def test_too_much_pain_on_an_exercise_with_an_easier_variant_swaps_it_in() -> None:
    uow = program(FIRST, 7, ["marble_pickup"])
    log(uow, FIRST, FIRST, pain=7, slot="marble_pickup")

    done = decide(uow.slots, Knowing(FIRST), "marble_pickup", FIRST)

    assert done is not None and done.kind == Kind.REGRESS.value and done.variant == SLOT
    after = uow.slots.on(ATHLETE, FIRST + DAY)[0]
    assert (after.slot, after.exercise_done, after.dose) == (
        "marble_pickup",
        SLOT,
        planned(SLOT).dose,
    )
    assert uow.programs.sessions[ATHLETE][FIRST + DAY].items[0].exercise_done == SLOT


CHAINED = [e.id for e in CATALOG if e.progression or e.regression]


def measure(dose: Dose) -> tuple[int, int] | None:
    """The dose's measure and the ladder's cap for it (None for a drill without one)."""
    if dose.reps is not None:
        return dose.reps, max(STEPS.max_reps, dose.reps)
    if dose.hold_s is not None:
        return dose.hold_s, max(STEPS.max_hold_s, dose.hold_s)
    return None


@given(slot=st.sampled_from(CHAINED), step=st.integers(-12, 12), variant=st.booleans())
def test_an_adapted_dose_stays_on_the_ladder_and_adapting_again_changes_nothing(
    slot: str, step: int, variant: bool
) -> None:
    ex = CATALOG.get(slot)
    chain = ex.regression + ex.progression
    at = Level(chain[0] if variant and chain else slot, step)
    item = planned(slot)
    once = adapted(item, at, FIRST, CATALOG, STEPS)
    assert adapted(once, at, FIRST, CATALOG, STEPS) == once
    base = CATALOG.get(at.variant).dose
    assert 1 <= once.dose.sets <= max(STEPS.max_sets, base.sets)
    planned_measure, done = measure(base), measure(once.dose)
    assert (planned_measure is None) == (done is None)
    if planned_measure is not None and done is not None:
        assert planned_measure[0] * STEPS.floor_ratio <= done[0] <= planned_measure[1]
    assert (once.slot, once.planned_sets, once.exercise_done) == (
        slot,
        item.planned_sets,
        at.variant,
    )
    # back at the plan's own level the item is the plan's again
    assert adapted(once, None, None, CATALOG, STEPS) == item
