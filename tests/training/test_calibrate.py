"""The calibration's threshold rule: best balanced accuracy, and on a flat optimum the fewest false alarms."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from veracity.evaluation.runner import Sample
from veracity.training.calibrate import balanced_accuracy, best_threshold, dev_samples, write_config


def _scores(right: list[float], wrong: list[float]) -> tuple[np.ndarray, np.ndarray]:
    return np.array(right + wrong), np.array([0.0] * len(right) + [1.0] * len(wrong))


def test_a_clear_optimum_is_taken() -> None:
    p, y = _scores([0.1] * 50 + [0.3] * 50, [0.7] * 50 + [0.9] * 50)
    t = best_threshold(p, y)
    assert 0.3 < t <= 0.7 and balanced_accuracy(p, y, t) == 1.0


def test_on_a_flat_optimum_the_threshold_flagging_fewer_right_answers_wins() -> None:
    # at 0.6: 40 % of right answers flagged, 90 % of wrong ones caught (bacc 0.750);
    # at 0.85: 10 % flagged, 59.5 % caught (bacc 0.7475, within the margin): 0.85 is taken
    p, y = _scores([0.2] * 120 + [0.6] * 60 + [0.85] * 20, [0.2] * 20 + [0.6] * 61 + [0.85] * 119)
    assert best_threshold(p, y) == 0.85
    assert best_threshold(p, y, margin=0.0) == 0.6


def test_the_dev_draw_of_a_source_does_not_move_when_another_source_loses_samples() -> None:
    def sample(source: str, i: int, output: str = "") -> Sample:
        return Sample(f"{source}-{i}", source, "Tell me.", output or f"It opened in {1900 + i}.", "ctx", i % 2 == 0)

    qa = [sample("qa", i) for i in range(40)]
    dialogue = [sample("dialogue", i) for i in range(40)]
    asking = [sample("dialogue", 100 + i, "Do you like it?") for i in range(5)]  # nothing to judge
    before = dev_samples(dialogue + asking + qa, 10, seed=7)
    assert len(before) == 20 and not any(s.output.startswith("Do") for s in before)
    # dialogue samples left out (as a new filter would) move no qa sample
    after = dev_samples(dialogue[3:] + asking + qa, 10, seed=7)
    assert [s.id for s in before if s.source == "qa"] == [s.id for s in after if s.source == "qa"]
    assert [s.id for s in before] == [s.id for s in dev_samples(dialogue + asking + qa, 10, seed=7)]
    assert [s.id for s in before] != [s.id for s in dev_samples(dialogue + asking + qa, 10, seed=8)]


def test_a_new_calibration_drops_the_name_gate_fitted_to_the_old_one(tmp_path: Path) -> None:
    cfg = {"max_length": 160, "temperature": 1.5, "bias": -0.3, "threshold": 0.63, "veto_p": 0.63,
           "name_gate": 0.46, "name_p": 0.595, "input_format": "kept"}
    (tmp_path / "config.json").write_text(json.dumps(cfg))
    rep = {"temperature": 1.2, "bias": 0.1, "threshold": 0.41, "veto_p": 0.58, "ece15_before": 0.1,
           "ece15_after": 0.02, "outputs_all": {"n": 10}, "vetoes": {"n": 3}}
    assert write_config(tmp_path, rep) is True
    out = json.loads((tmp_path / "config.json").read_text())
    assert "name_gate" not in out and "name_p" not in out  # 0.46 stood above the new threshold 0.41
    assert (out["temperature"], out["bias"], out["threshold"], out["veto_p"]) == (1.2, 0.1, 0.41, 0.58)
    assert out["input_format"] == "kept" and out["calibration"]["data"].startswith("halueval-dev, 10 outputs")
    assert write_config(tmp_path, rep) is False  # nothing left to drop
