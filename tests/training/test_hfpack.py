from __future__ import annotations

import json
from pathlib import Path

import pytest

from veracity.training.hfpack import pack, unpack

PACKED = Path(__file__).resolve().parent.parent / "fixtures" / "checker-hf-int8"


def test_packing_with_a_calibration_replaces_the_one_packed_before(tmp_path: Path) -> None:
    pytest.importorskip("safetensors")
    checkpoint = unpack(PACKED, tmp_path / "hf")
    before = json.loads((checkpoint / "config.json").read_text())["veracity"]
    assert before["name_gate"] is not None and "input_format" in before
    calibrated = tmp_path / "calibrated"
    calibrated.mkdir()  # recalibrated: calibrate dropped the name gate fitted before
    (calibrated / "config.json").write_text(json.dumps(
        {"max_length": 160, "temperature": 1.2, "bias": 0.1, "threshold": 0.41, "veto_p": 0.58}))
    pack(checkpoint, tmp_path / "packed", calibrated=calibrated)
    after = json.loads((tmp_path / "packed" / "config.json").read_text())["veracity"]
    assert "name_gate" not in after and "name_p" not in after  # 0.46 would stand above the threshold 0.41
    assert (after["temperature"], after["bias"], after["threshold"], after["veto_p"]) == (1.2, 0.1, 0.41, 0.58)
    assert after["input_format"] == before["input_format"]  # what is no calibration stays
