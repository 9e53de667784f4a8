"""A Hugging Face sequence-classification checker as a judge: ``--judge hf:PATH_OR_ID``.

Loads any cross-encoder checker (HHEM / MiniCheck style, or this project's own exported
checkpoint) with transformers, from a local directory or, where the network allows, a hub
id. Needs the ``hf`` extra (torch, transformers); imported only when asked for.

Reading the model's output as "probability that the claim is NOT supported":
- one output and a ``veracity`` section in its config (this project's checker): the
  logit is already the log-odds of *not supported*;
- one output otherwise (HHEM style): a consistency score, so its negation is used;
- two or more outputs: the label whose name says supported/consistent/entailment (else
  index 1) is the supported class; the log-odds against it is used.
Pairs, claim aggregation over windows, temperature and threshold work exactly as in the
embedded checker (they come from the ``veracity`` config section, else 1.0 and 0.5).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from veracity.config import Settings
from veracity.errors import ConfigError, JudgeError, ModelLoadError
from veracity.judges.checker import CheckerJudge, read_config

_SUPPORTED_WORDS = ("support", "consist", "entail", "faithful", "factual")


def _supported_index(id2label: dict[int, str], n: int) -> int:
    for i, label in id2label.items():
        if any(w in str(label).lower() for w in _SUPPORTED_WORDS) and "not" not in str(label).lower():
            return int(i)
    return 1 if n > 1 else 0


class HFJudge(CheckerJudge):
    batch_size = 16

    def __init__(self, path_or_id: str, threads: int | None = None) -> None:  # noqa: D107 - not calling super
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as exc:
            raise ConfigError("hf: judges need torch and transformers: pip install 'veracity[hf]'") from exc
        if threads:
            torch.set_num_threads(threads)
        try:
            self.hf_tokenizer = AutoTokenizer.from_pretrained(path_or_id)
            self.model = AutoModelForSequenceClassification.from_pretrained(path_or_id).eval()
        except (OSError, ValueError) as exc:
            raise ModelLoadError(f"cannot load the Hugging Face checker {path_or_id!r}: {exc}. Without network, "
                                 "pass a local directory holding config.json, the weights and the tokenizer") from exc
        self.name = f"hf:{path_or_id}"
        cfg = self.model.config
        extra: dict[str, Any] = dict(getattr(cfg, "veracity", None) or {})
        self.own_format = bool(extra)
        self.num_labels = int(cfg.num_labels)
        self.pos = _supported_index({int(k): v for k, v in (cfg.id2label or {}).items()}, self.num_labels)
        defaults = {"max_length": min(512, getattr(self.hf_tokenizer, "model_max_length", 512)),
                    "temperature": 1.0, "threshold": 0.5}
        where = f"the `veracity` section of {path_or_id}/config.json"
        self._calibrate(read_config(defaults | extra, where, path_or_id))

    def logits(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        import torch

        out = np.zeros(len(pairs), dtype=np.float64)
        for k in range(0, len(pairs), self.batch_size):
            chunk = pairs[k : k + self.batch_size]
            enc = self.hf_tokenizer([e for e, _ in chunk], [q for _, q in chunk], truncation="only_first",
                                    max_length=self.max_length, padding=True, return_tensors="pt")
            try:
                with torch.no_grad():
                    raw = self.model(**enc).logits.double().numpy()
            except Exception as exc:  # a failing backend is an error, never a verdict
                raise JudgeError(f"{self.name} failed to run: {exc}") from exc
            out[k : k + len(chunk)] = self._not_supported_logit(raw)
        return out

    def _not_supported_logit(self, raw: np.ndarray) -> np.ndarray:
        if self.num_labels == 1:
            col = raw[:, 0]
            return col if self.own_format else -col
        others = np.delete(raw, self.pos, axis=1)
        return np.logaddexp.reduce(others, axis=1) - raw[:, self.pos]


def build_hf_judge(path_or_id: str, settings: Settings) -> HFJudge:
    return HFJudge(path_or_id, settings.checker_threads or None)
