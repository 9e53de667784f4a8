"""Batch input lines: parsing with line numbers, and the output and error lines written back.

Which bad lines fail the batch and which go to the error file:

* The file cannot run (the batch ends ``failed`` at validation, every such line listed in
  ``errors.data`` with its ``line``): a line that is not a JSON object, a missing or empty
  ``custom_id``, a duplicate ``custom_id`` (the contract), ``method`` other than POST, a ``url``
  outside the three batch endpoints, a ``body`` that is not an object. An empty file too.
* The line runs and fails (one error-file line with its ``custom_id``, counted ``failed``):
  a body the endpoint refuses (the endpoint's own 400, e.g. a missing ``output``), ``stream:
  true``, and any failure while running (a judge or upstream down, ...). The message starts
  with ``line N:``.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from veracity.batches.models import BATCH_URLS, BatchError, LineResult

MAX_LISTED_ERRORS = 1000


@dataclass(frozen=True)
class BatchLine:
    line: int
    custom_id: str
    url: str
    body: dict[str, Any]


def parse_line(number: int, raw: bytes | str) -> BatchLine | BatchError:
    """One input line, or the reason it cannot run."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return BatchError("invalid_json", f"line {number} is not valid JSON: write one JSON object per line", number)
    if not isinstance(data, dict):
        return BatchError("invalid_line", f"line {number} is not a JSON object", number)
    custom_id = data.get("custom_id")
    if not isinstance(custom_id, str) or not custom_id:
        return BatchError("missing_custom_id", f"line {number} has no `custom_id` string: give every line a "
                          "unique one", number, "custom_id")
    if str(data.get("method", "POST")).upper() != "POST":
        return BatchError("invalid_method", f"line {number}: `method` must be POST", number, "method")
    url = data.get("url")
    if url not in BATCH_URLS:
        return BatchError("invalid_url", f"line {number}: `url` {url!r} is not a batch endpoint: use one of "
                          f"{', '.join(BATCH_URLS)}", number, "url")
    body = data.get("body")
    if not isinstance(body, dict):
        return BatchError("invalid_body", f"line {number}: `body` must be a JSON object", number, "body")
    return BatchLine(number, custom_id, str(url), body)


def validate(lines: Iterable[tuple[int, bytes]]) -> tuple[int, list[BatchError]]:
    """(number of requests, errors that stop the file from running), every bad line listed."""
    seen: dict[str, int] = {}
    errors: list[BatchError] = []
    total = 0
    for number, raw in lines:
        total += 1
        parsed = parse_line(number, raw)
        if isinstance(parsed, BatchError):
            errors.append(parsed)
        elif parsed.custom_id in seen:
            errors.append(BatchError("duplicate_custom_id", f"line {number}: `custom_id` {parsed.custom_id!r} "
                                     f"repeats line {seen[parsed.custom_id]}: make every custom_id unique",
                                     number, "custom_id"))
        else:
            seen[parsed.custom_id] = number
    if total == 0:
        errors.append(BatchError("empty_file", "the input file holds no requests: one JSON object per line"))
    if len(errors) > MAX_LISTED_ERRORS:
        extra = len(errors) - MAX_LISTED_ERRORS
        errors = [*errors[:MAX_LISTED_ERRORS], BatchError("too_many_errors", f"and {extra} more bad lines")]
    return total, errors


def _request_id() -> str:
    return "batch_req_" + secrets.token_hex(12)


def output_line(line: BatchLine, status: int, request_id: str, body: Any) -> LineResult:
    payload = {"id": _request_id(), "custom_id": line.custom_id,
               "response": {"status_code": status, "request_id": request_id, "body": body}, "error": None}
    return LineResult(line.custom_id, line.line, True, payload)


def error_line(line: BatchLine, code: str, message: str) -> LineResult:
    payload = {"id": _request_id(), "custom_id": line.custom_id, "response": None,
               "error": {"code": code, "message": f"line {line.line}: {message}"}}
    return LineResult(line.custom_id, line.line, False, payload)


def failure_of(line: BatchLine, status: int, body: Any) -> LineResult:
    """An endpoint's error answer (the contract's error shape) as an error line."""
    err = body.get("error") if isinstance(body, dict) else None
    if not isinstance(err, dict):
        return error_line(line, "server_error", f"the endpoint answered {status}")
    code = str(err.get("code") or err.get("type") or "server_error")
    return error_line(line, code, str(err.get("message") or f"the endpoint answered {status}"))
