"""Combining judges, with one documented rule.

``CombinedJudge(primary, vetoes)``: the primary judge (the embedded checker, or an LLM
judge) decides every claim; each veto judge (the rules judge) may only *overrule* it on
a hard contradiction (a number, amount, date or negation that the evidence states
otherwise). A veto raises the claim's hallucination probability to the larger of the
two; it never turns a hallucination into a supported claim. With no primary, the
first judge decides alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from veracity.engine.protocols import Judge
from veracity.engine.types import ClaimVerdict, JudgeInput


class Veto(Protocol):
    name: str

    def hard_contradiction(self, item: JudgeInput) -> ClaimVerdict | None: ...


class CombinedJudge:
    def __init__(self, primary: Judge, vetoes: Sequence[Veto]) -> None:
        self.primary = primary
        self.vetoes = tuple(vetoes)
        self.name = "+".join([primary.name, *(v.name for v in self.vetoes)])

    def judge(self, items: Sequence[JudgeInput]) -> list[ClaimVerdict]:
        verdicts = self.primary.judge(items)
        return [self._apply_vetoes(item, v) for item, v in zip(items, verdicts)]

    def _apply_vetoes(self, item: JudgeInput, verdict: ClaimVerdict) -> ClaimVerdict:
        for veto in self.vetoes:
            hard = veto.hard_contradiction(item)
            if hard is None:
                continue
            p = max(hard.p_hallucination or 0.0, verdict.p_hallucination or 0.0)
            return replace(hard, p_hallucination=p, judge=f"{verdict.judge}+{hard.judge}")
        return verdict
