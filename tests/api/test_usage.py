"""GET /v1/usage and `veracity usage`: per day and endpoint, errors counted, each key sees its own."""

from __future__ import annotations

import json

from tests.conftest import SEED_CONTEXT, Server, run_cli

WRONG = {"prompt": "When is the invoice due?", "output": "The invoice is due on June 12, 2025.", "context": SEED_CONTEXT}


def test_usage_by_day_and_endpoint_with_errors_and_hallucinations(server: Server) -> None:
    key = server.new_key()
    with server.client(key) as c:
        assert c.post("/v1/verify/reliability", json=WRONG).status_code == 200
        assert c.post("/v1/verify/reliability", json={"prompt": "p"}).status_code == 400
        chat = {"model": "verify-reliability", "messages": [{"role": "user", "content": "Due?"},
                                                            {"role": "assistant", "content": "Yes."}]}
        assert c.post("/v1/chat/completions", json=chat).status_code == 200
        r = c.get("/v1/usage", params={"days": 1})
    assert r.status_code == 200, r.text
    report = r.json()
    rows = {row["endpoint"]: row for row in report["data"]}
    verify = rows["/v1/verify/reliability"]
    assert (verify["requests"], verify["errors"], verify["hallucinations"]) == (2, 1, 1)
    assert verify["total_tokens"] > 0 and verify["avg_latency_ms"] > 0
    assert rows["/v1/chat/completions"]["requests"] == 1
    assert set(rows) == {"/v1/verify/reliability", "/v1/chat/completions"}  # this GET is recorded when it answers
    assert report["key_id"] and report["object"] == "list"


def test_a_key_reads_only_its_own_usage_and_admins_read_anyones(server: Server) -> None:
    mine, other = server.new_key(), server.new_key()
    with server.client(other) as c:
        c.post("/v1/verify/reliability", json=WRONG)
        other_id = c.get("/v1/usage").json()["key_id"]
    with server.client(mine) as c:
        assert c.get("/v1/usage", params={"key_id": other_id}).status_code == 403
        assert c.get("/v1/usage", params={"all": "true"}).json()["error"]["type"] == "permission_error"
        assert all(row["endpoint"] != "/v1/verify/reliability" for row in c.get("/v1/usage").json()["data"])
    with server.client() as admin:
        theirs = admin.get("/v1/usage", params={"key_id": other_id}).json()
        everyone = admin.get("/v1/usage", params={"all": "true"}).json()
    assert {r["endpoint"] for r in theirs["data"]} == {"/v1/verify/reliability", "/v1/usage"}
    assert everyone["key_id"] is None and sum(r["requests"] for r in everyone["data"]) >= 2


def test_cli_usage_summarises_per_key(server: Server) -> None:
    key = server.new_key()
    with server.client(key) as c:
        c.post("/v1/verify/reliability", json=WRONG)
        key_id = c.get("/v1/usage").json()["key_id"]
    rows = json.loads(run_cli("usage", "--days", "2", "--key", key_id, "--json", data_dir=server.data_dir).stdout)
    assert [(r["endpoint"], r["requests"], r["hallucinations"]) for r in rows] == [
        ("/v1/usage", 1, 0), ("/v1/verify/reliability", 1, 1)]
    table = run_cli("usage", "--days", "1", data_dir=server.data_dir).stdout
    assert "ENDPOINT" in table and "/v1/verify/reliability" in table and "total" in table
