"""What the training services need besides the database: the knowledge, the adaptation and gate
rules, the runner's current profile and reference findings, and the day it is."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from footcore.adapters.storage.models import json_text
from footcore.domain.adaptation import AdaptationRules
from footcore.domain.assessment import BatteryTest, Finding, score
from footcore.domain.catalog import Catalog
from footcore.domain.knowledge import ProgramLimits, Rules
from footcore.domain.phase_gates import GateRules
from footcore.domain.plan import Plan
from footcore.domain.plan_rules import PlannerRules
from footcore.domain.planner import generate_plan
from footcore.domain.profile import Profile
from footcore.domain.program import Pause
from footcore.domain.redflags import RedFlag
from footcore.errors import NotFoundError
from footcore.services import ports

if TYPE_CHECKING:
    from footcore.adapters.storage.models import Athlete
    from footcore.adapters.storage.uow import SqlUnitOfWork

DEFAULT_ATHLETE = "default"


def rules() -> Rules:
    """The rules the composition root installed (services/ports.py)."""
    return ports.rules()


dumps = json_text  # JSON as the database stores it and the export writes it


@dataclass
class Runner:
    """One athlete within one unit of work, with what is derived from their stored rows."""

    uow: SqlUnitOfWork
    athlete: Athlete
    r: Rules
    as_of: date
    _profile: Profile | None = None
    _plan: Plan | None = None
    _raw_profile: dict[str, Any] = field(default_factory=dict)
    _pause: list[Pause | None] = field(default_factory=list)  # [] until read
    new_pause: Pause | None = None  # a pause this unit of work stored

    def pause(self) -> Pause | None:
        """The pause in force, read once per unit of work."""
        if not self._pause:
            self._pause.append(self.uow.programs.pause(self.id))
        return self._pause[0]

    def paused(self, pause: Pause) -> None:
        """A pause was stored: the program is paused from now on in this unit of work."""
        self._pause[:] = [pause]
        self.new_pause = pause

    @property
    def id(self) -> int:
        return self.athlete.id

    # The knowledge and rules by name, so a use case reads `runner.catalog`, not a chain.
    @property
    def catalog(self) -> Catalog:
        return self.r.k.catalog

    @property
    def battery(self) -> tuple[BatteryTest, ...]:
        return self.r.k.battery

    @property
    def planner_rules(self) -> PlannerRules:
        return self.r.k.rules

    @property
    def red_flags(self) -> dict[str, RedFlag]:
        return self.r.k.red_flags

    @property
    def adapt(self) -> AdaptationRules:
        return self.r.adapt

    @property
    def gates(self) -> GateRules:
        return self.r.gates

    @property
    def limits(self) -> ProgramLimits:
        return self.r.limits

    @property
    def raw_profile(self) -> dict[str, Any]:
        if not self._raw_profile:
            self._raw_profile = json.loads(self.uow.repo.profile(self.id).data)
        return self._raw_profile

    @property
    def profile(self) -> Profile:
        if self._profile is None:
            from footcore.adapters.inputs import profile_from_mapping

            self._profile = profile_from_mapping(self.raw_profile, "stored profile")
        return self._profile

    def reference_findings(self) -> list[Finding] | None:
        """The findings of the reference assessment (the baseline or the last passing retest)."""
        from footcore.adapters.inputs import results_from_mapping

        refs = [a for a in self.uow.repo.assessments(self.id) if a.reference]
        if not refs:
            return None
        results = results_from_mapping(json.loads(refs[-1].results), "stored assessment")
        return score(self.battery, results, self.profile)

    def generated(self) -> Plan:
        """The plan as the planner makes it from the current profile and reference findings."""
        if self._plan is None:
            stored = self.uow.repo.plan(self.id)
            if stored is None:
                raise NotFoundError(f"runner '{self.athlete.name}' has no plan", action="init")
            self._plan = generate_plan(
                self.catalog,
                self.profile,
                self.planner_rules,
                stored.start,
                stored.weeks,
                self.reference_findings() or (),
            )
        return self._plan

    def forget(self) -> None:
        """Drop what was derived, after the profile or the reference assessment changed."""
        self._profile, self._plan, self._raw_profile = None, None, {}


def open_runner(uow: SqlUnitOfWork, name: str, as_of: date, r: Rules | None = None) -> Runner:
    athlete = uow.repo.athlete(name)
    if athlete is None:
        raise NotFoundError(
            f"no runner '{name}' yet",
            action="init" if name == DEFAULT_ATHLETE else "init_athlete",
        )
    return Runner(uow, athlete, r or rules(), as_of)
