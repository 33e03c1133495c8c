"""The app's secret: signs CSRF tokens and derives the calendar subscription key. Kept in a file
of the user's footcore folder (mode 0600), so a calendar subscription survives a restart."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

FILE = "web-secret"


def persistent_secret(folder: Path) -> str:
    path = folder / FILE
    for _ in range(2):
        try:
            text = path.read_text(encoding="ascii").strip()
            if len(text) >= 32:
                return text
        except FileNotFoundError:
            pass
        folder.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue  # another process wrote it first: read theirs
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(secrets.token_urlsafe(32))
    return path.read_text(encoding="ascii").strip()


def calendar_key(secret: str, athlete: str) -> str:
    """The secret part of a runner's calendar address: unguessable, stable, one per runner."""
    mac = hmac.new(
        secret.encode("utf-8"), b"footcore.calendar:" + athlete.encode("utf-8"), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(mac[:24]).decode("ascii")


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))
