"""The composition root: the one place that wires data files, adapters and services together."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: commands such as `today` never need the planner loaded
    from footcore.adapters.pictures.datafile import Pictures
    from footcore.domain.assessment import BatteryTest
    from footcore.domain.catalog import Catalog
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
def pictures() -> Pictures:
    """Every exercise's and test's picture, validated against the catalog and the battery."""
    from footcore.adapters.pictures.datafile import load_pictures

    k = knowledge()
    return load_pictures(k.catalog, k.battery)
