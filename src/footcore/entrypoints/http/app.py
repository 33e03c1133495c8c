"""The app factory: pages, API, static files, error handlers and the safety middleware.

Nothing here touches a database at import time or in create_app(); the storage is opened on the
first request that needs it (see footcore.entrypoints.http.dependencies).
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import Depends, FastAPI
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from footcore import __version__
from footcore.adapters.topics import load_topics
from footcore.bootstrap import knowledge
from footcore.entrypoints.http import errors
from footcore.entrypoints.http.allow import AllowMiddleware
from footcore.entrypoints.http.pages import page_routers
from footcore.entrypoints.http.pages.templating import STATIC, make_templates
from footcore.entrypoints.http.security.csrf import CsrfMiddleware, CsrfTokens
from footcore.entrypoints.http.security.middleware import (
    BodyLimitMiddleware,
    HostMiddleware,
    SafetyMiddleware,
)
from footcore.entrypoints.http.security.team import TeamSwitch, gate
from footcore.entrypoints.http.settings import WebSettings
from footcore.entrypoints.http.shared.cache import PageCache
from footcore.entrypoints.http.storage import Storage

UPLOAD_PATHS = ("/runs/upload", "/api/runs/upload")
TEAM_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"description": "Team mode: log in first (or wrong credentials)."},
    403: {"description": "Team mode: this account may not do this."},
    429: {"description": "Too many failed log-ins for this address: wait."},
}

DESCRIPTION = (
    "footcore's REST API: the same services as the web pages and the CLI. Errors are JSON "
    '`{"error": "..."}` whose message says what to fix: 422 bad input, 404 unknown record, '
    "409 conflict (and red flags), 413 body too large, 403 missing CSRF token. Unsafe methods "
    "need the `X-CSRF-Token` header, whose value `GET /api/csrf` returns. In team mode (the "
    "database holds accounts) every endpoint but health, csrf, session and invitation needs the "
    "session cookie of `POST /api/session`: 401 without it, 403 for a view-only grant's write, "
    "404 for an athlete the account may not see; coaches name the athlete with `?athlete=NAME`."
)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Load and validate the knowledge before the first request, so no request pays for it;
    then freeze what start-up allocated, so the collector stops scanning it on every pass."""
    await run_in_threadpool(knowledge)
    await run_in_threadpool(load_topics)
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        storage: Storage = app.state.storage
        storage.dispose()


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """Build one footcore web app; `settings` default to a local app on the default database."""
    # Imported here: the API's modules import this package's dependencies, so importing the API
    # first (a test, a script) must not find this module half-initialised.
    from footcore.entrypoints.http.api import ERRORS, api_routers, api_routers_to_match
    from footcore.entrypoints.http.api import coach as coach_api
    from footcore.entrypoints.http.api import team as team_api
    from footcore.entrypoints.http.api.openapi import openapi_document
    from footcore.entrypoints.http.pages import coach as coach_pages
    from footcore.entrypoints.http.pages import login as team_pages

    settings = settings or WebSettings()
    app = FastAPI(
        lifespan=_lifespan,
        title="footcore",
        version=__version__,
        description=DESCRIPTION,
        # Served by a route of our own below, so that team mode's gate covers it too (FastAPI's
        # own OpenAPI route runs no app dependency).
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        # Team mode's one authorization check, before every route (see http/security/team.py).
        dependencies=[Depends(gate)],
    )
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.storage = Storage(settings.database_url)
    app.state.page_cache = PageCache()
    app.state.team = TeamSwitch()
    app.state.now = settings.now
    errors.install(app)
    pages = page_routers()
    # The session player first, then the API, then the other pages: routes match in order.
    app.include_router(pages[0], include_in_schema=False)
    for router in api_routers_to_match():
        app.include_router(router, prefix="/api", responses=ERRORS)
    for router in (team_api.router, coach_api.router):
        app.include_router(router, prefix="/api", responses={**ERRORS, **TEAM_ERRORS})
    for router in pages[1:]:
        app.include_router(router, include_in_schema=False)
    for router in (team_pages.router, coach_pages.router):
        app.include_router(router, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    documented = [*api_routers(), team_api.router, coach_api.router]
    order = [f"/api{route.path}" for r in documented for route in r.routes]  # type: ignore[attr-defined]
    app.openapi = partial(openapi_document, app, order)  # type: ignore[method-assign]

    @app.get("/api/openapi.json", include_in_schema=False)
    def openapi_json() -> JSONResponse:
        return JSONResponse(app.openapi())

    # add_middleware puts each new one outside the previous: the last added runs first.
    app.add_middleware(AllowMiddleware)
    app.add_middleware(
        CsrfMiddleware,
        tokens=CsrfTokens(settings.secret_key, settings.csrf_max_age_s),
        secure=settings.secure_cookies,
    )
    app.add_middleware(
        BodyLimitMiddleware,
        limit=settings.max_body_bytes,
        upload_limit=settings.max_upload_bytes,
        upload_paths=UPLOAD_PATHS,
    )
    app.add_middleware(HostMiddleware, allowed=settings.allowed_hosts)
    app.add_middleware(SafetyMiddleware)
    return app
