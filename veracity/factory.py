"""Build the engine's :class:`Verifier` from settings (the one place that wires backends)."""

from __future__ import annotations

from veracity.config import Settings
from veracity.engine.protocols import Judge, Searcher
from veracity.engine.verifier import Policy, Verifier
from veracity.judges.combined import CombinedJudge, PanelJudge
from veracity.plugins import judge_factory, searcher_factory


def build_judge(settings: Settings, names: tuple[str, ...] | None = None) -> Judge:
    """The configured judges combined (see judges/combined.py): the deciding judges form a
    panel (mean probability), and the rules judge vetoes on hard contradictions."""
    names = names or settings.judges
    judges = [judge_factory(n)(settings) for n in names]
    primary = [j for j in judges if not hasattr(j, "hard_contradiction")]
    vetoes = [j for j in judges if hasattr(j, "hard_contradiction")]
    if not primary:
        return judges[0] if len(judges) == 1 else CombinedJudge(judges[0], vetoes[1:])
    decider: Judge = primary[0] if len(primary) == 1 else PanelJudge(primary)
    # the checker's calibration also holds how often its vetoes were right on dev, and from which
    # probability up a name the context never mentions fails a claim
    if not vetoes:
        return decider
    return CombinedJudge(decider, vetoes, getattr(decider, "veto_p", None),
                         name_gate=getattr(decider, "name_gate", None), name_p=getattr(decider, "name_p", None))


def build_searchers(settings: Settings) -> list[Searcher]:
    names = ["kb"] if settings.kb_enabled else []
    if settings.search_provider:
        names.append("web")
    return [searcher_factory(n)(settings) for n in names]


def build_policy(settings: Settings) -> Policy:
    return Policy(
        unverifiable_is_hallucination=settings.unverifiable_is_hallucination,
        window_words=settings.window_words,
        window_overlap_words=min(settings.window_overlap_words, settings.window_words - 1),
        evidence_per_claim=settings.evidence_per_claim,
    )


def build_verifier(settings: Settings, judges: tuple[str, ...] | None = None) -> Verifier:
    return Verifier(build_judge(settings, judges), build_searchers(settings), build_policy(settings))
