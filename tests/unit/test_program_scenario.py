"""The rules of the eight-week scenario (tests/integration/test_training_scenario.py) without a
database: logs and check-ins go through the program aggregate into the in-memory unit of work,
and each session is decided by the pure decision (domain/program/decisions.py), its slot's level
folded from the decisions before it. The database scenario stays as one integration test per
backend; this one runs in milliseconds."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta

from footcore.adapters.adaptation_rules_file import load_adaptation_rules, load_gate_rules
from footcore.adapters.assessment_files import load_battery
from footcore.adapters.inputs import results_from_mapping
from footcore.domain.adaptation import Decision, Kind, Options, gate, stepped
from footcore.domain.assessment import score
from footcore.domain.catalog import Dose, Phase
from footcore.domain.flare import morning_reduces
from footcore.domain.program import CheckIn, LogEntry, LogRecord, PlannedItem, PlannedSession
from footcore.domain.program.decisions import (
    baseline,
    decide_session,
    flare_reach,
    flare_reason,
    reduced_in_flare,
)
from footcore.domain.program.levels import fold
from footcore.domain.program.weeks import (
    Gate,
    gate_at_week_end,
    missed,
    repeat_block,
    repeats_after_missed,
)
from footcore.services.logbook import store_logs
from tests.conftest import EXAMPLES
from tests.factories import NORMAL_RESULTS, a_profile, results
from tests.fakes import FakeUnitOfWork

RULES = load_adaptation_rules()
GATES = load_gate_rules()
BATTERY = {t.id: t for t in load_battery()}
RANGES = {"sets": (1, 20), "reps": (1, 500), "hold_s": (1, 600)}
AREAS = ("heel", "arch")
ATHLETE = 1
SLOT = "marble_pickup"
PLANNED = Dose(sets=3, reps=10)
DAY = timedelta(days=1)


def d(month: int, day_: int) -> date:
    return date(2026, month, day_)


class Diary:
    """One slot planned every day; each morning decides the session of the day before (as the
    check-in does), a painful session is decided when it is logged."""

    def __init__(self, first: date, last: date) -> None:
        self.uow = FakeUnitOfWork()
        item = PlannedItem(SLOT, SLOT, PLANNED.sets, PLANNED.reps, None, None, False)
        day = first
        while day <= last:
            self.uow.programs.add_session(ATHLETE, PlannedSession(day, (item,)))
            day += DAY
        self.decisions: list[Decision] = []
        self.dated: list[tuple[date, Decision]] = []

    @property
    def logs(self) -> list[LogRecord]:
        return self.uow.programs.logs.get(ATHLETE, [])

    @property
    def checkins(self) -> list[CheckIn]:
        return self.uow.programs.checkins.get(ATHLETE, [])

    def train(self, day: date, pain: int = 1, area: str = "") -> None:
        with self.uow:
            entry = LogEntry(SLOT, day, rpe=5, pain=pain, pain_area=area)
            store_logs(self.uow.programs, ATHLETE, day, [entry], None, RANGES, AREAS)
            self.uow.commit()

    def morning(self, day: date, pain: int = 0, area: str = "") -> Decision | None:
        with self.uow:
            program = self.uow.programs.get(ATHLETE, day, [day], None, checkins=True)
            program.check_in(CheckIn(day, area, pain, None, ()))
            self.uow.programs.save(program)
            self.uow.commit()
        return self.decide(day - DAY)

    def decide(self, day: date) -> Decision | None:
        session = [lg for lg in self.logs if lg.day == day and lg.slot == SLOT]
        if not session:
            return None
        upto = day + DAY
        checkins = [c for c in self.checkins if c.day <= upto]
        logs = [lg for lg in self.logs if lg.day <= upto]
        decision = decide_session(
            day, session, PLANNED, checkins, logs, {}, self.options(day), RULES
        )
        self.dated.append((day, decision))
        return decision

    def options(self, day: date) -> Options:
        _, since = fold(self.history(), SLOT, before=day)
        return Options(
            can_step_up=True,
            can_step_down=True,
            harder=None,
            easier=None,
            days_at_level=(day - since).days if since is not None else 0,
        )

    def history(self) -> list[Made]:
        return [
            Made(x.kind.value, x.action.value, x.reason, x.variant, day) for day, x in self.dated
        ]

    def good_days(self, first: date, last: date) -> None:
        day = first
        while day <= last:
            self.morning(day)
            self.train(day)
            day += DAY


class Made:
    """A decision as the fold reads it."""

    def __init__(self, kind: str, action: str, reason: str, variant: str | None, day: date) -> None:
        self.kind, self.action, self.reason, self.variant = kind, action, reason, variant
        self.session_date: date | None = day


def test_settled_sessions_hold_until_a_week_at_the_dose_then_step_up() -> None:
    diary = Diary(d(1, 5), d(1, 20))
    diary.good_days(d(1, 5), d(1, 10))
    held = diary.morning(d(1, 11))
    assert held is not None and held.kind is Kind.HOLD
    assert held.reason == (
        "pain 1/10 (safe) settled by the next morning, all sets done at effort 5/10; the dose "
        "steps up after 7 days at it (5 so far)"
    )
    diary.train(d(1, 11))
    diary.morning(d(1, 12))
    diary.train(d(1, 12))
    progressed = diary.morning(d(1, 13))
    assert progressed is not None and progressed.kind is Kind.PROGRESS
    assert progressed.reason == (
        "pain 1/10 (safe) settled by the next morning, all sets done at effort 5/10: one step more"
    )
    assert "evidence:silbernagel_2007" in progressed.sources
    level, since = fold(diary.history(), SLOT)
    assert (level.step, since) == (1, d(1, 13))
    dose = stepped(PLANNED, level.step, RULES.steps)
    assert (dose.sets, dose.reps) == (3, 12)  # planned 3 x 10, one step: +2 reps


def test_pain_above_the_zone_steps_back_down_and_never_progresses() -> None:
    diary = Diary(d(1, 5), d(1, 20))
    diary.good_days(d(1, 5), d(1, 15))
    diary.morning(d(1, 16))
    diary.train(d(1, 16), pain=6, area="arch")
    regress = diary.decide(d(1, 16))
    assert regress is not None and regress.kind is Kind.REGRESS
    assert regress.reason == (
        "pain 6/10 (arch) during the exercise is above the acceptable zone (0-2 safe, 3-5 "
        "acceptable, over 5 too much): less volume"
    )
    # The morning after does not turn the painful session into a progress.
    after = diary.morning(d(1, 17))
    assert after is not None and after.kind is not Kind.PROGRESS


def test_a_bad_morning_is_judged_against_the_pre_flare_baseline() -> None:
    diary = Diary(d(1, 5), d(1, 20))
    diary.good_days(d(1, 5), d(1, 15))
    diary.morning(d(1, 16))
    diary.train(d(1, 16), pain=6, area="arch")  # a painful session opens a flare...
    diary.morning(d(1, 17))  # ...which a morning back at the baseline closes
    diary.train(d(1, 17))
    bad = diary.morning(d(1, 18), pain=3)
    assert bad is not None and bad.kind is Kind.REGRESS
    assert bad.reason == (
        "next-morning pain 3/10 is worse than your baseline (0/10, your usual morning before "
        "any flare): less volume"
    )
    # The flare goes on while mornings stay above it: the baseline stays the pre-flare one.
    diary.train(d(1, 18))
    diary.morning(d(1, 19), pain=3)
    base = baseline(diary.checkins, diary.logs, d(1, 20), "", {}, RULES)
    assert (base.value, base.flare_start, base.flare_session) == (0, d(1, 18), d(1, 17))
    assert morning_reduces(3, base, RULES.safe_max, RULES.baseline)


def test_a_flare_takes_one_step_from_the_exercises_loading_the_area_not_one_per_morning() -> None:
    diary = Diary(d(1, 5), d(1, 20))
    diary.good_days(d(1, 5), d(1, 17))
    diary.morning(d(1, 18), pain=3)  # the flare opens; the session of the 17th steps down
    base = baseline(diary.checkins, diary.logs, d(1, 19), "", {}, RULES)
    since = flare_reach(base, d(1, 18))
    assert since == d(1, 17)  # the reach starts at the session before the flare's morning
    assert reduced_in_flare(diary.history(), since)  # a second bad morning takes no more
    assert not reduced_in_flare(diary.history(), d(1, 18))  # a new flare would
    assert flare_reason(3, d(1, 19), "arch", base, "Marble pick-up") == (
        "morning pain (arch) 3/10 on 2026-01-19 is worse than your baseline "
        f"({base.text}) and Marble pick-up loads the arch"
    )


def test_a_missed_week_repeats_once_when_the_runner_is_back_the_next_monday() -> None:
    week3 = [d(1, 19) + i * DAY for i in range(7)]
    assert missed(week3, [])
    assert not missed(week3, [d(1, 21)])
    assert repeats_after_missed(d(1, 26), d(1, 26), logged_since_end=False) == 1
    assert repeats_after_missed(d(1, 26), d(2, 9), logged_since_end=False) == 3


def test_a_retest_no_better_than_the_baseline_repeats_the_cycle_and_a_normal_one_passes() -> None:
    raw = tomllib.loads((EXAMPLES / "assessment.toml").read_text())
    profile = a_profile()
    before = score(tuple(BATTERY.values()), results_from_mapping(raw), profile)
    failed = gate(Phase.STRENGTH, before, before, BATTERY, 1, GATES)
    assert not failed.passed
    assert any("within the retest noise" in r for r in failed.reasons)
    assert gate_at_week_end(failed.passed) is Gate.FAILED
    # The retest week is plan week 6: the block repeats from plan week 3, ending with a retest.
    block = repeat_block([1, 2, 3, 4, 5, 6], 6, GATES.repeat_weeks)
    assert block[0] == 3 and block[-1] == 6
    normal = score(tuple(BATTERY.values()), results(**NORMAL_RESULTS), profile)
    passed = gate(Phase.STRENGTH, before, normal, BATTERY, 1, GATES)
    assert passed.passed, passed.reasons
    assert gate_at_week_end(passed.passed) is Gate.PASSED
    assert gate_at_week_end(None) is Gate.MISSING
