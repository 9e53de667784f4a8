"""One server with debug logging and a fake upstream: secrets never reach the log, user-supplied
URLs are never fetched, and upstream faults (timeout, reset) give clear errors the server
recovers from."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from tests.conftest import SEED_CONTEXT, Server, start_server, stop_server
from tests.fakes._http import FakeServer, RecordedRequest
from tests.fakes.fixtures import FAKE_LLM_KEY
from tests.fakes.openai_server import FakeOpenAI, Reply


class Canary(FakeServer):
    """A local HTTP server that must never be called: it answers, and records, anything."""

    def handle(self, h: BaseHTTPRequestHandler, req: RecordedRequest) -> None:
        self.send_raw(h, 200, b"\x89PNG fake image", "image/png")


@pytest.fixture(scope="module")
def upstream() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key=FAKE_LLM_KEY) as fake:
        yield fake


@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory, upstream: FakeOpenAI) -> Iterator[Server]:
    env = {"VERACITY_LOG_LEVEL": "debug", "VERACITY_UPSTREAM_BASE_URL": upstream.url,
           "VERACITY_UPSTREAM_API_KEY": FAKE_LLM_KEY, "VERACITY_UPSTREAM_TIMEOUT": "1"}
    server = start_server(tmp_path_factory.mktemp("exposed"), env=env)
    yield server
    stop_server(server)


def test_user_supplied_urls_are_never_fetched(srv: Server, upstream: FakeOpenAI) -> None:
    with Canary() as canary:
        link = canary.base + "/secret.png"
        messages = [{"role": "system", "content": f"Invoice record: {SEED_CONTEXT}"},
                    {"role": "user", "content": [{"type": "text", "text": f"See {link} and say when it is due."},
                                                 {"type": "image_url", "image_url": {"url": link}}]},
                    {"role": "assistant", "content": f"It is due on 21 June 2025, see {link}."}]
        with srv.client() as c:
            verified = c.post("/v1/chat/completions", json={"model": "verify-reliability", "messages": messages})
            proxied = c.post("/v1/chat/completions", json={"model": "fake-model", "messages": messages[:2]})
            judged = c.post("/v1/verify/reliability", json={"prompt": link, "output": f"See {link}.",
                                                            "context": f"The image is at {link}."})
        assert (verified.status_code, proxied.status_code, judged.status_code) == (200, 200, 200), proxied.text
        assert canary.requests == [], "Veracity fetched a user-supplied URL"
    assert upstream.chat_requests[-1]["messages"][1]["content"][1]["image_url"]["url"] == link  # forwarded as data


@pytest.mark.parametrize("fault, status", [(Reply.slow(3), 504), (Reply.reset(), 502)])
def test_upstream_timeout_or_reset_is_a_clear_error_and_the_next_call_works(srv: Server, upstream: FakeOpenAI,
                                                                            fault: Reply, status: int) -> None:
    chat = {"model": "fake-model", "messages": [{"role": "user", "content": "Say hi."}]}
    upstream.script(fault)
    with srv.client() as c:
        r = c.post("/v1/chat/completions", json=chat)
        assert r.status_code == status and r.json()["error"]["message"], r.text
        assert c.post("/v1/chat/completions", json=chat).status_code == 200


def test_api_keys_never_appear_in_the_debug_log(srv: Server) -> None:
    good, wrong = srv.new_key(), "vk-" + "W" * 43
    body = {"prompt": "Due?", "output": "Due on 21 June 2025.", "context": SEED_CONTEXT}
    with srv.client(good) as c:
        assert c.post("/v1/verify/reliability", json=body).status_code == 200
        assert c.post("/v1/verify/reliability", json={**body, "api_key": good}, headers={"Authorization": ""}
                      ).status_code == 200
    with srv.client(wrong) as c:
        assert c.post("/v1/verify/reliability", json=body).status_code == 401
        assert c.get("/v1/models", headers={"x-api-key": wrong, "Authorization": ""}).status_code == 401
    stop_server(srv)  # flush and close the log before reading it (last test of the module)
    log = srv.log.read_text()
    assert "DEBUG" in log or "debug" in log.lower(), "the server did not log at debug level"
    for secret in (good, wrong, srv.admin_key, FAKE_LLM_KEY):
        assert secret not in log
