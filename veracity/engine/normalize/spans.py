"""Spans already taken by a value, so that one piece of text is read as one value only."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Protocol, TypeVar

from veracity.engine.types import Span


class _HasSpan(Protocol):
    @property
    def span(self) -> Span: ...


_T = TypeVar("_T", bound=_HasSpan)


class _Spans:
    """Spans merged and sorted, answering "does this span overlap / sit inside one?" in log time."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[Span] = []
        for a, b in sorted(spans):
            if merged and a < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self._spans = merged
        self._starts = [a for a, _ in merged]

    def overlaps(self, span: Span) -> bool:
        i = bisect.bisect_right(self._starts, span[0])
        if i > 0 and self._spans[i - 1][1] > span[0]:
            return True
        return i < len(self._spans) and self._spans[i][0] < span[1]

    def contains(self, span: Span) -> bool:
        i = bisect.bisect_right(self._starts, span[0])
        return i > 0 and self._spans[i - 1][1] >= span[1]


def _non_overlapping(cands: list[_T]) -> list[_T]:
    """Longest candidates first, dropping any that overlap one kept; result in text order."""
    kept: list[_T] = []
    starts: list[int] = []
    for c in sorted(cands, key=lambda c: (c.span[0] - c.span[1], c.span[0])):
        i = bisect.bisect_right(starts, c.span[0])
        if (i > 0 and kept[i - 1].span[1] > c.span[0]) or (i < len(kept) and kept[i].span[0] < c.span[1]):
            continue
        starts.insert(i, c.span[0])
        kept.insert(i, c)
    return kept
