"""Predictors for `veracity eval`: the engine in process, a running server, a length baseline."""

from __future__ import annotations

from collections.abc import Sequence

import httpx

from veracity.engine.types import Task
from veracity.engine.verifier import Verifier
from veracity.errors import BackendError, InvalidRequest
from veracity.evaluation.runner import Sample, p_from_report


class EnginePredictor:
    def __init__(self, verifier: Verifier, name: str = "engine") -> None:
        self.verifier = verifier
        self.name = name

    def predict(self, sample: Sample) -> tuple[bool, float]:
        report = self.verifier.verify(Task(sample.prompt, sample.output, sample.context))
        return report.is_hallucination, p_from_report(report)


class ServerPredictor:
    """Calls POST /v1/verify/reliability on a running server."""

    def __init__(self, url: str, key: str, timeout: float = 120) -> None:
        self.name = f"server {url}"
        self.client = httpx.Client(base_url=url.rstrip("/"), headers={"Authorization": f"Bearer {key}"},
                                   timeout=timeout)

    def predict(self, sample: Sample) -> tuple[bool, float]:
        body = {"prompt": sample.prompt, "output": sample.output, "context": sample.context}
        try:
            r = self.client.post("/v1/verify/reliability", json=body)
        except httpx.HTTPError as exc:
            raise BackendError(f"cannot reach the server: {exc}") from exc
        if r.status_code == 400:
            raise InvalidRequest(r.json().get("error", {}).get("message", r.text[:300]))
        if r.status_code != 200:
            raise BackendError(f"server answered {r.status_code} for sample {sample.id}: {r.text[:300]}")
        d = r.json()
        if d["verdict"] == "hallucination":
            p = d["confidence"]
        elif d["verdict"] == "supported":
            p = 1 - d["confidence"]
        else:
            p = 1.0 if d["is_hallucination"] else 0.0
        return bool(d["is_hallucination"]), float(p)


class LengthBaseline:
    """Says 'hallucination' when the output is longer than a cut-off: what length alone gives.

    The cut-off is fitted on the very samples it is scored on (the best it could do),
    so its figure is an upper bound of the length signal.
    """

    name = "length-only baseline"

    def __init__(self, samples: Sequence[Sample]) -> None:
        self.cutoff = self._fit(samples)

    @staticmethod
    def _fit(samples: Sequence[Sample]) -> int:
        best, best_score = 0, -1.0
        pos = sum(s.is_hallucination for s in samples) or 1
        neg = (len(samples) - sum(s.is_hallucination for s in samples)) or 1
        for cut in sorted({len(s.output) for s in samples}):
            tp = sum(1 for s in samples if s.is_hallucination and len(s.output) > cut)
            tn = sum(1 for s in samples if not s.is_hallucination and len(s.output) <= cut)
            score = (tp / pos + tn / neg) / 2
            if score > best_score:
                best, best_score = cut, score
        return best

    def predict(self, sample: Sample) -> tuple[bool, float]:
        flag = len(sample.output) > self.cutoff
        return flag, 1.0 if flag else 0.0
