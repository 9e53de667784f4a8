"""Verifiers by model name, for the routes where `model` picks the judge.

``verify-reliability`` (and its alias) is the configured verifier; ``checker``, ``rules``
and ``llm`` (or the configured LLM judge's model name) pick one judge, combined with the
rules judge's vetoes as everywhere else. Each is built once, on first use.
"""

from __future__ import annotations

import threading

from veracity.api.chat.models import VERIFIER_MODELS
from veracity.config import Settings
from veracity.engine.verifier import Verifier
from veracity.errors import NotFound


class VerifierPool:
    def __init__(self, settings: Settings, default: Verifier) -> None:
        self.settings = settings
        self.default = default
        self._built: dict[tuple[str, ...], Verifier] = {}
        self._lock = threading.Lock()

    def judges_for(self, model: str | None) -> tuple[str, ...] | None:
        if model is None or model in VERIFIER_MODELS or model == "default":
            return None
        if model == "rules":
            return ("rules",)
        if model in ("checker", "veracity-checker"):
            return ("checker", "rules")
        if model == "llm" or (self.settings.llm_model and model == self.settings.llm_model):
            if not (self.settings.llm_base_url and self.settings.llm_model):
                raise NotFound("the llm judge is not configured: set VERACITY_LLM_BASE_URL and VERACITY_LLM_MODEL "
                               "(see the README, 'An LLM judge'), or use verify-reliability, checker or rules",
                               param="model", code="model_not_found")
            return ("llm", "rules")
        raise NotFound(f"no judge named {model!r}: use verify-reliability, checker, rules or llm", param="model",
                       code="model_not_found")

    def names(self) -> list[str]:
        out = ["checker", "rules"]
        if self.settings.llm_base_url and self.settings.llm_model:
            out.append(self.settings.llm_model)
        return out

    def get(self, model: str | None) -> Verifier:
        judges = self.judges_for(model)
        if judges is None:
            return self.default
        with self._lock:
            if judges not in self._built:
                from veracity.factory import build_verifier

                self._built[judges] = build_verifier(self.settings, judges)
            return self._built[judges]

    def name(self, model: str | None) -> str:
        """The model a response names: the judge asked for, or ``verify-reliability``."""
        return self.default.model if self.judges_for(model) is None else str(model)
