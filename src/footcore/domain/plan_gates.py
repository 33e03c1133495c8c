"""Retest gates in a plan preview: which weeks are reached only through a passing retest.

The stored plan is gated by `adaptation.gate` at every retest (adaptation_rules.toml [gate]); a
preview uses the same rules, so a runner sees before starting which tests each later cycle waits
for, and whether the baseline already fails one of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from footcore.domain.adaptation import GateRules
from footcore.domain.assessment import Finding, Standing
from footcore.domain.periodization import WeekSlot

PAIN_CRITERION = "lower_leg_pain"


@dataclass(frozen=True, slots=True)
class WeekGate:
    gated_by: tuple[str, ...]  # test ids (and the pain criterion) that must pass
    failing_now: tuple[str, ...]  # of those, what the baseline already fails
    note: str


def _values(f: Finding) -> str:
    unit = f" {f.unit}" if f.unit else ""
    return f"{f.left} and {f.right}{unit}".replace(".0 ", " ")


def cycle_gates(
    slots: Sequence[WeekSlot],
    findings: Sequence[Finding],
    lower_leg_pain: int,
    rules: GateRules,
    names: Mapping[str, str],
) -> dict[int, WeekGate]:
    """The gate in front of every cycle after the first, by cycle number."""
    by_test = {f.test: f for f in findings}
    priority_tests = [f.test for f in findings if f.is_priority]
    last_week = {s.cycle: s.index for s in slots if s.retest}
    out: dict[int, WeekGate] = {}
    for s in slots:
        if s.cycle == 1 or s.cycle in out:
            continue
        must_be_within = list(rules.within_norm.get(s.phase, ()))
        tests = list(dict.fromkeys(priority_tests + must_be_within))
        criteria = [
            f"{names.get(t, t)} within the norm on both sides"
            if t in must_be_within
            else f"{names.get(t, t)} within the norm or better by more than its retest noise"
            for t in tests
        ]
        criteria.append(f"lower-leg pain at most {rules.max_lower_leg_pain}/10 in the last week")
        failing = [
            t
            for t in must_be_within
            if t in by_test
            and Standing.BELOW in (by_test[t].standing_left, by_test[t].standing_right)
        ]
        now = [f"{names.get(t, t)} is below the norm now ({_values(by_test[t])})" for t in failing]
        if lower_leg_pain > rules.max_lower_leg_pain:
            failing.append(PAIN_CRITERION)
            now.append(f"lower-leg pain is {lower_leg_pain}/10 now")
        retest_week = last_week.get(s.cycle - 1, s.index - 1)
        note = (
            f"reached only if the week-{retest_week} retest passes: {'; '.join(criteria)}; "
            f"otherwise the last weeks of cycle {s.cycle - 1} repeat"
        )
        if now:
            note += f". Your baseline fails this gate: {'; '.join(now)}"
        out[s.cycle] = WeekGate((*tests, PAIN_CRITERION), tuple(failing), note)
    return out
