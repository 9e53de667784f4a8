"""Shared fixtures: a real `veracity serve` process on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.fakes.fixtures import fake_openai, fake_search  # noqa: F401  (shared fixtures)

# The wire, storage and protocol tests run on the deterministic rules judge; the default judges
# (the shipped checker with the rules vetoes) are tested in tests/judges/ and
# tests/api/test_default_judges.py, which set VERACITY_JUDGES themselves.
os.environ.setdefault("VERACITY_JUDGES", "rules")

SEED_CONTEXT = "InvID:INV7701B Co:OptiTech Client:Acme Amt:7116GBP Date:22May25 Due:21Jun25 Terms:N30 Ref:PO451C"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_cli(*args: str, data_dir: Path, env: dict[str, str] | None = None, check: bool = True,
            input: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "VERACITY_DATA_DIR": str(data_dir), **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "veracity", *args], capture_output=True, text=True,
                          env=full_env, timeout=240, input=input)
    if check and proc.returncode != 0:
        raise AssertionError(f"veracity {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


@dataclass
class Server:
    url: str
    data_dir: Path
    admin_key: str
    proc: subprocess.Popen[str]
    log: Path

    def client(self, key: str | None = None, **kw: object) -> httpx.Client:
        headers = {"Authorization": f"Bearer {key or self.admin_key}"}
        return httpx.Client(base_url=self.url, headers=headers, timeout=120, **kw)  # type: ignore[arg-type]

    def new_key(self, *extra: str) -> str:
        return run_cli("keys", "create", "--name", "test", *extra, data_dir=self.data_dir).stdout.strip().splitlines()[-1]


def start_server(data_dir: Path, env: dict[str, str] | None = None, admin_key: str | None = None) -> Server:
    data_dir.mkdir(parents=True, exist_ok=True)
    admin = admin_key or run_cli("keys", "create", "--admin", "--name", "admin", "--plan", "enterprise",
                                 data_dir=data_dir, env=env).stdout.strip().splitlines()[-1]
    port = free_port()
    log = data_dir / "server.log"
    full_env = {**os.environ, "VERACITY_DATA_DIR": str(data_dir), **(env or {})}
    proc = subprocess.Popen([sys.executable, "-m", "veracity", "serve", "--port", str(port)], env=full_env,
                            stdout=log.open("w"), stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited early:\n{log.read_text()}")
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return Server(url, data_dir, admin, proc, log)
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise AssertionError(f"server did not start:\n{log.read_text()}")


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.proc.kill()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("server"), env={"VERACITY_MAX_BODY_BYTES": "3000000"})
    yield srv
    stop_server(srv)


@pytest.fixture()
def http(server: Server) -> Iterator[httpx.Client]:
    with server.client() as c:
        yield c
