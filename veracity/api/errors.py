"""Every error leaves the API in the contract's OpenAI shape, with the matching status."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from veracity.errors import InvalidRequest, RateLimited, VeracityError

log = logging.getLogger("veracity.api")

_STATUS_TYPES = {
    400: "invalid_request_error", 401: "authentication_error", 403: "permission_error", 404: "not_found_error",
    405: "invalid_request_error", 409: "conflict", 413: "invalid_request_error", 429: "rate_limit_error",
}


def error_response(status: int, message: str, type_: str, param: str | None = None, code: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"message": message, "type": type_, "param": param, "code": code}}
    return JSONResponse(body, status_code=status, headers=headers)


def veracity_error_response(exc: VeracityError) -> JSONResponse:
    headers = {}
    if isinstance(exc, RateLimited):
        headers.update(exc.headers)
        headers["Retry-After"] = str(max(1, int(exc.retry_after + 0.999)))
    if exc.status_code >= 500:
        log.warning("backend error: %s", exc.message)
    return error_response(exc.status_code, exc.message, exc.error_type, exc.param, exc.code, headers)


_UNION_TAGS = frozenset({"str", "int", "float", "bool", "list", "dict", "none", "json-or-python"})


def param_path(loc: Sequence[Any]) -> str | None:
    """pydantic's ``("body", "messages", 0, "content", "str")`` → ``messages[0].content``."""
    out = ""
    for part in loc:
        if part == "body" and not out:
            continue
        if isinstance(part, int):
            out += f"[{part}]"
        elif "[" in str(part) or str(part) in _UNION_TAGS:
            break
        else:
            out += f".{part}" if out else str(part)
    return out or None


def validation_error(errors: Sequence[Any]) -> InvalidRequest:
    """The first validation error as a 400 naming the field."""
    err = errors[0]
    param = param_path(err.get("loc", ()))
    kind = err.get("type", "")
    if kind == "json_invalid":
        return InvalidRequest("the request body is not valid JSON: send a JSON object", code="invalid_json")
    if kind == "missing":
        return InvalidRequest(f"missing required field `{param}`", param=param, code="missing_field")
    if param is None:
        return InvalidRequest("the request body must be a JSON object", code="invalid_body")
    return InvalidRequest(f"invalid `{param}`: {err.get('msg', 'invalid value')}", param=param, code="invalid_value")


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(VeracityError)
    async def _veracity(_: Request, exc: VeracityError) -> JSONResponse:
        return veracity_error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return veracity_error_response(validation_error(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        type_ = _STATUS_TYPES.get(exc.status_code, "server_error")
        message = "no such route: see the README for the API" if exc.status_code == 404 else str(exc.detail)
        return error_response(exc.status_code, message, type_, None, None, dict(exc.headers or {}))
