"""Whether a run can be true, and whether a questionable one may be stored without asking.

The limits are data/import_limits.toml's (domain/plausibility.py applies them): a run typed in
that cannot be true is an InputError naming the figure; an imported one is refused with the
reason. A run from a questionable file (points left out as GPS jumps) that would be a spike of
the confirm band or higher is stored only once the runner confirms it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta

from footcore.adapters.import_limits_file import plausibility
from footcore.adapters.importers import ParsedActivity
from footcore.domain.load import SpikeBand, describe_spike, spikes
from footcore.domain.plausibility import implausible_run
from footcore.errors import InputError
from footcore.services.context import Runner
from footcore.services.running_store import load_rules, run_records

# Asked before a questionable run is stored; None refuses it with the reason instead.
Confirm = Callable[[str], bool]
BANDS = list(SpikeBand)


def check_typed(day: date, km: float, minutes: float, as_of: date) -> None:
    """A run typed in: a distance and a time, and a run that can be true."""
    limits = plausibility()
    if not math.isfinite(km) or km <= 0:
        raise InputError(
            f"{km} is not a distance; give more than 0 and at most {limits.max_distance_km:g} km",
            "km",
        )
    if not math.isfinite(minutes) or minutes <= 0:
        raise InputError(f"{minutes} is not a duration; give more than 0 minutes", "minutes")
    found = implausible_run(limits, day, km * 1000, minutes * 60, as_of)
    if found is not None:
        raise InputError(f"refused: {found.reason}", found.field)


def imported_problem(activity: ParsedActivity, as_of: date) -> str | None:
    """Why an imported run cannot be true (one line), or None."""
    seconds = activity.moving_s or activity.elapsed_s
    # A run counts on its UTC date, which west of Greenwich can be the day after the local today.
    grace = timedelta(days=1)
    day = activity.start.date()
    found = implausible_run(plausibility(), day, activity.distance_m, seconds, as_of, grace)
    if found is None and activity.elapsed_s > plausibility().max_duration_hours * 3600:
        found = implausible_run(plausibility(), day, 0, activity.elapsed_s, as_of, grace)
    return None if found is None else f"not stored: {found.reason}"


def spike_sentence(runner: Runner, day: date, distance_m: float) -> tuple[SpikeBand, str] | None:
    """The stored run's spike band and its sentence, when it is a spike."""
    rules = load_rules()
    since = day - timedelta(days=rules.spike_window_days)
    for s in spikes(run_records(runner, since, day), rules):
        if (
            s.run_date == day
            and s.distance_m == distance_m
            and s.band not in (None, SpikeBand.NONE)
        ):
            return s.band, describe_spike(s, rules)
    return None


def unconfirmed(runner: Runner, activity: ParsedActivity, confirm: Confirm | None) -> str | None:
    """For a stored (flushed) run from a questionable file that makes a spike of the confirm
    band or higher: None when the runner confirms it, else why it is not stored."""
    if not activity.notes:
        return None
    found = spike_sentence(runner, activity.start.date(), activity.distance_m)
    if found is None:
        return None
    band, sentence = found
    if BANDS.index(band) < BANDS.index(SpikeBand(plausibility().confirm_band)):
        return None
    question = (
        f"{activity.source}: {activity.distance_m / 1000:,.2f} km on "
        f"{activity.start.date().isoformat()} comes from a questionable file "
        f"({'; '.join(activity.notes)}) and {sentence}. Store it?"
    )
    if confirm is not None and confirm(question):
        return None
    return (
        f"not stored: a questionable file ({activity.notes[0]}) that would be a {band.value} "
        "spike; confirm it to store it"
    )
