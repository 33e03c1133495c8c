"""Use cases of the core: score an assessment, screen red flags, make a plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from footcore.domain.assessment import Finding, Results, priorities, score
from footcore.domain.knowledge import Knowledge
from footcore.domain.plan import Plan
from footcore.domain.planner import generate_plan
from footcore.domain.profile import Profile
from footcore.domain.redflags import screen
from footcore.errors import InputError


@dataclass(frozen=True)
class Assessment:
    date: date
    findings: tuple[Finding, ...]
    priorities: tuple[str, ...]


def assess(k: Knowledge, profile: Profile, results: Results) -> Assessment:
    """Score results against the norms; a red flag in the profile stops here."""
    screen(profile.health.symptoms, k.red_flags)
    findings = tuple(score(k.battery, results, profile))
    return Assessment(results.date, findings, priorities(findings))


def make_plan(
    k: Knowledge,
    profile: Profile,
    results: Results | None,
    start: date,
    weeks: int | None = None,
) -> Plan:
    screen(profile.health.symptoms, k.red_flags)
    weeks = k.default_weeks if weeks is None else weeks
    if not k.rules.min_weeks <= weeks <= k.rules.max_weeks:
        raise InputError(
            f"{weeks} is out of range; accepted {k.rules.min_weeks}..{k.rules.max_weeks}", "weeks"
        )
    findings = score(k.battery, results, profile) if results is not None else []
    return generate_plan(k.catalog, profile, k.rules, start, weeks, findings)
