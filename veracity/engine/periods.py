"""Parts of a year that reports give figures for: quarters and halves.

"Q3", "3Q24", "third-quarter", "the third fiscal quarter" are one quarter; "H1", "1H",
"the first half" one half. An earnings report gives a figure for each, and an answer that gives
one quarter's figure for another ("Q2 revenue was $2.1 billion." where the evidence says
"third-quarter revenue of $2.1 billion") reads, word for word, almost as the evidence does.

"The last quarter" (the one before now) and "a quarter" (a share) name no quarter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from veracity.engine.types import Span

PeriodKind = Literal["quarter", "half"]

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_NAMES = {"quarter": ("first", "second", "third", "fourth"), "half": ("first", "second")}
_PERIOD = re.compile(
    r"\bQ(?P<q>[1-4])(?!\w)"  # "Q3", "Q3 2024", "Q3'24", "Q3-FY24"
    r"|\b(?P<qn>[1-4])Q(?:\d{2}|\d{4})?\b"  # "3Q", "3Q24"
    r"|\bH(?P<h>[12])(?!\w)"  # "H1", not "H1N1"
    r"|\b(?P<hn>[12])H(?:\d{2}|\d{4})\b"  # "1H24" (a bare "1H" is too often something else)
    r"|\b(?P<word>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:(?:fiscal|financial|calendar)[\s-]+)?"
    r"(?P<kind>quarter|half)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Period:
    """A quarter (1-4) or half (1-2) of a year, as written at ``span``."""

    kind: PeriodKind
    number: int
    span: Span
    text: str

    @property
    def name(self) -> str:
        """How a report words it: "the third quarter", "the first half"."""
        return f"the {_NAMES[self.kind][self.number - 1]} {self.kind}"

    @property
    def coded(self) -> bool:
        """Written as a code ("Q3", "1H24"), not in words ("third-quarter")."""
        return not re.search(r"quarter|half", self.text, re.IGNORECASE)

    def same(self, other: Period) -> bool:
        return self.kind == other.kind and self.number == other.number


def extract_periods(text: str) -> list[Period]:
    """The quarters and halves ``text`` names, in order."""
    out: list[Period] = []
    for m in _PERIOD.finditer(text):
        if m.group("word"):
            number = _ORDINALS[m.group("word").lower()]
            kind: PeriodKind = "half" if m.group("kind").lower() == "half" else "quarter"
            if kind == "half" and number > 2:
                continue
        elif m.group("q") or m.group("qn"):
            number, kind = int(m.group("q") or m.group("qn")), "quarter"
        else:
            number, kind = int(m.group("h") or m.group("hn")), "half"
        out.append(Period(kind, number, m.span(), m.group(0)))
    return out
