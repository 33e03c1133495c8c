"""The program's calendar as values (domain/program/calendar.py): weeks inserted and removed keep
it contiguous, a re-plan never touches a logged day or one before it, and the planned days are
re-dated into the week that follows each generated week."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.catalog import Phase
from footcore.domain.plan import Session, Week
from footcore.domain.program.calendar import (
    ProgramWeek,
    Rewrite,
    StoredSession,
    covering,
    days_to_build,
    insert_after,
    remove,
    safe_from,
    weeks_of,
    with_note,
)
from tests.fakes import FakeCalendarUnitOfWork

MONDAY = date(2026, 3, 2)
DAY = timedelta(days=1)
WEEK = timedelta(days=7)
ATHLETE = 1


def generated(n: int) -> list[Week]:
    """A generated plan of `n` weeks, sessions on Monday, Wednesday and Friday."""
    return [
        Week(
            i + 1,
            MONDAY + i * WEEK,
            Phase.FOUNDATION if i < 4 else Phase.STRENGTH,
            1 + i // 4,
            1 + i % 4,
            i % 4 == 2,
            i % 4 == 3,
            tuple(Session(MONDAY + i * WEEK + k * DAY, ()) for k in (0, 2, 4)),
        )
        for i in range(n)
    ]


def calendar_of(n: int) -> list[ProgramWeek]:
    return [ProgramWeek.following(w.index, w.start, w, "planned", "") for w in generated(n)]


def contiguous(weeks: tuple[ProgramWeek, ...] | list[ProgramWeek], first: date) -> bool:
    return [w.seq for w in weeks] == list(range(1, len(weeks) + 1)) and all(
        w.start == first + i * WEEK for i, w in enumerate(weeks)
    )


def repeats(n: int, plan_week: int) -> list[ProgramWeek]:
    gen = generated(plan_week)[-1]
    return [ProgramWeek.following(0, date.min, gen, "repeat", "again") for _ in range(n)]


sizes = st.integers(min_value=1, max_value=12)


@given(sizes, st.data(), st.integers(min_value=1, max_value=4))
def test_inserted_weeks_keep_the_calendar_contiguous_and_move_the_later_weeks_on(
    n: int, data: st.DataObject, m: int
) -> None:
    weeks = calendar_of(n)
    after = data.draw(st.integers(min_value=1, max_value=n))
    change = insert_after(weeks, after, repeats(m, after))
    assert contiguous(change.weeks, MONDAY)
    assert change.weeks[:after] == tuple(weeks[:after])
    assert all(w.kind == "repeat" for w in change.weeks[after : after + m])
    assert change.was == (*range(1, after + 1), *[None] * m, *range(after + 1, n + 1))
    for w, was in zip(change.weeks[after + m :], change.was[after + m :], strict=True):
        before = weeks[(was or 0) - 1]
        assert (w.plan_week, w.phase, w.start) == (
            before.plan_week,
            before.phase,
            before.start + m * WEEK,
        )


@given(sizes, st.data())
def test_removed_weeks_keep_the_calendar_contiguous_and_move_the_later_weeks_back(
    n: int, data: st.DataObject
) -> None:
    weeks = calendar_of(n)
    gone = data.draw(st.sets(st.integers(min_value=1, max_value=n), max_size=n - 1))
    change = remove(weeks, gone)
    assert contiguous(change.weeks, MONDAY)
    assert [was for was in change.was] == [w.seq for w in weeks if w.seq not in gone]
    assert [w.plan_week for w in change.weeks] == [w.plan_week for w in weeks if w.seq not in gone]


@given(sizes, st.data(), st.integers(min_value=1, max_value=4))
def test_inserting_then_removing_the_same_weeks_gives_the_calendar_back(
    n: int, data: st.DataObject, m: int
) -> None:
    weeks = calendar_of(n)
    after = data.draw(st.integers(min_value=1, max_value=n))
    inserted = insert_after(weeks, after, repeats(m, after)).weeks
    back = remove(inserted, set(range(after + 1, after + m + 1)))
    assert back.weeks == tuple(weeks)


@given(sizes, st.integers(min_value=0, max_value=100), st.one_of(st.none(), st.integers(0, 100)))
def test_a_replan_never_builds_a_logged_day_nor_a_day_before_it(
    n: int, replan: int, last_log: int | None
) -> None:
    day = MONDAY + replan * DAY
    logged = None if last_log is None else MONDAY + last_log * DAY
    first = safe_from(day, logged)
    assert first >= day and (logged is None or first > logged)
    built = days_to_build(calendar_of(n), generated(n), first)
    assert all(d.day >= first for d in built)
    assert all(logged is None or d.day > logged for d in built)


@given(sizes, st.data(), st.integers(min_value=1, max_value=3))
def test_planned_days_are_re_dated_into_the_week_that_follows_their_generated_week(
    n: int, data: st.DataObject, m: int
) -> None:
    gen = generated(n)
    after = data.draw(st.integers(min_value=1, max_value=n))
    weeks = insert_after(calendar_of(n), after, repeats(m, after)).weeks
    built = days_to_build(weeks, gen, MONDAY)
    assert len(built) == 3 * len(weeks)
    for d in built:
        week = covering(weeks, d.day)
        assert week is not None and week.seq == d.seq
        assert d.day - d.planned.date == week.start - gen[week.plan_week - 1].start


def test_the_week_covering_a_day_is_none_outside_the_calendar() -> None:
    weeks = calendar_of(3)
    assert covering(weeks, MONDAY - DAY) is None
    assert covering(weeks, MONDAY + 21 * DAY) is None
    found = covering(weeks, MONDAY + 20 * DAY)
    assert found is not None and found.seq == 3 and found.end == MONDAY + 21 * DAY
    days = [MONDAY - DAY, MONDAY, MONDAY + 8 * DAY, MONDAY + 30 * DAY]
    assert weeks_of(weeks, days) == {MONDAY: 1, MONDAY + 8 * DAY: 2}


def test_a_note_adds_a_line() -> None:
    week = with_note(calendar_of(1)[0], "first")
    assert with_note(week, "second").note == "first\nsecond"


def test_stored_sessions_follow_their_week_when_weeks_are_inserted_and_removed() -> None:
    uow = FakeCalendarUnitOfWork()
    stored = uow.calendar
    stored.apply(ATHLETE, Rewrite.fresh(calendar_of(4)))
    stored.add_sessions(
        ATHLETE,
        [
            StoredSession(d.seq, d.day, ())
            for d in days_to_build(calendar_of(4), generated(4), MONDAY)
        ],
    )
    stored.apply(ATHLETE, insert_after(stored.weeks(ATHLETE), 2, repeats(2, 2)))
    assert [w.seq for w in stored.weeks(ATHLETE)] == [1, 2, 3, 4, 5, 6]
    # The sessions of the old weeks 3 and 4 still belong to them, now weeks 5 and 6.
    assert {s.seq for s in stored.sessions(ATHLETE, MONDAY + 14 * DAY, MONDAY + 28 * DAY)} == {5, 6}
    stored.apply(ATHLETE, remove(stored.weeks(ATHLETE), {5}))
    # The old week 3 goes with its sessions; the old week 4 moves back into its place.
    assert [w.plan_week for w in stored.weeks(ATHLETE)] == [1, 2, 2, 2, 4]
    assert contiguous(stored.weeks(ATHLETE), MONDAY)
    assert {s.seq for s in stored.sessions(ATHLETE, MONDAY, MONDAY + 100 * DAY)} == {1, 2, 5}


def test_a_week_changed_in_place_keeps_its_seq_and_its_neighbours() -> None:
    weeks = calendar_of(3)
    change = Rewrite.updated(weeks, with_note(weeks[1], "coach"))
    assert change.was == (1, 2, 3)
    assert [w.note for w in change.weeks] == ["", "coach", ""]
