"""Plan limits hold across TWO real server processes sharing one data directory (one store):
requests per minute, concurrent requests (with crash-safe lease expiry), context size (413)
and batch lines. Contract: Errors (429 with Retry-After and x-ratelimit-*; 413)."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest

from tests.batches.helpers import submit, verify_line, wait
from tests.conftest import SEED_CONTEXT, Server, run_cli, start_server, stop_server
from tests.fakes.fixtures import FAKE_LLM_KEY
from tests.fakes.openai_server import FakeOpenAI, Reply

PLANS = {"four": {"rpm": 4}, "one": {"concurrent": 1}, "small": {"max_context_tokens": 200, "max_batch_lines": 3}}
LEASE_S = 4.0
VERIFY = {"prompt": "When is the invoice due?", "output": "The invoice is due on 21 June 2025.", "context": SEED_CONTEXT}
CHAT = {"model": "fake-model", "messages": [{"role": "user", "content": "Say hi."}]}


@pytest.fixture(scope="module")
def upstream() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key=FAKE_LLM_KEY) as fake:
        yield fake


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory, upstream: FakeOpenAI) -> Iterator[tuple[Server, Server]]:
    env = {"VERACITY_PLANS": json.dumps(PLANS), "VERACITY_INFLIGHT_LEASE_SECONDS": str(LEASE_S),
           "VERACITY_UPSTREAM_BASE_URL": upstream.url, "VERACITY_UPSTREAM_API_KEY": FAKE_LLM_KEY}
    data_dir = tmp_path_factory.mktemp("shared")
    a = start_server(data_dir, env=env)
    try:
        b = start_server(data_dir, env=env)
    except BaseException:
        stop_server(a)
        raise
    yield a, b
    stop_server(a)
    stop_server(b)


def new_key(server: Server, plan: str) -> str:
    env = {"VERACITY_PLANS": json.dumps(PLANS)}
    return run_cli("keys", "create", "--plan", plan, data_dir=server.data_dir, env=env).stdout.strip().splitlines()[-1]


def away_from_minute_edge() -> None:
    """The per-minute window restarts on the minute: do not start a counting test in its last seconds."""
    if time.time() % 60 > 52:
        time.sleep(60 - time.time() % 60 + 0.1)


def test_requests_per_minute_are_counted_across_both_processes(pair: tuple[Server, Server]) -> None:
    a, b = pair
    key = new_key(a, "four")
    away_from_minute_edge()
    remaining = []
    for server in (a, b, a, b):
        with server.client(key) as c:
            r = c.post("/v1/verify/reliability", json=VERIFY)
        assert r.status_code == 200, r.text
        assert r.headers["x-ratelimit-limit-requests"] == "4"
        remaining.append(r.headers["x-ratelimit-remaining-requests"])
    assert remaining == ["3", "2", "1", "0"]
    with a.client(key) as c:
        r = c.post("/v1/verify/reliability", json=VERIFY)
    assert r.status_code == 429, r.text
    assert r.json()["error"]["type"] == "rate_limit_error" and "per minute" in r.json()["error"]["message"]
    assert 1 <= int(r.headers["Retry-After"]) <= 60
    assert r.headers["x-ratelimit-remaining-requests"] == "0"
    assert r.headers["x-ratelimit-reset-requests"].endswith("s")


def _slow_call(server: Server, key: str, results: list[int]) -> None:
    with server.client(key) as c:
        try:
            results.append(c.post("/v1/chat/completions", json=CHAT).status_code)
        except httpx.TransportError:
            results.append(-1)  # the server was killed


def _wait_received(upstream: FakeOpenAI, count: int) -> None:
    deadline = time.monotonic() + 20
    while len(upstream.chat_requests) < count:
        assert time.monotonic() < deadline, "the upstream never got the slow request"
        time.sleep(0.02)


def test_concurrent_requests_are_counted_across_both_processes(pair: tuple[Server, Server],
                                                               upstream: FakeOpenAI) -> None:
    a, b = pair
    key = new_key(a, "one")
    upstream.script(Reply.slow(1.5, "Hi."))
    results: list[int] = []
    worker = threading.Thread(target=_slow_call, args=(a, key, results))
    before = len(upstream.chat_requests)
    worker.start()
    _wait_received(upstream, before + 1)
    with b.client(key) as c:
        refused = c.post("/v1/verify/reliability", json=VERIFY)
    worker.join(30)
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "concurrency_limit_exceeded"
    assert refused.headers["Retry-After"] == "1"
    assert results == [200]
    with b.client(key) as c:
        assert c.post("/v1/verify/reliability", json=VERIFY).status_code == 200, "the slot was released"


def test_context_over_the_plan_is_413_and_batch_over_its_lines_fails_validation(pair: tuple[Server, Server]) -> None:
    a, _ = pair
    key = new_key(a, "small")
    with a.client(key) as c:
        r = c.post("/v1/verify/reliability", json={**VERIFY, "context": "word " * 300})
        chat = c.post("/v1/chat/completions", json={"model": "verify-reliability", "messages": [
            {"role": "user", "content": "word " * 300}, {"role": "assistant", "content": "Yes."}]})
    assert r.status_code == 413 and r.json()["error"]["code"] == "context_length_exceeded"
    assert r.json()["error"]["param"] == "context" and "small" in r.json()["error"]["message"]
    assert chat.status_code == 413 and chat.json()["error"]["param"] == "messages"
    client = openai.OpenAI(api_key=key, base_url=a.url + "/v1", max_retries=0)
    batch = wait(client, submit(client, [verify_line(f"q{i}") for i in range(4)]))
    assert batch.status == "failed"
    assert [e.code for e in batch.errors.data] == ["too_many_requests"]  # type: ignore[union-attr]
    assert "at most 3 lines" in batch.errors.data[0].message  # type: ignore[union-attr,index]


def test_unknown_plan_is_refused_by_the_cli_and_the_api(pair: tuple[Server, Server]) -> None:
    a, _ = pair
    proc = run_cli("keys", "create", "--plan", "gold", data_dir=a.data_dir, check=False)
    assert proc.returncode != 0 and "unknown plan 'gold'" in proc.stderr and "enterprise" in proc.stderr
    with a.client() as c:
        r = c.post("/v1/keys", json={"name": "x", "plan": "gold"})
    assert r.status_code == 400 and r.json()["error"]["param"] == "plan"


def test_a_slot_left_by_a_killed_process_expires_with_its_lease(pair: tuple[Server, Server],
                                                                upstream: FakeOpenAI) -> None:
    """Last in this module: it kills server A with SIGKILL mid-request."""
    a, b = pair
    key = new_key(a, "one")
    upstream.script(Reply.slow(30, "Too late."))
    before = len(upstream.chat_requests)
    threading.Thread(target=_slow_call, args=(a, key, []), daemon=True).start()
    _wait_received(upstream, before + 1)
    os.kill(a.proc.pid, signal.SIGKILL)
    a.proc.wait(10)
    with b.client(key) as c:
        assert c.post("/v1/verify/reliability", json=VERIFY).status_code == 429, "the dead process's slot still holds"
        time.sleep(LEASE_S + 0.5)
        r = c.post("/v1/verify/reliability", json=VERIFY)
    assert r.status_code == 200, r.text


def test_keys_create_defaults_to_default_plan(tmp_path: Path) -> None:
    """`veracity keys create` without --plan uses default_plan."""
    out = run_cli("keys", "create", data_dir=tmp_path, env={"VERACITY_DEFAULT_PLAN": "core"}).stdout
    assert "plan core" in out
    listing = run_cli("keys", "list", data_dir=tmp_path).stdout
    assert " core " in listing
