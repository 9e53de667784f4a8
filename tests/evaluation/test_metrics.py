"""Metrics on hand-computed cases."""

from __future__ import annotations

import pytest

from veracity.evaluation.metrics import compute, expected_calibration_error, percentile
from veracity.evaluation.predictors import LengthBaseline
from veracity.evaluation.runner import Prediction, Sample, length_matched, summarise


def test_confusion_based_metrics() -> None:
    labels = [True, True, True, False, False, False, False, False]
    preds = [True, True, False, True, False, False, False, False]
    m = compute(labels, preds, [0.9 if p else 0.1 for p in preds], [10, 20, 30, 40, 50, 60, 70, 80])
    assert m.n == 8 and m.accuracy == pytest.approx(6 / 8)
    assert m.precision == pytest.approx(2 / 3) and m.recall == pytest.approx(2 / 3)
    assert m.f1 == pytest.approx(2 / 3)
    assert m.balanced_accuracy == pytest.approx((2 / 3 + 4 / 5) / 2)
    assert m.latency_p50_ms == pytest.approx(45) and m.latency_p95_ms == pytest.approx(76.5)


def test_ece_of_perfectly_calibrated_and_overconfident_predictions() -> None:
    # 10 calls at confidence 0.8, 8 right: calibrated
    labels = [True] * 8 + [False] * 2
    assert expected_calibration_error(labels, [0.8] * 10) == pytest.approx(0.0)
    # always 0.99 sure, right half the time: ECE 0.49
    assert expected_calibration_error([True, False] * 5, [0.99] * 10) == pytest.approx(0.49)


def test_percentile_edges() -> None:
    assert percentile([], 50) == 0.0 and percentile([5.0], 95) == 5.0


def _pred(id_: str, out: str, label: bool, pred: bool) -> Prediction:
    return Prediction(Sample(id_, "qa", "p", out, "c", label), pred, 0.9 if pred else 0.1, 1.0)


def test_length_matched_keeps_only_pairs_of_similar_length() -> None:
    preds = [_pred("a-ok", "x" * 10, False, False), _pred("a-bad", "y" * 11, True, True),
             _pred("b-ok", "x" * 10, False, False), _pred("b-bad", "y" * 50, True, True),
             _pred("c-ok", "x" * 10, False, False)]
    assert [p.sample.id for p in length_matched(preds)] == ["a-ok", "a-bad"]
    summary = summarise(preds)
    assert list(summary) == ["qa", "qa (length-matched)", "overall"]
    assert summary["qa (length-matched)"].n == 2


def test_length_baseline_learns_the_length_cut() -> None:
    samples = [Sample(str(i), "qa", "p", "x" * n, None, n > 30) for i, n in enumerate([5, 10, 20, 40, 60, 80])]
    base = LengthBaseline(samples)
    assert 20 <= base.cutoff < 40
    assert [base.predict(s)[0] for s in samples] == [s.is_hallucination for s in samples]


def test_derived_samples_get_a_row_per_origin() -> None:
    def pred(id_: str, origin: str, label: bool, said: bool) -> Prediction:
        return Prediction(Sample(id_, "ood-untouched", "p", "out", "c", label, origin=origin), said,
                          0.9 if said else 0.1, 1.0)

    preds = [pred("1", "halueval-qa", False, False), pred("2", "halueval-qa", False, False),
             pred("3", "halueval-dialogue", False, True), pred("4", "halueval-dialogue", False, False)]
    summary = summarise(preds)
    assert list(summary) == ["ood-untouched", "ood-untouched (from halueval-dialogue)",
                             "ood-untouched (from halueval-qa)", "overall"]
    assert summary["ood-untouched (from halueval-qa)"].accuracy == 1.0
    assert summary["ood-untouched (from halueval-dialogue)"].accuracy == 0.5
