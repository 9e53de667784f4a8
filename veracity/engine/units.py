"""A measured value given in another unit: "5 km" for "5,000 metres", "about 2 km" for "1.2 miles".

The units are those :func:`veracity.engine.normalize.measure` reads after a number (its
``counts``). Two units of one dimension (length, mass, speed, time, data size, data rate,
temperature) convert exactly, a data size in powers of 1,000 or of 1,024 ("1,024 MB" states
"1 GB"), a temperature from its own zero ("77°F" states "25°C"); a rate over one period states
the same rate over another ("60 per minute" states "1 per second"); a value
converted between the metric and imperial systems is written rounded ("1.2 miles (2 km)"), so
it states the claim's value when it rounds to it at the claim's precision (its significant
digits: "2" has one, "1.9" two, "1,000" one). Within one system the conversion must be exact
(1 %, for calendar months and years), or within the hedge's 5 % ("about 700 days"): "18
months" does not state "2 years".
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from veracity.engine.normalize import (
    ROUNDED_KINDS,
    Quantity,
    days_of_kind_end,
    degrees_end,
    extract_quantities,
    hedge_start,
    period,
)
from veracity.engine.types import Span

_DAY = 86_400.0
# kinds of value a claim may give loosely (hedged, rounded, with a scale word): not years or times of day
LOOSE_KINDS = ROUNDED_KINDS | {"word"}
LOOSE_REACH = 0.1  # how far from a hedged value the evidence value it is written as may be
# unit → (dimension, system, size in the dimension's base unit)
_SIZES: dict[str, tuple[str, str, float]] = {
    "km": ("length", "metric", 1000.0), "metre": ("length", "metric", 1.0), "cm": ("length", "metric", 0.01),
    "mm": ("length", "metric", 0.001), "mile": ("length", "imperial", 1609.344),
    "yard": ("length", "imperial", 0.9144), "foot": ("length", "imperial", 0.3048),
    "inch": ("length", "imperial", 0.0254),
    "kg": ("mass", "metric", 1.0), "tonne": ("mass", "metric", 1000.0), "pound": ("mass", "imperial", 0.45359237),
    "stone": ("mass", "imperial", 6.35029318),
    "kph": ("speed", "metric", 1 / 3.6), "mph": ("speed", "imperial", 0.44704),
    "second": ("time", "time", 1.0), "minute": ("time", "time", 60.0), "hour": ("time", "time", 3600.0),
    "day": ("time", "time", _DAY), "week": ("time", "time", 7 * _DAY), "month": ("time", "time", 30.4375 * _DAY),
    "year": ("time", "time", 365.25 * _DAY), "decade": ("time", "time", 3652.5 * _DAY),
    "century": ("time", "time", 36525 * _DAY),
    "business day": ("time", "business", 7 / 5 * _DAY),  # five to a week: "14 business days" are about 20 days
    "byte": ("data", "data", 1.0), "kb": ("data", "data", 1e3), "mb": ("data", "data", 1e6),
    "gb": ("data", "data", 1e9), "tb": ("data", "data", 1e12), "pb": ("data", "data", 1e15),
    "kbps": ("rate", "data", 1e3), "mbps": ("rate", "data", 1e6), "gbps": ("rate", "data", 1e9),
    "celsius": ("temperature", "metric", 1.0), "fahrenheit": ("temperature", "imperial", 5 / 9),
}
# the reading, in the unit, of its dimension's zero: 0 °C is 32 °F
_ZERO = {"fahrenheit": 32.0}
# a data size may be written in powers of 1,024 ("1,024 MB" for "1 GB"): the step of each unit
_BINARY_STEP = {"byte": 0, "kb": 1, "mb": 2, "gb": 3, "tb": 4, "pb": 5}
SAME_SYSTEM_TOLERANCE = 0.01
MONTH_TOLERANCE = 0.05  # a month is 28 to 31 days: "three months" for "90 days"
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# the unit word after a measured value: glued ("6ft"), joined ("36-week-old") or spaced ("5 km", "100 km/h")
_UNIT_WORD = re.compile(r"[A-Za-z]+(?:-old)?|\s[A-Za-z]+(?:/h)?|-[A-Za-z]+(?:-old)?")
_DECADE_S = re.compile(r"['’]?s")


def unit_end(text: str, end: int) -> int:
    """Where the unit word after the measured value ending at ``end`` of ``text`` ends ("°C" and
    " degrees Celsius" too), and the period of a rate after it ("60 requests per minute")."""
    per = period(text, end)
    if per is not None:
        return per[1]
    degrees = degrees_end(text, end)
    if degrees is not None:
        return degrees
    days = days_of_kind_end(text, end)  # "14 business days", whole
    if days is not None:
        return days
    m = _UNIT_WORD.match(text, end)
    return m.end() if m is not None else end


def written(text: str, q: Quantity) -> Span:
    """The span of ``q`` in ``text`` with its unit word where it measures something ("9.8 km",
    "36-week-old"), a decade whole ("1970s")."""
    a, b = q.span
    if q.form == "decade":
        m = _DECADE_S.match(text, b)
        return a, m.end() if m is not None else b
    return a, unit_end(text, b) if q.counts or q.per else b


def as_evidence_writes(claim: str, evidence: str) -> str:
    """``claim`` with each measure that ``evidence`` gives only in another unit, and each decade it
    gives only as a year of it, written as the evidence writes it ("about 8 km" → "about 5 miles"
    against "runs 5 miles"; "in the 1990s" → "in 1998" against "opened in 1998"), so that a
    model reading both compares like with like; a measure the evidence writes in two units is read
    whole (:func:`compounds`: "110 minutes" and "almost two hours" → "1 hour 50 minutes", and back).
    A value the claim gives loosely, rounded to fewer decimals or hedged, that the evidence states is
    written as the evidence gives it, its hedge dropped ("$50" → "$49.99",
    :meth:`~veracity.engine.normalize.Quantity.rounds`; "over 1,200" → "1,240"): the value holds,
    and the model is left to read the rest. A value the evidence gives as the claim does, or not at
    all, is left as it is."""
    found = extract_quantities(claim)
    if not found:
        return claim
    given = extract_quantities(evidence)
    edits = _unit_edits(claim, evidence, found, given)
    for q in found:
        hedge = hedge_start(claim, q.span[0])
        e = _loosely_stated(q, given, hedge is not None)
        if e is not None and not _edited(q, edits):
            # the value and its currency or per cent sign, after its hedge; what it counts stays
            edits.append(((q.span[0] if hedge is None else hedge, q.span[1]), evidence[slice(*e.span)]))
    for (a, b), text in sorted(edits, reverse=True):
        claim = claim[:a] + text + claim[b:]
    return claim


def _unit_edits(claim: str, evidence: str, found: Sequence[Quantity], given: Sequence[Quantity]
                ) -> list[tuple[Span, str]]:
    """The edits that write the claim's measures (of its ``found`` values) and decades as the evidence
    writes them (of its ``given`` values), in another unit, as a year or as a measure in two units
    (see :func:`as_evidence_writes`)."""
    mine = [q for q in found if q.counts in _SIZES or q.form == "decade"]
    theirs = [e for e in given if e.counts in _SIZES or e.is_year]
    wholes = compounds(evidence, given) if mine else []
    edits: list[tuple[Span, str]] = []
    for c in compounds(claim, found):  # "1 hour 50 minutes" against "110 minutes"
        e = next((e for e in theirs if restates(c, e)), None)
        if e is not None:
            edits.append((c.span, evidence[slice(*written(evidence, e))]))
    for q in mine:
        if _edited(q, edits):
            continue
        if any(e.counts == q.counts and e.form == q.form and q.matches(e) for e in theirs):
            continue
        e = next((e for e in theirs if restates(q, e) or (q.form == "decade" and q.matches(e))), None)
        whole = None if e is not None else next(
            (w for w in wholes if (w.counts == q.counts and q.matches(w)) or restates(q, w)), None)
        start, end = written(claim, q)
        if e is not None:
            a, b = written(evidence, e)
            if q.form == "decade" and claim[max(0, start - 4):start].lower() == "the ":
                start -= 4  # "in the 1990s" → "in 1998"
            edits.append(((start, end), evidence[a:b]))
        elif whole is not None:
            edits.append(((start, end), whole.text))
    return edits


def _edited(q: Quantity, edits: Sequence[tuple[Span, str]]) -> bool:
    """Whether ``q`` stands inside a span an edit already rewrites."""
    return any(a <= q.span[0] < b for (a, b), _ in edits)


def _loosely_stated(q: Quantity, given: Sequence[Quantity], hedged: bool) -> Quantity | None:
    """The evidence value that the claim's ``q`` states only loosely: within its hedge ("over 1,200"
    for "1,240"), or written with fewer decimals ("$50" for "$49.99", "$48 million" for "$48.2
    million"; not "$71.2 million" for "$71m", a claim more precise than its evidence), where none is
    the value as written. Not a year ("around 1998")."""
    if q.kind not in LOOSE_KINDS:
        return None
    exact = replace(q, approximate=False, bound=None)
    if any(exact.matches(e) and not exact.rounds(e) for e in given):
        return None
    # a bound is met strictly here ("over 1,300" is not met by 1,240, which the rules let pass), by a
    # value of the same unit and near it ("over 1,200" by 1,240, not by "$48.2 million")
    loose = replace(q, approximate=False) if q.bound is not None else q
    near = [e for e in given if e.kind in LOOSE_KINDS and e.unit == q.unit and q.counts in (None, e.counts)
            and math.isclose(e.value, q.value, rel_tol=LOOSE_REACH) and loose.matches(e)
            and (hedged or q.decimals < e.decimals)]
    return min(near, key=lambda e: abs(e.value - q.value), default=None)


def dimension(unit: str | None) -> str | None:
    """What ``unit`` measures ("time" for "second" and "business day", "length" for "km"), if known."""
    return _SIZES[unit][0] if unit in _SIZES else None


def compounds(text: str, quantities: Sequence[Quantity]) -> list[Quantity]:
    """The measures of ``text`` written in two units of one dimension, the larger first, each read as
    one value in the larger unit: "1 hour 50 minutes" as 1.83 hours, "27st 10lbs" as 27.71 stone,
    "5 feet and 10 inches". ``quantities`` are those of ``text``, in order; the second part is less than one
    of the first's unit ("10 km and 1,500 metres" are two distances); a temperature given twice ("25°C
    (77°F)") is no compound, nor a rate, nor a second part hedged."""
    out = []
    for q, r in zip(quantities, quantities[1:]):
        if (q.counts not in _SIZES or r.counts not in _SIZES or _SIZES[q.counts][:2] != _SIZES[r.counts][:2]
                or dimension(q.counts) == "temperature" or _SIZES[r.counts][2] >= _SIZES[q.counts][2]
                or q.per or r.per or r.approximate or r.bound):
            continue
        part = convert(r.value, r.counts, q.counts)
        if part >= 1 or _COMPOUND_GAP.fullmatch(text, written(text, q)[1], r.span[0]) is None:
            continue  # "2 hours 90 minutes": no part of an hour
        end = written(text, r)[1]
        out.append(replace(q, value=q.value + part, span=(q.span[0], end), text=text[q.span[0]:end]))
    return out


_COMPOUND_GAP = re.compile(r"\s*(?:,\s*|and\s+)?")


def convertible(a: str | None, b: str | None) -> bool:
    """Two different units of one dimension ("km" and "mile"; not "km" and "hour")."""
    return a is not None and b is not None and a != b and a in _SIZES and b in _SIZES and _SIZES[a][0] == _SIZES[b][0]


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` given in the unit ``to`` (both known to :func:`convertible`)."""
    return (value - _ZERO.get(unit, 0.0)) * _SIZES[unit][2] / _SIZES[to][2] + _ZERO.get(to, 0.0)


def in_unit_of(e: Quantity, q: Quantity) -> float:
    """The value of ``e`` in the unit ``q`` counts, where they convert; else its value as it is."""
    if e.counts is not None and q.counts is not None and convertible(e.counts, q.counts):
        return convert(e.value, e.counts, q.counts)
    return e.value


def over_period_of(e: Quantity, q: Quantity) -> Quantity:
    """The evidence rate ``e`` counted over the claim's period ("60 per minute" as "1 per second"),
    where both are rates over different periods; else ``e`` as it is."""
    if e.per is None or q.per is None or e.per == q.per:
        return e
    return replace(e, value=e.value * _SIZES[q.per][2] / _SIZES[e.per][2], per=q.per)


def restates(q: Quantity, e: Quantity) -> bool:
    """Whether the evidence value ``e`` states the claim's measured value ``q`` in another unit, or
    the claim's rate over another period."""
    if e.per is not None and q.per is not None and e.per != q.per:
        rate = over_period_of(e, q)
        if q.matches(rate, rel_tol=SAME_SYSTEM_TOLERANCE) and q.counts in (None, rate.counts or q.counts):
            return True
        e = rate
    if not convertible(q.counts, e.counts) or e.counts is None or q.counts is None:
        return False
    value = convert(e.value, e.counts, q.counts)
    tol = MONTH_TOLERANCE if "month" in (q.counts, e.counts) else SAME_SYSTEM_TOLERANCE
    if q.matches(replace(e, value=value, counts=q.counts), rel_tol=tol):
        return True
    if q.counts in _BINARY_STEP and e.counts in _BINARY_STEP:
        binary = e.value * 1024.0 ** (_BINARY_STEP[e.counts] - _BINARY_STEP[q.counts])
        return q.matches(replace(e, value=binary, counts=q.counts), rel_tol=SAME_SYSTEM_TOLERANCE)
    if _SIZES[q.counts][1] == _SIZES[e.counts][1]:
        return False
    digits = significant_digits(q.text)
    return digits is not None and value > 0 and math.isclose(_round(value, digits), q.value, rel_tol=1e-9)


def significant_digits(text: str) -> int | None:
    """The significant digits of the number written in ``text``: "2" 1, "1.9" 2, "1,000" 1, "0.05" 1."""
    m = _DIGITS.search(text)
    if m is None:
        return None
    raw = m.group(0).replace(",", "")
    whole, _, frac = raw.partition(".")
    digits = (whole + frac).lstrip("0")
    if not frac:
        digits = digits.rstrip("0")
    return max(1, len(digits))


def _round(value: float, digits: int) -> float:
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))
