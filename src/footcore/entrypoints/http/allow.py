"""OPTIONS and 405 answers that list every method an address accepts.

Starlette answers a wrong method with the methods of the first route that matched the path only
(GET /api/runs and POST /api/runs are two routes), and answers OPTIONS with 405. Here OPTIONS on
a known address is 204 with the whole `Allow` list, and a 405 carries the same list. The list is
found by asking the app's routes whether each method would fully match (routes of included
routers answer for themselves), so it never goes stale.
"""

from __future__ import annotations

from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Receive, Scope, Send

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(app: object, scope: Scope) -> list[str]:
    """The methods the app's routes accept at the request's path ([] for an unknown path)."""
    router = getattr(app, "router", None)
    routes = [r for r in getattr(router, "routes", []) if not isinstance(r, Mount)]
    found = {
        method
        for method in METHODS
        if any(r.matches({**scope, "method": method})[0] == Match.FULL for r in routes)
    }
    return sorted(found | {"OPTIONS"}) if found else []


class AllowMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "OPTIONS":
            methods = allowed_methods(scope.get("app"), scope)
            if methods:
                headers = [(b"allow", ", ".join(methods).encode()), (b"content-length", b"0")]
                await send({"type": "http.response.start", "status": 204, "headers": headers})
                await send({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, send)
