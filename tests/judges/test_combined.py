"""Combining judges: a panel of deciding judges, then rules vetoes; and the factory's wiring."""

from __future__ import annotations

from collections.abc import Sequence

from veracity.config import Settings
from veracity.engine.types import Claim, ClaimVerdict, Evidence, JudgeInput, Usage
from veracity.factory import build_judge
from veracity.judges.combined import CombinedJudge, PanelJudge
from veracity.judges.rules import RulesJudge

CTX = "InvID:INV7701B Co:OptiTech Client:Acme Amt:7116GBP Date:22May25 Due:21Jun25"


class Fixed:
    """A judge that answers each claim with a fixed probability (None: cannot decide)."""

    def __init__(self, name: str, p: float | None, tokens: int = 0) -> None:
        self.name, self.p, self.tokens = name, p, tokens

    def judge(self, items: Sequence[JudgeInput]) -> list[ClaimVerdict]:
        verdict = "unverifiable" if self.p is None else ("hallucination" if self.p >= 0.5 else "supported")
        return [ClaimVerdict(i.claim, verdict, self.p, f"{self.name} says so", self.name,  # type: ignore[arg-type]
                             i.evidence, usage=Usage(self.tokens, 1) if self.tokens else None) for i in items]


def _item(text: str) -> JudgeInput:
    return JudgeInput("Q?", Claim(text, (0, len(text))), (Evidence(CTX, "context", (0, len(CTX))),), "rag")


def test_panel_takes_the_mean_of_the_judges_that_decide() -> None:
    [v] = PanelJudge([Fixed("a", 0.9), Fixed("b", 0.3), Fixed("c", None)]).judge([_item("Acme is the client.")])
    assert v.verdict == "hallucination" and abs((v.p_hallucination or 0) - 0.6) < 1e-9
    assert v.reason == "a says so" and v.judge == "a+b"
    [w] = PanelJudge([Fixed("a", 0.6), Fixed("b", 0.2)]).judge([_item("Acme is the client.")])
    assert w.verdict == "supported" and w.reason == "b says so"


def test_panel_of_undecided_judges_stays_unverifiable_and_sums_tokens() -> None:
    [v] = PanelJudge([Fixed("a", None, tokens=10), Fixed("b", None, tokens=5)]).judge([_item("x is y.")])
    assert v.verdict == "unverifiable" and v.usage == Usage(15, 2)


def test_rules_veto_a_supported_panel_on_a_date_contradiction() -> None:
    judge = CombinedJudge(PanelJudge([Fixed("a", 0.1), Fixed("b", 0.2)]), [RulesJudge()])
    due, client = judge.judge([_item("The invoice is due on June 12, 2025."), _item("The client is Acme.")])
    assert due.verdict == "hallucination" and "21Jun25" in due.reason
    assert client.verdict == "supported"


def test_factory_builds_a_panel_for_several_deciding_judges() -> None:
    settings = Settings(judges=("llm", "rules"), llm_base_url="http://127.0.0.1:9/v1", llm_model="m")
    single = build_judge(settings)
    assert isinstance(single, CombinedJudge) and single.primary.name == "llm"
    panel = build_judge(settings, ("llm", "llm", "rules"))
    assert isinstance(panel, CombinedJudge) and isinstance(panel.primary, PanelJudge)
    assert panel.name == "llm+llm+rules"
    assert build_judge(Settings(judges=("rules",))).name == "rules"
