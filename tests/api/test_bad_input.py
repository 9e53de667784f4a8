"""Every bad input gets a clear 4xx in the contract's shape, naming the field."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import httpx
import pytest

from tests.api.test_auth import assert_error
from tests.conftest import Server

URL = "/v1/verify/reliability"


def test_invalid_json_is_400(http: httpx.Client) -> None:
    r = http.post(URL, content=b'{"prompt": "x", "output": ', headers={"content-type": "application/json"})
    err = assert_error(r, 400, "invalid_request_error")
    assert "JSON" in err["message"]


@pytest.mark.parametrize("missing", ["prompt", "output"])
def test_missing_field_is_400_naming_it(http: httpx.Client, missing: str) -> None:
    body = {"prompt": "p", "output": "o is fine."}
    del body[missing]
    err = assert_error(http.post(URL, json=body), 400, "invalid_request_error")
    assert err["param"] == missing and missing in err["message"]


@pytest.mark.parametrize(("field", "value"), [("prompt", 12), ("output", ["a"]), ("context", {"a": 1}),
                                              ("return_search_results", "maybe")])
def test_wrong_type_is_400_naming_the_field(http: httpx.Client, field: str, value: object) -> None:
    body: dict[str, object] = {"prompt": "p", "output": "Paris is in France.", field: value}
    err = assert_error(http.post(URL, json=body), 400, "invalid_request_error")
    assert err["param"] == field


@pytest.mark.parametrize("output", ["", "   \n "])
def test_empty_output_is_400(http: httpx.Client, output: str) -> None:
    err = assert_error(http.post(URL, json={"prompt": "p", "output": output}), 400, "invalid_request_error")
    assert err["param"] == "output"


def test_body_that_is_not_an_object_is_400(http: httpx.Client) -> None:
    assert_error(http.post(URL, json=["prompt", "output"]), 400, "invalid_request_error")


def test_body_over_the_limit_is_413(http: httpx.Client) -> None:
    big = {"prompt": "p", "output": "The sky is blue.", "context": "word " * 700_000}
    err = assert_error(http.post(URL, json=big), 413, "invalid_request_error")
    assert "limit" in err["message"]


def test_raw_request_without_content_length_over_the_limit_is_413(server: Server) -> None:
    """A chunked body (no Content-Length) is counted as it streams in."""
    host = urlsplit(server.url)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    payload = json.dumps({"prompt": "p", "output": "x", "context": "y" * 3_500_000}).encode()
    chunks = (payload[i:i + 65536] for i in range(0, len(payload), 65536))
    conn.request("POST", URL, body=chunks, encode_chunked=True,
                 headers={"Authorization": f"Bearer {server.admin_key}", "Content-Type": "application/json"})
    resp = conn.getresponse()
    assert resp.status == 413
    assert json.loads(resp.read())["error"]["type"] == "invalid_request_error"
    assert resp.getheader("x-request-id")


def test_raw_http_request_like_curl(server: Server) -> None:
    host = urlsplit(server.url)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    body = '{"prompt":"Amount?","output":"The invoice amount is 7,116 GBP.","context":"Amt:7116GBP"}'
    conn.request("POST", URL, body=body, headers={"Authorization": f"Bearer {server.admin_key}",
                                                  "Content-Type": "application/x-www-form-urlencoded"})
    resp = conn.getresponse()
    data = json.loads(resp.read())
    assert resp.status == 200, data
    assert data["verdict"] == "supported"
