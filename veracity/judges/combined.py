"""Combining judges, with two documented rules.

``PanelJudge(judges)``: several deciding judges (e.g. the embedded checker and an LLM
judge) each judge every claim; the claim's hallucination probability is the mean of
the probabilities of the judges that could decide it, and it is a hallucination when
that mean reaches 0.5. A claim no judge could decide stays ``unverifiable``. The panel
cites the evidence and reason of the judge most sure of the panel's verdict.

``CombinedJudge(primary, vetoes)``: the primary judge (one judge, or a panel) decides
every claim; each veto judge (the rules judge) may *overrule* it on a hard
contradiction (a number, amount, date or negation that the evidence states otherwise).
A veto raises the claim's hallucination probability to the larger of the two. The veto's
own probability is the veto judge's, or ``veto_p`` when given: the rate at which such
vetoes were right on dev, fitted with the checker (``veto_p`` in the checker's
``config.json``), so that confidence keeps meaning what it says. With no primary, the
first judge decides alone.

A claim the primary judge finds supported, but only just (its probability at least ``name_gate``,
below the threshold), fails when it names something the context never mentions (the veto judge's
``unmentioned_name``: "Ridley Scott also produced it." against knowledge that never names him), with
probability ``max(p, name_p)``. The embedded checker was trained on HaluEval, whose right answers
often name things beyond their context, and barely moves on a name swapped for one the context never
mentions; yet an absent name alone is too weak a sign to overrule a confident "supported", so the
gate is the probability with the best balanced accuracy on dev (``python -m
veracity.training.name_gate``). Both numbers come with the checker's
calibration (``config.json``); a judge without them (an LLM judge, a panel) never applies this rule.

One exception turns a hallucination into a supported claim: a negated claim that an
evidence clause restates, every content word negated on the same word (the veto judge's
``restatement``: "Gift cards are not refundable." against "... gift cards are not
refundable."). The embedded checker learnt from its synthetic negatives that a negated claim
is usually unsupported, and flags such copies; the claim's probability becomes the smaller
of the two. The same holds for recurring days an evidence sentence gives in the claim's words
("The gym is open seven days a week." against "The gym is open every day from 6am to 10pm").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from veracity.engine.protocols import Judge
from veracity.engine.types import ClaimVerdict, JudgeInput, Usage, Verdict


class Veto(Protocol):
    name: str

    def hard_contradiction(self, item: JudgeInput) -> ClaimVerdict | None: ...

    def restatement(self, item: JudgeInput) -> ClaimVerdict | None: ...

    def unmentioned_name(self, item: JudgeInput) -> ClaimVerdict | None: ...


class PanelJudge:
    def __init__(self, judges: Sequence[Judge]) -> None:
        self.judges = tuple(judges)
        self.name = "+".join(j.name for j in self.judges)

    def judge(self, items: Sequence[JudgeInput]) -> list[ClaimVerdict]:
        ballots = [j.judge(items) for j in self.judges]
        return [self._decide(list(votes)) for votes in zip(*ballots)]

    @staticmethod
    def _decide(votes: list[ClaimVerdict]) -> ClaimVerdict:
        decided = [v for v in votes if v.verdict != "unverifiable" and v.p_hallucination is not None]
        spent = [v.usage for v in votes if v.usage is not None]
        usage = Usage(sum(u.prompt_tokens for u in spent), sum(u.completion_tokens for u in spent)) if spent else None
        if not decided:
            return replace(votes[0], usage=usage)
        p = sum(v.p_hallucination or 0.0 for v in decided) / len(decided)
        verdict: Verdict = "hallucination" if p >= 0.5 else "supported"
        sign = 1.0 if verdict == "hallucination" else -1.0
        lead = max(decided, key=lambda v: sign * (v.p_hallucination or 0.0))
        names = "+".join(v.judge for v in decided)
        return replace(lead, verdict=verdict, p_hallucination=p, judge=names, usage=usage)


class CombinedJudge:
    def __init__(self, primary: Judge, vetoes: Sequence[Veto], veto_p: float | None = None,
                 name_gate: float | None = None, name_p: float | None = None) -> None:
        self.primary = primary
        self.vetoes = tuple(vetoes)
        self.veto_p = veto_p
        self.name_gate = name_gate
        self.name_p = name_p
        self.name = "+".join([primary.name, *(v.name for v in self.vetoes)])

    def judge(self, items: Sequence[JudgeInput]) -> list[ClaimVerdict]:
        verdicts = self.primary.judge(items)
        return [self._apply_vetoes(item, v) for item, v in zip(items, verdicts)]

    def _apply_vetoes(self, item: JudgeInput, verdict: ClaimVerdict) -> ClaimVerdict:
        for veto in self.vetoes:
            hard = veto.hard_contradiction(item)
            if hard is None:
                continue
            own = (hard.p_hallucination or 0.0) if self.veto_p is None else self.veto_p
            p = max(own, verdict.p_hallucination or 0.0)
            return replace(hard, p_hallucination=p, judge=f"{verdict.judge}+{hard.judge}")
        if verdict.verdict == "supported":
            return self._unmentioned(item, verdict) or verdict
        if verdict.verdict != "hallucination":
            return verdict
        for veto in self.vetoes:
            same = veto.restatement(item)
            if same is not None:
                p = min(same.p_hallucination or 0.0, verdict.p_hallucination or 0.0)
                return replace(same, p_hallucination=p, judge=f"{verdict.judge}+{same.judge}", usage=verdict.usage)
        return verdict

    def _unmentioned(self, item: JudgeInput, verdict: ClaimVerdict) -> ClaimVerdict | None:
        """A just-supported claim naming something the context never mentions, failed."""
        p = verdict.p_hallucination
        if self.name_gate is None or p is None or p < self.name_gate:
            return None
        for veto in self.vetoes:
            named = veto.unmentioned_name(item)
            if named is not None:
                return replace(named, p_hallucination=max(p, self.name_p or 0.5),
                               judge=f"{verdict.judge}+{named.judge}", usage=verdict.usage)
        return None
