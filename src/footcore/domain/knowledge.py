"""What footcore knows, as the domain names it: the catalog, the test battery, the red flags and
the planner's, adaptation's and gates' rules. Built once from the data files by the composition
root (footcore.bootstrap) and handed to the services; plain values, no loading here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: commands such as `today` never need the planner loaded
    from footcore.domain.adaptation import AdaptationRules
    from footcore.domain.assessment import BatteryTest
    from footcore.domain.catalog import Catalog
    from footcore.domain.phase_gates import GateRules
    from footcore.domain.planner import PlannerRules
    from footcore.domain.redflags import RedFlag


@dataclass(frozen=True)
class Knowledge:
    """Everything footcore knows, loaded and validated from the bundled data files."""

    catalog: Catalog
    battery: tuple[BatteryTest, ...]
    red_flags: dict[str, RedFlag]
    rules: PlannerRules
    default_weeks: int


@dataclass(frozen=True)
class ProgramLimits:
    """Bounds and windows of footcore's own choosing (data/program_limits.toml says why)."""

    log: Mapping[str, tuple[int, int]]  # field -> (low, high) per set of one log
    coach_edit: Mapping[str, tuple[int, int]]  # field -> (low, high) of a coach's dose
    recent_days: int  # the status lists the reductions of these last days...
    recent_reductions: int  # ...at most this many
    latest_checkins: int  # the status shows this many of the latest check-ins
    recent_weeks: int  # the default window of the running and pain charts
    max_reviews: int  # ended weeks settled at once: a guard, never reached


@dataclass(frozen=True)
class Rules:
    """The knowledge with the rules that adapt a program to its runner and gate its phases."""

    k: Knowledge
    adapt: AdaptationRules
    gates: GateRules
    limits: ProgramLimits
