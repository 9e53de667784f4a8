"""Averaging two checkpoints: weight by weight, same model only."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load_file, save_file

from veracity.training.average import average


def _ckpt(path: Path, w: float, shape: tuple[int, ...] = (2, 3)) -> Path:
    path.mkdir(parents=True)
    save_file({"w": np.full(shape, w, dtype=np.float32), "ids": np.arange(3, dtype=np.int64)}, str(path / "model.safetensors"))
    (path / "config.json").write_text(json.dumps({"name": path.name}))
    (path / "tokenizer.json").write_text("{}")
    return path


def test_the_average_is_taken_weight_by_weight(tmp_path: Path) -> None:
    a, b = _ckpt(tmp_path / "a", 1.0), _ckpt(tmp_path / "b", 3.0)
    out = average(a, b, 0.25, tmp_path / "c")
    mixed = load_file(str(out / "model.safetensors"))
    assert np.allclose(mixed["w"], 1.5) and mixed["w"].dtype == np.float32
    assert mixed["ids"].tolist() == [0, 1, 2]  # integer tensors are copied, not averaged
    assert json.loads((out / "config.json").read_text()) == {"name": "b"}


def test_checkpoints_of_different_models_are_refused(tmp_path: Path) -> None:
    a, b = _ckpt(tmp_path / "a", 1.0), _ckpt(tmp_path / "b", 3.0, shape=(3, 3))
    with pytest.raises(ValueError, match="not checkpoints of the same model"):
        average(a, b, 0.5, tmp_path / "c")
