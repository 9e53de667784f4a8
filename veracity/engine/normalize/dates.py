"""Dates in any of the ways people and records write them (:func:`extract_dates`; see
:mod:`veracity.engine.normalize`)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from veracity.engine.normalize.spans import _non_overlapping, _Spans
from veracity.engine.normalize.words import _I
from veracity.engine.types import Span

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
_MONTHS = tuple(m[:3].lower() for m in MONTH_NAMES)
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![^\W\d_])"
)
_ORD = r"(?:st|nd|rd|th)?"
_Y2 = r"(?P<y2>\d{2})(?!\d)"
_Y4 = r"(?P<y4>\d{4})(?!\d)"

_DMY = re.compile(
    rf"(?<![\d.,])(?P<d>\d{{1,2}}){_ORD}[\s\-./]*(?:of\s+)?{_MON}"
    rf"(?:(?:,?\s*|[\-/.]\s*){_Y4}|(?:[\-/.]|\s?['’])?{_Y2})?(?!\d)",
    _I,
)
_MDY = re.compile(
    rf"(?<![^\W\d_]){_MON}\s+(?P<d>\d{{1,2}}){_ORD}(?![\d:])(?:,?\s*{_Y4}|\s*['’]{_Y2})?", _I
)
_MY = re.compile(rf"(?<![^\W\d_]){_MON},?\s+(?:of\s+)?(?:{_Y4}|['’]{_Y2})", _I)
_ISO = re.compile(r"(?<![\d.])(?P<y4>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?!\d)")
_NUMDATE = re.compile(
    r"(?<![\d.,/-])(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?:(?P<y4>\d{4})|(?P<y2>\d{2}))"
    r"(?!\d|[/.-]\d)"
)


@dataclass(frozen=True)
class DateValue:
    """A calendar date; ``day`` is ``None`` for "May 2025", ``year`` for "22 May"."""

    year: int | None
    month: int
    day: int | None
    span: Span
    text: str = ""

    def matches(self, other: DateValue) -> bool:
        """True when ``other`` states this date: same month, same day when this one gives
        a day, same year when both give one (so "May 2025" matches "22 May 2025")."""
        if self.month != other.month:
            return False
        if self.day is not None and self.day != other.day:
            return False
        return self.year is None or other.year is None or self.year == other.year


def _year(y4: str | None, y2: str | None) -> int | None:
    if y4:
        return int(y4)
    if y2:
        yy = int(y2)
        return 2000 + yy if yy < 70 else 1900 + yy
    return None


def _make_date(m: re.Match[str], day: int | None, month: int, year: int | None) -> DateValue | None:
    if not 1 <= month <= 12 or (year is not None and not 1000 <= year <= 2999):
        return None
    if day is not None:
        last = calendar.monthrange(year if year is not None else 2024, month)[1]
        if not 1 <= day <= last:
            return None
    text, (start, end) = m.group(0), m.span()
    if text.endswith("."):  # "21 June." at the end of a sentence
        text, end = text[:-1], end - 1
    return DateValue(year, month, day, (start, end), text)


def _named(m: re.Match[str]) -> DateValue | None:
    mon = m.group("mon")
    groups = m.groupdict()
    full = bool(groups.get("d") and (groups.get("y4") or groups.get("y2")))
    if mon.lower() in ("may", "mar") and mon.islower() and not full:
        return None  # "you may 2 ..." / "to mar" are words, not months
    day = int(groups["d"]) if groups.get("d") else None
    return _make_date(m, day, _MONTHS.index(mon[:3].lower()) + 1, _year(groups.get("y4"), groups.get("y2")))


def _numeric(m: re.Match[str]) -> DateValue | None:
    if m.group("s") == "." and not m.group("y4"):
        return None  # "3.5.10" is a version, not a date
    a, b = int(m.group("a")), int(m.group("b"))
    day, month = (b, a) if b > 12 >= a else (a, b)  # day-first unless that is impossible
    return _make_date(m, day, month, _year(m.group("y4"), m.group("y2")))


def _iso(m: re.Match[str]) -> DateValue | None:
    return _make_date(m, int(m.group("d")), int(m.group("m")), int(m.group("y4")))


_DATE_PATTERNS = ((_ISO, _iso), (_NUMDATE, _numeric), (_DMY, _named), (_MDY, _named), (_MY, _named))


def extract_dates(text: str) -> list[DateValue]:
    """Every date in ``text`` with its span, in text order (longest reading wins)."""
    cands: list[DateValue] = []
    invalid: list[Span] = []  # "30 Feb 2024" must not come back as "Feb 2024"
    for pattern, build in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            d = build(m)
            if d is not None:
                cands.append(d)
            elif m.groupdict().get("d"):
                invalid.append(m.span())
    if invalid:
        bad = _Spans(invalid)
        cands = [c for c in cands if not bad.contains(c.span)]
    return _non_overlapping(cands)
