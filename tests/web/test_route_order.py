"""The app includes the API's routers busiest first, for speed (a request walks every route before
its own); that order must decide nothing else: no two routers share a path, and the OpenAPI
document lists the paths in the order of the API's areas."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from starlette.routing import Match

from footcore.entrypoints.http.api import api_routers, api_routers_to_match
from footcore.entrypoints.http.api import coach as coach_api
from footcore.entrypoints.http.api import team as team_api

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

METHODS = ("GET", "POST", "PUT", "DELETE")


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x", path)


def _scope(path: str, method: str) -> dict[str, Any]:
    return {"type": "http", "path": path, "method": method, "root_path": ""}


def test_the_matching_order_holds_the_same_routers() -> None:
    documented, matched = api_routers(), api_routers_to_match()
    assert len(matched) == len(documented)
    assert {id(r) for r in matched} == {id(r) for r in documented}


def test_no_api_router_answers_a_path_of_another() -> None:
    routers = api_routers()
    for i, owner in enumerate(routers):
        for route in owner.routes:
            path = _concrete(route.path)  # type: ignore[attr-defined]
            for other in routers[:i] + routers[i + 1 :]:
                for candidate in other.routes:
                    for method in METHODS:
                        found, _ = candidate.matches(_scope(path, method))
                        assert found is Match.NONE, (path, candidate.path)  # type: ignore[attr-defined]


def test_openapi_lists_the_paths_in_the_order_of_the_areas(client: TestClient) -> None:
    documented = [*api_routers(), team_api.router, coach_api.router]
    expected = list(
        dict.fromkeys(
            f"/api{route.path}"  # type: ignore[attr-defined]
            for router in documented
            for route in router.routes
            if getattr(route, "include_in_schema", True)
        )
    )
    listed = list(client.get("/api/openapi.json").json()["paths"])
    assert listed == [p for p in expected if p in listed]
    assert listed.index("/api/health") < listed.index("/api/exercises") < listed.index("/api/logs")
