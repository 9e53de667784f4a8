"""Authentication and key management over HTTP."""

from __future__ import annotations

import httpx

from tests.conftest import SEED_CONTEXT, Server

BODY = {"prompt": "Amount?", "output": "The invoice amount is 7,116 GBP.", "context": SEED_CONTEXT}


def assert_error(r: httpx.Response, status: int, type_: str) -> dict:
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert set(err) == {"message", "type", "param", "code"}
    assert err["type"] == type_ and err["message"]
    assert r.headers["x-request-id"]
    return err


def test_no_key_is_401_with_a_hint(server: Server) -> None:
    err = assert_error(httpx.post(server.url + "/v1/verify/reliability", json=BODY), 401, "authentication_error")
    assert "veracity keys create" in err["message"]


def test_bad_key_is_401(server: Server) -> None:
    with server.client("vk-not-a-real-key") as c:
        assert_error(c.post("/v1/verify/reliability", json=BODY), 401, "authentication_error")


def test_x_api_key_header_and_body_api_key_are_accepted(server: Server) -> None:
    key = server.new_key()
    r = httpx.post(server.url + "/v1/verify/reliability", json=BODY, headers={"x-api-key": key})
    assert r.status_code == 200, r.text
    r = httpx.post(server.url + "/v1/verify/reliability", json={**BODY, "api_key": key})
    assert r.status_code == 200, r.text


def test_revoked_key_is_refused_at_once(server: Server, http: httpx.Client) -> None:
    created = http.post("/v1/keys", json={"name": "short-lived"})
    assert created.status_code == 201, created.text
    secret, key_id = created.json()["key"], created.json()["id"]
    with server.client(secret) as c:
        assert c.post("/v1/verify/reliability", json=BODY).status_code == 200
        assert http.delete(f"/v1/keys/{key_id}").json()["revoked_at"] is not None
        err = assert_error(c.post("/v1/verify/reliability", json=BODY), 401, "authentication_error")
        assert err["code"] == "revoked_api_key"


def test_key_listing_never_shows_secrets(http: httpx.Client) -> None:
    created = http.post("/v1/keys", json={"name": "listed"}).json()
    listed = http.get("/v1/keys").json()
    assert listed["object"] == "list"
    row = next(k for k in listed["data"] if k["id"] == created["id"])
    assert "key" not in row and created["key"] not in str(listed)
    assert row["prefix"] == created["key"][: len(row["prefix"])]


def test_admin_routes_refuse_normal_keys(server: Server) -> None:
    with server.client(server.new_key()) as c:
        assert_error(c.get("/v1/keys"), 403, "permission_error")
        assert_error(c.post("/v1/keys", json={}), 403, "permission_error")


def test_revoking_an_unknown_key_is_404(http: httpx.Client) -> None:
    assert_error(http.delete("/v1/keys/key_nope"), 404, "not_found_error")


def test_keys_are_stored_hashed(server: Server, http: httpx.Client) -> None:
    secret = http.post("/v1/keys", json={"name": "hashed"}).json()["key"]
    raw = (server.data_dir / "veracity.db").read_bytes()
    wal = server.data_dir / "veracity.db-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    assert secret.encode() not in raw
