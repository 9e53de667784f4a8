"""Days of the week that recur: "Monday to Friday", "Mon–Fri", "weekdays", "on Saturdays",
"at weekends", "every Sunday", "seven days a week", "24/7".

Opening and support hours are told so, and an answer that widens them ("Support is available on
weekends." where the policy says "Monday to Friday") reads, word for word, almost as its source
does. A single day ("on Monday", "Monday, 3 June") and a single weekend ("over the weekend", "at
the weekend") name an occasion rather than days that recur, and are not read here. Days are numbered from Monday, 0, to Sunday, 6.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veracity.engine.types import Span

_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SHORT = {"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3, "Fri": 4, "Sat": 5, "Sun": 6}
ALL_DAYS = frozenset(range(7))
WORKING_DAYS = frozenset(range(5))
WEEKEND = frozenset({5, 6})

_FULL = "(?i:" + "|".join(_NAMES) + ")"
# a day in a range: its name, or its capitalised abbreviation ("Mon", "Thurs.")
_DAY = rf"(?:{_FULL}|(?:{'|'.join(sorted(_SHORT, key=len, reverse=True))})\.?)"
_DAYS = re.compile(
    rf"\b(?P<a>{_DAY})\s*(?:-|–|—|(?i:to|through|thru|until|till))\s*(?P<b>{_DAY})(?!\w)"
    rf"|\b(?P<plural>{_FULL})s\b"
    rf"|\b(?i:every|each)\s+(?P<every>{_FULL}(?:(?:\s*,\s*|\s+(?i:and|or)\s+|\s*&\s*){_FULL})*)\b"
    r"|\b(?P<weekdays>(?i:weekdays))\b"
    r"|\b(?P<weekends>(?i:weekends))\b"
    r"|\b(?P<all>(?i:(?:seven|7)\s+days\s+a\s+week|every\s+day|365\s+days\s+a\s+year))\b|(?P<round>\b24/7\b)",
)


@dataclass(frozen=True)
class Days:
    """Days of the week that recur, as written at ``span``."""

    days: frozenset[int]
    span: Span
    text: str


def _day(word: str) -> int:
    word = word.rstrip(".")
    return _SHORT[word] if word in _SHORT else _NAMES.index(word.lower())


def _span_days(first: int, last: int) -> frozenset[int]:
    """The days from ``first`` to ``last``, across the week's end ("Friday to Monday")."""
    return frozenset((first + i) % 7 for i in range((last - first) % 7 + 1))


def extract_days(text: str) -> list[Days]:
    """The recurring days ``text`` names, in order."""
    out: list[Days] = []
    for m in _DAYS.finditer(text):
        if m.group("a"):
            days = _span_days(_day(m.group("a")), _day(m.group("b")))
        elif m.group("plural"):
            days = frozenset({_day(m.group("plural"))})
        elif m.group("every"):  # "every Tuesday and Thursday"
            days = frozenset(_day(w) for w in re.findall(_FULL, m.group("every")))
        elif m.group("weekdays"):
            days = WORKING_DAYS
        elif m.group("weekends"):
            days = WEEKEND
        else:
            days = ALL_DAYS
        out.append(Days(days, m.span(), m.group(0)))
    return out
