"""The `hf:PATH` judge: output conventions always; the full load through transformers on the
shipped checker's own Hugging Face export (kept int8-packed in tests/fixtures/checker-hf-int8 and
unpacked here; `VERACITY_TEST_HF_MODEL` points at another export instead)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from veracity.judges.hf import _supported_index

PACKED = Path(__file__).resolve().parent.parent / "fixtures" / "checker-hf-int8"
HF_ENV = os.environ.get("VERACITY_TEST_HF_MODEL")


@pytest.fixture(scope="module")
def hf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    if HF_ENV:
        return Path(HF_ENV)
    from veracity.training.hfpack import unpack

    return unpack(PACKED, tmp_path_factory.mktemp("hf") / "checker")


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


def test_hf_judge_loads_the_checkers_own_export_and_agrees_with_the_onnx_checker(hf_dir: Path) -> None:
    from veracity.engine.types import Claim, Evidence, JudgeInput
    from veracity.judges.checker import CheckerJudge
    from veracity.judges.hf import HFJudge

    hf, onnx = HFJudge(str(hf_dir)), CheckerJudge()
    ev = (Evidence("The Kestrel bridge opened in 1931 and is 412 metres long.", "context", (0, 57)),)
    items = [JudgeInput("How long is the bridge?", Claim(t, (0, len(t))), ev, "rag")
             for t in ("The bridge is 412 metres long.", "The bridge was designed by a famous Italian painter.")]
    a, b = hf.judge(items), onnx.judge(items)
    assert hf.name == f"hf:{hf_dir}" and hf.threshold == onnx.threshold  # calibration travels in the config
    assert hf.veto_p == onnx.veto_p is not None and (hf.name_gate, hf.name_p) == (onnx.name_gate, onnx.name_p)
    assert [v.verdict for v in a] == [v.verdict for v in b] == ["supported", "hallucination"]
    for x, y in zip(a, b):  # the same int8-stored weights, computed in fp32 by transformers and by onnxruntime
        assert abs((x.p_hallucination or 0) - (y.p_hallucination or 0)) < 0.02


@pytest.mark.parametrize(("change", "message"), [
    ({"veto_p": 0.3}, "invalid veto_p"),
    ({"threshold": 1.5}, "invalid temperature/threshold"),
    ({"input_format": "focused evidence|question [SEP] claim v2"}, "input format"),
    ({"temperature": "warm"}, r"config\.json is corrupt \(ValueError"),
    ({"name_p": [0.6]}, r"config\.json is corrupt \(TypeError"),
])
def test_a_bad_calibration_or_an_older_input_format_is_refused_at_load(
        hf_dir: Path, tmp_path: Path, change: dict[str, object], message: str) -> None:
    import json
    import shutil

    from veracity.errors import ModelLoadError
    from veracity.judges.hf import HFJudge

    bad = tmp_path / "bad"
    shutil.copytree(hf_dir, bad)
    cfg = json.loads((bad / "config.json").read_text())
    cfg["veracity"] = cfg["veracity"] | change
    (bad / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(ModelLoadError, match=message):
        HFJudge(str(bad))
