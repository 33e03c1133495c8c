"""One runner through eight weeks of logs, on SQLite and on PostgreSQL: good days, a painful day,
a bad morning, a missed week, a retest that does not pass and one that does. Every decision the
scenario provokes is checked with its reason; the calendar is checked after each turn."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from typing import Any

from footcore.adapters.inputs import results_from_mapping
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.services import training
from footcore.services.logbook import LogEntry, Logged
from tests.conftest import EXAMPLES
from tests.factories import NORMAL_RESULTS

NAME = "default"
DAY = timedelta(days=1)
START = date(2026, 1, 5)  # a Monday
PROFILE = tomllib.loads((EXAMPLES / "runner.toml").read_text())
BASELINE = tomllib.loads((EXAMPLES / "assessment.toml").read_text())


def d(month: int, day_: int) -> date:
    return date(2026, month, day_)


class Diary:
    """The runner's days, each command on its own day (as_of = that day)."""

    def __init__(self, uow: SqlUnitOfWork) -> None:
        self.uow = uow
        self.today = START

    def morning(self, day: date, pain: int = 0, area: str = "") -> list[Any]:
        self.today = day
        return training.checkin(self.uow, NAME, day, pain, area, [], day).decisions

    def train(self, day: date, special: dict[str, tuple[int, str]] | None = None) -> list[Logged]:
        self.today = day
        view = training.day(self.uow, NAME, day, day)
        entries = []
        for item in view.items:
            pain, area = (special or {}).get(item.exercise, (1, ""))
            entries.append(LogEntry(item.exercise_done, day, rpe=5, pain=pain, pain_area=area))
        return training.log_session(self.uow, NAME, entries, day)

    def good_days(self, first: date, last: date) -> None:
        day = first
        while day <= last:
            self.morning(day)
            self.train(day)
            day += DAY

    def items(self, day: date) -> dict[str, Any]:
        """The planned items of a day, looked at from today (never a command in the future)."""
        return {i.exercise: i for i in training.day(self.uow, NAME, day, self.today).items}

    def week(self, day: date) -> dict[str, Any]:
        week = training.day(self.uow, NAME, day, self.today).week
        assert week is not None
        return week

    def program_decisions(self) -> list[tuple[str, str, str]]:
        with self.uow:
            athlete = self.uow.repo.athlete(NAME)
            assert athlete is not None
            return [
                (x.kind, x.action, x.reason)
                for x in self.uow.repo.decisions(athlete.id)
                if x.exercise == ""
            ]

    def all_decisions(self) -> list[Any]:
        with self.uow:
            athlete = self.uow.repo.athlete(NAME)
            assert athlete is not None
            return [
                (x.exercise, x.kind, x.reason, x.sources, x.session_date)
                for x in self.uow.repo.decisions(athlete.id)
            ]


def results(values: dict[str, tuple[object, object]], when: date) -> tuple[Any, dict[str, Any]]:
    raw: dict[str, Any] = {"date": when}
    raw.update({k: {"left": v[0], "right": v[1]} for k, v in values.items()})
    return results_from_mapping(raw), raw


def by_slot(decisions: list[Any]) -> dict[str, Any]:
    return {x.exercise: x for x in decisions}


def test_eight_weeks_of_one_runner(uow: SqlUnitOfWork) -> None:
    baseline = results_from_mapping(BASELINE)
    training.init(uow, NAME, PROFILE, "runner.toml", baseline, BASELINE, START, 12, START)
    diary = Diary(uow)

    # Week 1: good days. Nothing progresses before a week at the dose.
    diary.good_days(d(1, 5), d(1, 11))
    first_week = by_slot(diary.morning(d(1, 12)))
    assert first_week["veles_forward_lean"].kind == "hold"
    assert first_week["veles_forward_lean"].reason == (
        "pain 1/10 (safe) settled by the next morning, all sets done at effort 5/10; the dose "
        "steps up after 7 days at it (6 so far)"
    )

    # Week 2: a week at the dose, settled mornings, moderate effort: the dose steps up.
    diary.train(d(1, 12))
    progressed = by_slot(diary.morning(d(1, 13)))
    assert progressed["marble_pickup"].kind == "progress"
    assert progressed["marble_pickup"].reason == (
        "pain 1/10 (safe) settled by the next morning, all sets done at effort 5/10: one step more"
    )
    assert "evidence:silbernagel_2007" in progressed["marble_pickup"].sources
    marble = diary.items(d(1, 14))["marble_pickup"]
    assert (marble.sets, marble.reps) == (3, 12)  # planned 3 x 10, one step: +2 reps
    assert marble.adaptation.startswith("1 dose step above the plan")
    diary.train(d(1, 13))

    # A painful day: marble pick-ups hurt the arch at 6/10 -> the easier variant.
    diary.morning(d(1, 14))
    painful = {
        x.entry.exercise: x.decision for x in diary.train(d(1, 14), {"marble_pickup": (6, "arch")})
    }
    regress = painful["marble_pickup"]
    assert regress is not None and regress.kind == "regress"
    assert regress.reason == (
        "pain 6/10 (arch) during the exercise is above the acceptable zone (0-2 safe, 3-5 "
        "acceptable, over 5 too much): the easier Towel scrunches"
    )
    diary.morning(d(1, 15))
    diary.train(d(1, 15))
    swapped = diary.items(d(1, 16))["marble_pickup"]
    assert swapped.exercise_done == "towel_scrunch" and (swapped.sets, swapped.reps) == (2, 15)
    assert "Towel scrunches instead of Marble pick-ups" in swapped.adaptation

    # A bad morning: pain 3/10 on getting up after a morning at 0 -> less volume for every
    # exercise of the day before.
    diary.morning(d(1, 16))
    diary.train(d(1, 16))
    bad = by_slot(diary.morning(d(1, 17), pain=3))
    assert {x.kind for x in bad.values()} == {"regress"}
    assert bad["marble_pickup"].reason == (
        "next-morning pain 3/10 is worse than before (0/10): less volume"
    )
    assert diary.items(d(1, 18))["marble_pickup"].sets == 1  # towel scrunches 2 -> 1 set
    diary.train(d(1, 17))
    diary.good_days(d(1, 18), d(1, 18))

    # Week 3 is missed entirely. Its sessions stay as they were; the next week repeats it.
    missed_monday = diary.items(d(1, 19))
    diary.morning(d(1, 26))
    assert (
        "hold",
        "repeat",
        "no session was logged in week 3 (2026-01-19 to 2026-01-25): the week repeats with "
        "the same doses instead of moving on",
    ) in diary.program_decisions()
    repeat = diary.week(d(1, 26))
    assert (repeat["seq"], repeat["plan_week"], repeat["kind"]) == (4, 3, "repeat")
    assert diary.items(d(1, 19)) == missed_monday
    again = diary.items(d(1, 26))
    assert {k: (v.sets, v.reps, v.hold_s) for k, v in again.items()} == {
        k: (v.sets, v.reps, v.hold_s) for k, v in missed_monday.items()
    }
    diary.train(d(1, 26))
    diary.good_days(d(1, 27), d(2, 15))

    # Week 7 is the retest week (plan week 6). A retest no better than the baseline fails: the
    # last four weeks of the cycle repeat, ending with another retest.
    assert diary.week(d(2, 16))["retest"] is True
    diary.good_days(d(2, 16), d(2, 19))
    same, raw = results(
        {k: (v["left"], v["right"]) for k, v in BASELINE.items() if k != "date"}, d(2, 20)
    )
    diary.today = d(2, 20)
    failed = training.retest(uow, NAME, same, raw, d(2, 20))
    assert not failed.result.passed
    assert (
        "Single-leg heel raise to fatigue, left: 14 -> 14 reps, still below the norm and "
        "within the retest noise (6 reps)"
    ) in failed.result.reasons
    assert "Single-leg heel raise to fatigue: left and right still differ by 8 reps" in (
        failed.result.reasons
    )
    assert failed.effect.startswith("the phase goes on")
    gate_repeat = diary.week(d(2, 23))
    assert (gate_repeat["plan_week"], gate_repeat["kind"], gate_repeat["phase"]) == (
        3,
        "gate_repeat",
        "foundation",
    )
    assert diary.week(d(3, 16))["retest"] is True  # the end of the repeat block
    diary.good_days(d(2, 20), d(2, 26))

    # Week 8: a retest with every priority back within the norm opens the strength phase.
    better, raw = results(NORMAL_RESULTS, d(2, 27))
    diary.today = d(2, 27)
    passed = training.retest(uow, NAME, better, raw, d(2, 27))
    assert passed.result.passed, passed.result.reasons
    assert passed.entering == "strength"
    assert (
        "progress",
        "gate",
        "the retest passed: 3 repeat week(s) dropped; the next phase starts on 2026-03-02",
    ) in diary.program_decisions()
    diary.good_days(d(2, 27), d(3, 1))
    nxt = diary.week(d(3, 2))
    assert (nxt["phase"], nxt["plan_week"], nxt["kind"]) == ("strength", 7, "planned")

    status = training.status(uow, NAME, d(3, 1))
    assert status.week is not None and status.week["phase"] == "foundation"
    done, planned = status.adherence_overall
    assert planned > done > 0.8 * planned  # all but the missed week
    assert not any("retests in a row" in w for w in status.warnings)

    # Every decision has a reason and sources; none progressed a session with pain above 5.
    decisions = diary.all_decisions()
    assert all(reason and sources != "[]" for _, _, reason, sources, _ in decisions)
    painful_sessions = {(d(1, 14), "marble_pickup")}
    assert not [x for x in decisions if (x[4], x[0]) in painful_sessions and x[1] == "progress"]
