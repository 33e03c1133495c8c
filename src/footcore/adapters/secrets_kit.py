"""The cryptography of team mode, all from maintained libraries: argon2id password hashes
(pwdlib), TOTP second factors (pyotp, RFC 6238) and random tokens (secrets) stored as SHA-256
digests, so a copy of the database opens no session and redeems no invitation."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from functools import cached_property

import pyotp
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher


class PasswordHasher:
    """argon2id with pwdlib's recommended parameters; `verify` also answers whether the stored
    hash should be replaced (parameters changed since it was made)."""

    @cached_property
    def _hash(self) -> PasswordHash:
        return PasswordHash((Argon2Hasher(),))

    @cached_property
    def _dummy(self) -> str:
        return self._hash.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._hash.hash(password)

    def verify(self, password: str, stored: str | None) -> tuple[bool, str | None]:
        """(matches, new hash or None). With no stored hash a dummy is checked, so an unknown
        address takes as long to refuse as a wrong password."""
        if stored is None:
            self._hash.verify(password, self._dummy)
            return False, None
        return self._hash.verify_and_update(password, stored)


def new_token() -> str:
    """A session token or invitation code: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name="footcore")


def totp_ok(secret: str, code: str, at: datetime) -> bool:
    """RFC 6238 codes of 30 s, accepting the neighbouring step for clock drift. `at` is naive
    UTC, as footcore stores times (pyotp would read a naive time as local)."""
    moment = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return pyotp.TOTP(secret).verify(code.strip(), for_time=moment, valid_window=1)


def totp_code(secret: str, at: datetime) -> str:
    """The code an authenticator app shows at `at` (naive UTC): for tests and set-up checks."""
    moment = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return pyotp.TOTP(secret).at(moment)
