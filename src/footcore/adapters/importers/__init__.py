"""Activity importers: FIT, GPX and TCX files (plain or .gz), folders, and Strava bulk-export zips.

`read_activities(paths, progress)` yields one outcome per file, never raising for a bad one:
`Imported` (one or more `ParsedActivity` runs), `Skipped` (readable, but not a run: the sport is
named) or `Failed` (a one-line reason). Only runs are imported; storage comes later.

Definitions (every figure of a ParsedActivity):

start
    The first moment of the activity, in UTC: FIT session start_time; the earliest TCX time
    (Activity Id, lap StartTime, trackpoint Time); the earliest GPX point time; a Strava manual
    entry's Activity Date.
elapsed
    Wall-clock time from the first to the last timestamp, pauses included. When the file records
    the device's own total it is used instead (FIT session total_elapsed_time). For TCX it is
    never less than the moving time (trackpoints can stop a second before the lap timer).
moving
    The device's timer time when recorded (FIT session total_timer_time, TCX sum of the laps'
    TotalTimeSeconds): time with the timer running, auto-pause and manual pauses excluded.
    Otherwise (GPX, or TCX laps without it) time spent moving computed from the track by gpxpy:
    a stretch between two points counts as moving when its speed is over 1 km/h
    (limits.STOPPED_SPEED_KMH). Never more than elapsed.
distance
    The device's own total when the file has one (FIT session total_distance, TCX sum of the
    laps' DistanceMeters, else the device's cumulative record/trackpoint distance): source
    "device". Otherwise computed from the recorded positions as the 2D (horizontal) gpxpy length,
    like device totals, untouched by GPS elevation noise: source "track". A Strava manual entry's
    typed-in distance: source "manual".

Sports: see sports.py (a GPX without <type> is taken as a run). Duplicates (same start within
60 s and distance within 10 %): see duplicates.py; within one batch the first one read wins.
Limits (50 MB per file, zip guards): see limits.py. All XML is parsed with defusedxml first.
"""

from __future__ import annotations

from footcore.adapters.importers.duplicates import is_duplicate
from footcore.adapters.importers.model import (
    DistanceSource,
    Failed,
    FileOutcome,
    Imported,
    ParsedActivity,
    Skipped,
)
from footcore.adapters.importers.reader import Progress, read_activities

__all__ = [
    "DistanceSource",
    "Failed",
    "FileOutcome",
    "Imported",
    "ParsedActivity",
    "Progress",
    "Skipped",
    "is_duplicate",
    "read_activities",
]
