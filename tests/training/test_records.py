"""Synthetic structured records: right and wrong answers, worded alike, with the labels they deserve."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest

from veracity.evaluation.perturb import record_samples
from veracity.training.data import record_pairs
from veracity.training.records import FORMATS, HELD_OUT_SCHEMAS, TRAIN_SCHEMAS, generate, record_qa


def test_each_question_has_a_right_and_a_wrong_answer_worded_alike() -> None:
    items = list(generate(300, seed=3))
    assert len(items) == 600
    for good, bad in zip(items[::2], items[1::2]):
        assert (good.label, good.kind, bad.label) == (0, "ok", 1)
        assert good.prompt == bad.prompt and good.schema == bad.schema
        assert bad.kind in {"changed", "swapped", "other-row", "absent"}
        if bad.kind == "absent":
            assert bad.claim == good.claim and bad.context != good.context
        else:
            assert bad.claim != good.claim and bad.context == good.context
        # the same template: only the value differs, so length carries (almost) no signal
        assert abs(len(bad.claim.split()) - len(good.claim.split())) <= 2
    assert {i.kind for i in items} == {"ok", "changed", "swapped", "other-row", "absent"}


def test_every_format_is_written_and_json_parses() -> None:
    rng = random.Random(1)
    seen: Counter[str] = Counter()
    for _ in range(400):
        good, _bad = record_qa(TRAIN_SCHEMAS[0], rng)
        ctx = good.context
        if ctx.startswith(("{", "[")):
            seen["json"] += 1
            json.loads(ctx)
        elif ctx.startswith("| "):
            seen["markdown"] += 1
        elif " = " in ctx:
            seen["kv"] += 1
        elif ctx.startswith("Invoice\n"):
            seen["lines"] += 1
        elif "," in ctx.splitlines()[0] and "\n" in ctx:
            seen["csv"] += 1
        else:
            seen["compact"] += 1
    assert set(seen) == set(FORMATS) and min(seen.values()) >= 20


def test_deterministic_and_held_out_schemas_are_other_kinds() -> None:
    assert list(generate(50, seed=9)) == list(generate(50, seed=9))
    assert list(generate(50, seed=9)) != list(generate(50, seed=10))
    assert not {s.thing for s in TRAIN_SCHEMAS} & {s.thing for s in HELD_OUT_SCHEMAS}
    held = {s.thing for s in HELD_OUT_SCHEMAS}
    assert {r.schema for r in generate(40, seed=1, schemas=HELD_OUT_SCHEMAS)} == held


def test_training_pairs_are_balanced_and_built_like_the_runtime_pairs() -> None:
    pairs = record_pairs(100, seed=2)
    assert len(pairs) == 200 and Counter(p.label for p in pairs) == {0: 100, 1: 100}
    assert all(p.source == "records" and " [SEP] " in p.query and p.evidence for p in pairs)
    assert all(len(p.evidence.split()) <= 64 for p in pairs)  # focused like the checker's input


def test_eval_samples_come_from_held_out_records_with_the_kind_as_origin() -> None:
    samples = record_samples(30)
    assert len(samples) == 60 and {s.source for s in samples} == {"records"}
    right = [s for s in samples if not s.is_hallucination]
    wrong = [s for s in samples if s.is_hallucination]
    assert len(right) == len(wrong) == 30 and all(s.origin is None for s in right)
    assert {s.origin for s in wrong} <= {"changed", "swapped", "other-row", "absent"}
    assert len({s.id for s in samples}) == 60
    assert samples == record_samples(30)


@pytest.mark.parametrize("schema", TRAIN_SCHEMAS + HELD_OUT_SCHEMAS, ids=lambda s: s.thing)
def test_every_schema_generates(schema: object) -> None:
    rng = random.Random(4)
    for _ in range(30):
        good, bad = record_qa(schema, rng)  # type: ignore[arg-type]
        assert good.claim.endswith(".") and "{" not in good.claim and good.prompt.endswith("?")


def test_the_records_share_is_checked_before_any_work() -> None:
    from veracity.training.train import parse_args

    args = parse_args(["--data", "d", "--out", "o", "--init", "run/final", "--records", "0.4"])
    assert args.records == 0.4 and str(args.init) == "run/final"
    with pytest.raises(SystemExit):
        parse_args(["--data", "d", "--out", "o", "--records", "1.5"])
