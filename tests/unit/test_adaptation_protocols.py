"""A published protocol (Rathleff, Alfredson) keeps its own schedule: the pain model may take it
back, but footcore's own dose steps never push it past what the paper prescribed."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from footcore.adapters.adaptation_rules_file import load_adaptation_rules
from footcore.adapters.planner_rules_file import load_planner_rules
from footcore.domain.adaptation import Action, Kind, Options, Outcome, decide
from footcore.domain.catalog import Dose
from tests.unit.test_adaptation import outcome as base_outcome

RULES = load_adaptation_rules()
PROTOCOLS = load_planner_rules().protocols
RATHLEFF = PROTOCOLS["rathleff_heel_raise"]
OPEN = Options(
    can_step_up=True, can_step_down=True, harder="harder_one", easier="easier_one", days_at_level=14
)


def outcome(**kw: object) -> Outcome:
    """The unit tests' settled session, at the Rathleff protocol's first dose (3x12)."""
    return replace(base_outcome(**kw), prescribed=Dose(sets=3, reps=12), measure_done=12)


def test_a_settled_rathleff_session_holds_the_published_dose_instead_of_adding_reps() -> None:
    d = decide(outcome(), replace(OPEN, protocol=RATHLEFF.note), RULES)
    assert (d.kind, d.action) == (Kind.HOLD, Action.NONE)
    assert "a published protocol keeps its own schedule" in d.reason
    assert RATHLEFF.note in d.reason


def test_the_same_session_of_an_ordinary_exercise_steps_up() -> None:
    d = decide(outcome(), OPEN, RULES)
    assert (d.kind, d.action) == (Kind.PROGRESS, Action.MORE)


@given(pain=st.integers(0, 10), rpe=st.integers(0, 10), morning=st.integers(0, 10))
def test_a_protocol_never_progresses_whatever_the_session(
    pain: int, rpe: int, morning: int
) -> None:
    for protocol in PROTOCOLS.values():
        d = decide(
            outcome(pain=pain, rpe=rpe, morning_pain=morning),
            replace(OPEN, protocol=protocol.note),
            RULES,
        )
        assert d.kind is not Kind.PROGRESS, (protocol.exercise, d.reason)


def test_too_much_pain_still_takes_a_protocol_back() -> None:
    d = decide(outcome(pain=7, area="heel"), replace(OPEN, protocol=RATHLEFF.note), RULES)
    assert d.kind is Kind.REGRESS
