"""`veracity eval` on a small fixture whose predictions are known (the rules judge decides them)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.conftest import Server, run_cli

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "eval_small.jsonl"


def test_eval_metrics_on_known_predictions(tmp_path: Path) -> None:
    out = json.loads(run_cli("eval", str(FIXTURE), "--judge", "rules", "--json", data_dir=tmp_path).stdout)
    s = out["judges: rules"]
    # demo-invoice: 2 TP, 2 TN.  demo-lighthouse: 1 TP, 1 TN, 1 FP, 1 FN (two labels are wrong on purpose)
    assert s["demo-invoice"]["accuracy"] == 1.0 and s["demo-invoice"]["n"] == 4
    lh = s["demo-lighthouse"]
    assert (lh["accuracy"], lh["precision"], lh["recall"], lh["f1"], lh["balanced_accuracy"]) == (0.5, 0.5, 0.5, 0.5, 0.5)
    total = s["overall"]
    assert total["n"] == 8 and total["accuracy"] == pytest.approx(0.75) and total["precision"] == pytest.approx(0.75)
    assert total["recall"] == pytest.approx(0.75) and total["balanced_accuracy"] == pytest.approx(0.75)
    assert 0.0 <= total["ece"] <= 1.0 and total["latency_p95_ms"] >= total["latency_p50_ms"] > 0


def test_eval_reads_gzip_compares_baselines_and_prints_a_table(tmp_path: Path) -> None:
    gz = tmp_path / "small.jsonl.gz"
    gz.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    text = run_cli("eval", str(gz), "--judge", "rules", "--compare", "--quiet", data_dir=tmp_path).stdout
    assert "judges: rules" in text and "rules-only judge" in text and "length-only baseline" in text
    assert "bal.acc" in text and "demo-lighthouse" in text


def test_eval_against_a_running_server(server: Server, tmp_path: Path) -> None:
    out = json.loads(run_cli("eval", str(FIXTURE), "--server", server.url, "--key", server.admin_key, "--json",
                             data_dir=tmp_path).stdout)
    [(name, summary)] = out.items()
    assert name.startswith("server ") and summary["overall"]["n"] == 8


def test_eval_reports_a_bad_line_with_its_number(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(FIXTURE.read_text().splitlines()[0] + "\n{\"prompt\": \"no label\"}\n")
    proc = run_cli("eval", str(bad), data_dir=tmp_path, check=False)
    assert proc.returncode == 1 and "bad.jsonl:2" in proc.stderr


def test_eval_ood_builds_changed_variants(tmp_path: Path) -> None:
    out = json.loads(run_cli("eval", str(FIXTURE), "--judge", "rules", "--ood", "--json", data_dir=tmp_path).stdout)
    summary = out["judges: rules"]
    assert summary["ood-number"]["n"] >= 3 and summary["ood-untouched"]["n"] == 4
    assert summary["ood-number"]["recall"] == 1.0


def test_a_sample_refused_as_input_is_reported_not_scored(tmp_path: Path) -> None:
    odd = tmp_path / "odd.jsonl"
    odd.write_text(FIXTURE.read_text() + json.dumps({"id": "q-1", "source": "demo-invoice", "prompt": "?",
                                                    "output": "?", "context": "x", "is_hallucination": False}) + "\n")
    proc = run_cli("eval", str(odd), "--judge", "rules", "--json", data_dir=tmp_path)
    assert json.loads(proc.stdout)["judges: rules"]["overall"]["n"] == 8
    assert "sample q-1 not scored" in proc.stderr


def test_eval_on_generated_records_alone_and_added_to_a_file(tmp_path: Path) -> None:
    out = json.loads(run_cli("eval", "--records", "20", "--judge", "rules", "--json", data_dir=tmp_path).stdout)
    s = out["judges: rules"]
    assert s["records"]["n"] == 40 and s["overall"]["n"] == 40
    assert any(k.startswith("records (from ") for k in s)  # a row per kind of wrong answer
    both = json.loads(run_cli("eval", str(FIXTURE), "--records", "5", "--judge", "rules", "--json",
                              data_dir=tmp_path).stdout)["judges: rules"]
    assert both["overall"]["n"] == 8 + 10 and both["demo-invoice"]["n"] == 4


def test_eval_needs_a_file_or_records(tmp_path: Path) -> None:
    proc = run_cli("eval", data_dir=tmp_path, check=False)
    assert proc.returncode == 2 and "--records" in proc.stderr
