"""Streaming multipart upload: the ``file`` part goes straight to disk, never whole in memory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import BinaryIO

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from veracity.errors import InvalidRequest, PayloadTooLarge

_MAX_FIELD = 4096


@dataclass
class _State:
    sink: BinaryIO
    limit: int
    size: int = 0
    filename: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    header_field: bytes = b""
    header_value: bytes = b""
    name: str | None = None
    is_file: bool = False
    value: bytearray = field(default_factory=bytearray)


def _callbacks(s: _State) -> dict[str, object]:
    def on_header_field(data: bytes, start: int, end: int) -> None:
        s.header_field += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        s.header_value += data[start:end]

    def on_header_end() -> None:
        if s.header_field.lower() == b"content-disposition":
            _, opts = parse_options_header(s.header_value)
            s.name = opts.get(b"name", b"").decode("utf-8", "replace")
            s.is_file = s.name == "file"
            if s.is_file:
                s.filename = opts.get(b"filename", b"upload.jsonl").decode("utf-8", "replace")
        s.header_field, s.header_value = b"", b""

    def on_part_data(data: bytes, start: int, end: int) -> None:
        if s.is_file:
            s.size += end - start
            if s.size > s.limit:
                raise PayloadTooLarge(f"the file is over the limit of {s.limit} bytes: split it, or raise "
                                      "max_file_bytes (VERACITY_MAX_FILE_BYTES)", param="file")
            s.sink.write(data[start:end])
        elif len(s.value) + end - start <= _MAX_FIELD:
            s.value += data[start:end]

    def on_part_end() -> None:
        if s.name and not s.is_file:
            s.fields[s.name] = s.value.decode("utf-8", "replace")
        s.name, s.is_file, s.value = None, False, bytearray()

    return {"on_header_field": on_header_field, "on_header_value": on_header_value, "on_header_end": on_header_end,
            "on_part_data": on_part_data, "on_part_end": on_part_end}


def boundary_of(content_type: str) -> bytes:
    kind, opts = parse_options_header(content_type)
    if kind != b"multipart/form-data" or not opts.get(b"boundary"):
        raise InvalidRequest("send the file as multipart/form-data with fields `file` and `purpose`",
                             code="invalid_content_type")
    return opts[b"boundary"]


async def receive_upload(chunks: AsyncIterator[bytes], content_type: str, sink: BinaryIO,
                         limit: int) -> tuple[str, int, dict[str, str]]:
    """Parse the request stream, writing the ``file`` part to ``sink``: (filename, bytes, other fields)."""
    state = _State(sink=sink, limit=limit)
    parser = MultipartParser(boundary_of(content_type), _callbacks(state))  # type: ignore[arg-type]
    try:
        async for chunk in chunks:
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError as exc:
        raise InvalidRequest(f"the multipart body is malformed ({exc}): send fields `file` and `purpose`",
                             code="invalid_multipart") from exc
    if state.filename is None:
        raise InvalidRequest("missing required field `file`", param="file", code="missing_field")
    return state.filename, state.size, state.fields
