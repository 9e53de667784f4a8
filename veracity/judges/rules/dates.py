"""The claim's dates against the evidence's: the same date written another way, another date amid
the claim's words, another day of its month, another month, and a past event dated after the
current year."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from veracity.engine.normalize import DateValue, extract_dates
from veracity.engine.tense import past_year_ahead, this_year
from veracity.engine.textcache import text_cache
from veracity.engine.types import Evidence, Span
from veracity.judges.rules.conflicts import _conflict, _matched, _stray
from veracity.judges.rules.failures import P_ABSENT, P_CONFLICT, _Failure, _Reading, _Values
from veracity.judges.rules.words import _MONTH, _MONTHS, _facts


def _check_dates(claim: str, windows: Sequence[Evidence], stems: set[str], reading: _Reading) -> _Values:
    out = _Values()
    dates = extract_dates(claim)
    for d in dates:
        found = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).dates if d.matches(e)]
        if found:
            own = [o for o in dates if o is not d]
            stray = _stray(d.text, d.span, claim, found, partial(_date_rivals, d, own, windows), windows, stems)
            if stray is not None:
                return out + _Values(spans=(d.span,), failure=stray)
            out += _matched(d.text, d.span, found, windows, stems)
            continue
        ahead = _ahead(d.text, d.year, claim, d.span)
        if ahead is not None:
            return out + _Values(spans=(d.span,), failure=ahead)
        loose = _month_named(d, windows)
        if loose is not None:
            out += _Values((f"{d.text} matches {loose[1]}",), (loose[0],), (d.span,))
            continue
        others = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).dates]
        conflict = (_conflict(d.text, claim, d.span, others, windows, stems, reading)
                    or _other_month(d, claim, windows, stems, reading))
        if conflict is not None:
            return out + _Values(failure=conflict)
        absent = _Failure(reading.absent_is_hard, P_ABSENT, f"The claim says {d.text} but the evidence gives no date.", ())
        if reading.absent_is_hard:
            return out + _Values(failure=absent)
        out += _Values(failure=absent)
    return out


def _other_month(d: DateValue, claim: str, windows: Sequence[Evidence], stems: set[str],
                 reading: _Reading) -> _Failure | None:
    """Another day of the claim date's month, even amid none of the claim's words ("May 2" in the
    whole context for the claim's "May 11"); for a date without a day ("November 2014"), another
    month named amid the claim's words ("signed from Southampton last July")."""
    if d.day is not None:
        same = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).dates
                if e.month == d.month and e.day is not None and (d.year is None or e.year in (None, d.year))]
        return _conflict(d.text, claim, d.span, same, windows, stems, replace(reading, anchored_only=False))
    named = [(i, span) for i, w in enumerate(windows) for span, month in _month_names(w.text) if month != d.month]
    return _conflict(d.text, claim, d.span, named, windows, stems, replace(reading, anchored_only=True))


@text_cache()
def _month_names(text: str) -> tuple[tuple[Span, int], ...]:
    """The months ``text`` names outside its dates ("last July"), with their numbers; "May" is left
    out (a verb too)."""
    dated = [e.span for e in _facts(text).dates]
    return tuple((m.span(), _MONTHS[m.group(0)]) for m in _MONTH.finditer(text)
                 if not any(a <= m.start() < b for a, b in dated))


def _month_named(d: DateValue, windows: Sequence[Evidence]) -> tuple[int, str] | None:
    """For a claim date without a day ("February 2024"): an evidence window naming the
    month ("in February") where the evidence also has the year, if any, and does not date
    that month in another year."""
    if d.day is not None:
        return None
    if any(e.month == d.month and e.year not in (None, d.year) for w in windows for e in _facts(w.text).dates):
        return None  # "November 2013": that month is in another year
    years: set[float] = {q.value for w in windows for q in _facts(w.text).quantities if q.is_year}
    years |= {float(e.year) for w in windows for e in _facts(w.text).dates if e.year is not None}
    if d.year is not None and d.year not in years:
        return None
    name = calendar.month_name[d.month]
    for i, w in enumerate(windows):
        m = re.search(rf"\b(?:{name}|{name[:3]}\.?)(?![^\W\d_])", w.text)
        if m and m.group(0) != "may":
            return i, m.group(0)
    return None


def _ahead(text: str, year: int | None, claim: str, span: Span) -> _Failure | None:
    """A year the evidence does not give, after the current one, told as the year of a past event
    (:func:`engine.tense.past_year_ahead`: "The drama was released in 2442")."""
    if year is None or not past_year_ahead(year, claim, span):
        return None
    return _Failure(True, P_CONFLICT, f"The claim dates a past event to {text}, which is after the current year ({this_year()}).", ())


def _date_rivals(d: DateValue, own: Sequence[DateValue], windows: Sequence[Evidence]) -> list[tuple[int, Span]]:
    """The evidence dates written like ``d`` (with a day or without) that neither it nor the claim's
    ``own`` other dates state."""
    return [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).dates
            if (e.day is None) == (d.day is None) and not any(o.matches(e) for o in [d, *own])]


@text_cache()  # a window's years are placed in it for every claim it may contradict
def _years_named(text: str) -> tuple[tuple[int, int], ...]:
    """The years ``text`` names, bare or in a date, each with its start, in order."""
    facts = _facts(text)
    return tuple(sorted([*((e.span[0], int(e.value)) for e in facts.quantities if e.kind == "year"),
                         *((d.span[0], d.year) for d in facts.dates if d.year is not None)]))


@text_cache()
def _months_placed(text: str) -> tuple[tuple[int, int], ...]:
    """The months ``text`` names, in a date or alone ("in March"), each with its start, in order."""
    return tuple(sorted([*((d.span[0], d.month) for d in _facts(text).dates),
                         *((a, m) for (a, _), m in _month_names(text))]))


def _months_named(text: str) -> set[int]:
    """The months ``text`` names, in a date or alone ("in March")."""
    return {d.month for d in _facts(text).dates} | {m for _, m in _month_names(text)}
