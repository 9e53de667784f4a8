"""`veracity batch run`: a batch input file run in process, without a server.

The app is built in process (``create_app``: the configured verifier from
``veracity.factory.build_verifier``, an in-memory store, no API keys) and every line goes
through it exactly as the server's batch worker sends it, so each result equals the
endpoint's answer. Output and error lines go to one file, appended and flushed as each
line finishes; ``resume`` skips the ``custom_id``s the file already holds.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from veracity.api.auth import DEV_KEY
from veracity.batches.asgi import run_line
from veracity.batches.lines import BatchLine, parse_line, validate
from veracity.batches.models import BatchError, LineResult
from veracity.config import Settings
from veracity.errors import InvalidRequest


@dataclass
class Summary:
    skipped: int = 0
    completed: int = 0
    failed: int = 0
    by_source: dict[str, list[int]] = field(default_factory=dict)  # source -> [verified, hallucinations]

    def add(self, source: str | None, result: LineResult) -> None:
        if not result.ok:
            self.failed += 1
            return
        self.completed += 1
        flag = is_hallucination(result.payload["response"]["body"])
        if flag is not None:
            counts = self.by_source.setdefault(source or "(none)", [0, 0])
            counts[0] += 1
            counts[1] += int(flag)


def is_hallucination(body: Any) -> bool | None:
    """The verdict of any batch endpoint's answer (verify, judge, verifier chat, proxied chat)."""
    if not isinstance(body, dict):
        return None
    for holder in (body, body.get("verification"), body.get("fact_check_metadata")):
        if isinstance(holder, dict) and isinstance(holder.get("is_hallucination"), bool):
            return bool(holder["is_hallucination"])
    return None


def source_of(line: BatchLine, raw: dict[str, Any]) -> str | None:
    for meta in (line.body.get("metadata"), raw.get("metadata")):
        if isinstance(meta, dict) and meta.get("source") is not None:
            return str(meta["source"])
    return None


def read_lines(path: Path) -> list[tuple[BatchLine, str | None]]:
    """Every line of the input with its source, or InvalidRequest listing every bad line."""
    raw_lines = [(n, raw) for n, raw in enumerate(path.read_bytes().splitlines(), start=1) if raw.strip()]
    _, errors = validate(raw_lines)
    if errors:
        listing = "\n".join(f"  {e.message}" for e in errors)
        raise InvalidRequest(f"{path} cannot run; fix these lines:\n{listing}", code="invalid_batch_file")
    out = []
    for n, raw in raw_lines:
        line = parse_line(n, raw)
        assert not isinstance(line, BatchError)
        out.append((line, source_of(line, json.loads(raw))))
    return out


def finished_ids(path: Path) -> set[str]:
    """custom_ids already in OUT; a torn last line (a crash mid-write) is cut off."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    keep = data if data.endswith(b"\n") or not data else data[: data.rfind(b"\n") + 1]
    if keep != data:
        path.write_bytes(keep)
    return {json.loads(raw)["custom_id"] for raw in keep.splitlines() if raw.strip()}


async def _run(app: Any, todo: list[tuple[BatchLine, str | None]], out: TextIO, concurrency: int,
               summary: Summary, tick: Callable[[Summary], None]) -> None:
    slots = asyncio.Semaphore(concurrency)

    async def one(line: BatchLine, source: str | None) -> None:
        async with slots:
            result = await run_line(app, line, DEV_KEY)
        out.write(json.dumps(result.payload) + "\n")
        out.flush()
        summary.add(source, result)
        tick(summary)

    await asyncio.gather(*(one(line, source) for line, source in todo))


def run_file(settings: Settings, input_path: Path, output_path: Path, concurrency: int, resume: bool,
             tick: Callable[[Summary], None] = lambda s: None,
             start: Callable[[int, int], None] = lambda total, skipped: None) -> Summary:
    """Run every line of ``input_path`` not yet in ``output_path``; returns the counts."""
    from veracity.api.app import create_app
    from veracity.store.sqlite import SQLiteStore

    lines = read_lines(input_path)
    if output_path.exists() and output_path.stat().st_size and not resume:
        raise InvalidRequest(f"{output_path} already holds results: pass --resume to continue it, or choose "
                             "another --output")
    done = finished_ids(output_path) if resume else set()
    todo = [(line, src) for line, src in lines if line.custom_id not in done]
    summary = Summary(skipped=len(lines) - len(todo))
    start(len(lines), summary.skipped)
    app = create_app(settings.model_copy(update={"auth_disabled": True}), store=SQLiteStore(":memory:"))

    async def main(out: TextIO) -> None:
        try:
            await _run(app, todo, out, concurrency, summary, tick)
        finally:
            if app.state.upstream is not None:
                await app.state.upstream.aclose()

    with output_path.open("a", encoding="utf-8") as out:
        asyncio.run(main(out))
    return summary
