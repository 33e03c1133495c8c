"""The stand-in for a runner who gives no profile, shared by the CLI (`assess`) and the web."""

from __future__ import annotations

UNKNOWN_AGE = 30  # a runner who gives no age is compared with the 18-39 norms
