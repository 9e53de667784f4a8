"""Injected faults give clear errors; the server stays up and recovers when the fault clears.

How each fault is injected (real faults, no test hooks in the service):

* disk full: the store file lives on its own 2 MiB tmpfs (``mount -t tmpfs -o size=2m``);
  the test fills the rest of it with a file, then deletes that file.
  It needs root and mount rights (true in the project's container); elsewhere it skips.
* read-only: a tmpfs cannot be remounted read-only while SQLite holds its files open (EBUSY), and
  ``chmod`` does not stop root; so a second server opens the store through a read-only SQLite URI
  (``VERACITY_DATABASE_URL=sqlite:///file:PATH?mode=ro``). That fault does not clear in that
  process: the test shows the clear 503, that the server stays up, and that the writable one works.
* judge model unreadable: ``VERACITY_JUDGES=checker`` with ``VERACITY_CHECKER_MODEL_DIR``
  pointing at a directory whose ``model.onnx`` is garbage: the server refuses to start.
* upstream timeout and reset: see ``test_exposure.py`` (the fake upstream's ``Reply.slow``
  and ``Reply.reset``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import SEED_CONTEXT, Server, start_server, stop_server

BODY = {"prompt": "Due?", "output": "The invoice is due on 21 June 2025.", "context": SEED_CONTEXT}


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture()
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)):
        pytest.skip("needs root and mount rights to make a tiny (or read-only) filesystem")
    yield mnt
    _mount("-o", "remount,rw", str(mnt))
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


@pytest.fixture()
def on_tiny(tmp_path: Path, tiny_fs: Path) -> Iterator[Server]:
    env = {"VERACITY_DATABASE_URL": f"sqlite:///{tiny_fs / 'veracity.db'}"}
    srv = start_server(tmp_path / "data", env=env)
    yield srv
    stop_server(srv)


def _fill(directory: Path) -> Path:
    filler = directory / "filler"
    with filler.open("wb", buffering=0) as fh:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    fh.write(b"\0" * size)
            except OSError:
                pass
    return filler


def test_store_disk_full_is_503_then_recovers(on_tiny: Server, tiny_fs: Path) -> None:
    """The write that needs new space fails (a key with a 200 kB name: SQLite may still fit small writes in
    pages it holds), with a 503 that says the disk is full; freeing the space makes the same call work."""
    big = {"name": "n" * 200_000, "plan": "trial"}
    with on_tiny.client() as c:
        assert c.post("/v1/verify/reliability", json=BODY).status_code == 200
        filler = _fill(tiny_fs)
        r = c.post("/v1/keys", json=big)
        assert r.status_code == 503, r.text[:300]
        assert "is full: free space" in r.json()["error"]["message"]
        assert r.json()["error"]["code"] == "store_unavailable"
        assert httpx.get(on_tiny.url + "/health").status_code == 200, "the server stays up"
        filler.unlink()
        assert c.post("/v1/keys", json=big).status_code == 201
        assert c.post("/v1/verify/reliability", json=BODY).status_code == 200


def test_read_only_store_is_503_on_writes_while_the_writable_server_works(tmp_path: Path) -> None:
    """A second server opens the first one's store read-only (``file:...?mode=ro``): it starts, serves
    nothing that writes (503 naming the read-only store), and stays up; the first server is unaffected."""
    main = start_server(tmp_path / "data")
    db = main.data_dir / "veracity.db"
    try:
        env = {"VERACITY_DATABASE_URL": f"sqlite:///file:{db}?mode=ro"}
        ro = start_server(tmp_path / "ro", env=env, admin_key=main.admin_key)
        try:
            with ro.client() as c:
                r = c.post("/v1/verify/reliability", json=BODY)
                assert r.status_code == 503, r.text
                assert "read-only" in r.json()["error"]["message"] and r.json()["error"]["code"] == "store_unavailable"
                assert httpx.get(ro.url + "/health").status_code == 200, "the server stays up"
            with main.client() as c:
                assert c.post("/v1/verify/reliability", json=BODY).status_code == 200
        finally:
            stop_server(ro)
    finally:
        stop_server(main)


def test_garbage_judge_model_stops_the_server_from_starting_with_a_message_naming_the_file(tmp_path: Path) -> None:
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    shipped = Path(__file__).resolve().parents[2] / "veracity" / "models" / "checker"
    for f in shipped.glob("*"):
        if f.is_file() and f.name != "model.onnx":
            (model_dir / f.name).write_bytes(f.read_bytes())
    (model_dir / "model.onnx").write_bytes(b"this is not an onnx model")
    env = {**os.environ, "VERACITY_DATA_DIR": str(tmp_path / "data"), "VERACITY_JUDGES": "checker",
           "VERACITY_CHECKER_MODEL_DIR": str(model_dir)}
    proc = subprocess.run([sys.executable, "-m", "veracity", "serve", "--port", "1"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode != 0
    assert str(model_dir) in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
