"""Logs and check-ins in the program aggregate, against the in-memory unit of work: no database,
so each rule runs in microseconds."""

from __future__ import annotations

from datetime import date

import pytest

from footcore.domain.program import CheckIn, LogEntry, Pause, PlannedItem, PlannedSession
from footcore.domain.program.checkins import check_checkin
from footcore.errors import ConflictError, InputError, NotFoundError, RedFlagError
from footcore.services.logbook import store_logs
from tests.fakes import FakeUnitOfWork

DAY = date(2026, 3, 2)
RANGES = {"sets": (1, 20), "reps": (1, 500), "hold_s": (1, 600)}
AREAS = ("heel", "arch")
RAISE = PlannedItem("heel_raise", "heel_raise", 3, 15, None, None, False)
SPLIT = PlannedItem("split_squat", "split_squat", 2, 10, None, None, True)
HOLD = PlannedItem("plank", "side_plank", 3, None, 30, None, False)
ATHLETE = 1


def program_with(*items: PlannedItem, pause: Pause | None = None) -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    uow.programs.add_session(ATHLETE, PlannedSession(DAY, items))
    if pause is not None:
        uow.programs.pauses[ATHLETE] = pause
    return uow


def log(uow: FakeUnitOfWork, *entries: LogEntry, as_of: date = DAY) -> list[bool]:
    """Log through the use case's core; whether each log was already stored."""
    with uow:
        pause = uow.programs.pause(ATHLETE)
        done = store_logs(uow.programs, ATHLETE, as_of, entries, pause, RANGES, AREAS)
        uow.commit()
    return [d.already for d in done]


def test_a_log_takes_the_prescribed_dose_and_is_stored_once() -> None:
    uow = program_with(RAISE)
    assert log(uow, LogEntry("heel_raise", DAY, rpe=4)) == [False]
    assert log(uow, LogEntry("heel_raise", DAY, rpe=4)) == [True]
    (stored,) = uow.programs.logs[ATHLETE]
    assert (stored.sets, stored.reps, stored.slot) == (3, 15, "heel_raise")


def test_the_same_exercise_day_and_side_with_other_values_is_a_conflict() -> None:
    uow = program_with(RAISE)
    log(uow, LogEntry("heel_raise", DAY, pain=1))
    with pytest.raises(ConflictError, match="already logged with other values"):
        log(uow, LogEntry("heel_raise", DAY, pain=4))


def test_one_side_after_both_sides_is_a_conflict_and_left_and_right_are_two_logs() -> None:
    uow = program_with(SPLIT)
    assert log(uow, LogEntry("split_squat", DAY, side="left")) == [False]
    assert log(uow, LogEntry("split_squat", DAY, side="right")) == [False]
    with pytest.raises(ConflictError, match="already logged for the left side"):
        log(uow, LogEntry("split_squat", DAY))


def test_a_side_of_an_exercise_not_done_per_side_is_refused_naming_the_side() -> None:
    with pytest.raises(InputError) as refused:
        log(program_with(RAISE), LogEntry("heel_raise", DAY, side="left"))
    assert refused.value.field == "side"


def test_a_variant_is_logged_against_the_planned_exercise_it_stands_for() -> None:
    uow = program_with(HOLD)
    log(uow, LogEntry("side_plank", DAY, hold_s=40))
    (stored,) = uow.programs.logs[ATHLETE]
    assert (stored.exercise, stored.slot, stored.hold_s) == ("side_plank", "plank", 40)


def test_a_paused_program_refuses_every_log_and_says_how_to_resume() -> None:
    uow = program_with(RAISE, pause=Pause(DAY, ("numbness",), "Stop."))
    with pytest.raises(RedFlagError) as refused:
        log(uow, LogEntry("heel_raise", DAY))
    assert refused.value.action == "clear" and refused.value.symptoms == ("numbness",)
    assert ATHLETE not in uow.programs.logs


def test_a_day_without_a_session_is_not_found_and_points_at_the_week() -> None:
    with pytest.raises(NotFoundError) as refused:
        log(program_with(RAISE), LogEntry("heel_raise", date(2026, 3, 1)))
    assert refused.value.action == "week"


def test_an_exercise_outside_the_session_is_refused_naming_what_it_has() -> None:
    with pytest.raises(InputError, match="it has: heel_raise"):
        log(program_with(RAISE), LogEntry("plank", DAY))


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        (LogEntry("heel_raise", DAY, reps=501), "reps"),
        (LogEntry("heel_raise", DAY, sets=21), "sets"),
        (LogEntry("heel_raise", DAY, hold_s=30), "hold_s"),
        (LogEntry("heel_raise", DAY, pain=11), "pain"),
        (LogEntry("heel_raise", DAY, rpe=-1), "rpe"),
        (LogEntry("heel_raise", DAY, pain_area="knees"), "pain_area"),
        (LogEntry("heel_raise", date(2026, 3, 3)), "date"),
    ],
)
def test_a_bad_log_names_its_field_in_domain_words(entry: LogEntry, field: str) -> None:
    uow = program_with(RAISE)
    with pytest.raises(InputError) as refused:
        log(uow, entry)
    assert refused.value.field == field and "--" not in str(refused.value)
    assert ATHLETE not in uow.programs.logs


def test_a_whole_session_is_loaded_and_saved_once() -> None:
    uow = program_with(RAISE, SPLIT)
    entries = (
        LogEntry("heel_raise", DAY),
        LogEntry("split_squat", DAY, side="left"),
        LogEntry("split_squat", DAY, side="right"),
    )
    assert log(uow, *entries) == [False, False, False]
    assert uow.programs.saved == 1 and uow.committed == 1
    assert len(uow.programs.logs[ATHLETE]) == 3


def check_in(uow: FakeUnitOfWork, c: CheckIn) -> bool:
    with uow:
        program = uow.programs.get(ATHLETE, DAY, [c.day], None, checkins=True)
        already = program.check_in(c)
        uow.programs.save(program)
        uow.commit()
    return already


def test_the_same_check_in_again_is_stored_once_and_another_area_is_its_own() -> None:
    uow = program_with(RAISE)
    assert not check_in(uow, CheckIn(DAY, "", 2, None, ()))
    assert check_in(uow, CheckIn(DAY, "", 2, None, ()))
    assert not check_in(uow, CheckIn(DAY, "heel", 4, 3, ()))
    assert len(uow.programs.checkins[ATHLETE]) == 2


def test_a_different_check_in_of_the_same_morning_is_refused_not_replaced() -> None:
    uow = program_with(RAISE)
    check_in(uow, CheckIn(DAY, "heel", 2, 1, ()))
    with pytest.raises(ConflictError, match="morning pain 2/10, stiffness 1/10"):
        check_in(uow, CheckIn(DAY, "heel", 5, 1, ()))
    assert [c.morning_pain for c in uow.programs.checkins[ATHLETE]] == [2]


@pytest.mark.parametrize(
    ("c", "field"),
    [
        (CheckIn(DAY, "", 11, None, ()), "morning_pain"),
        (CheckIn(DAY, "", 1, -1, ()), "stiffness"),
        (CheckIn(DAY, "knees", 1, None, ()), "area"),
        (CheckIn(DAY, "", 1, None, ("itchy",)), "symptom"),
        (CheckIn(date(2026, 3, 3), "", 1, None, ()), "date"),
    ],
)
def test_a_bad_check_in_names_its_field(c: CheckIn, field: str) -> None:
    with pytest.raises(InputError) as refused:
        check_checkin(c, DAY, AREAS, ("numbness", "swelling"))
    assert refused.value.field == field
