"""Graceful shutdown: a request in flight when SIGTERM arrives still completes with 200 (uvicorn
stops accepting, waits for open requests, then runs the app's shutdown), then the process ends."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

from tests.conftest import start_server, stop_server
from tests.fakes.fixtures import FAKE_LLM_KEY
from tests.fakes.openai_server import FakeOpenAI, Reply


def test_sigterm_lets_a_slow_proxied_request_finish(tmp_path: Path) -> None:
    with FakeOpenAI(api_key=FAKE_LLM_KEY) as upstream:
        env = {"VERACITY_UPSTREAM_BASE_URL": upstream.url, "VERACITY_UPSTREAM_API_KEY": FAKE_LLM_KEY}
        srv = start_server(tmp_path, env=env)
        try:
            upstream.script(Reply.slow(1.5, "Finished after the signal."))
            results: list[object] = []

            def call() -> None:
                with srv.client() as c:
                    r = c.post("/v1/chat/completions", json={"model": "fake-model",
                                                             "messages": [{"role": "user", "content": "Hi"}]})
                    results.append((r.status_code, r.json()["choices"][0]["message"]["content"]))

            worker = threading.Thread(target=call)
            worker.start()
            deadline = time.monotonic() + 20
            while not upstream.chat_requests:
                assert time.monotonic() < deadline
                time.sleep(0.02)
            srv.proc.send_signal(signal.SIGTERM)
            worker.join(30)
            assert srv.proc.wait(30) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal once it is done
        finally:
            stop_server(srv)
    assert results == [(200, "Finished after the signal.")]
