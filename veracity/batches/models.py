"""Stored files and batches, and their wire shapes (OpenAI's Files and Batch objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FilePurpose = Literal["batch", "fine-tune", "user_data", "batch_output"]
UPLOAD_PURPOSES: tuple[str, ...] = ("batch", "fine-tune", "user_data")
BatchStatus = Literal["validating", "in_progress", "finalizing", "completed", "failed", "expired",
                      "cancelling", "cancelled"]
ACTIVE_STATUSES: tuple[str, ...] = ("validating", "in_progress", "finalizing", "cancelling")
TERMINAL_STATUSES: tuple[str, ...] = ("completed", "failed", "expired", "cancelled")
BATCH_URLS: tuple[str, ...] = ("/v1/chat/completions", "/v1/verify/reliability", "/v1/judges/detect-hallucination")
TIMESTAMPS: tuple[str, ...] = ("in_progress_at", "expires_at", "finalizing_at", "completed_at", "failed_at",
                               "expired_at", "cancelling_at", "cancelled_at")


@dataclass(frozen=True)
class FileRecord:
    id: str
    key_id: str
    filename: str
    purpose: str
    bytes: int
    created_at: int

    def to_wire(self) -> dict[str, Any]:
        return {"id": self.id, "object": "file", "bytes": self.bytes, "created_at": self.created_at,
                "filename": self.filename, "purpose": self.purpose, "status": "processed", "status_details": None}


@dataclass(frozen=True)
class BatchError:
    code: str
    message: str
    line: int | None = None
    param: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "param": self.param, "line": self.line}


@dataclass(frozen=True)
class BatchRecord:
    id: str
    key_id: str
    input_file_id: str
    endpoint: str
    completion_window: str
    status: BatchStatus
    created_at: int
    metadata: dict[str, str] | None = None
    errors: tuple[BatchError, ...] = ()
    output_file_id: str | None = None
    error_file_id: str | None = None
    total: int = 0
    completed: int = 0
    failed: int = 0
    times: dict[str, int | None] = field(default_factory=dict)

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "object": "batch", "endpoint": self.endpoint,
            "errors": {"object": "list", "data": [e.to_wire() for e in self.errors]} if self.errors else None,
            "input_file_id": self.input_file_id, "completion_window": self.completion_window,
            "status": self.status, "output_file_id": self.output_file_id, "error_file_id": self.error_file_id,
            "created_at": self.created_at,
        }
        out.update({name: self.times.get(name) for name in TIMESTAMPS})
        out["request_counts"] = {"total": self.total, "completed": self.completed, "failed": self.failed}
        out["metadata"] = self.metadata
        return out


@dataclass(frozen=True)
class LineResult:
    """One finished request of a batch: the output or error line, ready to write."""

    custom_id: str
    line: int
    ok: bool
    payload: dict[str, Any]
