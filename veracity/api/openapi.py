"""The OpenAPI schema says what the API really answers: errors in the contract's shape, never 422."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel


class ErrorDetail(BaseModel):
    message: str
    type: str
    param: str | None
    code: str | None


class ErrorResponse(BaseModel):
    error: ErrorDetail


_ERRORS = {
    400: "Invalid request: bad JSON, a missing field, a wrong type, an unsupported parameter (`param` names it).",
    401: "No API key, or an unknown or revoked one.",
    403: "The key may not do this (an admin route, another key's usage).",
    404: "No such object for this key, or no such route.",
    409: "The object is not in a state that allows this.",
    413: "The body, a file or the context is over its limit.",
    429: "Over the plan's requests per minute or concurrent requests (see Retry-After and x-ratelimit-*).",
    500: "Internal error; quote x-request-id.",
    502: "The upstream LLM refused or broke.",
    503: "A backend (store, judge, search, upstream) is down.",
    504: "The upstream LLM did not answer in time.",
}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": text} for status, text in _ERRORS.items()}


def install_openapi(app: FastAPI) -> None:
    """Replace FastAPI's 422 entries (validation errors are 400 here) and cache the schema."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                 routes=app.routes)
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    operation.get("responses", {}).pop("422", None)
            for name in ("HTTPValidationError", "ValidationError"):
                schema.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
