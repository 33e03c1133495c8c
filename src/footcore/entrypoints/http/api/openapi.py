"""The OpenAPI document as FastAPI builds it, plus what it cannot know by itself: a JSON body that
does not parse is answered 400 (http/errors.py), on every operation that takes one."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

BAD_JSON = {
    "description": "The body is not valid JSON.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorPublic"}}},
}


def openapi_document(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        doc = FastAPI.openapi(app)  # builds and caches FastAPI's own document
        for path in doc.get("paths", {}).values():
            for operation in path.values():
                body = operation.get("requestBody", {}).get("content", {})
                if "application/json" in body:
                    operation.setdefault("responses", {}).setdefault("400", BAD_JSON)
    return app.openapi_schema or {}
