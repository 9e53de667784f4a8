"""Plugin contracts: one method each, like ``llm``'s plugins.

Built-in backends register through the ``veracity.judges`` and ``veracity.searchers``
entry points exactly as third-party ones do (see :mod:`veracity.plugins`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from veracity.engine.types import ClaimVerdict, Evidence, JudgeInput


@runtime_checkable
class Judge(Protocol):
    """Decides, for each claim with its evidence, whether the evidence supports it.

    Returns one :class:`ClaimVerdict` per input, in order. A judge that cannot decide
    a claim returns ``verdict="unverifiable"`` with ``p_hallucination=None``; a judge
    whose backend fails raises :class:`veracity.errors.JudgeError` (never a verdict).
    """

    name: str

    def judge(self, items: Sequence[JudgeInput]) -> list[ClaimVerdict]: ...


@runtime_checkable
class Searcher(Protocol):
    """Finds evidence for a claim in open mode (no context given)."""

    name: str

    def search(self, query: str, k: int) -> list[Evidence]: ...
