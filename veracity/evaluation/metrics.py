"""Classification and calibration metrics, pure Python (positive class: hallucination)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Metrics:
    n: int
    accuracy: float
    balanced_accuracy: float
    f1: float
    precision: float
    recall: float
    ece: float
    latency_p50_ms: float
    latency_p95_ms: float

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile, ``q`` in [0, 100]."""
    if not values:
        return 0.0
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def expected_calibration_error(labels: Sequence[bool], probs: Sequence[float], bins: int = 15) -> float:
    """ECE of ``probs`` (probability of hallucination) against ``labels``, equal-width bins.

    Binned on the confidence of the predicted class, as usual: a prediction with
    p=0.2 is a 'supported' call made with confidence 0.8.
    """
    total = len(labels)
    if total == 0:
        return 0.0
    buckets: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for y, p in zip(labels, probs):
        pred = p >= 0.5
        conf = p if pred else 1 - p
        idx = min(int((conf - 0.5) * 2 * bins), bins - 1) if conf >= 0.5 else 0
        buckets[idx].append((conf, pred == y))
    err = 0.0
    for b in buckets:
        if b:
            err += len(b) / total * abs(sum(c for c, _ in b) / len(b) - sum(ok for _, ok in b) / len(b))
    return err


def compute(labels: Sequence[bool], preds: Sequence[bool], probs: Sequence[float],
            latencies_ms: Sequence[float] = ()) -> Metrics:
    tp = sum(1 for y, p in zip(labels, preds) if y and p)
    tn = sum(1 for y, p in zip(labels, preds) if not y and not p)
    fp = sum(1 for y, p in zip(labels, preds) if not y and p)
    fn = sum(1 for y, p in zip(labels, preds) if y and not p)
    precision, recall = _div(tp, tp + fp), _div(tp, tp + fn)
    specificity = _div(tn, tn + fp)
    pos, neg = tp + fn, tn + fp
    balanced = (recall + specificity) / 2 if pos and neg else (recall if pos else specificity)
    return Metrics(
        n=len(labels),
        accuracy=_div(tp + tn, len(labels)),
        balanced_accuracy=balanced,
        f1=_div(2 * precision * recall, precision + recall),
        precision=precision,
        recall=recall,
        ece=expected_calibration_error(labels, probs),
        latency_p50_ms=percentile(latencies_ms, 50),
        latency_p95_ms=percentile(latencies_ms, 95),
    )
