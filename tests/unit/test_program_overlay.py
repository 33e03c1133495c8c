"""A coach's edit stands over the automatic adaptation: it is laid again after every refresh of
the items, and a refresh run twice changes nothing the second time."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.program import LogEntry
from footcore.domain.program.items import DatedItem, adapted
from footcore.domain.program.levels import SlotLevel
from footcore.domain.program.overlay import PREFIX, CoachEdit, coach_part, overlaid
from footcore.domain.program.refresh import Refresh, Relevel, refreshed
from footcore.services.adapting import decide
from footcore.services.logbook import store_logs
from footcore.services.plan_items import keep_in_step
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
SLOT = "towel_scrunch"


def edit(
    kind: str, value: str = "", slot: str = SLOT, reason: str = "why", on: int = 1
) -> CoachEdit:
    return CoachEdit(0, slot, kind, value, reason, "coach@example.org", FIRST + on * DAY)


def test_a_coach_dose_survives_the_decision_that_refreshes_the_slot() -> None:
    uow = program(FIRST, 7, [SLOT])
    uow.slots.add_edit(ATHLETE, edit("dose", json.dumps({"sets": 4}), on=3))
    keep_in_step(uow.slots, ATHLETE, FIRST + DAY, CATALOG, STEPS, relevel=False)
    painful = LogEntry(SLOT, FIRST, rpe=5, pain=7, pain_area="heel")
    store_logs(uow.programs, ATHLETE, FIRST, [painful], None, RANGES, AREAS)

    decide(uow.slots, Knowing(FIRST), SLOT, FIRST)  # a step down from tomorrow on

    days = [uow.slots.on(ATHLETE, FIRST + k * DAY)[0] for k in range(7)]
    assert [d.dose.sets for d in days] == [2, 1, 1, 4, 4, 4, 4]
    assert all(coach_part(d.adaptation).startswith(PREFIX + "dose set to 4 sets") for d in days[3:])
    assert all("dose step below the plan" in d.adaptation for d in days[1:])


def test_an_excluded_slot_leaves_its_sessions_from_its_first_day() -> None:
    uow = program(FIRST, 5, [SLOT, "calf_raise"])
    uow.slots.add_edit(ATHLETE, edit("exclude", on=2))
    keep_in_step(uow.slots, ATHLETE, FIRST, CATALOG, STEPS, relevel=False)
    slots = [[i.slot for i in uow.slots.on(ATHLETE, FIRST + k * DAY)] for k in range(5)]
    assert slots == [[SLOT, "calf_raise"]] * 2 + [["calf_raise"]] * 3
    assert [i.slot for i in uow.programs.sessions[ATHLETE][FIRST + 4 * DAY].items] == ["calf_raise"]


def test_a_swap_and_a_note_rewrite_the_item_and_the_latest_coach_words_replace_the_earlier() -> (
    None
):
    item = adapted(planned(SLOT), SlotLevel(SLOT, -1, FIRST).level, FIRST, CATALOG, STEPS)
    swapped = overlaid(item, FIRST + DAY, [edit("swap", "arch_lift")], CATALOG)
    assert swapped is not None
    assert (swapped.exercise_done, swapped.dose) == ("arch_lift", CATALOG.get("arch_lift").dose)
    assert swapped.adaptation.startswith("1 dose step below the plan")
    noted = overlaid(swapped, FIRST + DAY, [edit("note", "3 s down", reason="")], CATALOG)
    assert noted is not None and coach_part(noted.adaptation) == PREFIX + "note: 3 s down"
    # an edit from a later day leaves the item as it is
    assert overlaid(item, FIRST, [edit("swap", "arch_lift")], CATALOG) == item


EDITS = st.lists(
    st.one_of(
        st.builds(edit, st.just("swap"), st.sampled_from(["arch_lift", "marble_pickup"])),
        st.builds(
            edit,
            st.just("dose"),
            st.fixed_dictionaries({"sets": st.integers(1, 6)}).map(json.dumps),
        ),
        st.builds(edit, st.just("note"), st.text("abc ", min_size=1, max_size=5)),
        st.builds(edit, st.just("exclude"), slot=st.just("calf_raise")),
    ),
    max_size=3,
)


@given(edits=EDITS, step=st.integers(-4, 4), relevel_all=st.booleans())
def test_a_refresh_twice_changes_nothing_the_second_time(
    edits: list[CoachEdit], step: int, relevel_all: bool
) -> None:
    items = [
        DatedItem(FIRST + k * DAY, planned(s, i), 10 * k + i)
        for k in range(3)
        for i, s in enumerate([SLOT, "calf_raise"])
    ]
    levels = {SLOT: SlotLevel(SLOT, step, FIRST)}
    relevel = Relevel(levels, None if relevel_all else SLOT)
    logged = {(FIRST, SLOT)}
    once = refreshed(items, logged, edits, CATALOG, STEPS, relevel)
    changed = {d.id: d for d in once.changed}
    gone = {d.id for d in once.removed}
    after = [changed.get(d.id, d) for d in items if d.id not in gone]
    assert refreshed(after, logged, edits, CATALOG, STEPS, relevel) == Refresh()
    # the item of the logged day (id 0) is never touched
    assert all(d.id != 0 for d in (*once.changed, *once.removed))
