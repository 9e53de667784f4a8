"""`veracity batch run` (local, resumable) and `batch submit/status/list/download` against a server."""

from __future__ import annotations

import json
from pathlib import Path

from tests.batches.helpers import jsonl, verify_line
from tests.conftest import Server, run_cli

GOOD = "The invoice amount is 7116 GBP."


def _input(tmp_path: Path) -> Path:
    lines = [verify_line("w1", source="web"), verify_line("w2", GOOD, source="web"),
             verify_line("w3", GOOD, source="web"), verify_line("l1", source="logs"),
             {**verify_line("l2", GOOD), "metadata": {"source": "logs"}},
             {**verify_line("bad"), "body": {"prompt": "no output"}}]
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl(lines))
    return path


def _ids(path: Path) -> list[str]:
    return [json.loads(x)["custom_id"] for x in path.read_text().splitlines()]


def test_batch_run_locally_then_resume_after_a_crash(tmp_path: Path) -> None:
    src, out = _input(tmp_path), tmp_path / "out.jsonl"
    proc = run_cli("batch", "run", str(src), "--output", str(out), "--concurrency", "2", data_dir=tmp_path)
    assert sorted(_ids(out)) == sorted(["w1", "w2", "w3", "l1", "l2", "bad"])
    summary = proc.stdout
    assert "completed" in summary and "web" in summary and "33.3%" in summary and "logs" in summary
    assert "50.0%" in summary and "verifying" in proc.stderr  # the progress bar
    rows = {json.loads(x)["custom_id"]: json.loads(x) for x in out.read_text().splitlines()}
    assert rows["bad"]["error"]["message"] == "line 6: missing required field `output`"
    assert rows["w1"]["response"]["body"]["is_hallucination"] is True
    # a crash: the last two results are lost and a third was torn mid-write
    kept = out.read_text().splitlines()[:3]
    out.write_text("\n".join(kept) + "\n" + '{"id": "batch_req_x", "custom_id": "w')
    refused = run_cli("batch", "run", str(src), "--output", str(out), data_dir=tmp_path, check=False)
    assert refused.returncode == 1 and "--resume" in refused.stderr
    resumed = run_cli("batch", "run", str(src), "--output", str(out), "--resume", data_dir=tmp_path)
    assert sorted(_ids(out)) == sorted(["w1", "w2", "w3", "l1", "l2", "bad"]) and _ids(out)[:3] == [
        json.loads(x)["custom_id"] for x in kept]
    assert "skipped (resume)" in resumed.stdout and " 3\n" in resumed.stdout


def test_batch_run_refuses_a_file_that_cannot_run(tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_bytes(jsonl([verify_line("a"), "oops", verify_line("a")]))
    proc = run_cli("batch", "run", str(src), "--output", str(tmp_path / "o.jsonl"), data_dir=tmp_path, check=False)
    assert proc.returncode == 1 and "line 2 is not valid JSON" in proc.stderr and "repeats line 1" in proc.stderr


def test_batch_submit_status_list_download_against_a_server(server: Server, tmp_path: Path) -> None:
    env = {"VERACITY_API_KEY": server.admin_key}
    src = _input(tmp_path)
    proc = run_cli("batch", "submit", str(src), "--url", server.url, "--wait", data_dir=tmp_path, env=env)
    batch_id = proc.stdout.strip().splitlines()[-1]
    assert batch_id.startswith("batch_") and "completed" in proc.stdout
    status = run_cli("batch", "status", batch_id, "--url", server.url, data_dir=tmp_path, env=env).stdout
    assert "5 completed, 1 failed of 6" in status
    listed = run_cli("batch", "list", "--url", server.url, "--limit", "1", data_dir=tmp_path, env=env).stdout
    assert batch_id in listed
    out = tmp_path / "server_out.jsonl"
    run_cli("batch", "download", batch_id, "--url", server.url, "--output", str(out), data_dir=tmp_path, env=env)
    assert sorted(_ids(out)) == ["l1", "l2", "w1", "w2", "w3"]
    assert _ids(tmp_path / "server_out.errors.jsonl") == ["bad"]
    nokey = run_cli("batch", "status", batch_id, "--url", server.url, data_dir=tmp_path, check=False,
                    env={"VERACITY_API_KEY": ""})
    assert nokey.returncode == 1 and "veracity keys create" in nokey.stderr


def test_batch_submit_wait_exits_1_when_the_batch_fails_validation(server: Server, tmp_path: Path) -> None:
    src = tmp_path / "dup.jsonl"
    src.write_bytes(jsonl([verify_line("a"), verify_line("a")]))  # a repeated custom_id: the batch fails
    proc = run_cli("batch", "submit", str(src), "--url", server.url, "--wait", data_dir=tmp_path, check=False,
                   env={"VERACITY_API_KEY": server.admin_key})
    assert proc.returncode == 1 and "failed" in proc.stdout and proc.stdout.strip().splitlines()[-1].startswith("batch_")
