"""What a slot may become: never an exercise the week already holds, only a variant of the
phase (an easier one may come from an earlier phase) that the runner's equipment and pain allow;
the dose steps as the ladder allows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from footcore.domain.adaptation import Level, Options
from footcore.domain.catalog import Phase
from footcore.domain.profile import Profile
from footcore.domain.program.options import options_for, taken
from tests.factories import ALL_EQUIPMENT, a_profile
from tests.slot_builders import CATALOG, DAY, KNOWLEDGE, STEPS, planned

DAY1 = date(2026, 3, 2)


def opts(
    slot: str,
    phase: Phase,
    week: tuple[str, ...] = (),
    profile: Profile | None = None,
    step: int = 0,
) -> Options:
    held = taken([planned(slot), *(planned(s) for s in week)], slot)
    return options_for(
        DAY1 + 9 * DAY,
        Level(slot, step),
        DAY1,
        CATALOG.get(slot).dose,
        phase,
        held,
        CATALOG,
        profile or a_profile(),
        KNOWLEDGE.rules,
        STEPS,
    )


def test_the_harder_variant_fits_the_phase() -> None:
    assert opts("calf_raise", Phase.FOUNDATION).harder == "toe_walk"
    assert opts("calf_raise", Phase.STRENGTH).harder == "slow_tempo_calf_raise"


def test_an_exercise_already_in_the_week_is_never_offered() -> None:
    assert opts("calf_raise", Phase.STRENGTH, ("slow_tempo_calf_raise",)).harder == (
        "single_leg_heel_raise"
    )
    assert opts("marble_pickup", Phase.FOUNDATION).easier == "towel_scrunch"
    assert opts("marble_pickup", Phase.FOUNDATION, ("towel_scrunch",)).easier is None


def test_a_variant_done_for_another_slot_counts_as_in_the_week() -> None:
    swapped = replace(planned("arch_lift"), exercise_done="towel_scrunch")
    assert taken([planned("marble_pickup"), swapped], "marble_pickup") == {
        "arch_lift",
        "towel_scrunch",
    }
    # the slot's own items never count against it
    assert (
        taken([planned("marble_pickup", 0), planned("marble_pickup", 1)], "marble_pickup") == set()
    )


def test_the_runners_equipment_rules_out_a_variant() -> None:
    no_marbles = a_profile(equipment=ALL_EQUIPMENT - {"marbles"})
    # towel_scrunch leads to resisted_towel_scrunch (a strength exercise) and marble_pickup
    assert opts("towel_scrunch", Phase.FOUNDATION).harder == "marble_pickup"
    assert opts("towel_scrunch", Phase.FOUNDATION, profile=no_marbles).harder is None


def test_an_easier_variant_may_come_from_an_earlier_phase() -> None:
    # slow_tempo_calf_raise (strength, running) regresses to calf_raise (foundation, strength)
    assert opts("slow_tempo_calf_raise", Phase.RUNNING_SPECIFIC).easier == "calf_raise"
    assert opts("slow_tempo_calf_raise", Phase.RUNNING_SPECIFIC).harder == "single_leg_heel_raise"


def test_the_dose_steps_follow_the_ladder_and_the_days_at_the_level_count() -> None:
    at_plan = opts("towel_scrunch", Phase.FOUNDATION)
    assert at_plan.can_step_up and at_plan.can_step_down and at_plan.days_at_level == 9
    assert not opts("towel_scrunch", Phase.FOUNDATION, step=-20).can_step_down
    assert at_plan.name("towel_scrunch") == CATALOG.get("towel_scrunch").name
