"""Engine value types: what flows from a request to a report.

All frozen dataclasses; spans are ``(start, end)`` character offsets, end exclusive,
so ``text[start:end]`` is the span's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Verdict = Literal["supported", "hallucination", "unverifiable"]
Mode = Literal["rag", "open"]
Span = tuple[int, int]


@dataclass(frozen=True)
class Task:
    """One thing to verify: the prompt, the LLM's output and, in RAG mode, the context."""

    prompt: str
    output: str
    context: str | None = None
    return_search_results: bool = False

    @property
    def mode(self) -> Mode:
        return "rag" if self.context is not None and self.context.strip() else "open"


@dataclass(frozen=True)
class Claim:
    """A checkable statement of the output, with its exact span in the output.

    ``question`` is set when the claim only makes sense together with the prompt
    (a short answer such as "Yes." or "Badr Hari"): judges then read the claim as the
    answer to that question.
    """

    text: str
    span: Span
    index: int = 0
    question: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A passage a judge may read. ``span`` is its place in the request's context (RAG)."""

    text: str
    source: str  # "context", "kb:<document>", "web:<link>", "llm:<model>"
    span: Span | None = None
    score: float = 0.0
    title: str | None = None
    link: str | None = None
    # a window cut out of a CSV or Markdown table: the table's header, which its rows need to be
    # read (not part of ``text`` or ``span``); judges read :attr:`body`
    header: str = ""

    @property
    def body(self) -> str:
        """What a judge reads: the text, after the table header it needs, if any."""
        return f"{self.header}\n{self.text}" if self.header else self.text


@dataclass(frozen=True)
class JudgeInput:
    """One claim with the evidence picked for it, as a judge receives it."""

    prompt: str
    claim: Claim
    evidence: tuple[Evidence, ...]
    mode: Mode
    # the whole reference text in rag mode: a value the claim's windows contradict may still be
    # stated elsewhere in it (the rules judge checks before calling it a contradiction)
    context: str | None = None


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass(frozen=True)
class ClaimVerdict:
    """A judge's decision on one claim.

    ``p_hallucination`` is the probability that the claim is NOT supported by its
    evidence (``None`` when the judge has no opinion, i.e. ``unverifiable``).
    ``reason`` is one human-readable sentence; ``evidence`` is what the judge cites.
    """

    claim: Claim
    verdict: Verdict
    p_hallucination: float | None
    reason: str
    judge: str
    evidence: tuple[Evidence, ...] = ()
    error: str | None = None
    usage: Usage | None = None  # tokens a judge spent on this claim (LLM judges)

    @property
    def confidence(self) -> float:
        """Probability that this verdict is right."""
        if self.p_hallucination is None:
            return 0.0
        if self.verdict == "hallucination":
            return self.p_hallucination
        if self.verdict == "supported":
            return 1.0 - self.p_hallucination
        return 0.5


@dataclass(frozen=True)
class SearchResult:
    title: str
    snippet: str
    link: str


@dataclass(frozen=True)
class Report:
    """The engine's answer for one task; api/ turns it into the reliability object."""

    verdict: Verdict
    is_hallucination: bool
    confidence: float
    explanation: str
    claims: tuple[ClaimVerdict, ...]
    search_results: tuple[SearchResult, ...] = ()
    usage: Usage = field(default_factory=Usage)
    model: str = "verify-reliability"
