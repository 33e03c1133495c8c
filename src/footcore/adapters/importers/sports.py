"""Which sport names mean a run, across FIT, TCX, GPX and Strava, and how other sports are named.

Runs (all import as sport "running"):
  FIT      sport `running` (any sub-sport: trail, treadmill, track, indoor, virtual ...)
  TCX      Activity Sport="Running"
  GPX      trk <type> `running`, `run`, `trail_running`, `treadmill_running`, ... (any name whose
           words include run/running), Strava's numeric `9`; a GPX with no <type> at all is taken
           as a run (TomTom and GPSBabel write none, and the user chose to import it here)
  Strava   activities.csv Activity Type `Run`, `Trail Run`, `Virtual Run`
Everything else is skipped and named: cycling (FIT cycling, TCX Biking, GPX cycling/biking/ride,
Strava's numeric `1`, Strava Ride/Virtual Ride/E-Bike Ride ...), walking, hiking, swimming, rowing,
transition, TCX "Other" ("other sport") and any unknown name as written. Strava's other numeric
GPX codes are not verified here, so they are skipped as "Strava activity type <n>".
"""

from __future__ import annotations

import re

RUNNING = "running"

_RUN_WORDS = frozenset({"run", "running", "trailrun", "virtualrun", "jogging"})
_STRAVA_CODES = {"9": RUNNING, "1": "cycling"}
_LABELS = {
    "ride": "cycling",
    "bike": "cycling",
    "biking": "cycling",
    "cycling": "cycling",
    "ebikeride": "cycling",
    "virtualride": "cycling",
    "mountainbikeride": "cycling",
    "gravelride": "cycling",
    "walk": "walking",
    "walking": "walking",
    "hike": "hiking",
    "hiking": "hiking",
    "swim": "swimming",
    "swimming": "swimming",
    "rowing": "rowing",
    "other": "other sport",
}


def _words(raw: str) -> list[str]:
    return [w for w in re.split(r"[\s_\-/]+", raw.strip().lower()) if w]


def sport_label(raw: str) -> str:
    """A readable, canonical name for a sport as written in a file ("Ride" -> "cycling")."""
    text = raw.strip()
    if text in _STRAVA_CODES:
        return _STRAVA_CODES[text]
    if text.isdigit():
        return f"Strava activity type {text}"
    words = _words(text)
    if any(w in _RUN_WORDS for w in words) or "".join(words) in _RUN_WORDS:
        return RUNNING
    joined = "".join(words)
    return _LABELS.get(joined, " ".join(words) or "unknown sport")


def is_run(raw: str) -> bool:
    return sport_label(raw) == RUNNING


def not_a_run(label: str) -> str:
    return f"{label} is not a run"
