"""The `hf:PATH` judge: output conventions always; the full load when torch, transformers and a
Hugging Face export of the checker are present (`VERACITY_TEST_HF_MODEL`, or tests/fixtures/checker-hf)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from veracity.judges.hf import _supported_index

HF_DIR = Path(os.environ.get("VERACITY_TEST_HF_MODEL", Path(__file__).resolve().parent.parent / "fixtures" / "checker-hf"))


def test_supported_label_is_found_by_name_else_index_one() -> None:
    assert _supported_index({0: "SUPPORTED", 1: "NOT_SUPPORTED"}, 2) == 0
    assert _supported_index({0: "hallucinated", 1: "consistent"}, 2) == 1
    assert _supported_index({0: "entailment", 1: "neutral", 2: "contradiction"}, 3) == 0
    assert _supported_index({0: "LABEL_0", 1: "LABEL_1"}, 2) == 1


def test_not_supported_logit_for_each_output_convention() -> None:
    from veracity.judges.hf import HFJudge

    judge = HFJudge.__new__(HFJudge)  # the conversion alone, without loading a model
    judge.num_labels, judge.pos, judge.own_format = 1, 0, True
    assert judge._not_supported_logit(np.array([[2.0]]))[0] == 2.0
    judge.own_format = False  # a consistency score: higher means supported
    assert judge._not_supported_logit(np.array([[2.0]]))[0] == -2.0
    judge.num_labels, judge.pos = 2, 1
    out = judge._not_supported_logit(np.array([[1.0, 3.0]]))
    assert out[0] == pytest.approx(-2.0)


@pytest.mark.skipif(not (HF_DIR / "config.json").is_file(), reason=f"no Hugging Face export at {HF_DIR}")
def test_hf_judge_loads_the_checkers_own_export_and_agrees_with_the_onnx_checker() -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from veracity.engine.types import Claim, Evidence, JudgeInput
    from veracity.judges.checker import CheckerJudge
    from veracity.judges.hf import HFJudge

    hf, onnx = HFJudge(str(HF_DIR)), CheckerJudge()
    ev = (Evidence("The Kestrel bridge opened in 1931 and is 412 metres long.", "context", (0, 57)),)
    items = [JudgeInput("How long is the bridge?", Claim(t, (0, len(t))), ev, "rag")
             for t in ("The bridge is 412 metres long.", "The bridge was designed by a famous Italian painter.")]
    a, b = hf.judge(items), onnx.judge(items)
    for x, y in zip(a, b):  # fp32 through transformers vs int8 through onnxruntime
        assert abs((x.p_hallucination or 0) - (y.p_hallucination or 0)) < 0.05
        if abs((y.p_hallucination or 0) - onnx.threshold) > 0.05:
            assert x.verdict == y.verdict
