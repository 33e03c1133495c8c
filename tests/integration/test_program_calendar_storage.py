"""`uow.calendar` on both backends: a calendar written, weeks inserted and removed without the
unique (athlete, seq) ever colliding, the stored sessions following their weeks, and retests read
back as values."""

from __future__ import annotations

from datetime import date, timedelta

from footcore.adapters.storage.models import Athlete
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.catalog import Phase
from footcore.domain.plan import Session, Week
from footcore.domain.program.calendar import (
    ProgramWeek,
    Rewrite,
    StoredSession,
    days_to_build,
    insert_after,
    remove,
    with_note,
)
from footcore.domain.program.weeks import RetestRecord

MONDAY = date(2026, 3, 2)
DAY = timedelta(days=1)
WEEK = timedelta(days=7)

GENERATED = [
    Week(
        i + 1,
        MONDAY + i * WEEK,
        Phase.FOUNDATION,
        1,
        i + 1,
        False,
        i == 3,
        tuple(Session(MONDAY + i * WEEK + k * DAY, ()) for k in (0, 3)),
    )
    for i in range(4)
]
PLAN = [ProgramWeek.following(w.index, w.start, w, "planned", "") for w in GENERATED]


def athlete(uow: SqlUnitOfWork) -> int:
    row = Athlete(name="ana", created_on=MONDAY)
    uow.repo.add(row)
    uow.repo.flush()
    return row.id


def test_weeks_inserted_and_removed_are_stored_with_their_sessions(uow: SqlUnitOfWork) -> None:
    with uow:
        ana = athlete(uow)
        stored = uow.calendar
        stored.apply(ana, Rewrite.fresh(PLAN))
        built = days_to_build(PLAN, GENERATED, MONDAY)
        stored.add_sessions(ana, [StoredSession(d.seq, d.day, ()) for d in built])
        repeat = ProgramWeek.following(0, MONDAY, GENERATED[1], "repeat", "again")
        stored.apply(ana, insert_after(stored.weeks(ana), 2, [repeat, repeat]))
        uow.commit()
    with uow:
        weeks = uow.calendar.weeks(ana)
        assert [(w.seq, w.plan_week, w.kind) for w in weeks] == [
            (1, 1, "planned"),
            (2, 2, "planned"),
            (3, 2, "repeat"),
            (4, 2, "repeat"),
            (5, 3, "planned"),
            (6, 4, "planned"),
        ]
        assert [w.start for w in weeks] == [MONDAY + i * WEEK for i in range(6)]
        days = uow.calendar.sessions(ana, MONDAY, MONDAY + 100 * DAY)
        assert [s.seq for s in days] == [1, 1, 2, 2, 5, 5, 6, 6]  # days stay until a rebuild
        uow.calendar.apply(ana, remove(weeks, {3, 4}))
        marked = with_note(uow.calendar.weeks(ana)[3], "coach")
        uow.calendar.apply(ana, Rewrite.updated(uow.calendar.weeks(ana), marked))
        uow.commit()
    with uow:
        weeks = uow.calendar.weeks(ana)
        assert weeks == [*PLAN[:3], with_note(PLAN[3], "coach")]
        assert [s.seq for s in uow.calendar.sessions(ana, MONDAY, MONDAY + 100 * DAY)] == [
            1,
            1,
            2,
            2,
            3,
            3,
            4,
            4,
        ]
        uow.calendar.delete_sessions_from(ana, MONDAY + 14 * DAY)
        assert uow.calendar.session_days(ana, MONDAY, MONDAY + 100 * DAY) == [
            MONDAY,
            MONDAY + 3 * DAY,
            MONDAY + 7 * DAY,
            MONDAY + 10 * DAY,
        ]


def test_retests_read_back_as_values_oldest_first(uow: SqlUnitOfWork) -> None:
    with uow:
        ana = athlete(uow)
        stored = uow.calendar
        stored.add_retest(ana, RetestRecord(MONDAY + 7 * DAY, True, '{"a":1}'), "[]", "[]")
        stored.add_retest(ana, RetestRecord(MONDAY, False, "{}"), "[]", "[]")
        assert stored.retests(ana) == [
            RetestRecord(MONDAY, False, "{}"),
            RetestRecord(MONDAY + 7 * DAY, True, '{"a":1}'),
        ]
        assert stored.last_log(ana) is None
