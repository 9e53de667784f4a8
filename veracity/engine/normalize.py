"""Dates, quantities, identifiers and words, normalised so equal values compare equal.

Pure functions over plain text; every value keeps its ``(start, end)`` span.

Dates (:func:`extract_dates`)
    "22May25", "22 May 2025", "12th of June 2025", "May 22, 2025", "May 22 2025",
    "2025-05-22", "22/05/2025", "May 2025" (day ``None``), "22 May" / "June 12"
    (year ``None``). Numeric d/m/y is read day-first; when the second number is over
    12 and the first is not ("05/22/2025") it is read month-first. Two-digit years are
    20yy below 70, else 19yy; a two-digit year must be attached ("22May25",
    "22-May-25", "May '25"), so "22 May 25 people" is 22 May with no year. A bare year
    ("1998") is never a date: it is a :class:`Quantity` of kind ``"year"``. A lower-case
    "may"/"mar" is a word, not a month.

Quantities (:func:`extract_quantities`)
    "7116", "7,116", "7 116", "3.5", "-4", "twelve", "one hundred and five"; scale
    words ("1.2 million", "$5bn", "£30million", "10k"; a bare "m"/"b" suffix only after a currency,
    else it is metres/bytes); currencies as ISO codes (symbols, codes before or after,
    "pounds"/"dollars"/"euros"); percentages as unit ``"%"``. Other units (km, kg, hours)
    are not kept: the unit is ``None``. European "7.116,50" and dotted versions
    ("3.5.1") are not read as numbers. Values inside dates and identifiers are skipped.
    Times of day ("10:30", "9am", "7.30pm", "5 p.m.") have unit ``"time"``. Numbers
    joined by a dash or slash ("4-1", "2014/15") are also read as one run
    (:func:`joined_numbers`).

Identifiers (:func:`extract_identifiers`)
    A token of letters and digits ("INV7701B", "PO451C", "N30", "H100", "COVID-19") is an
    identifier, compared as a whole token (case, "-" and "_" ignored), never a number.
    Exceptions read as numbers: a number with a currency code before or after it
    ("7116GBP", "GBP7116"), an ordinal ("12th"), a scale or unit suffix ("10k", "5km",
    "1990s", "3pm", "30million") and "<number>-<word>" ("10-year"). A telephone number
    ("020 8721 4868", "888-957-2272") is an identifier, compared without its spaces and dashes.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, Protocol, TypeVar

from veracity.engine.textcache import text_cache
from veracity.engine.types import Span

QuantityKind = Literal["number", "year", "amount", "percent", "word", "time"]
# how a bare number is written: "18th" (ordinal), "4-1" / "2014/15" / "10-20" (joined to another
# number: a score, a season, a range), a decade ("the 1990s", "1960's"), else plain ("12",
# "12-year-old"); values of different forms count different things
QuantityForm = Literal["plain", "ordinal", "joined", "decade"]

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
_I = re.IGNORECASE
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

_CURRENCY_SYMBOLS = {
    "US$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL",
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₪": "ILS", "₣": "CHF",
}
_CURRENCY_CODES = frozenset(
    "GBP USD EUR JPY CHF CAD AUD NZD INR CNY RMB HKD SGD SEK NOK DKK PLN CZK ZAR BRL MXN RUB KRW TRY ILS AED SAR".split()
)
_CURRENCY_WORDS = {"pound": "GBP", "pounds": "GBP", "dollar": "USD", "dollars": "USD", "euro": "EUR",
                   "euros": "EUR", "yen": "JPY", "rupees": "INR", "francs": "CHF"}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "mn": 1e6,
           "m": 1e6, "bn": 1e9, "b": 1e9}
_UNIT_SUFFIXES = frozenset(
    "st nd rd th s k m mn bn b km kg g mg cm mm ml l lb lbs oz ft in gb mb kb tb ghz mhz kw kwh w v am pm "
    "h hr hrs min mins sec ms x yr yrs thousand million billion trillion".split()
)
_PREFIX_WORDS = frozenset("mid pre post early late top over under circa".split())

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
_TOKEN = re.compile(r"[^\W_]+(?:[-_][^\W_]+)*")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


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


@dataclass(frozen=True)
class Identifier:
    """A code such as "INV7701B"; ``key`` compares whole tokens (upper case, no - or _)."""

    text: str
    span: Span

    @property
    def key(self) -> str:
        return re.sub(r"[-_\s().+]", "", self.text).upper()


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
    module doc)."""
    skip = _Spans(exclude if exclude is not None else [d.span for d in extract_dates(text)])
    phones = [Identifier(m.group(0), m.span()) for m in _PHONE.finditer(text) if not skip.overlaps(m.span())]
    taken = _Spans([p.span for p in phones])
    tokens = [
        Identifier(m.group(0), m.span())
        for m in _TOKEN.finditer(text)
        if _is_identifier(m.group(0)) and not skip.overlaps(m.span()) and not taken.overlaps(m.span())
    ]
    return sorted(phones + tokens, key=lambda i: i.span[0])


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


def _suffix(text: str, end: int, currency: str | None, labelled: bool = False) -> tuple[float, str | None, int, bool]:
    """Scale and unit after a number: (multiplier, unit, new end, scaled). A glued "m" is metres or
    millions unless money is counted ("£300m"); a capital "M" or "B" is a scale ("1.5M customers")
    unless the number is ``labelled`` by a capitalised word before it ("Plan 2B", "Room 3B")."""
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
    if u.group("word") and currency is None:
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


def _digit_quantity(text: str, m: re.Match[str]) -> Quantity:
    raw = m.group("num")
    value = float(re.sub(r"[,\s\u00a0\u202f]", "", raw)) * (-1 if m.group("neg") else 1)
    currency, start = _prefix_currency(text, m.start())
    labelled = _LABEL_BEFORE.search(text, max(0, start - _LABEL_REACH), start) is not None
    scale, unit, end, scaled = _suffix(text, m.end(), currency, labelled)
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


# what a number counts, written after it: a word ("21 points", "44 years", "a 36-week-old baby",
# "5 TB", "100 Mbps"),
# or an abbreviation glued to it ("6ft", "3lbs"); a glued "m" is left out: "10m" is metres or
# millions ("300 m" is metres: a scale is glued, "£300m")
_MEASURE_WORDS = {form: unit for unit, forms in (
    ("second", "second seconds secs"), ("minute", "minute minutes mins"), ("hour", "hour hours hrs"),
    ("day", "day days"), ("week", "week weeks"), ("month", "month months"), ("year", "year years yrs"),
    ("decade", "decade decades"), ("century", "century centuries"), ("mile", "mile miles"),
    ("metre", "m metre metres meter meters"), ("yard", "yard yards"), ("foot", "foot feet"),
    ("inch", "inch inches"), ("kg", "kg kilo kilos kilogram kilograms"), ("stone", "stone stones"),
    ("km", "km kms kilometre kilometres kilometer kilometers"), ("cm", "cm centimetre centimetres centimeter centimeters"),
    ("mm", "mm millimetre millimetres millimeter millimeters"), ("foot", "ft"), ("pound", "lb lbs"),
    ("mph", "mph"), ("kph", "kph kmh"),
    ("tonne", "tonne tonnes ton tons"), ("point", "point points"), ("goal", "goal goals"),
    ("wicket", "wicket wickets"), ("run", "run runs"), ("lap", "lap laps"),
    ("byte", "byte bytes"), ("kb", "kb kilobyte kilobytes"), ("mb", "mb megabyte megabytes"),
    ("gb", "gb gigabyte gigabytes"), ("tb", "tb terabyte terabytes"), ("pb", "pb petabyte petabytes"),
    ("kbps", "kbps"), ("mbps", "mbps"), ("gbps", "gbps"),
) for form in forms.split()}
_MEASURE_GLUED = {"km": "km", "cm": "cm", "mm": "mm", "kg": "kg", "ft": "foot", "lb": "pound", "lbs": "pound",
                  "st": "stone", "yd": "yard", "yds": "yard", "mph": "mph", "kph": "kph", "kmh": "kph",
                  "hr": "hour", "hrs": "hour", "kb": "kb", "mb": "mb", "gb": "gb", "tb": "tb", "pb": "pb",
                  "kbps": "kbps", "mbps": "mbps", "gbps": "gbps"}
_DAYS_OF_KIND = re.compile(r"[\s-](business|working|calendar)\s+days?\b", _I)
_MEASURE_AFTER = re.compile(r"(?P<glued>[a-z]+\b)|[\s-](?P<word>[a-z]+)\b", _I)


# a temperature: "25°C", "25 ºC", "77 °F", "25 degrees Celsius", "77 degrees F"
_DEGREES = re.compile(r"\s?[°º˚]\s?(?P<sign>[CF])\b|\s+degrees?\s+(?P<word>celsius|centigrade|fahrenheit|C|F)\b", _I)
_TEMPERATURES = {"c": "celsius", "celsius": "celsius", "centigrade": "celsius", "f": "fahrenheit",
                 "fahrenheit": "fahrenheit"}
_DEGREE_SIGNS = {"celsius": "C", "fahrenheit": "F"}  # how canonical_text writes each ("25°C")
_PER_HOUR = re.compile(r"\s?/\s?hr?\b|\s+(?:per|an|a)\s+hour\b", _I)
_SPEEDS = {"km": "kph", "mile": "mph"}


def unit_word(word: str) -> str | None:
    """The unit a word names ("goals" → "goal", "TB" → "tb"), or ``None``."""
    return _MEASURE_WORDS.get(word.lower())


def measure(text: str, span: Span) -> str | None:
    """What the number at ``span`` of ``text`` counts, when a unit word follows it: "year" for "44
    years" and "a 17-year-old", "point" for "21 points", "foot" for "6ft", "kph" for "100 km/h";
    ``None`` otherwise."""
    degrees = _DEGREES.match(text, span[1])
    if degrees is not None:
        return _TEMPERATURES[(degrees.group("sign") or degrees.group("word")).lower()]
    days = _DAYS_OF_KIND.match(text, span[1])
    if days is not None:  # "14 business days" are no "14 days"; "14 calendar days" are
        return "day" if days.group(1).lower() == "calendar" else "business day"
    m = _MEASURE_AFTER.match(text, span[1])
    if m is None:
        return None
    if m.group("glued"):
        unit = _MEASURE_GLUED.get(m.group("glued").lower())
    else:
        unit = _MEASURE_WORDS.get(m.group("word").lower())
    if unit in _SPEEDS and _PER_HOUR.match(text, m.end()):
        return _SPEEDS[unit]
    return unit


def days_of_kind_end(text: str, end: int) -> int | None:
    """Where "business days", "working days" or "calendar days" after the number ending at ``end``
    ends, or ``None`` where none follows."""
    m = _DAYS_OF_KIND.match(text, end)
    return m.end() if m is not None else None


def degrees_end(text: str, end: int) -> int | None:
    """Where the temperature unit after the number ending at ``end`` ends ("°C", " degrees
    Celsius"), or ``None`` where none follows."""
    m = _DEGREES.match(text, end)
    return m.end() if m is not None else None


# the time a rate is counted over, after the value and at most four words ("60 requests per minute
# per API key", "1.5 days of paid leave a month", "$10/mo", "$500 weekly"); not "every 4 hours"
_PERIODS = {"second": "second", "sec": "second", "minute": "minute", "min": "minute", "hour": "hour",
            "hr": "hour", "day": "day", "week": "week", "wk": "week", "month": "month", "mo": "month",
            "year": "year", "yr": "year", "annum": "year", "hourly": "hour", "daily": "day", "weekly": "week",
            "monthly": "month", "yearly": "year", "annually": "year"}
_PERIOD = re.compile(
    r"(?:[\s-]+[A-Za-z][A-Za-z'’-]*){0,4}?"
    r"(?:\s*/\s*(?P<slash>sec|second|min|minute|hr|hour|day|wk|week|mo|month|yr|year)"
    r"|\s+(?:per|each|every)\s+(?P<per>second|minute|hour|day|week|month|year|annum)"
    r"|\s+an?\s+(?P<a>second|minute|hour|day|week|month|year)(?!\s+(?:ago|later|earlier|before|after|prior)\b)"
    r"|\s+(?P<adverb>hourly|daily|weekly|monthly|yearly|annually))\b", _I)


def period(text: str, end: int) -> tuple[str, int] | None:
    """The period a rate is counted over, after the value ending at ``end`` (see ``Quantity.per``),
    and where its words end; ``None`` where no period follows within four words."""
    m = _PERIOD.match(text, end)
    if m is None:
        return None
    word = m.group("slash") or m.group("per") or m.group("a") or m.group("adverb")
    return _PERIODS[word.lower()], m.end()


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


def fold(text: str) -> str:
    """Lower case without accents ("Müller" → "muller"), curly apostrophes made straight."""
    if text.isascii():  # nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# irregular past tenses and past participles with their base forms ("paid" → "pay", "gone" → "go")
IRREGULAR_PAST: dict[str, str] = dict(
    pair.split(":")
    for pair in """paid:pay said:say made:make went:go took:take gave:give won:win lost:lose sold:sell bought:buy
    built:build began:begin held:hold left:leave met:meet ran:run saw:see told:tell wrote:write found:find
    knew:know got:get came:come kept:keep sent:send spent:spend led:lead brought:bring thought:think
    became:become grew:grow rose:rise fell:fall chose:choose drove:drive ate:eat broke:break spoke:speak
    stood:stand taught:teach caught:catch fought:fight did:do had:have drew:draw flew:fly threw:throw
    wore:wear hit:hit beat:beat struck:strike sang:sing""".split()
)
_PARTICIPLES = dict(
    pair.split(":")
    for pair in """gone:go taken:take given:give begun:begin seen:see written:write known:know grown:grow
    risen:rise fallen:fall chosen:choose driven:drive eaten:eat broken:break spoken:speak done:do""".split()
)
_IRREGULAR = IRREGULAR_PAST | _PARTICIPLES


@functools.lru_cache(maxsize=65_536)  # a context's words are stemmed for every claim
def stem(word: str) -> str:
    """A light stem: possessive, plural and -ed/-ing endings off, a final "e" dropped,
    common irregular verb forms mapped to their base ("paid" → "pay")."""
    w = fold(word)
    w = w[:-2] if w.endswith("'s") else w
    w = _IRREGULAR.get(w, w)
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: len(w) - len(suffix)] + repl
            break
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


def word_spans(text: str) -> list[tuple[str, Span]]:
    """Words (letters/digits, inner apostrophes kept) with their spans."""
    return [(m.group(0), m.span()) for m in _WORD.finditer(text)]


_GLUED_KEY = re.compile(r"(?<![\w/])([A-Za-z][A-Za-z0-9.()_-]{0,30}):(?=[^\s/:\d]|\d(?!\d?:\d))")


@text_cache()  # a window is read for every claim it may support
def canonical_text(text: str) -> str:
    """``text`` with its dates, money amounts and temperatures written one way, for a model to compare.

    Dates become "21 June 2025" ("June 2025" without a day; a date without a year keeps its
    own words), amounts with a currency "7,116 GBP" ("7,116.50 GBP" with cents), and a
    record's glued ``Key:value`` gets a space after the colon. So "Due:21Jun25" and
    "due on June 21, 2025" read alike, as do "Amt:7116GBP" and "£7,116", and "25 degrees Celsius"
    and "25°C". Everything else
    is left as it is (times such as "10:30" and URLs too).
    """
    edits: list[tuple[int, int, str]] = []
    for d in extract_dates(text):
        if d.year is None:
            continue
        month = MONTH_NAMES[d.month - 1]
        edits.append((*d.span, f"{d.day} {month} {d.year}" if d.day is not None else f"{month} {d.year}"))
    taken = _Spans((s, e) for s, e, _ in edits)
    for q in extract_quantities(text):
        sign = _DEGREE_SIGNS.get(q.counts or "")
        degrees = degrees_end(text, q.span[1]) if sign else None
        if degrees is not None and not taken.overlaps(q.span):
            edits.append((q.span[0], degrees, f"{q.text}°{sign}"))
        if q.kind != "amount" or q.unit is None or len(q.unit) != 3 or q.approximate or taken.overlaps(q.span):
            continue
        value = f"{q.value:,.0f}" if q.value == int(q.value) else f"{q.value:,.2f}"
        edits.append((*q.span, f"{value} {q.unit}"))
    out = text
    for s, e, new in sorted(edits, reverse=True):
        out = out[:s] + new + out[e:]
    return _GLUED_KEY.sub(r"\1: ", out)
