"""Hostile input gets a clear 4xx, never a 5xx, and the server stays up (one test each)."""

from __future__ import annotations

import socket

import httpx

from tests.conftest import SEED_CONTEXT, Server

URL = "/v1/verify/reliability"
OK = {"prompt": "When is the invoice due?", "output": "The invoice is due on 21 June 2025.", "context": SEED_CONTEXT}


def _error(r: httpx.Response, status: int) -> dict[str, object]:
    assert r.status_code == status, r.text
    err: dict[str, object] = r.json()["error"]
    return err


def test_10000_levels_of_nesting_is_400_not_a_recursion_error(http: httpx.Client) -> None:
    body = b'{"prompt": "p", "output": "o", "context": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"
    r = http.post(URL, content=body, headers={"Content-Type": "application/json"})
    err = _error(r, 400)
    assert err["code"] == "too_deeply_nested" and "nested more than 64 levels" in str(err["message"])
    assert http.post(URL, json=OK).status_code == 200


def test_huge_output_string_is_400_naming_output(http: httpx.Client) -> None:
    err = _error(http.post(URL, json={**OK, "output": "The invoice is due. " * 6_000}), 400)
    assert err["param"] == "output" and "over the limit of 100000" in str(err["message"])


def test_body_over_max_body_bytes_is_413(http: httpx.Client) -> None:
    err = _error(http.post(URL, json={**OK, "context": "x" * 3_100_000}), 413)
    assert "max_body_bytes" in str(err["message"])


def test_invalid_utf8_body_is_400(http: httpx.Client) -> None:
    body = b'{"prompt": "p", "output": "caf\xe9 \xff", "context": "c"}'
    err = _error(http.post(URL, content=body, headers={"Content-Type": "application/json"}), 400)
    assert err["code"] == "invalid_encoding" and "UTF-8" in str(err["message"])


def test_nul_character_in_a_string_is_400(http: httpx.Client) -> None:
    err = _error(http.post(URL, json={**OK, "output": "The invoice\u0000 is due."}), 400)
    assert err["code"] == "invalid_character" and "NUL" in str(err["message"])


def test_1000_message_conversation_is_400_naming_messages(http: httpx.Client) -> None:
    messages = [{"role": "user" if i % 2 == 0 else "assistant", "content": f"turn {i}"} for i in range(1_000)]
    err = _error(http.post("/v1/chat/completions", json={"model": "verify-reliability", "messages": messages}), 400)
    assert err["param"] == "messages" and "limit of 500" in str(err["message"])


def test_oversized_headers_are_refused_by_the_http_layer_and_the_server_stays_up(server: Server) -> None:
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n")
        status_line = s.recv(200).split(b"\r\n", 1)[0]
    assert status_line.startswith(b"HTTP/1.1 4"), status_line  # h11: 400 over its 16 KiB header limit
    assert httpx.get(server.url + "/health").status_code == 200
