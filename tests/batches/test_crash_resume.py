"""A batch survives `kill -9` of the server: work done is kept, the rest resumes, every
custom_id lands exactly once in the output or error file (contract: Files and batches)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import openai

from tests.batches.helpers import chat_line, results, submit, verify_line, wait
from tests.conftest import start_server, stop_server
from tests.fakes.fixtures import FAKE_LLM_KEY
from tests.fakes.openai_server import FakeOpenAI, Reply

N = 30


def test_sigkill_mid_batch_then_restart_resumes_exactly_once(tmp_path: Path) -> None:
    slow = FakeOpenAI(api_key=FAKE_LLM_KEY, default=lambda body: Reply.slow(0.12, "Due on 21 June 2025."))
    with slow:
        env = {"VERACITY_UPSTREAM_BASE_URL": slow.url, "VERACITY_UPSTREAM_API_KEY": FAKE_LLM_KEY,
               "VERACITY_BATCH_CONCURRENCY": "2"}
        srv = start_server(tmp_path, env=env)
        try:
            c = openai.OpenAI(api_key=srv.admin_key, base_url=srv.url + "/v1", max_retries=0)
            lines = [chat_line(f"c{i}", "fake-model") for i in range(N - 1)] + [{**verify_line("bad"), "body": {}}]
            batch_id = submit(c, lines, endpoint="/v1/chat/completions")
            deadline = time.monotonic() + 30
            while c.batches.retrieve(batch_id).request_counts.completed < 6:  # type: ignore[union-attr]
                assert time.monotonic() < deadline
                time.sleep(0.05)
            os.kill(srv.proc.pid, signal.SIGKILL)
            srv.proc.wait(10)
        except BaseException:
            stop_server(srv)
            raise
        sent_before = len(slow.chat_requests)
        assert sent_before < N - 1, "the batch finished before the kill: make the lines slower"
        again = start_server(tmp_path, env=env)
        try:
            c = openai.OpenAI(api_key=srv.admin_key, base_url=again.url + "/v1", max_retries=0)
            batch = wait(c, batch_id)
            assert batch.status == "completed"
            out, err = results(c, batch)
        finally:
            stop_server(again)
    ids = [o["custom_id"] for o in out] + [e["custom_id"] for e in err]
    assert sorted(ids) == sorted(line["custom_id"] for line in lines), "every custom_id exactly once"
    assert [e["custom_id"] for e in err] == ["bad"]
    assert (batch.request_counts.total, batch.request_counts.completed, batch.request_counts.failed) == (N, N - 1, 1)
    # finished lines were not recomputed: at most the 2 requests in flight at the kill ran twice
    assert len(slow.chat_requests) <= N - 1 + 2
