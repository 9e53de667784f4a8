"""Property-based fuzzing with schemathesis against the server's own ``/openapi.json``.

Every JSON operation gets a bounded number of generated requests (``max_examples`` each),
sent with a valid admin key: no answer may be a 5xx, and every answer must match the
documented response schema (errors in the contract's shape included). Uploads (multipart
``POST /v1/files``) are left out. Uses schemathesis 4's Python API: ``from_url`` →
``get_all_operations()`` → ``operation.as_strategy()`` → ``case.call_and_validate``.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.conftest import Server

MAX_EXAMPLES = 20


def json_operations(server: Server) -> list[Any]:
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    return [op for op in operations if not (op.path == "/v1/files" and op.method.upper() == "POST")]


def test_no_5xx_and_responses_match_the_schema(server: Server) -> None:
    operations = json_operations(server)
    assert len(operations) >= 15, [f"{op.method} {op.path}" for op in operations]
    checks = [schemathesis.checks.not_a_server_error, schemathesis.checks.response_schema_conformance]
    headers = {"Authorization": f"Bearer {server.admin_key}"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None, derandomize=True)
        def fuzz(case: Any) -> None:
            case.call_and_validate(base_url=server.url, headers=headers, checks=checks, timeout=60)

        try:
            fuzz()
        except Exception as exc:  # name the operation in the failure
            pytest.fail(f"{operation.method.upper()} {operation.path}: {exc}")
