"""The composition root: the one place that wires data files, adapters and services together.

Importing it installs the knowledge, the rules and the pictures into the services
(services/ports.py); each is loaded and validated once, on first use."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from footcore.domain.knowledge import Knowledge, Rules
from footcore.services.ports import Dependencies, install

if TYPE_CHECKING:  # annotations only: commands such as `today` never need the planner loaded
    from footcore.adapters.pictures.datafile import Pictures

__all__ = ["Knowledge", "Rules", "knowledge", "pictures", "rules"]


@cache
def knowledge() -> Knowledge:
    # Imported here so that `footcore --help` does not pay for validating every data file.
    from footcore.adapters.assessment_files import load_battery, load_red_flags
    from footcore.adapters.datafiles import load_catalog
    from footcore.adapters.planner_rules_file import default_weeks, load_planner_rules

    return Knowledge(
        catalog=load_catalog(),
        battery=load_battery(),
        red_flags=load_red_flags(),
        rules=load_planner_rules(),
        default_weeks=default_weeks(),
    )


@cache
def rules() -> Rules:
    """The knowledge with the adaptation and gate rules."""
    from footcore.adapters.adaptation_rules_file import load_adaptation_rules, load_gate_rules
    from footcore.adapters.program_limits_file import load_program_limits

    return Rules(knowledge(), load_adaptation_rules(), load_gate_rules(), load_program_limits())


@cache
def pictures() -> Pictures:
    """Every exercise's and test's picture, validated against the catalog and the battery."""
    from footcore.adapters.pictures.datafile import load_pictures

    k = knowledge()
    return load_pictures(k.catalog, k.battery)


install(Dependencies(knowledge=knowledge, rules=rules, pictures=pictures))
