"""Shared helpers of the batch tests: input lines, JSONL, polling."""

from __future__ import annotations

import json
import time
from typing import Any

import openai

from tests.conftest import SEED_CONTEXT

FINAL = ("completed", "failed", "expired", "cancelled")


def verify_line(custom_id: str, output: str = "The invoice is due on June 12, 2025.",
                source: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"prompt": "When is the invoice due?", "output": output, "context": SEED_CONTEXT}
    if source:
        body["metadata"] = {"source": source}
    return {"custom_id": custom_id, "method": "POST", "url": "/v1/verify/reliability", "body": body}


def chat_line(custom_id: str, model: str, answer: str | None = None) -> dict[str, Any]:
    messages: list[dict[str, str]] = [{"role": "system", "content": f"Invoice record: {SEED_CONTEXT}"},
                                      {"role": "user", "content": "When is the invoice due?"}]
    if answer is not None:
        messages.append({"role": "assistant", "content": answer})
    return {"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions",
            "body": {"model": model, "messages": messages}}


def jsonl(lines: list[Any]) -> bytes:
    return "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines).encode()


def parse(text: str) -> list[dict[str, Any]]:
    return [json.loads(x) for x in text.splitlines() if x.strip()]


def submit(client: openai.OpenAI, lines: list[Any], endpoint: str = "/v1/verify/reliability") -> str:
    f = client.files.create(file=("input.jsonl", jsonl(lines)), purpose="batch")
    return client.batches.create(input_file_id=f.id, endpoint=endpoint,  # type: ignore[arg-type]
                                 completion_window="24h").id


def wait(client: openai.OpenAI, batch_id: str, until: tuple[str, ...] = FINAL, timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        b = client.batches.retrieve(batch_id)
        if b.status in until:
            return b
        time.sleep(0.1)
    raise AssertionError(f"batch {batch_id} still {b.status} after {timeout}s")


def results(client: openai.OpenAI, batch: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    out = parse(client.files.content(batch.output_file_id).text) if batch.output_file_id else []
    err = parse(client.files.content(batch.error_file_id).text) if batch.error_file_id else []
    return out, err
