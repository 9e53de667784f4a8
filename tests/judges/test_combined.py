"""Combining judges: a panel of deciding judges, then rules vetoes; and the factory's wiring."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from veracity.config import Settings
from veracity.engine.types import Claim, ClaimVerdict, Evidence, JudgeInput, Usage
from veracity.errors import ModelLoadError
from veracity.factory import build_judge
from veracity.judges.checker import DEFAULT_MODEL_DIR
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


def test_a_calibrated_veto_probability_replaces_the_rules_own_but_never_lowers_the_primary() -> None:
    due = _item("The invoice is due on June 12, 2025.")
    [own] = CombinedJudge(Fixed("a", 0.1), [RulesJudge()]).judge([due])
    [calibrated] = CombinedJudge(Fixed("a", 0.1), [RulesJudge()], veto_p=0.7).judge([due])
    [sure] = CombinedJudge(Fixed("a", 0.8), [RulesJudge()], veto_p=0.7).judge([due])
    assert own.p_hallucination == 0.95 and calibrated.p_hallucination == 0.7 and sure.p_hallucination == 0.8
    assert {own.verdict, calibrated.verdict, sure.verdict} == {"hallucination"}


def test_factory_takes_the_veto_probability_from_the_checker_calibration(tmp_path: Path) -> None:
    model = tmp_path / "checker"
    shutil.copytree(DEFAULT_MODEL_DIR, model)
    cfg = json.loads((model / "config.json").read_text())
    (model / "config.json").write_text(json.dumps(cfg | {"veto_p": 0.66}))
    judge = build_judge(Settings(judges=("checker", "rules"), checker_model_dir=model))
    assert isinstance(judge, CombinedJudge) and judge.veto_p == 0.66
    (model / "config.json").write_text(json.dumps(cfg | {"veto_p": 1.5}))
    with pytest.raises(ModelLoadError, match="veto_p"):
        build_judge(Settings(judges=("checker", "rules"), checker_model_dir=model))


POLICY = ("Opened items cannot be returned. Unopened items can be returned within 30 days. "
          "Sale items are final; gift cards are not refundable.")


def _policy(text: str) -> JudgeInput:
    return JudgeInput("", Claim(text, (0, len(text))), (Evidence(POLICY, "context", (0, len(POLICY))),), "rag")


def test_a_flagged_negation_the_evidence_restates_is_supported() -> None:
    judge = CombinedJudge(Fixed("checker", 0.9), [RulesJudge()])
    same, other = judge.judge([_policy("Gift cards are not refundable."), _policy("Gift cards are not sold online.")])
    assert same.verdict == "supported" and same.p_hallucination == pytest.approx(0.2)
    assert same.judge == "checker+rules" and same.reason == 'The evidence states the same negation: "gift cards are not refundable.".'
    assert other.verdict == "hallucination" and other.judge == "checker"  # "sold" and "online" are not restated
    # never a lower confidence than the primary gave, and nothing to confirm where the primary supports it
    [low] = CombinedJudge(Fixed("checker", 0.1), [RulesJudge()]).judge([_policy("Gift cards are not refundable.")])
    assert low.verdict == "supported" and low.judge == "checker" and low.p_hallucination == 0.1


def test_a_veto_wins_over_a_restated_negation() -> None:
    # "Unopened items cannot be returned." negates what the evidence states; "Opened items cannot be
    # returned." holds no "unopened"
    [v] = CombinedJudge(Fixed("checker", 0.9), [RulesJudge()]).judge([_policy("Unopened items cannot be returned.")])
    assert v.verdict == "hallucination" and "Unopened items can be returned" in v.reason


MARLOW = "Marlow is a town on the River Thames in Buckinghamshire. Its bridge was built in 1832."


def _about_marlow(text: str, prompt: str = "Tell me about Marlow.", context: str | None = MARLOW) -> JudgeInput:
    evidence = (Evidence(MARLOW, "context", (0, len(MARLOW))),)
    return JudgeInput(prompt, Claim(text, (0, len(text))), evidence, "rag" if context else "open", context)


def test_a_just_supported_claim_naming_what_the_context_never_mentions_fails() -> None:
    judge = CombinedJudge(Fixed("checker", 0.45), [RulesJudge()], name_gate=0.4, name_p=0.55)
    severn, thames = judge.judge([_about_marlow("The bridge at Marlow was built by Isambard Brunel."),
                                  _about_marlow("The River Thames flows through Marlow.")])
    assert severn.verdict == "hallucination" and severn.p_hallucination == 0.55
    assert severn.reason == 'The claim names "Isambard Brunel", which the context never mentions.'
    assert severn.judge == "checker+rules" and severn.evidence[0].text == MARLOW
    assert thames.verdict == "supported" and thames.p_hallucination == 0.45
    [sure] = CombinedJudge(Fixed("checker", 0.6), [RulesJudge()], name_gate=0.4, name_p=0.55).judge(
        [_about_marlow("The bridge at Marlow was built by Isambard Brunel.")])
    assert sure.verdict == "hallucination" and sure.p_hallucination == 0.6  # never lowered


def test_a_name_is_no_sign_below_the_gate_nor_without_one_nor_from_the_prompt_or_in_open_mode() -> None:
    severn = "The bridge at Marlow was built by Isambard Brunel."
    confident = CombinedJudge(Fixed("checker", 0.3), [RulesJudge()], name_gate=0.4, name_p=0.55)
    ungated = CombinedJudge(Fixed("checker", 0.45), [RulesJudge()])
    gated = CombinedJudge(Fixed("checker", 0.45), [RulesJudge()], name_gate=0.4, name_p=0.55)
    assert confident.judge([_about_marlow(severn)])[0].verdict == "supported"
    assert ungated.judge([_about_marlow(severn)])[0].verdict == "supported"
    assert gated.judge([_about_marlow(severn, prompt="Did Isambard Brunel build it?")])[0].verdict == "supported"
    assert gated.judge([_about_marlow(severn, context=None)])[0].verdict == "supported"
    # a capital that opens a clause ("bridge: Boats") names nothing
    assert gated.judge([_about_marlow("Marlow has a bridge: Boats pass under it.")])[0].verdict == "supported"


def test_factory_takes_the_name_gate_from_the_checker_calibration(tmp_path: Path) -> None:
    model = tmp_path / "checker"
    shutil.copytree(DEFAULT_MODEL_DIR, model)
    cfg = json.loads((model / "config.json").read_text())
    (model / "config.json").write_text(json.dumps(cfg | {"name_gate": 0.3, "name_p": 0.6}))
    judge = build_judge(Settings(judges=("checker", "rules"), checker_model_dir=model))
    assert isinstance(judge, CombinedJudge) and (judge.name_gate, judge.name_p) == (0.3, 0.6)
    for bad in ({"name_gate": cfg["threshold"] + 0.1}, {"name_gate": 0.3, "name_p": 0.2}):
        (model / "config.json").write_text(json.dumps(cfg | bad))
        with pytest.raises(ModelLoadError, match="name_"):
            build_judge(Settings(judges=("checker", "rules"), checker_model_dir=model))
