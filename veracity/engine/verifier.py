"""The Verifier: one object, built from settings, called by the API, MCP, CLI and batches.

    task → claims → evidence per claim → judge → aggregate → Report
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from veracity.engine.aggregate import explain, response_verdict
from veracity.engine.claims import checkable_claims, claim_query, split_claims
from veracity.engine.protocols import Judge, Searcher
from veracity.engine.tokens import count_tokens
from veracity.engine.types import Claim, ClaimVerdict, Evidence, JudgeInput, Report, SearchResult, Task, Usage
from veracity.engine.windows import select_evidence, split_windows
from veracity.errors import InvalidRequest


@dataclass(frozen=True)
class Policy:
    unverifiable_is_hallucination: bool = True
    window_words: int = 150
    window_overlap_words: int = 50
    evidence_per_claim: int = 3


class Verifier:
    """Verifies tasks with one judge (possibly a combination) and optional searchers."""

    def __init__(self, judge: Judge, searchers: Sequence[Searcher] = (), policy: Policy | None = None,
                 model: str = "verify-reliability") -> None:
        self.judge = judge
        self.searchers = tuple(searchers)
        self.policy = policy or Policy()
        self.model = model

    def verify(self, task: Task) -> Report:
        if not task.output.strip():
            raise InvalidRequest("`output` is empty: send the text the LLM produced", param="output")
        claims = checkable_claims(task.output, task.prompt)
        if not claims and not split_claims(task.output):  # no sentence at all, not only questions
            raise InvalidRequest("`output` holds no checkable text (no letters or digits)", param="output")
        context = task.context if task.mode == "rag" else None
        items = [JudgeInput(task.prompt, c, tuple(ev), task.mode, context)
                 for c, ev in zip(claims, self._evidence(task, claims))]
        verdicts = tuple(self.judge.judge(items))
        verdict, confidence = response_verdict(verdicts)
        explanation = explain(verdict, verdicts, task.mode)
        is_hallucination = verdict == "hallucination" or (
            verdict == "unverifiable" and self.policy.unverifiable_is_hallucination
        )
        return Report(
            verdict=verdict,
            is_hallucination=is_hallucination,
            confidence=round(float(confidence), 4),
            explanation=explanation,
            claims=verdicts,
            search_results=self._search_results(task, items),
            usage=self._usage(task, verdicts, explanation),
            model=self.model,
        )

    @staticmethod
    def _usage(task: Task, verdicts: Sequence[ClaimVerdict], explanation: str) -> Usage:
        """Tokens read and written: the request's text and the explanation, plus what LLM judges spent."""
        spent = [v.usage for v in verdicts if v.usage is not None]
        return Usage(count_tokens(task.prompt, task.output, task.context) + sum(u.prompt_tokens for u in spent),
                     count_tokens(explanation) + sum(u.completion_tokens for u in spent))

    def _evidence(self, task: Task, claims: Sequence[Claim]) -> list[list[Evidence]]:
        k = self.policy.evidence_per_claim
        if task.mode == "rag":
            windows = split_windows(task.context or "", self.policy.window_words, self.policy.window_overlap_words)
            return [select_evidence(claim_query(c), windows, k) for c in claims]
        out: list[list[Evidence]] = []
        for c in claims:
            found: list[Evidence] = []
            for s in self.searchers:
                found.extend(s.search(claim_query(c), k))
            out.append(sorted(found, key=lambda e: -e.score)[:k])
        return out

    @staticmethod
    def _search_results(task: Task, items: Sequence[JudgeInput]) -> tuple[SearchResult, ...]:
        if not task.return_search_results or task.mode == "rag":
            return ()
        seen: dict[str, SearchResult] = {}
        for item in items:
            for e in item.evidence:
                link = e.link or e.source
                if link not in seen:
                    seen[link] = SearchResult(title=e.title or e.source, snippet=e.text[:300], link=link)
        return tuple(seen.values())
