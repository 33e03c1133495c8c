"""Exports of a stored runner, for every entrypoint: the plan as stored (adapted doses, repeated
weeks), the progress series, and ready-made calendar, chart and PDF bytes (the web app serves
`calendar_for_athlete` at its subscription URL and `chart_for_athlete` as images).

Reading settles the weeks that have ended first (services.weekly.catch_up), exactly as `footcore
week` does, so an export shows the same plan as every other screen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from footcore.domain.catalog import Category, LoadLevel, Phase
from footcore.domain.load import RunRecord
from footcore.domain.plan import Plan, Prescription, Session, Week
from footcore.domain.profile import Profile
from footcore.domain.program.items import StoredItem
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
from footcore.services.coach_overlay import active_edits, coach_part, left_out

if TYPE_CHECKING:
    from footcore.adapters.exporters.calendar_ics import CalendarOptions
    from footcore.adapters.exporters.charts import Chart
    from footcore.adapters.storage.uow import SqlUnitOfWork
    from footcore.services.context import Runner


@dataclass(frozen=True)
class StoredRunner:
    name: str
    profile: Profile
    plan: Plan  # the stored weeks, numbered in calendar order (a repeated week gets its own)
    progress: Progress
    as_of: date

    def current_week(self) -> int:
        """The plan week holding `as_of`; 1 before the plan starts, the last one after it ends."""
        for w in self.plan.weeks:
            if w.start <= self.as_of < w.start + timedelta(days=7):
                return w.index
        return (
            1
            if not self.plan.weeks or self.as_of < self.plan.weeks[0].start
            else self.plan.weeks[-1].index
        )


def _prescription(p: StoredItem) -> Prescription:
    why = p.why if not p.adaptation else f"{p.why.rstrip('.')}; adapted: {p.adaptation}."
    return Prescription(
        exercise=p.exercise_done,
        name=p.name_done,
        category=Category(p.category),
        load=LoadLevel(p.load),
        dose=p.dose,
        why=why,
        sources=p.sources,
        priority=p.priority,
        coach=coach_part(p.adaptation),
    )


def stored_plan(runner: Runner) -> Plan:
    """The plan as stored: the doses after adaptation, the exercise actually done (a variant
    after a regression), repeated and inserted weeks in place."""
    rows = runner.uow.calendar.weeks(runner.id)
    generated = runner.generated()
    if not rows:
        return replace(generated, weeks=())
    by_week: dict[int, list[Session]] = {}
    by_seq = {w.seq: w for w in rows}
    edits = active_edits(runner)
    for s in runner.uow.calendar.sessions(runner.id, rows[0].start, rows[-1].end):
        items = tuple(_prescription(p) for p in s.items)
        present = {p.slot for p in s.items}
        notes = left_out(runner, edits, by_seq[s.seq], s.day, present)
        by_week.setdefault(s.seq, []).append(Session(s.day, items, notes))
    weeks = tuple(
        Week(
            w.seq,
            w.start,
            Phase(w.phase),
            w.cycle,
            w.week_in_cycle,
            w.light,
            w.retest,
            tuple(by_week.get(w.seq, ())),
            coach_note=coach_part(w.note),
        )
        for w in rows
    )
    stored = runner.uow.repo.plan(runner.id)
    warnings = tuple(json.loads(stored.warnings)) if stored is not None else generated.warnings
    return Plan(
        rows[0].start,
        weeks,
        tuple(runner.reference_findings() or ()),
        generated.priorities,
        warnings,
        generated.habits,
    )


def stored_runs(runner: Runner) -> list[RunRecord]:
    """The runner's stored runs (typed in or imported), as the load rules see them."""
    from footcore.services.running_store import run_records

    return run_records(runner, None, runner.as_of)


def stored_progress(runner: Runner, plan: Plan) -> Progress:
    """Progress until `runner.as_of`: a day with any exercise logged counts as a session done,
    with the worst pain logged that day; every check-in area counts, the worst one per day; the
    weekly load counts every stored run."""
    from footcore.adapters.inputs import results_from_mapping

    repo = runner.uow.repo
    first = min([runner.athlete.created_on] + [w.start for w in plan.weeks[:1]])
    worst: dict[date, int] = {}
    for lg in runner.uow.programs.logs_between(runner.id, first, runner.as_of):
        worst[lg.day] = max(worst.get(lg.day, 0), lg.pain)
    logs = [SessionLog(d, True, p) for d, p in sorted(worst.items())]
    checkins = [
        CheckIn(c.day, c.morning_pain)
        for c in runner.uow.programs.checkins_between(runner.id, first, runner.as_of)
    ]
    results = [
        results_from_mapping(json.loads(a.results), "stored assessment")
        for a in repo.assessments(runner.id)
        if a.date <= runner.as_of
    ]
    runner_info = runner.profile.runner
    runs = stored_runs(runner)
    load: tuple[LoadWeek, ...] = ()
    if runs:
        from footcore.services.running_store import load_rules

        load = load_series(runs, load_rules())
    return Progress(
        adherence(plan, logs, runner.as_of),
        pain_series(logs, checkins),
        retest_series(runner.battery, results, runner_info.age, runner_info.sex),
        load,
        runner.profile.units,
    )


def stored_runner(uow: SqlUnitOfWork, name: str, as_of: date) -> StoredRunner:
    """Everything an export of a stored runner needs, read in one transaction."""
    from footcore.services.context import open_runner
    from footcore.services.weekly import catch_up

    with uow:
        runner = open_runner(uow, name, as_of)
        catch_up(runner)
        uow.repo.flush()
        plan = stored_plan(runner)
        found = StoredRunner(name, runner.profile, plan, stored_progress(runner, plan), as_of)
        uow.commit()
        return found


def calendar_for_athlete(
    uow: SqlUnitOfWork, name: str, as_of: date, options: CalendarOptions | None = None
) -> bytes:
    """The stored plan as iCalendar bytes (UIDs footcore-<name>-<date>@footcore.local)."""
    from footcore.adapters.exporters.calendar_ics import CalendarOptions, plan_calendar
    from footcore.services.ports import knowledge

    found = stored_runner(uow, name, as_of)
    options = options or CalendarOptions()
    if not options.name:
        options = replace(options, name=found.profile.runner.name or name)
    return plan_calendar(found.plan, knowledge().catalog, name, options)


RECENT_KINDS = ("load", "pain")


def chart_for_athlete(
    uow: SqlUnitOfWork,
    name: str,
    kind: str,
    fmt: str,
    as_of: date,
    since: date | None = None,
    until: date | None = None,
    web: bool = False,
) -> Chart:
    """One progress chart of a stored runner over a period (both ends inclusive); without one,
    the running and pain charts show the last weeks that hold data."""
    from footcore.adapters.exporters.charts import check_kind, render_chart
    from footcore.services.ports import rules

    check_kind(kind)
    found = stored_runner(uow, name, as_of)
    if since is None and until is None and kind in RECENT_KINDS:
        # The default window: data/program_limits.toml [charts] says why (and the subtitle says so).
        recent = rules().limits.recent_weeks
        period = found.progress.recent(kind, recent)
        label = f"the last {recent} weeks that hold data (footcore's default window)"
    else:
        period = found.progress.between(since, until)
        label = (f"{since.isoformat()} to " if since else "from the start to ") + (
            until or as_of
        ).isoformat()
    subtitle = f"{found.profile.runner.name or name}, {label}"
    return render_chart(kind, period, fmt, subtitle=subtitle, web=web)


def pdf_for_athlete(
    uow: SqlUnitOfWork,
    name: str,
    as_of: date,
    paper: str = "a4",
    weeks: int | None = None,
    first_week: int | None = None,
) -> bytes:
    """The printable plan of a stored runner from `first_week` (default: the current week), with
    the progress charts that have data."""
    from footcore.adapters.exporters.pdf_plan import PrintOptions, plan_pdf
    from footcore.services.ports import knowledge, pictures

    found = stored_runner(uow, name, as_of)
    k = knowledge()
    options = PrintOptions(
        paper=paper,
        first_week=first_week or found.current_week(),
        weeks=weeks,
        name=found.profile.runner.name or name,
        labels=k.rules.quality_labels,
        progress=found.progress,
        printed=as_of,
        pictures=pictures().exercises,
    )
    return plan_pdf(found.plan, k.catalog, found.profile, options)
