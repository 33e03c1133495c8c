"""CSRF protection for every unsafe request (POST, PUT, PATCH, DELETE), pages and API alike.

The scheme is a signed double-submit token:

- every response to a request without a valid token cookie sets `footcore_csrf` (SameSite=Strict,
  HttpOnly), a random value signed with the app's secret (itsdangerous, timed);
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

import hmac
import secrets
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from itsdangerous import BadData, URLSafeTimedSerializer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from footcore.entrypoints.web.responses import send_error

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
    """Makes and checks signed tokens; a token is valid for `max_age_s` seconds."""

    def __init__(self, secret: str, max_age_s: int) -> None:
        self._signer = URLSafeTimedSerializer(secret, salt="footcore.csrf")
        self._max_age = max_age_s

    def new(self) -> str:
        return str(self._signer.dumps(secrets.token_urlsafe(18)))

    def valid(self, token: str | None) -> bool:
        if not token or len(token) > 200:
            return False
        try:
            self._signer.loads(token, max_age=self._max_age)
        except BadData:
            return False
        return True


def token_of(scope: Scope) -> str:
    """The token the page being rendered must embed (set by the middleware for every request)."""
    return str(scope.get(SCOPE_KEY, ""))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _cookie(scope: Scope) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed Cookie header is as good as none
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel is not None else None


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
        fresh = not self.tokens.valid(cookie)
        token = self.tokens.new() if fresh else str(cookie)
        scope[SCOPE_KEY] = token
        if scope["method"] in UNSAFE:
            ok, receive = await self._check(scope, receive, cookie)
            if not ok:
                await send_error(scope, send, 403, FIX)
                return
        if not fresh:
            await self.app(scope, receive, send)
            return
        set_cookie = f"{COOKIE}={token}{self.cookie_attrs}".encode("latin-1")

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"set-cookie", set_cookie)]
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    async def _check(self, scope: Scope, receive: Receive, cookie: str | None
                     ) -> tuple[bool, Receive]:
        header = _header(scope, HEADER)
        if header is not None:
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
