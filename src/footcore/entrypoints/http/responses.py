"""Error responses that middleware can send before (or instead of) the app: JSON for the API,
a plain page for browsers. The body never holds more than the one-line message."""

from __future__ import annotations

import html
import json

from starlette.types import Scope, Send

API_PREFIX = "/api"


def wants_json(scope: Scope) -> bool:
    """API paths answer in JSON; so does any request that accepts JSON but not HTML."""
    path = str(scope.get("path", ""))
    if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
        return True
    for key, value in scope.get("headers", ()):
        if key == b"accept":
            accept = value.decode("latin-1")
            return "application/json" in accept and "text/html" not in accept
    return False


def error_page(status: int, message: str) -> str:
    """A self-contained error page (no template, so it works when templates cannot)."""
    text = html.escape(message)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>footcore: error {status}</title>"
        '<link rel="stylesheet" href="/static/app.css">'
        '<link rel="icon" href="/static/icon.svg" type="image/svg+xml"></head>'
        f'<body><main class="page"><h1>Error {status}</h1><p role="alert">{text}</p>'
        '<p><a href="/">Back to footcore</a></p></main></body></html>'
    )


async def send_error(scope: Scope, send: Send, status: int, message: str) -> None:
    if wants_json(scope):
        body = json.dumps({"error": message}).encode("utf-8")
        ctype = b"application/json"
    else:
        body = error_page(status, message).encode("utf-8")
        ctype = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
