"""Run a predictor over labelled samples and summarise per source.

Samples use the data README's format: one JSON object a line with ``id``, ``source``,
``prompt``, ``output``, ``context`` and the label ``is_hallucination``.
"""

from __future__ import annotations

import gzip
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from veracity.engine.types import Report
from veracity.errors import InvalidRequest
from veracity.evaluation.metrics import Metrics, compute


@dataclass(frozen=True)
class Sample:
    id: str
    source: str
    prompt: str
    output: str
    context: str | None
    is_hallucination: bool
    origin: str | None = None  # the source a derived sample (``--ood``) was made from
    # ``--ood``: for a changed value, whether the context states the original (so evidence can refute it)
    stated: bool | None = None
    # ``--ood``: whether the context states every name, number and date of the answer this sample was
    # made from, that is, whether that answer is supported by its context (HaluEval's right answers
    # often say more than their context)
    grounded: bool | None = None


SUPPORTED_ROW = "from answers the context supports"


@dataclass(frozen=True)
class Prediction:
    sample: Sample
    is_hallucination: bool
    p_hallucination: float
    latency_ms: float


class Predictor(Protocol):
    name: str

    def predict(self, sample: Sample) -> tuple[bool, float]: ...


def load_samples(path: Path, limit: int | None = None) -> list[Sample]:
    opener = gzip.open if path.suffix == ".gz" else open
    out: list[Sample] = []
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                out.append(Sample(str(d.get("id", n)), str(d.get("source", "all")), d["prompt"], d["output"],
                                  d.get("context"), bool(d["is_hallucination"])))
            except (ValueError, KeyError, TypeError) as exc:
                raise InvalidRequest(f"{path}:{n}: not a labelled sample ({exc}); see the data format in the README")
            if limit and len(out) >= limit:
                break
    return out


def p_from_report(report: Report) -> float:
    """Probability of hallucination implied by a report's verdict and confidence."""
    if report.verdict == "hallucination":
        return report.confidence
    if report.verdict == "supported":
        return 1.0 - report.confidence
    return 1.0 if report.is_hallucination else 0.0


@dataclass(frozen=True)
class Refusal:
    """A sample the verifier refused as a bad request (e.g. an output of "?"): not scored."""

    sample: Sample
    message: str


def run(samples: Sequence[Sample], predictor: Predictor, progress: Callable[[Iterable[Sample]], Iterable[Sample]] = iter
        ) -> tuple[list[Prediction], list[Refusal]]:
    """Predictions, and the samples refused as invalid input. A backend failure is not a
    refusal: it stops the run (scoring it either way would be a made-up verdict)."""
    out: list[Prediction] = []
    refused: list[Refusal] = []
    for s in progress(samples):
        t0 = time.perf_counter()
        try:
            label, p = predictor.predict(s)
        except InvalidRequest as exc:
            refused.append(Refusal(s, exc.message))
            continue
        out.append(Prediction(s, label, p, (time.perf_counter() - t0) * 1000))
    return out, refused


def length_matched(preds: Sequence[Prediction], ratio: float = 0.75) -> list[Prediction]:
    """Pairs (``X-ok``/``X-bad``) whose outputs have similar lengths (shorter ≥ ``ratio`` × longer)."""
    pairs: dict[str, dict[bool, Prediction]] = defaultdict(dict)
    for p in preds:
        stem = p.sample.id.rsplit("-", 1)[0]
        pairs[stem][p.sample.is_hallucination] = p
    out: list[Prediction] = []
    for pair in pairs.values():
        if len(pair) == 2:
            a, b = len(pair[True].sample.output), len(pair[False].sample.output)
            if min(a, b) >= ratio * max(a, b):
                out.extend([pair[False], pair[True]])
    return out


def metrics_of(preds: Sequence[Prediction]) -> Metrics:
    return compute([p.sample.is_hallucination for p in preds], [p.is_hallucination for p in preds],
                   [p.p_hallucination for p in preds], [p.latency_ms for p in preds])


def summarise(preds: Sequence[Prediction]) -> dict[str, Metrics]:
    """Metrics per source, per source on length-matched pairs, per origin of derived samples, on
    the changed values whose original the context states, on the derived samples made from answers
    their context supports, and overall."""
    by_source: dict[str, list[Prediction]] = defaultdict(list)
    for p in preds:
        by_source[p.sample.source].append(p)
    out: dict[str, Metrics] = {}
    for source in sorted(by_source):
        out[source] = metrics_of(by_source[source])
        matched = length_matched(by_source[source])
        if matched and len(matched) < len(by_source[source]):
            out[f"{source} (length-matched)"] = metrics_of(matched)
        origins: dict[str, list[Prediction]] = defaultdict(list)
        for p in by_source[source]:
            if p.sample.origin:
                origins[p.sample.origin].append(p)
        if len(origins) > 1:
            for origin in sorted(origins):
                out[f"{source} (from {origin})"] = metrics_of(origins[origin])
        for what, subset in (("original stated in the context", [p for p in by_source[source] if p.sample.stated]),
                             (SUPPORTED_ROW, [p for p in by_source[source] if p.sample.grounded])):
            if subset and len(subset) < len(by_source[source]):
                out[f"{source} ({what})"] = metrics_of(subset)
    out["overall"] = metrics_of(preds)
    return out
