"""The OpenAPI document as FastAPI builds it, plus what it cannot know by itself: a JSON body that
does not parse is answered 400 (http/errors.py), on every operation that takes one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI

BAD_JSON = {
    "description": "The body is not valid JSON.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorPublic"}}},
}


def openapi_document(app: FastAPI, order: Sequence[str] = ()) -> dict[str, Any]:
    """The document, its paths in `order` (the API's areas as api_routers() lists them), whatever
    order the app matches its routes in."""
    if app.openapi_schema is None:
        doc = FastAPI.openapi(app)  # builds and caches FastAPI's own document
        rank = {path: i for i, path in enumerate(order)}
        paths = sorted(doc.get("paths", {}).items(), key=lambda kv: rank.get(kv[0], len(rank)))
        doc["paths"] = dict(paths)
        for path in doc.get("paths", {}).values():
            for operation in path.values():
                body = operation.get("requestBody", {}).get("content", {})
                if "application/json" in body:
                    operation.setdefault("responses", {}).setdefault("400", BAD_JSON)
    return app.openapi_schema or {}
