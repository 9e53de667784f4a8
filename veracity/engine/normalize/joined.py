"""Numbers read as one run: a score, season or range ("4-1", "2014/15", "six to eight weeks")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from veracity.engine.normalize.quantities import _JOIN, Quantity
from veracity.engine.types import Span


@dataclass(frozen=True)
class JoinedNumbers:
    """Numbers joined by dashes or slashes, read as one value: a score "4-1", a season
    "2014/15" (its short year read as 2015), a formation "4-4-2", a range "9-10"."""

    values: tuple[float, ...]
    span: Span
    text: str

    @property
    def of_years(self) -> bool:
        """A season or a span of years ("2014/15", "1939-45"), not a score or a range."""
        return all(1000 <= v <= 2100 and v == int(v) for v in self.values)

    def matches(self, other: JoinedNumbers) -> bool:
        """The same numbers in the same order; a pair also the other way round ("lost 1-2"
        for "won 2-1")."""
        return other.values == self.values or (len(self.values) == 2 and other.values == self.values[::-1])


def joined_numbers(text: str, quantities: Iterable[Quantity]) -> list[JoinedNumbers]:
    """The runs of ``quantities`` (those of ``text``, in order) joined to each other by a dash or
    slash, two numbers or more without units ("4-1", "2014/15", "4-4-2"; not "£2-3m")."""
    runs: list[list[Quantity]] = []
    last: Quantity | None = None
    for q in quantities:
        bare = q.form == "joined" and q.unit is None and q.kind in ("number", "year")
        if bare and last is not None and re.fullmatch(_JOIN, text[last.span[1] : q.span[0]]):
            runs[-1].append(q)
        elif bare:
            runs.append([q])
        last = q if bare else None
    return [_joined(text, run) for run in runs if len(run) > 1]


_TO = re.compile(r"-?\s+to\s+|\s+and\s+")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def spelled_ranges(text: str, quantities: Sequence[Quantity]) -> list[JoinedNumbers]:
    """Ranges written with words, read as runs: "six to eight weeks", "an eight- to ten-hour
    operation", "between 10 and 14 days" (as "6-8", "8-10", "10-14"): two bare numbers, the first
    the smaller, joined by "to" (or "and" after "between")."""
    out: list[JoinedNumbers] = []
    for a, b in itertools.pairwise(quantities):
        if not all(q.unit is None and q.kind in ("number", "word", "year") and q.form == "plain" for q in (a, b)):
            continue
        join = _TO.fullmatch(text, a.span[1], b.span[0])
        if join is None or a.value >= b.value or ("and" in join.group(0) and not _BETWEEN.search(text, 0, a.span[0])):
            continue
        out.append(JoinedNumbers((a.value, b.value), (a.span[0], b.span[1]), text[a.span[0] : b.span[1]]))
    return out


def _joined(text: str, run: list[Quantity]) -> JoinedNumbers:
    values = [run[0].value]
    for q in run[1:]:
        v = q.value
        if values[-1] >= 1000 and q.text.isdigit() and len(q.text) == 2:  # "2014/15", "1999-00"
            v += values[-1] // 100 * 100
            v += 100 if v <= values[-1] else 0
        values.append(v)
    span = (run[0].span[0], run[-1].span[1])
    return JoinedNumbers(tuple(values), span, text[span[0] : span[1]])
