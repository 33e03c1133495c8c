"""CSRF protection for every unsafe request (POST, PUT, PATCH, DELETE), pages and API alike.

The scheme is a signed double-submit token:

- a response that carries a token (a page with a form, GET /api/csrf) to a request without a
  valid token cookie sets `footcore_csrf` (SameSite=Strict, HttpOnly), a random value signed
  with the app's secret (itsdangerous, timed);
- pages put the same token in a hidden `csrf_token` field of each form (and in a
  `<meta name="csrf-token">` that the JS sends as `X-CSRF-Token`);
- an unsafe request passes when its token (header `X-CSRF-Token`, else the urlencoded form field
  `csrf_token`, else for multipart bodies the query parameter `csrf_token`) carries a valid
  signature and, when the request has the cookie, equals it.

A request with no cookie passes only with the token in the header: a custom header cannot be sent
cross-site without a CORS preflight, which this app never grants, so such a request comes from
the app's own pages or from a script (curl, httpx) that fetched a token from GET /api/csrf.
A cross-site form post carries neither the header nor (SameSite=Strict) the cookie, and fails.
The middleware sits inside the body-size limit, so buffering a form body here is bounded.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import parse_qs

from itsdangerous import BadData, TimestampSigner
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from footcore.entrypoints.http.responses import send_error

COOKIE = "footcore_csrf"
FIELD = "csrf_token"
HEADER = b"x-csrf-token"
SCOPE_KEY = "footcore.csrf_token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})

FIX = (
    "the form's security token is missing, stale or does not match: reload the page and try "
    "again (API clients: send the token from GET /api/csrf in the X-CSRF-Token header)"
)


class CsrfTokens:
    """Makes and checks signed tokens (random.timestamp.HMAC-SHA256, itsdangerous's
    TimestampSigner); a token is valid for `max_age_s` seconds.

    The signing key is derived from the app's secret once, here, rather than on every call as
    itsdangerous does by default: the same key, at a fraction of the cost per request.
    """

    def __init__(self, secret: str, max_age_s: int) -> None:
        key = hmac.new(secret.encode("utf-8"), b"footcore.csrf", hashlib.sha256).digest()
        self._signer = TimestampSigner(key, key_derivation="none", digest_method=hashlib.sha256)
        self._max_age = max_age_s

    def new(self) -> str:
        return self._signer.sign(secrets.token_urlsafe(18)).decode("ascii")

    def valid(self, token: str | None) -> bool:
        if not token or len(token) > 200:
            return False
        try:
            self._signer.unsign(token, max_age=self._max_age)
        except BadData:
            return False
        return True


class _Holder:
    """The request's token, made only when a page or /api/csrf asks for it, so that the many
    requests that render no form pay nothing for signing (and get no Set-Cookie)."""

    __slots__ = ("issued", "tokens", "value")

    def __init__(self, tokens: CsrfTokens, value: str | None) -> None:
        self.tokens = tokens
        self.value = value
        self.issued = False

    def get(self) -> str:
        if self.value is None:
            self.value = self.tokens.new()
            self.issued = True
        return self.value


def token_of(scope: Scope) -> str:
    """The token the page being rendered must embed (the cookie's, or a fresh one)."""
    holder = scope.get(SCOPE_KEY)
    return holder.get() if isinstance(holder, _Holder) else ""


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _cookie(scope: Scope) -> str | None:
    """Our cookie's value. Parsed by hand: the token never needs quoting, and http.cookies
    costs more than the rest of a cached page."""
    raw = _header(scope, b"cookie")
    if not raw or COOKIE not in raw:
        return None
    for part in raw.split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE:
            return value.strip('"') or None
    return None


class CsrfMiddleware:
    def __init__(self, app: ASGIApp, tokens: CsrfTokens, secure: bool = False) -> None:
        self.app = app
        self.tokens = tokens
        self.cookie_attrs = "; Path=/; SameSite=Strict; HttpOnly" + ("; Secure" if secure else "")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookie = _cookie(scope)
        valid = self.tokens.valid(cookie) if cookie is not None else False
        holder = _Holder(self.tokens, cookie if valid else None)
        scope[SCOPE_KEY] = holder
        if scope["method"] in UNSAFE:
            ok, receive = await self._check(scope, receive, cookie)
            if not ok:
                await send_error(scope, send, 403, FIX)
                return
        if valid:
            await self.app(scope, receive, send)
            return

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and holder.issued:
                set_cookie = f"{COOKIE}={holder.value}{self.cookie_attrs}".encode("latin-1")
                message["headers"] = [*message.get("headers", ()), (b"set-cookie", set_cookie)]
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    async def _check(
        self, scope: Scope, receive: Receive, cookie: str | None
    ) -> tuple[bool, Receive]:
        header = _header(scope, HEADER)
        if header:
            ok = self.tokens.valid(header) and (
                cookie is None or hmac.compare_digest(header, cookie)
            )
            return ok, receive
        if cookie is None:
            return False, receive
        ctype = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        submitted: str | None = None
        if ctype == "application/x-www-form-urlencoded":
            body, receive = await _buffer(receive)
            values = parse_qs(body.decode("latin-1"), max_num_fields=1000).get(FIELD)
            submitted = values[0] if values else None
        elif ctype == "multipart/form-data":
            query = scope.get("query_string", b"").decode("latin-1")
            values = parse_qs(query).get(FIELD)
            submitted = values[0] if values else None
        ok = (
            submitted is not None
            and self.tokens.valid(submitted)
            and hmac.compare_digest(submitted, cookie)
        )
        return ok, receive


async def _buffer(receive: Receive) -> tuple[bytes, Receive]:
    """Read the whole body, and give back a receive() that replays it to the app."""
    chunks: list[bytes] = []
    more = True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            return b"", receive
        chunks.append(message.get("body", b""))
        more = bool(message.get("more_body", False))
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay
