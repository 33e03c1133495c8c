"""`load` and `today` read one truth for the foot plan's restrictions: the stored rows, refreshed
with every change of the runs. On SQLite and PostgreSQL, after a spike, every day `load` lists as
restricted is the day `today` leaves items out on, for the same reasons, and no other day is."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.bootstrap import knowledge
from footcore.presentation.runs import load_dict
from footcore.services import running, training
from footcore.services.queries.day_view import day_dict
from tests.factories import example_profile, high_load_start

DAY = timedelta(days=1)
NAME = "default"


@pytest.mark.any_weekday
def test_load_and_today_agree_on_every_day_a_spike_restricts(
    uow: SqlUnitOfWork, today: date
) -> None:
    profile = example_profile("km", {"knee": 2})
    training.init(uow, NAME, profile, "profile", None, None, high_load_start(today), 24, today)
    monday = today - today.weekday() * DAY
    running.add_run(uow, NAME, day=monday - 12 * DAY, km=10, minutes=55, as_of=today)
    running.add_run(uow, NAME, day=today, km=20.01, minutes=120, as_of=today)

    load = load_dict(running.load_report(uow, NAME, 2, today))
    restricted: dict[str, set[str]] = {}
    for x in load["restrictions"]:
        restricted.setdefault(x["day"], set()).add(x["reason"])
    assert sorted(restricted) == [(today + i * DAY).isoformat() for i in range(4)]

    catalog = knowledge().catalog
    shown_any = False
    for d in (today + i * DAY for i in range(8)):
        view = day_dict(training.day(uow, NAME, d, today))
        reasons = {r for x in view["dropped"] for r in x["reasons"]}
        if d.isoformat() not in restricted:
            assert view["dropped"] == []
            continue
        assert all(not catalog.get(i["exercise_done"]).is_high_load for i in view["items"])
        if view["dropped"]:
            assert reasons == restricted[d.isoformat()]
            shown_any = True
    assert shown_any
