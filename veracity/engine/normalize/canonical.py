"""A text with its dates, amounts and temperatures written one way, for a model to compare."""

from __future__ import annotations

import re

from veracity.engine.normalize.dates import MONTH_NAMES, extract_dates
from veracity.engine.normalize.measures import _DEGREE_SIGNS, degrees_end
from veracity.engine.normalize.quantities import extract_quantities
from veracity.engine.normalize.spans import _Spans
from veracity.engine.textcache import text_cache

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
