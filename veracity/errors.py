"""One error hierarchy for the whole package.

Engine and backends raise these; only ``api/``, ``mcp/`` and ``cli/`` translate them
into responses (HTTP status + the contract's OpenAI error shape, or a CLI message)::

    VeracityError                       500 server_error
     ├── InvalidRequest                 400 invalid_request_error
     │    └── PayloadTooLarge           413 invalid_request_error
     ├── AuthenticationFailed           401 authentication_error
     ├── PermissionDenied               403 permission_error
     ├── NotFound                       404 not_found_error
     ├── Conflict                       409 conflict
     ├── RateLimited                    429 rate_limit_error
     ├── ConfigError                    500 server_error (bad settings; fix the config)
     └── BackendError                   503 service_unavailable
          ├── JudgeError                a judge failed (model, LLM, parse failure)
          │    └── ModelLoadError       the checker model file is missing or corrupt
          ├── SearchError               an evidence source failed
          └── UpstreamError             502 the proxied LLM refused or broke
               └── UpstreamTimeout      504 the proxied LLM did not answer in time

A backend failure is never turned into a verdict: callers either return 503 or an
``unverifiable`` claim carrying the error message.
"""

from __future__ import annotations


class VeracityError(Exception):
    status_code: int = 500
    error_type: str = "server_error"
    code: str | None = None

    def __init__(self, message: str, *, param: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        if code is not None:
            self.code = code

    def to_dict(self) -> dict[str, object]:
        return {"error": {"message": self.message, "type": self.error_type, "param": self.param, "code": self.code}}


class InvalidRequest(VeracityError):
    status_code = 400
    error_type = "invalid_request_error"


class PayloadTooLarge(InvalidRequest):
    status_code = 413
    code = "request_too_large"


class AuthenticationFailed(VeracityError):
    status_code = 401
    error_type = "authentication_error"
    code = "invalid_api_key"


class PermissionDenied(VeracityError):
    status_code = 403
    error_type = "permission_error"
    code = "permission_denied"


class NotFound(VeracityError):
    status_code = 404
    error_type = "not_found_error"
    code = "not_found"


class Conflict(VeracityError):
    status_code = 409
    error_type = "conflict"
    code = "conflict"


class RateLimited(VeracityError):
    status_code = 429
    error_type = "rate_limit_error"
    code = "rate_limit_exceeded"

    def __init__(self, message: str, *, retry_after: float = 1.0, headers: dict[str, str] | None = None,
                 **kw: str | None) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.retry_after = retry_after
        self.headers = dict(headers or {})  # x-ratelimit-* headers sent with the 429


class ConfigError(VeracityError):
    code = "config_error"


class BackendError(VeracityError):
    status_code = 503
    error_type = "service_unavailable"
    code = "backend_unavailable"


class JudgeError(BackendError):
    code = "judge_unavailable"


class ModelLoadError(JudgeError):
    code = "model_unavailable"


class SearchError(BackendError):
    code = "search_unavailable"


class UpstreamError(BackendError):
    status_code = 502
    error_type = "upstream_error"
    code = "upstream_error"


class UpstreamTimeout(UpstreamError):
    status_code = 504
    code = "upstream_timeout"
