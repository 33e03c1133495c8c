"""API: the trivial health check, the CSRF token for scripts, and the self-hosted docs page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from footcore.entrypoints.http.api.schemas.base import CsrfPublic, HealthPublic
from footcore.entrypoints.http.security.csrf import token_of

router = APIRouter(tags=["meta"])

DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>footcore API</title><link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/static/icon.svg" type="image/svg+xml"></head>
<body><main class="page docs" id="docs" data-spec="/api/openapi.json">
<h1>footcore API</h1>
<p>The REST API behind the web app. The machine-readable description is
<a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3). Errors are JSON
<code>{"error": "what to fix"}</code> with 422 for bad input, 404 for an unknown id and 409 for a
conflict. Unsafe requests (POST, PUT, PATCH, DELETE) carry the token of
<a href="/api/csrf">GET /api/csrf</a> in the <code>X-CSRF-Token</code> header.</p>
<p id="docs-status" role="status">Loading the endpoints…</p>
<div id="docs-list"></div>
<noscript><p>This page lists the endpoints with a little JavaScript; without it, read
<a href="/api/openapi.json">the OpenAPI file</a> directly.</p></noscript>
</main><script src="/static/docs.js" defer></script></body></html>
"""


@router.get("/health", response_model=HealthPublic)
async def health() -> dict[str, Any]:
    """A trivial answer, for monitoring and as the benchmark's baseline."""
    return {"status": "ok"}


@router.get("/csrf", response_model=CsrfPublic)
def csrf(request: Request) -> dict[str, Any]:
    """A CSRF token (also set as a cookie) for the X-CSRF-Token header of unsafe requests."""
    return {"token": token_of(request.scope), "header": "X-CSRF-Token"}


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs() -> HTMLResponse:
    return HTMLResponse(DOCS_PAGE)
