"""The CLI's stable forms, run as real subprocesses (`python -m veracity`)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import SEED_CONTEXT, run_cli


def test_keys_create_prints_the_key_alone_on_the_last_line(tmp_path: Path) -> None:
    out = run_cli("keys", "create", "--name", "ci", data_dir=tmp_path).stdout
    key = out.strip().splitlines()[-1]
    assert key.startswith("vk-") and " " not in key and len(key) > 30
    listed = run_cli("keys", "list", data_dir=tmp_path).stdout
    assert "ci" in listed and key not in listed and key[:7] in listed


def test_keys_revoke_and_unknown_id(tmp_path: Path) -> None:
    run_cli("keys", "create", data_dir=tmp_path)
    with sqlite3.connect(tmp_path / "veracity.db") as db:
        key_id = db.execute("SELECT id FROM api_keys").fetchone()[0]
    assert "Revoked" in run_cli("keys", "revoke", key_id, data_dir=tmp_path).stdout
    assert "revoked" in run_cli("keys", "list", data_dir=tmp_path).stdout
    bad = run_cli("keys", "revoke", "key_missing", data_dir=tmp_path, check=False)
    assert bad.returncode == 1 and "veracity keys list" in bad.stderr and "Traceback" not in bad.stderr


def test_data_dir_flag_and_env_agree(tmp_path: Path) -> None:
    other = tmp_path / "other"
    run_cli("keys", "create", "--data-dir", str(other), data_dir=tmp_path)
    assert (other / "veracity.db").exists() and not (tmp_path / "veracity.db").exists()


def test_check_json_is_the_reliability_object(tmp_path: Path) -> None:
    out = run_cli("check", "--prompt", "When is it due?", "--output", "The invoice is due on June 12, 2025.",
                  "--context", SEED_CONTEXT, "--json", data_dir=tmp_path).stdout
    body = json.loads(out)
    assert body["verdict"] == "hallucination" and body["is_hallucination"] is True
    assert body["claims"][0]["span"] == [0, len("The invoice is due on June 12, 2025.")]


def test_check_human_output_marks_the_failing_claim(tmp_path: Path) -> None:
    ctx = tmp_path / "ctx.txt"
    ctx.write_text(SEED_CONTEXT)
    out = run_cli("check", "--output", "The invoice amount is 7,116 GBP. The invoice is due on June 12, 2025.",
                  "--context-file", str(ctx), data_dir=tmp_path).stdout
    assert "Verdict: HALLUCINATION" in out
    assert ">>The invoice is due on June 12, 2025.<<" in out
    assert ">>The invoice amount" not in out
    assert "evidence (context" in out and "21Jun25" in out


def test_check_supported_seed_cases(tmp_path: Path) -> None:
    for output in ("The Invoice date is: May 22, 2025", "The invoice amount is 7,116 GBP."):
        out = run_cli("check", "--output", output, "--context", SEED_CONTEXT, data_dir=tmp_path).stdout
        assert "Verdict: SUPPORTED" in out, out


def test_check_rejects_both_context_forms(tmp_path: Path) -> None:
    ctx = tmp_path / "c.txt"
    ctx.write_text("x")
    bad = run_cli("check", "--output", "o", "--context", "c", "--context-file", str(ctx), data_dir=tmp_path, check=False)
    assert bad.returncode == 2 and "not both" in bad.stderr


def test_kb_add_then_open_mode_check_uses_it(tmp_path: Path) -> None:
    doc = tmp_path / "facts.md"
    doc.write_text("# Lighthouse\nThe Brightwater lighthouse was built in 1874 and is 42 metres tall.\n")
    assert "Added facts.md" in run_cli("kb", "add", str(doc), data_dir=tmp_path).stdout
    assert "facts.md" in run_cli("kb", "list", data_dir=tmp_path).stdout
    ok = json.loads(run_cli("check", "--prompt", "How tall is the Brightwater lighthouse?", "--output",
                            "The Brightwater lighthouse is 42 metres tall.", "--json", data_dir=tmp_path).stdout)
    bad = json.loads(run_cli("check", "--prompt", "How tall is the Brightwater lighthouse?", "--output",
                             "The Brightwater lighthouse is 57 metres tall.", "--json", data_dir=tmp_path).stdout)
    assert ok["verdict"] == "supported", ok["explanation"]
    assert bad["verdict"] == "hallucination", bad["explanation"]
    assert ok["claims"][0]["evidence"][0]["source"] == "kb:facts.md"
    unknown = json.loads(run_cli("check", "--output", "Quantum ferrets compose sonnets.", "--json",
                                 data_dir=tmp_path).stdout)
    assert unknown["verdict"] == "unverifiable"
    run_cli("kb", "remove", "facts.md", data_dir=tmp_path)
    gone = json.loads(run_cli("check", "--output", "The Brightwater lighthouse is 42 metres tall.", "--json",
                              data_dir=tmp_path).stdout)
    assert gone["verdict"] == "unverifiable"


def test_config_show_masks_secrets_and_reflects_env(tmp_path: Path) -> None:
    out = run_cli("config", "show", data_dir=tmp_path,
                  env={"VERACITY_DATABASE_URL": "postgresql://vera:s3cret@db/v", "VERACITY_PORT": "8123"}).stdout
    shown = json.loads(out)
    assert shown["port"] == 8123 and shown["database_url"] == "postgresql://vera:****@db/v"
    assert "s3cret" not in out
    (tmp_path / "veracity.toml").write_text('[veracity]\nport = 9001\nunverifiable_is_hallucination = false\n')
    shown = json.loads(run_cli("config", "show", data_dir=tmp_path).stdout)
    assert shown["port"] == 9001 and shown["unverifiable_is_hallucination"] is False
    bad = run_cli("config", "show", data_dir=tmp_path, env={"VERACITY_PORT": "notaport"}, check=False)
    assert bad.returncode == 1 and "VERACITY_PORT" in bad.stderr


def test_version_and_help(tmp_path: Path) -> None:
    assert "veracity" in run_cli("--version", data_dir=tmp_path).stdout
    help_text = run_cli("--help", data_dir=tmp_path).stdout
    for command in ("serve", "keys", "check", "kb", "config"):
        assert command in help_text
