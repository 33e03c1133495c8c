"""Phase gates: whether a retest opens the next phase (evidence.md section 3; criteria and
sources: data/adaptation_rules.toml [gates]). Pure functions over findings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from footcore.domain.assessment import (
    BatteryTest,
    Finding,
    ResultKind,
    Standing,
    change,
    exceeds,
)
from footcore.domain.catalog import Phase


@dataclass(frozen=True, slots=True)
class GateRules:
    max_lower_leg_pain: int
    pain_sources: tuple[str, ...]
    change_sources: tuple[str, ...]
    within_norm: Mapping[Phase, tuple[str, ...]]  # tests that must be within norm to enter
    within_norm_sources: tuple[str, ...]
    repeat_weeks: int
    repeat_sources: tuple[str, ...]
    clinician_after: int
    clinician_sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GateResult:
    passed: bool
    reasons: tuple[str, ...]  # one line per criterion, failing ones first
    sources: tuple[str, ...]


def _side_check(test: BatteryTest, before: Finding, after: Finding, side: str) -> str | None:
    """Why one side that was below its norm has not really improved, or None when it has."""
    b_stand = before.standing_left if side == "left" else before.standing_right
    if b_stand is not Standing.BELOW:
        return None
    a_stand = after.standing_left if side == "left" else after.standing_right
    if a_stand in (Standing.WITHIN, Standing.ABOVE):
        return None
    b_val = before.left if side == "left" else before.right
    a_val = after.left if side == "left" else after.right
    if test.kind is ResultKind.NUMBER and isinstance(b_val, float) and isinstance(a_val, float):
        sign = 1 if test.higher_is_better else -1
        if exceeds(change(b_val, a_val) * sign, test.retest_noise):
            return None
        return (
            f"{test.name}, {side}: {b_val:g} -> {a_val:g} {test.unit}, still below the norm "
            f"and within the retest noise ({test.retest_noise:g} {test.unit})"
        )
    return f"{test.name}, {side}: still below the norm"


def _improved(test: BatteryTest, before: Finding, after: Finding | None) -> list[str]:
    if after is None:
        return [f"{test.name}: not retested (it was a priority)"]
    problems = [
        p for side in ("left", "right") if (p := _side_check(test, before, after, side)) is not None
    ]
    if (
        before.asymmetry
        and after.asymmetry
        and after.difference is not None
        and (
            before.difference is None
            or not exceeds(change(after.difference, before.difference), test.retest_noise)
        )
    ):
        problems.append(
            f"{test.name}: left and right still differ by {after.difference:g} {test.unit}"
        )
    return problems


def gate(
    entering: Phase,
    reference: Sequence[Finding] | None,
    retest: Sequence[Finding],
    battery: Mapping[str, BatteryTest],
    lower_leg_pain: int,
    rules: GateRules,
) -> GateResult:
    """Whether a retest opens the next phase; every criterion gives a reason line."""
    failed: list[str] = []
    passed: list[str] = []
    sources = list(rules.pain_sources)
    if lower_leg_pain > rules.max_lower_leg_pain:
        failed.append(
            f"lower-leg pain {lower_leg_pain}/10 in the last week is above "
            f"{rules.max_lower_leg_pain}/10"
        )
    else:
        passed.append(f"lower-leg pain at most {rules.max_lower_leg_pain}/10 in the last week")
    now = {f.test: f for f in retest}
    if reference is None:
        passed.append("no earlier assessment to compare with: this retest becomes the baseline")
    else:
        sources += rules.change_sources
        for before in reference:
            test = battery.get(before.test)
            if test is None or not before.is_priority:
                continue
            problems = _improved(test, before, now.get(before.test))
            failed += problems
            if not problems:
                passed.append(f"{test.name}: improved beyond its retest noise or within the norm")
    for test_id in rules.within_norm.get(entering, ()):
        sources += rules.within_norm_sources
        f = now.get(test_id)
        name = battery[test_id].name if test_id in battery else test_id
        if f is None or Standing.BELOW in (f.standing_left, f.standing_right):
            failed.append(
                f"{name}: must be within the norm on both sides before the "
                f"{entering.value.replace('_', '-')} phase"
            )
        else:
            passed.append(f"{name}: within the norm on both sides")
    return GateResult(not failed, tuple(failed + passed), tuple(dict.fromkeys(sources)))
