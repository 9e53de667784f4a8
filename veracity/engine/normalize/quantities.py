"""Numbers, amounts, percentages, years, times of day and numbers in words, with their hedges
("about", "more than") and what they count (:func:`extract_quantities`)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Literal

from veracity.engine.normalize.currencies import _CURRENCY_CODES, _CURRENCY_SYMBOLS, _CURRENCY_WORDS
from veracity.engine.normalize.dates import extract_dates
from veracity.engine.normalize.identifiers import extract_identifiers
from veracity.engine.normalize.measures import measure, period
from veracity.engine.normalize.spans import _Spans
from veracity.engine.normalize.words import _I
from veracity.engine.types import Span

QuantityKind = Literal["number", "year", "amount", "percent", "word", "time"]
# how a bare number is written: "18th" (ordinal), "4-1" / "2014/15" / "10-20" (joined to another
# number: a score, a season, a range), a decade ("the 1990s", "1960's"), else plain ("12",
# "12-year-old"); values of different forms count different things
QuantityForm = Literal["plain", "ordinal", "joined", "decade"]

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "mn": 1e6,
           "m": 1e6, "bn": 1e9, "b": 1e9}

_NUM = re.compile(
    r"(?<![\d.])(?P<neg>(?<![^\s(])[-−])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d+(?:\.\d+)?|(?<![^\W\d_])\.\d+)(?![\d]|\.\d)"
)
# a time of day: "10:30", "9:05 pm", "7.30pm", "9am", "5 p.m." (its value: minutes after midnight);
# with a dot the am/pm must follow ("7.30" alone is a number)
_TIME = re.compile(
    r"(?<![\d:.,])(?P<h>\d{1,2})"
    r"(?::(?P<m>\d{2})(?::\d{2})?(?![\d:])|\.(?P<dm>\d{2})(?=\s?[ap]\.?m\b)|(?=\s?[ap]\.?m\b))"
    r"(?:\s?(?P<ap>[ap])(?P<dot>\.)?m\b(?(dot)\.?))?",
    re.IGNORECASE,
)
_CUR_ALT = "|".join(sorted((re.escape(s) for s in _CURRENCY_SYMBOLS), key=len, reverse=True))
_PREFIX = re.compile(rf"(?:(?P<sym>{_CUR_ALT})|(?<![^\W\d_])(?P<code>[A-Za-z]{{3}}))\s?$")
_SCALE_AFTER = re.compile(r"\s*(?P<w>thousand|million|billion|trillion)\b|(?P<a>k|mn|bn|m|b)\b", _I)
_UNIT_AFTER = re.compile(
    r"\s?(?P<pct>%)|\s?(?P<sym>[$£€¥₹])|\s*(?P<pctw>percent|per\s?cent|pct|percentage points?)\b"
    r"|\s*(?P<word>pounds?|dollars?|euros?|yen|rupees|francs)\b|\s*(?P<code>[A-Za-z]{3})\b",
    _I,
)
_APPROX = re.compile(
    r"(?:(?P<above>(?:just|slightly|a little|a bit) (?:over|above|more than))"
    r"|(?P<below>(?:just|slightly|a little|a bit) (?:under|below|less than|fewer than))"
    r"|(?P<min>over|more than|at least|upwards of)|(?P<max>under|less than|fewer than|up to|at most)"
    r"|(?P<near>nearly|almost)|about|around|approximately|approx\.?|roughly|some|circa|~|≈)\s*(?:[$£€¥₹]|US\$)?$",
    _I,
)
# a hedge's bound: "more than £2m" is met by £2.4m, "under 30" by 25, "almost £30m" by £28m, "just
# over 62%" by 63% but not 72% ("just under" likewise below)
Bound = Literal["above", "below", "min", "max", "near"]
_BOUNDS: tuple[Bound, ...] = ("above", "below", "min", "max", "near")
NEAR_BELOW = 0.85  # "almost X" / "nearly X": at least this share of X
JUST_OVER = 1.1  # "just over X": at most this multiple of X ("just under X": at least X / JUST_OVER)
_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_BIG = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_NW = "|".join([*_SMALL, *_TENS, *_BIG])
_WORDNUM = re.compile(rf"\b(?:{_NW})(?:(?:[\s-]+|\s+and\s+)(?:{_NW}))*\b", _I)

# kinds of value a writer rounds to fewer decimal places (a year or a time of day is not rounded)
ROUNDED_KINDS = frozenset({"number", "amount", "percent"})
_WRITTEN_DECIMALS = re.compile(r"\d[\d,]*(?:\.(\d+))?")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit: an ISO currency code, ``"%"`` or ``None``.

    ``form`` tells an ordinal ("18th") and a number joined to another ("4-1", "2014/15") from a
    plain one ("12", "12-year-old"): a rank, a score and a count are not values of one thing.

    ``approximate`` is set when the text hedges ("about 7,000") or rounds with a scale
    word ("$1.2 million"): such a value matches others within 5%. ``bound`` is set when the
    hedge bounds it: "min" ("more than", "over", "at least"), "max" ("under", "up to"),
    "near" ("almost", "nearly": from ``NEAR_BELOW`` of the value up to it), "above" ("just
    over", "slightly more than": up to ``JUST_OVER`` times the value) or "below" ("just under"). ``counts`` is what
    the number counts where a unit word follows it (:func:`measure`: "point" for "21 points").
    ``per`` is the time a rate is counted over, where one follows ("60 requests per minute",
    "$10/month", "1.5 days of leave a month": "minute", "month"; :func:`period`): a value per
    minute is no value per second.
    """

    value: float
    unit: str | None
    span: Span
    text: str = ""
    kind: QuantityKind = "number"
    approximate: bool = False
    form: QuantityForm = "plain"
    bound: Bound | None = None
    counts: str | None = None
    per: str | None = None

    @property
    def is_year(self) -> bool:
        return self.kind == "year"

    def holds_year(self, year: float) -> bool:
        """Whether ``year`` states this value: the same year, or one of its decade ("the 1990s")."""
        if self.form == "decade":
            return self.value <= year < self.value + 10
        return year == self.value

    def matches(self, other: Quantity, rel_tol: float = 1e-6) -> bool:
        """Equal value (tolerance ``rel_tol``, 5% if approximate), or within ``bound`` (a hedge
        such as "more than" or "almost"), and compatible units (equal, or one of them has none).
        A decade ("the 1990s") is stated by a year of it or the same decade."""
        if self.unit is not None and other.unit is not None and self.unit != other.unit:
            return False
        if self.per is not None and other.per is not None and self.per != other.per:
            return False
        if self.form == "decade" and other.is_year:
            return self.holds_year(other.value) and other.form in ("plain", "decade")
        tol = 0.05 if self.approximate else rel_tol
        if self.bound == "min":
            return other.value >= self.value * (1 - tol)
        if self.bound == "max":
            return other.value <= self.value * (1 + tol)
        if self.bound == "above":
            return self.value * (1 - tol) <= other.value <= self.value * JUST_OVER
        if self.bound == "below":
            return self.value / JUST_OVER <= other.value <= self.value * (1 + tol)
        if self.bound == "near":
            return self.value * NEAR_BELOW <= other.value <= self.value * (1 + tol)
        return math.isclose(self.value, other.value, rel_tol=tol, abs_tol=1e-9) or self.rounds(other)

    @property
    def decimals(self) -> int:
        """How many decimal places the number is written with ("2,499.99" → 2, "$2,500" → 0)."""
        m = _WRITTEN_DECIMALS.search(self.text)
        return len(m.group(1)) if m and m.group(1) else 0

    def rounds(self, other: Quantity) -> bool:
        """This value is ``other`` rounded to the decimal places this one is written with ("$2,500"
        for "$2,499.99", "23%" for "23.4%"), where it is at least ten of its last place: "13" rounds
        "12.6", but "5" does not round "4.5" (a step of its last place is a fifth of it). A value read
        with a scale word or a hedge is approximate already."""
        if (self.approximate or other.approximate or self.form != "plain" or other.form != "plain"
                or self.kind not in ROUNDED_KINDS or other.kind not in ROUNDED_KINDS):
            return False
        places = self.decimals
        if places >= other.decimals or abs(self.value) * 10**places < 10:
            return False
        step = 10.0**-places
        return math.isclose(math.floor(other.value / step + 0.5) * step, self.value, rel_tol=1e-9, abs_tol=1e-9)


def _prefix_currency(text: str, start: int) -> tuple[str | None, int]:
    m = _PREFIX.search(text[max(0, start - 8) : start])
    if m is None:
        return None, start
    if m.group("sym"):
        return _CURRENCY_SYMBOLS[m.group("sym")], start - len(m.group(0))
    code = m.group("code").upper()
    return (code, start - len(m.group(0))) if code in _CURRENCY_CODES else (None, start)


_LABEL_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*\.?\s+$")
_LABEL_REACH = 40  # characters before a number where its label word is looked for


def _suffix(text: str, end: int, currency: str | None, labelled: bool = False,
            start: int | None = None) -> tuple[float, str | None, int, bool]:
    """Scale and unit after a number: (multiplier, unit, new end, scaled). A glued "m" is metres or
    millions unless money is counted ("£300m"); a capital "M" or "B" is a scale ("1.5M customers")
    unless the number is ``labelled`` by a capitalised word before it ("Plan 2B", "Room 3B"). Pounds
    of a value weighed (``_WEIGHED`` before the number's ``start``: "weighs 1.2 pounds") are a mass, not money."""
    scale, scaled = 1.0, False
    m = _SCALE_AFTER.match(text, end)
    capital = m is not None and m.group("a") in ("M", "B") and not labelled
    if m and (m.group("w") or m.group("a").lower() in ("k", "mn", "bn") or capital or currency):
        scale, scaled, end = _SCALES[(m.group("w") or m.group("a")).lower()], True, m.end()
    u = _UNIT_AFTER.match(text, end)
    if u is None:
        return scale, currency, end, scaled
    if u.group("sym"):
        return scale, currency or _CURRENCY_SYMBOLS[u.group("sym")], u.end(), scaled
    if u.group("pct") or u.group("pctw"):
        return scale, "%", u.end(), scaled
    if u.group("code") and u.group("code").upper() in _CURRENCY_CODES:
        return scale, u.group("code").upper(), u.end(), scaled
    weighed = (start is not None and u.group("word") is not None and u.group("word").lower().startswith("pound")
               and _WEIGHED.search(text, max(0, start - _WEIGHED_REACH), start) is not None)
    if u.group("word") and currency is None and not weighed:
        return scale, _CURRENCY_WORDS[u.group("word").lower()], u.end(), scaled
    return scale, currency, end, scaled


def _kind(raw: str, unit: str | None, scaled: bool, value: float) -> QuantityKind:
    if unit == "%":
        return "percent"
    if unit is not None:
        return "amount"
    if not scaled and re.fullmatch(r"\d{4}", raw) and 1000 <= value <= 2100:
        return "year"
    return "number"


# a weight: "weighs 1.2 pounds", "weighing just under 3 pounds"
_WEIGHED = re.compile(r"\b(?:weigh(?:s|ed|ing|ts?)?|heavier|lighter)\b(?:\s+[\w.]+){0,3}\s+$", _I)
_WEIGHED_REACH = 40


def _digit_quantity(text: str, m: re.Match[str]) -> Quantity:
    raw = m.group("num")
    value = float(re.sub(r"[,\s\u00a0\u202f]", "", raw)) * (-1 if m.group("neg") else 1)
    currency, start = _prefix_currency(text, m.start())
    labelled = _LABEL_BEFORE.search(text, max(0, start - _LABEL_REACH), start) is not None
    scale, unit, end, scaled = _suffix(text, m.end(), currency, labelled, start)
    hedged, bound = _hedge(text, start)
    return Quantity(value * scale, unit, (start, end), text[start:end], _kind(raw, unit, scaled, value),
                    scaled or hedged, _form(text, start, end), bound)


def _hedge_before(text: str, start: int) -> tuple[re.Match[str] | None, int]:
    """The hedge right before the value at ``start`` of ``text``, if any, found in the 20 characters
    before it, and where those begin."""
    at = max(0, start - 20)
    return _APPROX.search(text[at:start]), at


def _hedge(text: str, start: int) -> tuple[bool, Bound | None]:
    """Whether a hedge stands before the value at ``start`` of ``text`` ("about", "under"), and the
    bound it sets, if any."""
    hedge, _ = _hedge_before(text, start)
    return hedge is not None, next((b for b in _BOUNDS if hedge and hedge.group(b)), None)


def hedge_start(text: str, start: int) -> int | None:
    """Where the hedge before the value at ``start`` of ``text`` begins ("about" in "about 7,000"),
    or ``None`` where none stands there."""
    hedge, at = _hedge_before(text, start)
    return None if hedge is None else at + hedge.start()


_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)(?![^\W\d_])", re.IGNORECASE)
_JOIN = r"\s?[-–/]\s?"  # what joins a number to the next: "4-1", "2014/15", "1 - 2"
_JOINED_AFTER = re.compile(rf"{_JOIN}\d")
_JOINED_BEFORE = re.compile(rf"\d{_JOIN}$")
_RANK_BEFORE = re.compile(r"\bNo\.?\s?$")


def ranked(text: str, start: int) -> bool:
    """Whether the number starting at ``start`` of ``text`` is given as a rank by a "No" before it
    ("world No 3", "City's No. 1")."""
    return _RANK_BEFORE.search(text, max(0, start - 4), start) is not None


def _ordinal_suffix(n: str) -> str:
    """The suffix of the ordinal of the digits ``n``: "st" for 21, "th" for 11, "rd" for 23."""
    if n[-2:] in ("11", "12", "13"):
        return "th"
    return {"1": "st", "2": "nd", "3": "rd"}.get(n[-1:], "th")


_DECADE_AFTER = re.compile(r"['’]?s(?![^\W\d_])")


def _form(text: str, start: int, end: int) -> QuantityForm:
    if re.fullmatch(r"1\d{2}0|20\d0", text[start:end]) and _DECADE_AFTER.match(text, end):
        return "decade"  # "the 1990s", "1960's"
    m = _ORDINAL_AFTER.match(text, end)
    if m and m.group(0).lower() == _ordinal_suffix(text[start:end]):
        return "ordinal"  # "18th", "21st"; not "27st", which is 27 stone
    if ranked(text, start):
        return "ordinal"  # "world No 3", "City's No. 1": a rank
    if _JOINED_AFTER.match(text, end) or _JOINED_BEFORE.search(text[max(0, start - 4) : start]):
        return "joined"
    return "plain"


def _words_value(phrase: str) -> float | None:
    """The number the words of ``phrase`` write ("twenty-one", "two hundred and five"); ``None``
    where they write none, or more than one ("nine one day internationals": nine, then one)."""
    total, current = 0, 0
    for w in re.split(r"[\s-]+", phrase.lower()):
        if w == "and":
            continue
        if w in _SMALL or w in _TENS:
            ones = current % 100
            if ones and (w in _TENS or ones % 10 or ones < 20 or _SMALL[w] >= 10):
                return None  # "nine one", "five twenty", "twenty thirty": two numbers, not one
            current += _SMALL.get(w, 0) + _TENS.get(w, 0)
        elif w == "hundred":
            current = max(current, 1) * 100
        elif current == 0 and total == 0:
            return None  # a bare "thousand" / "million" is not a number on its own
        else:
            total, current = total + current * _BIG[w], 0
    return float(total + current)


def _word_quantities(text: str, taken: _Spans) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _WORDNUM.finditer(text):
        start, stop = m.span()
        value = _words_value(m.group(0))
        while value is None and (cut := _last_word.search(text, start, stop)) is not None:
            stop = cut.start()  # the number its first words write: "nine" of "nine one day"
            value = _words_value(text[start:stop])
        if value is None or taken.overlaps((start, stop)):
            continue
        _, unit, end, _ = _suffix(text, stop, None)
        kind: QuantityKind = "percent" if unit == "%" else "amount" if unit else "word"
        hedged, bound = _hedge(text, start)  # "under three minutes", as for digits
        out.append(Quantity(value, unit, (start, end), text[start:end], kind, hedged, bound=bound))
    return out


_last_word = re.compile(r"(?:[\s-]+|\s+and\s+)[A-Za-z]+$")


def _times(text: str, skip: _Spans) -> list[Quantity]:
    out = []
    for m in _TIME.finditer(text):
        h, mins = int(m.group("h")), int(m.group("m") or m.group("dm") or 0)
        if skip.overlaps(m.span()) or mins > 59 or h > (12 if m.group("ap") else 24):
            continue
        if m.group("ap"):
            h = h % 12 + (12 if m.group("ap").lower() == "p" else 0)
        out.append(Quantity(float(h * 60 + mins), "time", m.span(), m.group(0), "time"))
    return out


def extract_quantities(text: str) -> list[Quantity]:
    """Numbers, amounts, percentages and times of day in ``text`` (not those inside dates or
    identifiers). A time ("10:30", "9am") has unit ``"time"`` and its minutes after midnight
    as value, so it is compared with times only."""
    taken = [d.span for d in extract_dates(text)]
    taken += [i.span for i in extract_identifiers(text, taken)]
    times = _times(text, _Spans(taken))
    taken += [t.span for t in times]
    skip = _Spans(taken)
    out = times + [_digit_quantity(text, m) for m in _NUM.finditer(text) if not skip.overlaps(m.span("num"))]
    out += _word_quantities(text, _Spans(taken + [q.span for q in out]))
    return sorted((_counting(q, measure(text, q.span), period(text, q.span[1])) for q in out),
                  key=lambda q: q.span[0])


def _counting(q: Quantity, counts: str | None, per: tuple[str, int] | None) -> Quantity:
    """``q`` counting ``counts`` over the period ``per``; a four-digit number that counts a unit is
    no year ("1024 MB", "1500 metres"). A time of day has no period ("9am every day")."""
    kind: QuantityKind = "number" if q.kind == "year" and counts is not None else q.kind
    over = per[0] if per is not None and q.unit != "time" and q.kind != "year" else None
    return replace(q, counts=counts, kind=kind, per=over)
