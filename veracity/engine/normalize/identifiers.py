"""Codes ("INV7701B", "COVID-19") and telephone numbers: tokens compared whole, never read as
numbers (:func:`extract_identifiers`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from veracity.engine.normalize.currencies import _CURRENCY_CODES
from veracity.engine.normalize.dates import extract_dates
from veracity.engine.normalize.spans import _Spans
from veracity.engine.normalize.words import _I, _TOKEN
from veracity.engine.types import Span

_UNIT_SUFFIXES = frozenset(
    "st nd rd th s k m mn bn b km kg g mg cm mm ml l lb lbs oz ft in gb mb kb tb ghz mhz kw kwh w v am pm "
    "h hr hrs min mins sec ms x yr yrs thousand million billion trillion".split()
)
_PREFIX_WORDS = frozenset("mid pre post early late top over under circa".split())


@dataclass(frozen=True)
class Identifier:
    """A code such as "INV7701B"; ``key`` compares whole tokens (upper case, no - or _)."""

    text: str
    span: Span

    @property
    def key(self) -> str:
        return re.sub(r"[-_\s().+]", "", self.text).upper()


def _numeric_with_affix(segment: str) -> bool:
    """"7116GBP", "GBP7116", "12th", "10k", "5km", "30ºC" (an ordinal sign for a degree sign):
    a number, not an identifier."""
    if re.fullmatch(r"\d+º[CF]?", segment, _I):
        return True
    m = re.fullmatch(r"(?P<pre>[A-Za-z]*)\d+(?P<suf>[A-Za-z]*)", segment)
    if m is None:
        return False
    pre, suf = m.group("pre"), m.group("suf")
    if pre and suf:
        return False
    if pre:
        return pre.upper() in _CURRENCY_CODES
    return suf.upper() in _CURRENCY_CODES or suf.lower() in _UNIT_SUFFIXES


def _is_identifier(token: str) -> bool:
    if not (any(c.isalpha() for c in token) and any(c.isdigit() for c in token)):
        return False
    segments = re.split(r"[-_]", token)
    for seg in segments:
        mixed = any(c.isalpha() for c in seg) and any(c.isdigit() for c in seg)
        if mixed and not _numeric_with_affix(seg):
            return True
    first = segments[0]
    later_digits = any(s.isdigit() for s in segments[1:])
    return first.isalpha() and later_digits and first.lower() not in _PREFIX_WORDS


# a telephone number: "020 8721 4868", "0800 555 111", "(020) 7946 0018", "+44 20 7946 0018",
# "888-957-2272": a code, not numbers
_PHONE = re.compile(
    r"(?<![\w.,+])(?:\+\d{1,3}[ -]?\d{1,4}|\(0?\d{2,5}\)|0\d{2,5})(?:[ -]\d{3,4}){1,3}(?!\w|[.,]\d)"
    r"|(?<![\w.,-])\d{3}-\d{3}-\d{4}(?![\w-])"
)


def extract_identifiers(text: str, exclude: list[Span] | None = None) -> list[Identifier]:
    """Tokens mixing letters and digits that are codes, not numbers, and telephone numbers (see
    :mod:`veracity.engine.normalize`)."""
    skip = _Spans(exclude if exclude is not None else [d.span for d in extract_dates(text)])
    phones = [Identifier(m.group(0), m.span()) for m in _PHONE.finditer(text) if not skip.overlaps(m.span())]
    taken = _Spans([p.span for p in phones])
    tokens = [
        Identifier(m.group(0), m.span())
        for m in _TOKEN.finditer(text)
        if _is_identifier(m.group(0)) and not skip.overlaps(m.span()) and not taken.overlaps(m.span())
    ]
    return sorted(phones + tokens, key=lambda i: i.span[0])
