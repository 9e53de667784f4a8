"""`veracity serve` on an empty data directory: first admin key printed once, then usable."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import SEED_CONTEXT, free_port, run_cli


def _serve(data_dir: Path, port: int) -> tuple[subprocess.Popen[str], list[str]]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "veracity", "serve", "--port", str(port), "--data-dir", str(data_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    lines: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)
        if "POST http://" in line:
            break
    return proc, lines


def _wait_health(url: str) -> None:
    for _ in range(200):
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("server did not come up")


def test_first_serve_creates_prints_and_then_reuses_an_admin_key(tmp_path: Path) -> None:
    port = free_port()
    proc, lines = _serve(tmp_path, port)
    try:
        text = "".join(lines)
        match = re.search(r"^\s+(vk-\S+)$", text, re.MULTILINE)
        assert match, text
        key = match.group(1)
        assert "curl -s http://127.0.0.1:" in text and key in text.split("curl", 1)[1]
        _wait_health(f"http://127.0.0.1:{port}")
        r = httpx.post(f"http://127.0.0.1:{port}/v1/verify/reliability", headers={"Authorization": f"Bearer {key}"},
                       json={"prompt": "Amount?", "output": "The invoice amount is 7,116 GBP.", "context": SEED_CONTEXT})
        assert r.status_code == 200 and r.json()["verdict"] == "supported"
        assert httpx.get(f"http://127.0.0.1:{port}/v1/keys", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    listed = run_cli("keys", "list", data_dir=tmp_path).stdout
    assert listed.count("first admin key") == 1
    proc, lines = _serve(tmp_path, free_port())  # second start: no new key, nothing secret printed
    proc.terminate()
    proc.wait(timeout=20)
    assert not any(re.search(r"vk-\S{20,}", line) for line in lines)
    assert run_cli("keys", "list", data_dir=tmp_path).stdout.count("first admin key") == 1
