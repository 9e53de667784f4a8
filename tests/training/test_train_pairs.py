"""Training pairs saved once and trained on elsewhere: `--save-pairs`, `--pairs`, `--max-pairs 0`."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from veracity.training.data import Pair, _negate_both
from veracity.training.train import main, parse_args, read_pairs, write_pairs

_PLACES = ["Lisbon", "Porto", "Braga", "Faro", "Coimbra", "Evora", "Sintra", "Aveiro"]


def _rows(n: int) -> list[dict[str, object]]:
    """``n`` written qa items, each a right and a hallucinated answer."""
    rows: list[dict[str, object]] = []
    for i in range(n):
        town, other = _PLACES[i % len(_PLACES)], _PLACES[(i + 3) % len(_PLACES)]
        ctx = (f"The Harbour Museum number {i} opened in {town} in {1900 + i}. It holds {40 + i} boats. "
               f"Its founder, Ana Reis, was born in {other}.")
        q = f"Where did Harbour Museum number {i} open?"
        base = {"source": "halueval-qa", "prompt": q, "context": ctx}
        rows.append({"id": f"halueval-qa-{i}-ok", "output": town, "is_hallucination": False, **base})
        rows.append({"id": f"halueval-qa-{i}-bad", "output": f"It opened in {other} in {1800 + i}.",
                     "is_hallucination": True, **base})
    return rows


def _data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name, n in (("halueval-train.jsonl.gz", 40), ("halueval-dev.jsonl.gz", 12)):
        with gzip.open(data / name, "wt", encoding="utf-8") as f:
            f.writelines(json.dumps(r) + "\n" for r in _rows(n))
    return data


def test_saved_pairs_read_back_as_they_were_written(tmp_path: Path) -> None:
    train = [Pair("Ev one.", "Q? [SEP] claim", 1, "halueval-qa", "halueval", 1),
             Pair("Ev two, with “quotes” and é.", "Q2 [SEP] other claim", 0, "records", "ok", 2)]
    dev = [Pair("Dev ev.", "Q3 [SEP] c", 0, "halueval-dialogue", "ok", 1)]
    path = tmp_path / "p.jsonl.xz"
    write_pairs(path, train, dev)
    assert read_pairs(path) == (train, dev)
    assert not path.with_name(path.name + ".tmp").exists()


def test_save_pairs_takes_every_pair_and_a_records_share_of_the_total(tmp_path: Path) -> None:
    data, path = _data_dir(tmp_path), tmp_path / "pairs.jsonl.xz"
    assert main(["--data", str(data), "--save-pairs", str(path), "--max-pairs", "0", "--records", "0.2",
                 "--dev-pairs", "30"]) == 0
    train, dev = read_pairs(path)
    halu = [p for p in train if p.source == "halueval-qa"]
    records = [p for p in train if p.source == "records"]
    assert len(halu) > 40  # every qa item gives several pairs, and all of them are kept
    assert len(records) == int(len(halu) * 0.2 / 0.8) // 2 * 2
    assert {p.label for p in records} == {0, 1} and dev
    # the same command gives the same pairs (fixed seeds)
    again = tmp_path / "again.jsonl.xz"
    main(["--data", str(data), "--save-pairs", str(again), "--max-pairs", "0", "--records", "0.2", "--dev-pairs", "30"])
    assert read_pairs(again) == (train, dev)


def test_a_capped_run_samples_at_most_max_pairs(tmp_path: Path) -> None:
    data, path = _data_dir(tmp_path), tmp_path / "pairs.jsonl.xz"
    main(["--data", str(data), "--save-pairs", str(path), "--max-pairs", "30"])
    train, _ = read_pairs(path)
    assert 0 < len(train) <= 30


@pytest.mark.parametrize("argv", [["--out", "o"], ["--data", "d"], ["--pairs", "p.jsonl.xz"]])
def test_a_run_needs_its_pairs_and_somewhere_to_write(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(argv)


def test_training_from_saved_pairs_needs_no_data_folder(tmp_path: Path) -> None:
    pairs = tmp_path / "p.jsonl.xz"
    write_pairs(pairs, [], [])
    args = parse_args(["--pairs", str(pairs), "--out", "o", "--device", "cpu"])
    assert args.data is None and args.pairs == pairs and args.device == "cpu"


def test_a_missing_pairs_file_is_named_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--pairs", str(tmp_path / "gone.jsonl.xz"), "--out", "o"])
    assert "gone.jsonl.xz: no such file" in capsys.readouterr().err


def test_name_swaps_add_right_claims_and_their_copies_naming_what_the_context_never_mentions(tmp_path: Path) -> None:
    data, path = _data_dir(tmp_path), tmp_path / "pairs.jsonl.xz"
    main(["--data", str(data), "--save-pairs", str(path), "--max-pairs", "30", "--name-swaps", "10"])
    train, _ = read_pairs(path)
    kept = [p for p in train if p.kind == "name-kept"]
    swapped = [p for p in train if p.kind == "name-swapped"]
    assert len(kept) == len(swapped) == 5 and {p.label for p in kept} == {0} and {p.label for p in swapped} == {1}
    for p in swapped:  # the answer, a town the context gives, became a town of another item's context
        town = p.query.split("[SEP]")[1].strip()
        assert town in _PLACES and town not in p.evidence


def _summary_rows(n: int) -> list[dict[str, object]]:
    """``n`` summarization items whose right summary restates one verb phrase of its document."""
    rows: list[dict[str, object]] = []
    for i in range(n):
        town = _PLACES[i % len(_PLACES)]
        doc = (f"The council met on Monday. The museum in {town} was opened by the mayor after {i + 2} years "
               f"of work. Visitors queued for hours.")
        base = {"source": "halueval-summarization", "prompt": "Summarize the document.", "context": doc}
        rows.append({"id": f"halueval-summarization-{i}-ok", "is_hallucination": False,
                     "output": f"The museum in {town} was opened by the mayor.", **base})
    return rows


def test_negation_pairs_negate_the_claim_and_its_evidence_sentence_alike(tmp_path: Path) -> None:
    data, path = _data_dir(tmp_path), tmp_path / "pairs.jsonl.xz"
    with gzip.open(data / "halueval-train.jsonl.gz", "at", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in _summary_rows(8))
    main(["--data", str(data), "--save-pairs", str(path), "--max-pairs", "30", "--negation-pairs", "12"])
    train, _ = read_pairs(path)
    kinds = {k: [p for p in train if p.kind == k]
             for k in ("negation-none", "negation-in-claim", "negation-kept", "negation-in-evidence")}
    assert [len(v) for v in kinds.values()] == [3, 3, 3, 3]
    for p in kinds["negation-none"]:
        assert p.label == 0 and "was opened" in p.query and "was opened" in p.evidence
    for p in kinds["negation-in-claim"]:
        assert p.label == 1 and "was not opened" in p.query and "was opened" in p.evidence
    for p in kinds["negation-kept"]:  # both sides say "was not opened": supported
        assert p.label == 0 and "was not opened" in p.query and "was not opened" in p.evidence
    for p in kinds["negation-in-evidence"]:  # only the evidence does: not supported
        assert p.label == 1 and "was opened" in p.query and "was not opened" in p.evidence


def test_negate_both_needs_the_sentence_that_states_the_claim() -> None:
    doc = "The museum was opened by the mayor. The bridge was closed in May."
    assert _negate_both("The bridge was closed for repairs in May.", doc) == (
        "The bridge was not closed for repairs in May.", "The museum was opened by the mayor. The bridge was not closed in May.")
    assert _negate_both("The stadium was closed after the storm.", doc) is None  # no sentence states it
    assert _negate_both("The museum was not opened by the mayor.", doc) is None  # already negated
