"""The runner's progress series (footcore.domain.progress) from what is stored: sessions planned
and done, pain in sessions and the next mornings, assessments against their norms, and weekly
running load once runs are stored. Only reading and assembling here; the series are the domain's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from footcore.domain.catalog import Phase
from footcore.domain.load import RunRecord
from footcore.domain.plan import Plan, Session, Week
from footcore.domain.progress import (
    CheckIn,
    LoadWeek,
    Progress,
    SessionLog,
    adherence,
    load_series,
    pain_series,
    retest_series,
)
from footcore.entrypoints.web.storage import Storage

# Runs come from the running-load service when it is there (issue 4); until then, none.
RunsReader = Callable[[Storage, str, date], list[RunRecord]]


def stored_progress(storage: Storage, name: str, as_of: date,
                    runs: RunsReader | None = None) -> Progress:
    from footcore.adapters.inputs import results_from_mapping
    from footcore.services.context import open_runner

    uow = storage.uow()
    with uow:
        runner = open_runner(uow, name, as_of)
        repo = uow.repo
        weeks = repo.weeks(runner.id)
        if not weeks:
            return Progress(units=runner.profile.units)
        first, last = weeks[0].start, weeks[-1].start
        sessions = repo.sessions_between(runner.id, first, last + timedelta(days=7))
        by_week: dict[int, list[Session]] = {}
        for s in sessions:
            by_week.setdefault(s.week_id, []).append(Session(s.date, ()))
        plan = Plan(first, tuple(
            Week(w.seq, w.start, Phase(w.phase), w.cycle, w.week_in_cycle, w.light, w.retest,
                 tuple(by_week.get(w.id, []))) for w in weeks))
        start = min(first, runner.athlete.created_on)
        worst: dict[date, int] = {}
        for lg in repo.logs_between(runner.id, start, as_of):
            worst[lg.date] = max(worst.get(lg.date, 0), lg.pain)
        logs = [SessionLog(d, True, p) for d, p in sorted(worst.items())]
        checkins = [CheckIn(c.date, c.morning_pain)
                    for c in repo.checkins_between(runner.id, start, as_of)]
        results = [results_from_mapping(_raw(a.results), "stored results")
                   for a in repo.assessments(runner.id)]
        profile = runner.profile
        battery = runner.r.k.battery
    run_records = runs(storage, name, as_of) if runs is not None else []
    load: tuple[LoadWeek, ...] = ()
    if run_records:
        from footcore.adapters.load_rules_file import load_load_rules

        load = load_series(run_records, load_load_rules())
    return Progress(
        adherence=adherence(plan, logs, as_of),
        pain=pain_series(logs, checkins),
        retests=retest_series(battery, results, profile.runner.age, profile.runner.sex),
        load=load,
        units=profile.units,
    )


def _raw(text: str) -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(text)
    return raw
