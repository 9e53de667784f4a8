"""Files and batches through the official `openai` client against a real server (contract: Files and batches)."""

from __future__ import annotations

from collections.abc import Iterator

import openai
import pytest

from tests.batches.helpers import chat_line, jsonl, results, submit, verify_line, wait
from tests.conftest import Server, start_server, stop_server
from tests.fakes.fixtures import FAKE_LLM_KEY
from tests.fakes.openai_server import FakeOpenAI, Reply

DUE = "The invoice is due on 21 June 2025."


@pytest.fixture(scope="module")
def upstream() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key=FAKE_LLM_KEY, default=lambda body: Reply.text(DUE)) as fake:
        yield fake


@pytest.fixture(scope="module")
def srv(upstream: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    s = start_server(tmp_path_factory.mktemp("batches"), env={
        "VERACITY_UPSTREAM_BASE_URL": upstream.url, "VERACITY_UPSTREAM_API_KEY": FAKE_LLM_KEY,
        "VERACITY_BATCH_CONCURRENCY": "2", "VERACITY_MAX_FILE_BYTES": "100000", "VERACITY_MAX_BODY_BYTES": "20000"})
    yield s
    stop_server(s)


@pytest.fixture()
def client(srv: Server) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(api_key=srv.admin_key, base_url=srv.url + "/v1", max_retries=0) as c:
        yield c


def _without_ids(body: dict) -> dict:  # type: ignore[type-arg]
    return {k: v for k, v in body.items() if k not in ("id", "created")}


def test_mixed_endpoints_round_trip_and_results_equal_the_endpoints(client: openai.OpenAI, srv: Server) -> None:
    lines = [verify_line("v1"), verify_line("v2", output="The amount is 7116 GBP."),
             chat_line("c-verify", "verify-reliability", answer="The invoice is due on June 12, 2025."),
             chat_line("c-proxy", "fake-model"),
             {"custom_id": "j1", "method": "POST", "url": "/v1/judges/detect-hallucination",
              "body": verify_line("x")["body"]}]
    f = client.files.create(file=("input.jsonl", jsonl(lines)), purpose="batch")
    assert (f.object, f.purpose, f.filename, f.bytes) == ("file", "batch", "input.jsonl", len(jsonl(lines)))
    assert client.files.content(f.id).content == jsonl(lines)
    created = client.batches.create(input_file_id=f.id, endpoint="/v1/verify/reliability", completion_window="24h",
                                    metadata={"run": "t1"})
    assert created.status == "validating" and isinstance(created.created_at, int)
    batch = wait(client, created.id)
    assert batch.status == "completed" and batch.metadata == {"run": "t1"}
    assert (batch.request_counts.total, batch.request_counts.completed, batch.request_counts.failed) == (5, 5, 0)
    assert all(isinstance(t, int) for t in (batch.in_progress_at, batch.finalizing_at, batch.completed_at))
    out, err = results(client, batch)
    assert err == [] and batch.error_file_id is None
    by_id = {o["custom_id"]: o for o in out}
    assert [o["custom_id"] for o in out] == ["v1", "v2", "c-verify", "c-proxy", "j1"]
    assert all(o["id"].startswith("batch_req_") and o["error"] is None and o["response"]["status_code"] == 200
               for o in out)
    with srv.client() as http:
        direct = http.post("/v1/verify/reliability", json=lines[0]["body"]).json()
        direct_judge = http.post("/v1/judges/detect-hallucination", json=lines[4]["body"]).json()
    assert _without_ids(by_id["v1"]["response"]["body"]) == _without_ids(direct)
    assert _without_ids(by_id["j1"]["response"]["body"]) == _without_ids(direct_judge)
    assert by_id["v1"]["response"]["body"]["is_hallucination"] is True
    assert by_id["c-verify"]["response"]["body"]["verification"]["is_hallucination"] is True
    proxied = by_id["c-proxy"]["response"]["body"]
    assert proxied["choices"][0]["message"]["content"] == DUE and "fact_check_metadata" in proxied


def test_bad_bodies_go_to_the_error_file_with_line_numbers(client: openai.OpenAI) -> None:
    bad_body = {"custom_id": "nobody", "method": "POST", "url": "/v1/verify/reliability", "body": {"prompt": "x"}}
    streamed = chat_line("stream", "verify-reliability", answer="Due June.")
    streamed["body"]["stream"] = True
    batch = wait(client, submit(client, [verify_line("ok"), bad_body, streamed]))
    assert batch.status == "completed"
    assert (batch.request_counts.completed, batch.request_counts.failed) == (1, 2)
    out, err = results(client, batch)
    assert [o["custom_id"] for o in out] == ["ok"]
    errors = {e["custom_id"]: e for e in err}
    assert errors["nobody"]["response"] is None
    assert errors["nobody"]["error"] == {"code": "missing_field", "message": "line 2: missing required field `output`"}
    assert errors["stream"]["error"]["message"].startswith("line 3:")


def test_a_file_that_cannot_run_fails_validation_listing_every_bad_line(client: openai.OpenAI) -> None:
    lines = [verify_line("a"), "{not json", {"method": "POST", "url": "/v1/verify/reliability", "body": {}},
             verify_line("a"), {**verify_line("b"), "url": "/v1/embeddings"}, verify_line("c")]
    batch = wait(client, submit(client, lines))
    assert batch.status == "failed" and isinstance(batch.failed_at, int)
    got = [(e.line, e.code) for e in batch.errors.data]  # type: ignore[union-attr]
    assert got == [(2, "invalid_json"), (3, "missing_custom_id"), (4, "duplicate_custom_id"), (5, "invalid_url")]
    assert "repeats line 1" in batch.errors.data[2].message  # type: ignore[union-attr]


def test_list_paginates_with_after_and_limit(client: openai.OpenAI) -> None:
    ids = [submit(client, [verify_line("p")]) for _ in range(3)]
    page = client.batches.list(limit=2)
    assert [b.id for b in page.data] == ids[::-1][:2] and page.has_more
    nxt = client.batches.list(limit=2, after=page.data[-1].id)
    assert nxt.data[0].id == ids[0]
    assert [b.id for b in client.batches.list(limit=100).data[:3]] == ids[::-1]
    with pytest.raises(openai.BadRequestError):
        client.batches.list(limit=101)


def test_cancel_goes_cancelling_then_cancelled_with_partial_output(client: openai.OpenAI,
                                                                   upstream: FakeOpenAI) -> None:
    upstream.script(Reply.slow(1.5, DUE), Reply.slow(1.5, DUE))
    lines = [chat_line("slow1", "fake-model"), chat_line("slow2", "fake-model")]
    lines += [verify_line(f"later{i}") for i in range(10)]
    batch_id = submit(client, lines)
    wait(client, batch_id, until=("in_progress",))
    cancelling = client.batches.cancel(batch_id)
    assert cancelling.status == "cancelling" and isinstance(cancelling.cancelling_at, int)
    batch = wait(client, batch_id)
    assert batch.status == "cancelled" and isinstance(batch.cancelled_at, int)
    out, err = results(client, batch)
    assert [o["custom_id"] for o in out] == ["slow1", "slow2"]
    assert sorted(e["custom_id"] for e in err) == sorted(f"later{i}" for i in range(10))
    assert {e["error"]["code"] for e in err} == {"batch_cancelled"}
    with pytest.raises(openai.ConflictError):
        client.batches.cancel(batch_id)


def test_another_key_sees_404_for_files_and_batches(client: openai.OpenAI, srv: Server) -> None:
    f = client.files.create(file=("mine.jsonl", jsonl([verify_line("m")])), purpose="batch")
    batch_id = client.batches.create(input_file_id=f.id, endpoint="/v1/verify/reliability",
                                     completion_window="24h").id
    with openai.OpenAI(api_key=srv.new_key(), base_url=srv.url + "/v1", max_retries=0) as other:
        for call in (lambda: other.files.retrieve(f.id), lambda: other.files.content(f.id),
                     lambda: other.files.delete(f.id), lambda: other.batches.retrieve(batch_id),
                     lambda: other.batches.cancel(batch_id),
                     lambda: other.batches.create(input_file_id=f.id, endpoint="/v1/verify/reliability",
                                                  completion_window="24h")):
            with pytest.raises(openai.NotFoundError):
                call()
        assert other.batches.list().data == [] and other.files.list().data == []
    assert client.files.retrieve(f.id).id == f.id


def test_upload_over_max_file_bytes_is_413_even_streamed(client: openai.OpenAI, srv: Server) -> None:
    big = b'{"custom_id": "x"}\n' * 12000  # 228 kB > VERACITY_MAX_FILE_BYTES=100000
    with pytest.raises(openai.APIStatusError) as info:
        client.files.create(file=("big.jsonl", big), purpose="batch")
    assert info.value.status_code == 413 and "max_file_bytes" in info.value.message
    medium = b'{"custom_id": "x"}\n' * 6000  # 114 kB: passes the length check, stopped while streaming

    def chunks() -> Iterator[bytes]:
        yield b"--B\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n"
        yield b"--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.jsonl\"\r\n\r\n"
        for i in range(0, len(medium), 8192):
            yield medium[i:i + 8192]
        yield b"\r\n--B--\r\n"

    with srv.client() as http:
        r = http.post("/v1/files", content=chunks(), headers={"content-type": "multipart/form-data; boundary=B"})
        assert r.status_code == 413 and r.json()["error"]["code"] == "request_too_large"
        # over max_body_bytes (20000) but under max_file_bytes: uploads are not held to the JSON body limit
        ok = client.files.create(file=("mid.jsonl", b'{"custom_id": "y"}\n' * 2000), purpose="batch")
        assert ok.bytes == 38000
        assert not [p for p in (srv.data_dir / "files").iterdir() if p.name.endswith(".part")]
        assert http.delete(f"/v1/files/{ok.id}").json()["deleted"] is True
        assert http.get(f"/v1/files/{ok.id}").status_code == 404


def test_upload_rejects_a_bad_purpose(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as info:
        client.files.create(file=("a.jsonl", b"{}\n"), purpose="vision")  # type: ignore[arg-type]
    assert info.value.body["param"] == "purpose"  # type: ignore[index]
