"""The claim's numbers, amounts, percentages, years and measures against the evidence's: stated
(the same value, in another unit, as part of a score or range), contradicted by a rival of
its kind, or never given."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from veracity.engine import units
from veracity.engine.normalize import JoinedNumbers, Quantity, extract_quantities, hedge_start, joined_numbers
from veracity.engine.textcache import text_cache
from veracity.engine.types import Evidence, Span
from veracity.engine.weekdays import extract_days
from veracity.judges.rules.attribution import (
    _other_calendar_month,
    _other_named,
    _other_period,
    _other_year,
    _part_of_whole,
    _turned,
)
from veracity.judges.rules.conflicts import (
    _conflict,
    _matched,
    _near,
    _on_the_way,
    _same_sentence,
    _stray,
    _written,
)
from veracity.judges.rules.counts import (
    _as_digits,
    _counted,
    _counts_other,
    _near_measure,
    _noun,
    _of_size,
    _of_sort,
    _other_age,
    _same_count,
    _sort,
    _states,
    _total,
    _word_count_conflict,
)
from veracity.judges.rules.dates import _ahead
from veracity.judges.rules.failures import P_ABSENT, P_WORD_NUMBER, _Failure, _Reading, _Values
from veracity.judges.rules.words import _facts


def _quantity_matches(q: Quantity, claim: str, windows: Sequence[Evidence]) -> list[tuple[int, Span]]:
    """The evidence values that state the claim's ``q``: equal (:meth:`Quantity.matches`), a count
    of the same thing where both say what they count ("21 points", not "21 seconds"), a rank for
    a rank given as one ("world No 10" is not stated by "10 titles") and no rank for an age (the
    "17th" of "tied for 17th" does not state "a 17-year-old"). Otherwise ranks and counts state
    each other: "his 4,000th winner" states "4,000 winners". A bare number that counts a thing is no
    amount or percentage: "$5" does not state "five users"."""
    sort = _sort(q, claim)
    noun = _counted(claim, q.span) if q.unit is None and q.kind in ("number", "word") else None
    found = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).quantities
             if _states(q, e) and _of_sort(e, sort) and not (noun is not None and e.unit is not None)]
    if not found and q.is_year:
        found = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).dates
                 if e.year is not None and q.holds_year(e.year)]
    if not found and q.counts is not None:  # "almost two hours" for "1 hour 50 minutes"
        found = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).compounds if _states(q, e)]
    return found


def _in_tokens(q: Quantity, windows: Sequence[Evidence]) -> bool:
    """An integer whose digits stand alone inside an evidence code ("30" in "Terms:N30"; the "2" of a
    product's "Aurora X2" too, so :func:`_check_value` still reads another value amid the claim's words)."""
    if q.value != int(q.value) or q.approximate or q.kind == "word":
        return False
    pattern = rf"(?<!\d){int(abs(q.value))}(?!\d)"
    return any(re.search(pattern, e.text) for w in windows for e in _facts(w.text).identifiers)


def _rivals(q: Quantity, windows: Sequence[Evidence], noun: str | None = None) -> list[tuple[int, Span]]:
    """Evidence values the claim's value competes with: same unit, else same kind and form (a
    rank "18th" competes with ranks, not with a score "4-1" or a count), not counting another
    thing where both say what they count ("21 points" and "60 seconds"; a bare "57" may be the
    age in "58-year-old"). The claim's own value is no rival, even where it is of another sort
    (:func:`_quantity_matches`: "Number 10" for a rank "No 10"). Given the claim's ``noun``
    (:func:`_noun`, for a value the evidence does not give), a number written in words is a rival
    where it counts that: "Ten deputies" for "12 deputies". Not for a value the evidence gives:
    "sentenced to 12 years" where the evidence says "sentenced to two years ..., later increased
    to 12 years". The same measure in another unit, of a size within ``MAGNITUDE``, is a rival only
    where no value of the claim's own unit is ("5,000 metres" for "8 km"); the same number in another
    unit comes first ("12 weeks" for "12 months", before a bare "58"). For a measure, a bare number
    comes last: "about 90 minutes", not "under-18s", is the rival of "about 2 hours"."""
    # (gap, window, span, equal to q, a rate) for: the same unit, the same number in another unit, the same
    # count, the same measure in another unit (only where none of those stands), a bare number for a
    # measure, the years of dates
    tiers: list[list[tuple[float, int, Span, bool, bool]]] = [[], [], [], [], [], []]
    for i, w in enumerate(windows):
        facts = _facts(w.text)
        for e in facts.quantities:
            alike = (_same_count(q, e) and q.counts in (None, e.counts or q.counts)
                     and not _counts_other(q, e, w.text)) or (
                noun is not None and e.kind == "word" and e.value >= 2 and _counted(w.text, e.span) == noun)
            measured = _same_count(q, e) and _near_measure(q, e)
            bare = q.counts is not None and e.counts is None  # "under-18s" for "2 hours"
            tier = (0 if q.unit is not None and e.unit == q.unit else 1 if measured and e.value == q.value
                    else 2 if alike and not bare else 3 if measured else 4 if alike else None)
            if tier is not None:
                tiers[tier].append((abs(units.in_unit_of(e, q) - q.value), i, e.span, _states(q, e), e.per is not None))
        if q.is_year:
            tiers[5].extend((abs(d.year - q.value), i, d.span, q.holds_year(d.year), False)
                            for d in facts.dates if d.year is not None)
    best = next((t for t in tiers if t), [])
    if q.per is not None and any(rate for *_, rate in best):
        best = [t for t in best if t[4]]  # a rate competes with rates ("60 per minute" for "60 an hour")
    nearest_first = sorted(best, key=lambda t: t[0])  # ties go to the nearest value
    return [(i, span) for _, i, span, equal, _ in nearest_first if not equal]


def _quantity_failure(q: Quantity, claim: str, own: Sequence[Quantity], windows: Sequence[Evidence],
                      stems: set[str], reading: _Reading) -> _Failure | None:
    """The claim's value ``q``, which the evidence does not give, against the evidence's values of
    its kind, less those the claim's ``own`` other values state ("won the 2009 and 2010 finals":
    2010 is no rival for 2009)."""
    if _total(q, claim, windows):
        return None
    if q.kind == "word":
        if any(re.search(rf"\b{re.escape(q.text)}\b", w.text, re.IGNORECASE) for w in windows):
            return None
        counted = _word_count_conflict(q, claim, windows, stems, reading)
        return counted or _Failure(False, P_WORD_NUMBER, f'The claim says "{q.text}" but the evidence gives no such '
                                   'number.', ())
    rivals = _other_quantities(q, own, (), windows, _noun(q, claim))
    comparable = [(i, r) for i, r in rivals if _comparable(q, windows[i].text, r)]
    written = _written(claim, q)
    conflict = _conflict(written, claim, q.span, rivals, windows, stems, reading, comparable,
                         q.counts is not None or q.per is not None)
    if conflict is not None:
        return _limits(conflict, q, claim, windows)
    return _Failure(reading.absent_is_hard, P_ABSENT, f"The claim says {written} but no such value appears in the evidence.", ())


def _comparable(q: Quantity, text: str, span: Span) -> bool:
    """Whether the evidence value at ``span`` of ``text`` is within a factor ``MAGNITUDE`` of ``q``:
    a value that might be another figure for the same thing ("78,000 sign petition" and "70,000
    signatures"), not one of another size ("a $3,000 plate" and "$300million")."""
    e = _quantity_at(text).get(span)
    return True if e is None else _of_size(q, e)


@text_cache()  # a window's values are looked up by place for every claim it may contradict
def _quantity_at(text: str) -> dict[Span, Quantity]:
    """The first of :func:`_facts`' values of ``text`` at each span."""
    at: dict[Span, Quantity] = {}
    for e in _facts(text).quantities:
        at.setdefault(e.span, e)
    return at


def _check_joined(run: JoinedNumbers, claim: str, others: Sequence[JoinedNumbers], windows: Sequence[Evidence],
                  stems: set[str], reading: _Reading) -> _Values | None:
    """A score, season or range of the claim ("2-3") against the evidence's: verified by the same
    numbers joined alike, contradicted by another run of as many numbers amid the claim's words
    ("a crucial 2-1 victory" for "Millwall beat Charlton 2-3") that the claim does not give too
    (``others``: "in 2014/15, as in 2012/13"); ``None`` when neither holds, and its numbers are
    then checked one by one."""
    runs = [(i, r) for i, w in enumerate(windows) for r in _facts(w.text).joined]
    same = [(i, r.span) for i, r in runs if run.matches(r)]
    if same:
        return _matched(run.text, run.span, same, windows, stems)
    rivals = [(i, r.span) for i, r in runs
              if len(r.values) == len(run.values) and r.of_years == run.of_years and not any(o.matches(r) for o in others)
              and (run.of_years or not _on_the_way(windows[i].text, r.span))]
    conflict = _conflict(run.text, claim, run.span, rivals, windows, stems, replace(reading, anchored_only=True))
    if conflict is None and not run.of_years:
        conflict = _same_sentence(run.text, claim, rivals, windows)
    return None if conflict is None else _Values(spans=(run.span,), failure=conflict)


def _other_quantities(q: Quantity, own: Sequence[Quantity], found: Sequence[tuple[int, Span]],
                      windows: Sequence[Evidence], noun: str | None = None) -> list[tuple[int, Span]]:
    """The rivals of ``q`` (:func:`_rivals`) other than the values that state it (``found``) or
    that the claim's ``own`` other values state ("from 1979 to 1985": 1985 is no rival for 1979)."""
    stated = _stated(own, windows)
    return [r for r in _rivals(q, windows, noun) if r not in found and r not in stated]


def _stated(own: Sequence[Quantity], windows: Sequence[Evidence]) -> set[tuple[int, Span]]:
    """The evidence values that one of the claim's ``own`` other values gives, read without its
    hedge: "more than 8,000 inmates" gives 8,000, not the evidence's $200,000."""
    exact = [replace(o, bound=None) for o in own]
    return {(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).quantities
            if any(o.matches(e) for o in exact)}


def _check_quantities(claim: str, windows: Sequence[Evidence], stems: set[str], reading: _Reading) -> _Values:
    """The claim's scores and ranges (:func:`_check_joined`), its measures in two units, then each of its
    other values (:func:`_check_value`), up to the first hard failure."""
    out = _Values()
    recurring = [d.span for d in extract_days(claim)]  # "seven days a week" counts no days
    quantities = [q for q in extract_quantities(claim) if not any(a <= q.span[0] < b for a, b in recurring)]
    runs = joined_numbers(claim, quantities)
    for run in runs:
        checked = _check_joined(run, claim, [o for o in runs if o is not run], windows, stems, reading)
        if checked is None:
            continue
        out += checked
        if checked.failure is not None:
            return out
    # the claim's own measures in two units ("1 hour 40 minutes"): read whole, then part by part below
    compounds = units.compounds(claim, quantities)  # "1 hour 50 minutes" for "110 minutes": read as one
    for c in compounds:
        found = _quantity_matches(c, claim, windows)
        if found:
            out += _matched(c.text, c.span, found, windows, stems)
    done = out.spans
    for q in (_as_digits(q, claim) for q in quantities):
        if any(a <= q.span[0] < b for a, b in done):
            continue  # read with the numbers joined to it
        if any(r.span[0] <= q.span[0] < r.span[1] and q.value not in r.values for r in runs):
            continue  # the "15" of a season "2014/15": its year is read with the season
        if q.kind == "word" and q.value <= 1:
            continue  # "one of", "zero-based": too ambiguous to check
        part = any(c.span[0] <= q.span[0] < c.span[1] for c in compounds)
        checked = _check_value(q, claim, [o for o in quantities if o is not q], part, windows, stems, reading)
        out += checked
        if checked.failure is not None and checked.failure.hard:
            return out
    return out


def _check_value(q: Quantity, claim: str, own: Sequence[Quantity], part: bool, windows: Sequence[Evidence],
                 stems: set[str], reading: _Reading) -> _Values:
    """One value of the claim, beside its ``own`` other values, ``part`` of a measure in two units or
    not: another age amid its words (:func:`_other_age`); stated, but amid fewer of its words than
    another value (:func:`_stray`), as part of another whole, or for another direction, period, year,
    month or named thing (:mod:`.attribution`); stated; inside a code; or never given
    (:func:`_quantity_failure`)."""
    age = _other_age(q, claim, windows, stems)
    if age is not None:
        return _Values(spans=(q.span,), failure=age)
    found = _quantity_matches(q, claim, windows)
    stray = None
    bare = bool(reading.asked) and not _near(claim, q.span, ())  # "Three." to "How many remote days per week?"
    if found and (q.kind != "word" or bare):  # a number word counts loosely: "five leaders", "Miliband and four others"
        rivals = partial(_other_quantities, q, own, found, windows)
        stray = _stray(_written(claim, q), q.span, claim, found, rivals, windows, stems,
                       q.counts is not None or q.per is not None, reading.asked)
    whole = None if part else _part_of_whole(q, claim, found, windows)
    stray = (stray or whole or _turned(q, claim, found, windows) or _other_period(q, claim, found, windows)
             or _other_year(q, claim, found, windows) or _other_calendar_month(q, claim, found, windows)
             or _other_named(q, claim, found, windows))
    if stray is not None:
        return _Values(spans=(q.span,), failure=_limits(stray, q, claim, windows))
    if found:
        return _matched(q.text, q.span, found, windows, stems)
    if _in_tokens(q, windows):  # "30" in "Terms:N30", unless another value stands amid its words
        clash = _quantity_failure(q, claim, own, windows, stems, replace(reading, anchored_only=True))
        return _Values(spans=(q.span,), failure=clash if clash is not None and clash.cited else None)
    year = int(q.value) if q.unit is None and q.form == "plain" and re.fullmatch(r"\d{4}", q.text) else None
    failure = _ahead(q.text, year, claim, q.span) or _quantity_failure(q, claim, own, windows, stems, reading)
    return _Values(spans=(q.span,), failure=failure)


def _limits(conflict: _Failure, q: Quantity, claim: str, windows: Sequence[Evidence]) -> _Failure:
    """``conflict`` saying so with the hedges where the claim's limit meets one of the other sense at the
    same value ("The claim says over 8 kg but the evidence says under 8 kg.", not "8 kg ... 8 kg")."""
    e = _quantity_at(windows[conflict.cited[0]].text).get(conflict.quoted) if conflict.quoted and conflict.cited else None
    if e is None or q.bound is None or e.bound is None or not math.isclose(q.value, e.value, rel_tol=1e-6):
        return conflict
    text = windows[conflict.cited[0]].text
    reason = f"The claim says {_limit(claim, q)} but the evidence says {_limit(text, e)}."
    return replace(conflict, reason=reason)


def _limit(text: str, v: Quantity) -> str:
    """The value ``v`` of ``text`` as written, with its hedge ("under 8 kg")."""
    a, b = units.written(text, v)
    h = hedge_start(text, v.span[0])
    return text[a if h is None else min(h, a):b]

