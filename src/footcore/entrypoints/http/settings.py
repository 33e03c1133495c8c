"""What a web app instance needs to know: where the data lives, whom it serves, and its limits."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

# Why these numbers: a profile, a session log or a check-in is a few kilobytes, so 1 MB refuses
# nonsense long before it costs memory; a Strava export of several years is tens of megabytes,
# so uploads get 60 MB (the importers have their own per-file and per-archive limits besides).
MAX_BODY_BYTES = 1_000_000
MAX_UPLOAD_BYTES = 60_000_000

# Hosts a browser may name when it talks to a server bound to loopback. Anything else is refused,
# which stops DNS-rebinding pages (evil.example resolving to 127.0.0.1) from reaching the app.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _random_secret() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class WebSettings:
    """Settings of one app instance. Nothing here opens a connection; create_app() wires it up.

    `database_url` None means the storage engineer's default (a SQLite file in the user's data
    folder); `athlete` None means the database's only (or default) athlete. `secret_key` signs the
    CSRF tokens; a random one per process is right for a local app (tokens then end with the
    process, and pages simply reload them). `today` lets tests pin the calendar.
    """

    database_url: str | None = None
    athlete: str | None = None
    secret_key: str = field(default_factory=_random_secret, repr=False)
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    max_body_bytes: int = MAX_BODY_BYTES
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    csrf_max_age_s: int = 7 * 24 * 3600
    secure_cookies: bool = False
    today: Callable[[], date] = date.today
    # Team mode's clock (naive UTC) for sessions, throttling and the audit log; tests pin it.
    now: Callable[[], datetime] = _utc_now
