"""Plain ASGI middleware (no per-request task or copy, so they cost microseconds):

SafetyMiddleware   outermost: security headers on every response; an uncaught exception
                   becomes a 500 that names no code (the traceback goes to the log only)
HostMiddleware     refuses Host headers other than the allowed ones (DNS rebinding)
BodyLimitMiddleware 413 for a body over the limit, whether declared or streamed
CsrfMiddleware     (csrf.py) the token check on unsafe methods
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from footcore.entrypoints.http.responses import send_error

log = logging.getLogger("footcore.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; media-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
INTERNAL = "internal error: footcore could not answer this request; it has been logged"


class SafetyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")
        started = False

        async def send_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", ()))
                own_csp = any(k == b"content-security-policy" for k, _ in headers)
                headers.extend(SECURITY_HEADERS[1:] if own_csp else SECURITY_HEADERS)
                # Health data: pages and API answers are never cached; static assets may be.
                if not static and not any(k == b"cache-control" for k, _ in headers):
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_headers)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await send_error(scope, send_headers, 500, INTERNAL)


class HostMiddleware:
    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(h.lower() for h in allowed)
        self.any = "*" in self.allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.any:
            host = ""
            for key, value in scope.get("headers", ()):
                if key == b"host":
                    host = value.decode("latin-1").lower()
                    break
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.allowed and host not in self.allowed:
                await send_error(
                    scope,
                    send,
                    400,
                    f"unknown host '{host}': open footcore at its own address, "
                    "such as http://127.0.0.1:8000/",
                )
                return
        await self.app(scope, receive, send)


class BodyLimitMiddleware:
    """Refuse bodies over `limit` bytes (`upload_limit` on upload paths) with a 413.

    A declared Content-Length over the limit is refused before anything is read. A streamed
    body that grows past it gets the 413 at once; the app then sees a disconnect and whatever it
    tries to send is dropped.
    """

    def __init__(
        self, app: ASGIApp, limit: int, upload_limit: int, upload_paths: Iterable[str]
    ) -> None:
        self.app = app
        self.limit = limit
        self.upload_limit = upload_limit
        self.upload_paths = tuple(upload_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        limit = self.upload_limit if path in self.upload_paths else self.limit
        for key, value in scope.get("headers", ()):
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await send_error(scope, send, 400, "Content-Length is not a number")
                    return
                if declared > limit:
                    await send_error(scope, send, 413, _too_large(limit))
                    return
        received = 0
        refused = False

        async def counted() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    await send_error(scope, send, 413, _too_large(limit))
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:
                await send(message)

        try:
            await self.app(scope, counted, guarded_send)
        except Exception:
            if not refused:
                raise


def _too_large(limit: int) -> str:
    return (
        f"the request body is over {limit / 1_000_000:g} MB; send less "
        "(split a large import into several uploads)"
    )
