"""The minimalist ramp: its milestones, checked against the runner's findings, weeks of foot
training and lower-leg pain, and the ramp itself, a value that each week and each pain moves on.

No ramp into minimalist shoes has been validated in a trial, so this is a cautious default (the
numbers are `RampRules`, from data/load_rules.toml, evidence.md section 5): offered once the foot
is prepared, slow, and paused by pain.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from footcore.domain.assessment import Finding, Standing
from footcore.domain.footwear import Milestone, MilestoneKind, RampRules, Shoe, ShoeKind
from footcore.domain.load import LoadRules, RunRecord, Spike, SpikeBand, monday_of, spikes
from footcore.errors import InputError


@dataclass(frozen=True, slots=True)
class MilestoneCheck:
    milestone: Milestone
    met: bool
    detail: str


def check_milestones(
    rules: RampRules, findings: Iterable[Finding], training_weeks: int, lower_leg_pain: int
) -> tuple[MilestoneCheck, ...]:
    """Each milestone against the runner's latest findings, weeks of foot training and pain."""
    by_test = {f.test: f for f in findings}
    out = []
    for m in rules.milestones:
        if m.kind is MilestoneKind.TRAINING_WEEKS:
            need = m.at_least or 0
            met, detail = training_weeks >= need, f"{training_weeks} of {need} weeks done"
        elif m.kind is MilestoneKind.LOWER_LEG_PAIN:
            limit = m.at_most or 0
            met, detail = lower_leg_pain <= limit, f"lower-leg pain {lower_leg_pain}/10"
        else:
            met, detail = _not_below(by_test.get(m.test or ""), m.test or "")
        out.append(MilestoneCheck(m, met, detail))
    return tuple(out)


def _not_below(finding: Finding | None, test: str) -> tuple[bool, str]:
    if finding is None:
        return False, f"no {test} result yet"
    sides = {"left": finding.standing_left, "right": finding.standing_right}
    missing = [s for s, st in sides.items() if st is Standing.NO_NORM]
    below = [s for s, st in sides.items() if st is Standing.BELOW]
    if missing:
        return False, f"{' and '.join(missing)}: no result scored against a norm"
    if below:
        return False, f"{' and '.join(below)} below the norm"
    return True, "not below the norm on either side"


class RampStatus(StrEnum):
    NOT_OFFERED = "not_offered"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETE = "complete"


@dataclass(frozen=True, slots=True)
class RampWeek:
    """One calendar week of minimalist running against the ramp's allowance (None = no limit)."""

    week_start: date
    allowance_m: int | None
    used_m: float
    runs: int
    spikes: tuple[Spike, ...]
    max_pain: int

    @property
    def over_allowance(self) -> bool:
        return self.allowance_m is not None and self.used_m > self.allowance_m


def minimalist_runs(runs: Iterable[RunRecord], shoes: Iterable[Shoe]) -> list[RunRecord]:
    names = {s.name for s in shoes if s.kind is ShoeKind.MINIMALIST}
    return [r for r in runs if r.shoe in names]


@dataclass(frozen=True, slots=True)
class MinimalistRamp:
    """Where a runner stands on the ramp. A value: each event returns the next state.

    Weekly minimalist distance may grow step by step while each week stays within its allowance,
    holds no single-run spike and no pain at the pause threshold. Pain pauses the ramp; it resumes
    one step back. It is complete once a clean week's allowance reached the runner's target.
    """

    status: RampStatus
    step: int = 0
    target_m: int = 0
    note: str = ""

    @classmethod
    def offer(
        cls, checks: Iterable[MilestoneCheck], target_m: int, rules: RampRules
    ) -> MinimalistRamp:
        if target_m <= 0:
            raise InputError("the target weekly distance must be more than 0 m", "target_m")
        unmet = [c.milestone.text for c in checks if not c.met]
        if unmet:
            return cls(RampStatus.NOT_OFFERED, 0, target_m, "not yet: " + "; ".join(unmet))
        return cls(
            RampStatus.ACTIVE,
            0,
            target_m,
            f"start with {rules.allowance_m(0) / 1000:.1f} km a week in minimalist shoes",
        )

    def allowance_m(self, rules: RampRules) -> int | None:
        """This week's minimalist metres: 0 unless active, None (no limit) once complete."""
        if self.status is RampStatus.COMPLETE:
            return None
        return rules.allowance_m(self.step) if self.status is RampStatus.ACTIVE else 0

    def week(
        self,
        runs: Iterable[RunRecord],
        shoes: Iterable[Shoe],
        week_start: date,
        max_pain: int,
        rules: RampRules,
        load_rules: LoadRules,
    ) -> RampWeek:
        """The minimalist runs of the week starting `week_start`, counted against the allowance."""
        monday = monday_of(week_start)
        mini = minimalist_runs(runs, shoes)
        this_week = [r for r in mini if monday_of(r.date) == monday]
        # Each minimalist run is measured against earlier minimalist runs only.
        flagged = tuple(
            s
            for s in spikes(mini, load_rules)
            if monday_of(s.run_date) == monday and s.band not in (None, SpikeBand.NONE)
        )
        used = math.fsum(r.distance_m for r in this_week)
        return RampWeek(monday, self.allowance_m(rules), used, len(this_week), flagged, max_pain)

    def on_pain(self, pain: int, rules: RampRules) -> MinimalistRamp:
        if self.status is RampStatus.ACTIVE and pain >= rules.pause_pain:
            return replace(
                self,
                status=RampStatus.PAUSED,
                note=f"paused: lower-leg pain {pain}/10 (pause at {rules.pause_pain})",
            )
        return self

    def after_week(self, week: RampWeek, rules: RampRules) -> MinimalistRamp:
        if self.status in (RampStatus.NOT_OFFERED, RampStatus.COMPLETE):
            return self
        if week.max_pain >= rules.pause_pain:
            return replace(
                self,
                status=RampStatus.PAUSED,
                note=(f"paused: lower-leg pain {week.max_pain}/10 (pause at {rules.pause_pain})"),
            )
        if self.status is RampStatus.PAUSED:
            back = max(self.step - 1, 0)
            return replace(
                self,
                status=RampStatus.ACTIVE,
                step=back,
                note=(f"resumed one step back: {rules.allowance_m(back) / 1000:.2f} km a week"),
            )
        if week.over_allowance:
            return replace(
                self,
                note=(
                    f"held: {week.used_m / 1000:.2f} km run in minimalist shoes, over the"
                    f" {rules.allowance_m(self.step) / 1000:.2f} km allowance"
                ),
            )
        if week.spikes:
            s = week.spikes[0]
            return replace(
                self,
                note=(
                    f"held: the minimalist run of {s.run_date.isoformat()} was"
                    f" {s.increase_pct:+.0f}% against the longest minimalist run before it"
                    f" (a {s.band} spike);"
                    " spread the distance over more runs"
                ),
            )
        if rules.allowance_m(self.step) >= self.target_m:
            return replace(self, status=RampStatus.COMPLETE, note="transition complete")
        nxt = self.step + 1
        return replace(
            self,
            step=nxt,
            note=(f"next week: {rules.allowance_m(nxt) / 1000:.2f} km in minimalist shoes"),
        )
