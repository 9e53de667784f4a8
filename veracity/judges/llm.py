"""The LLM judge: any OpenAI-compatible chat endpoint decides the claims (``judges = ["llm"]``).

One chat call per batch of up to :attr:`LLMJudge.chunk_size` claims, at temperature 0,
asking for JSON (``response_format: json_object``; endpoints that ignore it are fine,
endpoints that reject it are asked again without it). The prompt quotes all user,
document and web text inside nonce-delimited untrusted blocks (see
:mod:`veracity.llm.judge_prompt`).

- RAG mode: each claim is judged against its context passages only.
- Open mode: against the evidence the searchers found, else the model's own knowledge;
  each verdict's reason says which ("according to web search results", ...).
- An answer that is not the asked-for JSON is asked for again, up to ``max_retries``
  times; then :class:`JudgeError`. Endpoint failures (timeouts, refused connections,
  HTTP errors after the client's retries) are :class:`JudgeError` too: never a verdict.
- ``p_hallucination``: the model's ``confidence`` in its verdict when given (at least
  0.5), else 0.9 for ``hallucination`` and 0.1 for ``supported``; ``None`` for
  ``unverifiable``.
- Tokens the endpoint reports are put on the first verdict of each call (``usage``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from veracity.config import Settings
from veracity.engine.types import ClaimVerdict, Evidence, JudgeInput, Usage
from veracity.errors import ConfigError, JudgeError
from veracity.llm.client import ChatClient, ChatResult, LLMCallError
from veracity.llm.errors import to_judge_error
from veracity.llm.judge_prompt import (
    BASIS_PHRASE,
    MAX_REASON_CHARS,
    AnswerError,
    ClaimAnswer,
    basis,
    build_messages,
    new_nonce,
    parse_answer,
)

P_HALLUCINATION, P_SUPPORTED = 0.9, 0.1


class LLMJudge:
    name = "llm"
    chunk_size = 20

    def __init__(self, client: ChatClient, model: str, max_retries: int = 2, *,
                 nonce: Callable[[], str] = new_nonce) -> None:
        self.client = client
        self.model = model
        self.max_retries = max_retries
        self._nonce = nonce
        self._json_mode = True  # turned off once if the endpoint rejects response_format

    def judge(self, items: Sequence[JudgeInput]) -> list[ClaimVerdict]:
        out: list[ClaimVerdict] = []
        for start in range(0, len(items), self.chunk_size):
            out.extend(self._judge_chunk(items[start : start + self.chunk_size]))
        return out

    def _judge_chunk(self, chunk: Sequence[JudgeInput]) -> list[ClaimVerdict]:
        messages = build_messages(chunk, self._nonce())
        spent = Usage()
        problem = ""
        for _ in range(self.max_retries + 1):
            result = self._call(messages)
            spent = Usage(spent.prompt_tokens + result.prompt_tokens, spent.completion_tokens + result.completion_tokens)
            try:
                answers = parse_answer(result.content, chunk)
            except AnswerError as exc:
                problem = str(exc)
                continue
            return [self._verdict(item, a, spent if i == 0 else None) for i, (item, a) in enumerate(zip(chunk, answers))]
        raise JudgeError(f"the LLM judge's answer could not be parsed after {self.max_retries + 1} attempt(s): "
                         f"{problem}. Use a model that follows JSON instructions (VERACITY_LLM_MODEL, now "
                         f"{self.model!r}) or raise VERACITY_LLM_MAX_RETRIES")

    def _call(self, messages: list[dict[str, str]]) -> ChatResult:
        params: dict[str, Any] = {"temperature": 0}
        if self._json_mode:
            params["response_format"] = {"type": "json_object"}
        try:
            return self.client.complete(messages, self.model, **params)
        except LLMCallError as exc:
            if not (self._json_mode and exc.kind == "status" and exc.status in (400, 422)):
                raise to_judge_error(exc) from exc
        try:  # the endpoint may not know response_format: ask once more without it
            result = self.client.complete(messages, self.model, temperature=0)
        except LLMCallError as exc:
            raise to_judge_error(exc) from exc
        self._json_mode = False
        return result

    def _verdict(self, item: JudgeInput, a: ClaimAnswer, usage: Usage | None) -> ClaimVerdict:
        phrase = BASIS_PHRASE[basis(item)]
        text = " ".join(a.reason.split())[:MAX_REASON_CHARS] or "no reason given"
        reason = f"{phrase[0].upper()}{phrase[1:]}: {text}"
        return ClaimVerdict(item.claim, a.verdict, _p_hallucination(a), reason, self.name,
                            self._cited(item, a, text), usage=usage)

    def _cited(self, item: JudgeInput, a: ClaimAnswer, reason: str) -> tuple[Evidence, ...]:
        if a.evidence_index is not None:
            return (item.evidence[a.evidence_index],)
        given = tuple(e for e in item.evidence if e.text.strip())
        if given or item.mode == "rag":
            return given
        return (Evidence(text=reason, source=f"llm:{self.model}", title=f"{self.model} (own knowledge)"),)


def _p_hallucination(a: ClaimAnswer) -> float | None:
    if a.verdict == "unverifiable":
        return None
    if a.confidence is None:
        return P_HALLUCINATION if a.verdict == "hallucination" else P_SUPPORTED
    confidence = max(0.5, a.confidence)
    return round(confidence if a.verdict == "hallucination" else 1.0 - confidence, 4)


def build_llm_judge(settings: Settings) -> LLMJudge:
    """The LLM judge from ``llm_*`` settings; :class:`ConfigError` naming what is missing."""
    missing = [f"VERACITY_{n.upper()}" for n in ("llm_base_url", "llm_model") if not getattr(settings, n)]
    if missing:
        raise ConfigError(f"the llm judge needs {' and '.join(missing)}: set the OpenAI-compatible endpoint and "
                          "model, e.g. VERACITY_LLM_BASE_URL=http://localhost:11434/v1 VERACITY_LLM_MODEL=<model>")
    assert settings.llm_base_url is not None and settings.llm_model is not None
    client = ChatClient(settings.llm_base_url, settings.llm_api_key, settings.llm_timeout, settings.llm_max_retries)
    return LLMJudge(client, settings.llm_model, settings.llm_max_retries)
