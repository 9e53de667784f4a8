"""A fake OpenAI-compatible server on loopback, speaking the real wire protocol.

    with FakeOpenAI(api_key="sk-test") as fake:
        fake.script('{"claims": []}', Reply.error(429, retry_after=0), Reply.slow(2.0))
        client = ChatClient(fake.url, "sk-test")      # fake.url ends with /v1
        ...
        fake.chat_requests[-1]["messages"]            # what it received

Routes: ``POST /v1/chat/completions`` (JSON, or SSE with ``stream: true``: ``data: {chunk}``
lines of ``chat.completion.chunk`` objects, a last chunk with ``finish_reason``, a usage
chunk when ``stream_options.include_usage``, then ``data: [DONE]``), ``GET /v1/models``
and ``GET /v1/models/{id}``. Each chat request takes the next scripted :class:`Reply`
(a plain string is a reply with that content); with the script empty, ``default(body)``
answers. With ``api_key`` set, a request without ``Authorization: Bearer <api_key>``
gets a 401 (and takes nothing from the script).
"""

from __future__ import annotations

import collections
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.fakes._http import FakeServer, RecordedRequest


@dataclass(frozen=True)
class Reply:
    """One scripted answer to a chat completion request."""

    content: str = "This is a fake reply."
    status: int = 200
    message: str | None = None  # error message, for status >= 400
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0  # seconds before answering (force client timeouts)
    raw_body: str | None = None  # sent as-is instead of the JSON completion (malformed bodies)
    fail_after_chunks: int | None = None  # streaming: hang up after this many SSE events
    chunk_delay: float = 0.0  # streaming: seconds between SSE events
    disconnect: bool = False  # hang up without any response
    finish_reason: str = "stop"
    usage: tuple[int, int] | None = None  # (prompt_tokens, completion_tokens); default: word counts

    @classmethod
    def text(cls, content: str, **kw: Any) -> Reply:
        return cls(content=content, **kw)

    @classmethod
    def error(cls, status: int, message: str | None = None, retry_after: float | None = None) -> Reply:
        headers = (("Retry-After", f"{retry_after:g}"),) if retry_after is not None else ()
        return cls(status=status, message=message or f"fake upstream error {status}", headers=headers)

    @classmethod
    def slow(cls, delay: float, content: str = "This is a slow fake reply.") -> Reply:
        return cls(content=content, delay=delay)

    @classmethod
    def malformed(cls, body: str = "{this is not json") -> Reply:
        return cls(raw_body=body)

    @classmethod
    def broken_stream(cls, content: str, after_chunks: int) -> Reply:
        return cls(content=content, fail_after_chunks=after_chunks)

    @classmethod
    def reset(cls) -> Reply:
        return cls(disconnect=True)


_ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
                404: "not_found_error", 429: "rate_limit_error"}


def openai_error(status: int, message: str, param: str | None = None) -> dict[str, Any]:
    kind = _ERROR_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    return {"error": {"message": message, "type": kind, "param": param, "code": None}}


def _words(text: str) -> int:
    return len(text.split())


def _text_of(content: Any) -> str:
    if isinstance(content, list):
        return " ".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return str(content or "")


def echo_last_user(body: dict[str, Any]) -> Reply:
    """The default answer: repeats the last user message."""
    users = [m for m in body.get("messages", []) if isinstance(m, dict) and m.get("role") == "user"]
    return Reply(content=f"You said: {_text_of(users[-1].get('content'))}" if users else "Hello.")


class FakeOpenAI(FakeServer):
    def __init__(self, api_key: str | None = None, models: tuple[str, ...] = ("fake-model",),
                 default: Callable[[dict[str, Any]], Reply | str] = echo_last_user) -> None:
        super().__init__()
        self.api_key = api_key
        self.models = models
        self.default = default
        self._script: collections.deque[Reply] = collections.deque()
        self._ids = itertools.count(1)

    @property
    def url(self) -> str:
        """The base URL clients use (``.../v1``)."""
        return f"{self.base}/v1"

    def script(self, *replies: Reply | str) -> None:
        with self._lock:
            self._script.extend(Reply(content=r) if isinstance(r, str) else r for r in replies)

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        return [r.json for r in self.requests if r.method == "POST" and r.path.endswith("/chat/completions")]

    def _next(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            if self._script:
                return self._script.popleft()
        got = self.default(body)
        return Reply(content=got) if isinstance(got, str) else got

    # -- routes ------------------------------------------------------------------------------
    def handle(self, h: BaseHTTPRequestHandler, req: RecordedRequest) -> None:
        if self.api_key is not None and req.headers.get("authorization") != f"Bearer {self.api_key}":
            self.send_json(h, 401, openai_error(401, "Incorrect API key provided."))
        elif req.method == "GET" and req.path == "/v1/models":
            self.send_json(h, 200, {"object": "list", "data": [self._model(m) for m in self.models]})
        elif req.method == "GET" and req.path.startswith("/v1/models/"):
            name = req.path.removeprefix("/v1/models/")
            if name in self.models:
                self.send_json(h, 200, self._model(name))
            else:
                self.send_json(h, 404, openai_error(404, f"The model '{name}' does not exist"))
        elif req.method == "POST" and req.path == "/v1/chat/completions":
            self._chat(h, req)
        else:
            self.send_json(h, 404, openai_error(404, f"no route {req.method} {req.path}"))

    @staticmethod
    def _model(name: str) -> dict[str, Any]:
        return {"id": name, "object": "model", "created": 1700000000, "owned_by": "fake"}

    def _chat(self, h: BaseHTTPRequestHandler, req: RecordedRequest) -> None:
        try:
            body = req.json
            assert isinstance(body, dict) and isinstance(body.get("messages"), list) and body.get("model")
        except (ValueError, AssertionError):
            self.send_json(h, 400, openai_error(400, "a JSON body with `model` and `messages` is required"))
            return
        reply = self._next(body)
        if reply.delay:
            self.wait(reply.delay)
        if reply.disconnect:
            self.hang_up(h)
        elif reply.status >= 400:
            self.send_json(h, reply.status, openai_error(reply.status, reply.message or "error"), dict(reply.headers))
        elif reply.raw_body is not None:
            self.send_raw(h, reply.status, reply.raw_body.encode(), "application/json", dict(reply.headers))
        elif body.get("stream"):
            self._stream(h, body, reply)
        else:
            self.send_json(h, reply.status, self._completion(body, reply), dict(reply.headers))

    def _usage(self, body: dict[str, Any], reply: Reply) -> dict[str, int]:
        prompt, completion = reply.usage or (
            sum(_words(_text_of(m.get("content"))) for m in body["messages"] if isinstance(m, dict)),
            _words(reply.content))
        return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}

    def _completion(self, body: dict[str, Any], reply: Reply) -> dict[str, Any]:
        return {"id": f"chatcmpl-fake{next(self._ids)}", "object": "chat.completion", "created": int(time.time()),
                "model": body["model"], "system_fingerprint": None,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": reply.content},
                             "logprobs": None, "finish_reason": reply.finish_reason}],
                "usage": self._usage(body, reply)}

    def _stream(self, h: BaseHTTPRequestHandler, body: dict[str, Any], reply: Reply) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.send_header("Cache-Control", "no-cache")
        h.send_header("Transfer-Encoding", "chunked")
        for k, v in reply.headers:
            h.send_header(k, v)
        h.end_headers()
        for n, event in enumerate(self._events(body, reply)):
            if reply.fail_after_chunks is not None and n >= reply.fail_after_chunks:
                self.hang_up(h)
                return
            if n and reply.chunk_delay:
                time.sleep(reply.chunk_delay)
            data = f"data: {event}\n\n".encode()
            h.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            h.wfile.flush()
        h.wfile.write(b"0\r\n\r\n")
        h.wfile.flush()

    def _events(self, body: dict[str, Any], reply: Reply) -> list[str]:
        base = {"id": f"chatcmpl-fake{next(self._ids)}", "object": "chat.completion.chunk",
                "created": int(time.time()), "model": body["model"], "system_fingerprint": None}

        def chunk(delta: dict[str, Any], finish: str | None = None) -> str:
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
            return json.dumps({**base, "choices": [choice]})

        pieces = re.findall(r"\s*\S+", reply.content) or [reply.content]
        events = [chunk({"role": "assistant", "content": ""})]
        events += [chunk({"content": p}) for p in pieces]
        events.append(chunk({}, reply.finish_reason))
        if (body.get("stream_options") or {}).get("include_usage"):
            events.append(json.dumps({**base, "choices": [], "usage": self._usage(body, reply)}))
        return [*events, "[DONE]"]
