"""A flare that no session opened, on SQLite and PostgreSQL: after a settled week, two mornings in
a row above the runner's baseline in the arch. The first cuts every exercise loading the arch in
the following days; the second, in the same flare, cuts none of them again."""

from __future__ import annotations

from collections import Counter

from footcore.adapters.inputs import results_from_mapping
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.services import training
from tests.integration.test_flare_scenario import (
    BASELINE,
    DAY,
    FLARE,
    NAME,
    PROFILE,
    START,
    decisions,
    train,
)


def test_a_second_bad_morning_of_the_same_flare_cuts_no_exercise_again(
    uow: SqlUnitOfWork,
) -> None:
    results = results_from_mapping(BASELINE)
    training.init(uow, NAME, PROFILE, "runner.toml", results, BASELINE, START, 12, START)
    day = START
    while day <= FLARE:  # settled: 0/10 mornings, 1/10 sessions, the flare day's too
        training.checkin(uow, NAME, day, 0, "arch", [], day)
        train(uow, day, {}, day)
        day += DAY
    first = training.checkin(uow, NAME, FLARE + DAY, 3, "arch", [], FLARE + DAY).decisions
    assert any("loads the arch" in d.reason for d in first)
    train(uow, FLARE + DAY, {}, FLARE + DAY)
    training.checkin(uow, NAME, FLARE + 2 * DAY, 3, "arch", [], FLARE + 2 * DAY)
    by_area = Counter(d[0] for d in decisions(uow) if "loads the arch" in d[6])
    assert by_area and max(by_area.values()) == 1, by_area
