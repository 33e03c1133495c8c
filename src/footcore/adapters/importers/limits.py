"""The size limits and thresholds of the importers, each with the reason for its value."""

from __future__ import annotations

# The largest activity file accepted, before and after gzip decompression, and for every zip
# member. A 24-hour ultra recorded every second is about 15 MB as TCX and 5 MB as FIT, so
# anything bigger is not a single activity; refusing it unread keeps memory bounded.
MAX_FILE_BYTES = 50_000_000
MAX_FILE_LABEL = "50 MB"

# What one request may unpack in all, and how much a file may grow when unpacked: see
# data/import_limits.toml [unpacking] and unpacking.py.

# Bounds the work of listing an archive's central directory (one entry per member).
MAX_ZIP_MEMBERS = 200_000

# A GPX/TCX point pair whose speed is at or under this is "stopped" when moving time is computed
# from the track. This is gpxpy's own default: low enough that walking breaks and slow uphill
# running count as moving, high enough that a standing watch's position jitter does not.
STOPPED_SPEED_KMH = 1.0

# A GPX whose points mostly lack a time is a drawn or stripped track, not a recording: timing
# the few timed points would misstate the activity.
MIN_TIMED_FRACTION = 0.5

# Sniffing looks this far into a file for the root element of a GPX or TCX document.
SNIFF_BYTES = 4096
