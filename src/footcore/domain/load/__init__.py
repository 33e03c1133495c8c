"""Running load: single-run spikes, weekly totals, the EWMA acute:chronic ratio, and the days on
which the foot plan drops plyometric and high-load items because the running load rose sharply.

The numbers come from `LoadRules`, built by an adapter from data/load_rules.toml (evidence.md
section 3). Distances are metres; the daily load of the ratio is the day's distance in km.

    model.py         the run, the rules and their bands; whole metres and the week's Monday
    spikes.py        each run against the longest run of the window before it
    weekly.py        weekly totals and the acute:chronic ratio with its context
    restrictions.py  the days the foot plan drops plyometric and high-load items
"""

from footcore.domain.load.model import (
    AcwrContext,
    Drop,
    LoadRules,
    RunRecord,
    SpikeBand,
    SpikeThreshold,
    Trigger,
    monday_of,
    whole_metres,
)
from footcore.domain.load.restrictions import Restriction, foot_load_restrictions, sharp_weeks
from footcore.domain.load.spikes import Spike, classify_spike, describe_spike, spikes
from footcore.domain.load.weekly import (
    AcwrPoint,
    WeekLoad,
    acwr_context,
    daily_km,
    ewma_acwr,
    weekly_loads,
)

__all__ = [
    "AcwrContext",
    "AcwrPoint",
    "Drop",
    "LoadRules",
    "Restriction",
    "RunRecord",
    "Spike",
    "SpikeBand",
    "SpikeThreshold",
    "Trigger",
    "WeekLoad",
    "acwr_context",
    "classify_spike",
    "daily_km",
    "describe_spike",
    "ewma_acwr",
    "foot_load_restrictions",
    "monday_of",
    "sharp_weeks",
    "spikes",
    "weekly_loads",
    "whole_metres",
]
