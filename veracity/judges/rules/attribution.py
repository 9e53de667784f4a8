"""A value the evidence gives, but for another quarter, year, month or named thing than the claim's
("The Team plan costs $20 per month." against "The Pro plan costs $20 per month"), or moving
the other way ("fell to" where the evidence says "rose to")."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import replace

from veracity.engine import units
from veracity.engine.normalize import Quantity, extract_quantities, fold, stem, word_spans
from veracity.engine.periods import Period, PeriodKind, extract_periods
from veracity.engine.textcache import text_cache
from veracity.engine.types import Evidence, Span
from veracity.judges.rules.conflicts import _quote, _written
from veracity.judges.rules.counts import _counted, _noun, _of_size, _states
from veracity.judges.rules.dates import _months_named, _months_placed, _years_named
from veracity.judges.rules.failures import P_CONFLICT, _Failure
from veracity.judges.rules.names import _Named, _names_placed, _one_named, _sentence_names, _unmeasured
from veracity.judges.rules.polarity import _negation
from veracity.judges.rules.sentences import (
    MOVE_REACH,
    _clause,
    _clause_stems,
    _lead,
    _lead_words,
    _sentence,
    _sentence_index,
    _sentence_spans,
    _within,
)
from veracity.judges.rules.words import (
    _PRONOUN,
    _SKIP_NAME,
    _STOP,
    K,
    _compound_holding,
    _content,
    _facts,
    _known,
    _only,
    _words_of,
)

# the way a value moved, said by a word among the few before it ("rose to $610 million", "up 12%")
_UP = frozenset("""rose rise rises rising risen grew grow grows growing grown increased increase increases
    increasing up gained gain gains climbed climb climbs jumped jump jumps soared surged raised raise raises
    boosted higher""".split())
_DOWN = frozenset("""fell fall falls falling fallen declined decline declines declining decreased decrease
    decreases decreasing down dropped drop drops dropping lost lose loses slid slipped sank shrank shrunk
    plunged plummeted tumbled cut cuts lowered lower reduced""".split())


LONG_REACH = 6  # where the words between are the claim's: "raised its quarterly dividend to"


def _direction(text: str, span: Span, said: frozenset[str] = frozenset()) -> tuple[str, int] | None:
    """"up" or "down" where a word among the ``MOVE_REACH`` words before the value at ``span`` says the
    value rose or fell ("rose to", "fell by"; "up" and "down" only right before it: "up 12%", not
    "counting down to the 100th"), in its clause and not negated, with how many words before the value
    it stands; else ``None``. Given the claim's content stems (``said``), the word may stand up to
    ``LONG_REACH`` words before where each word after it is a stop word or one of the claim's ("raised
    its quarterly dividend to $0.45" for "The dividend was cut to $0.45"), none a negation."""
    words = _lead_words(text, span, LONG_REACH if said else MOVE_REACH)
    near = words[-MOVE_REACH:]
    if any(_negation(near, i) for i in range(len(near))):
        return None
    for k, w in enumerate(reversed(words)):
        f = fold(w)
        if k >= MOVE_REACH:
            after = words[len(words) - k - 1:]
            if any(_negation(after, i) for i in range(len(after))) or not all(
                    fold(x) in _STOP or stem(fold(x)) in said for x in after[1:]):
                return None
        if f in ("up", "down") and k > 0:
            continue
        if f in _UP or f in _DOWN:
            return ("up" if f in _UP else "down"), k + 1
    return None


def _turned(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]) -> _Failure | None:
    """The claim's value moved the other way than wherever the evidence gives it: "Net income fell to
    $610 million." where the evidence says "Net income rose to $610 million"; not where one of the
    evidence values stated says no way or the same way."""
    mine = _direction(claim, q.span) if q.form == "plain" and q.kind in ("number", "amount", "percent") else None
    if mine is None or not found:
        return None
    said = frozenset(stem(fold(w)) for w in _content(claim))
    theirs = [_direction(windows[i].text, at, said) for i, at in found]
    ways = [t for t in theirs if t is not None and t[0] != mine[0]]
    if len(ways) < len(theirs):
        return None
    (i, at), (_, back) = found[0], ways[0]
    return _Failure(True, P_CONFLICT, f'The claim says "{_lead(claim, q.span)}" but the evidence says '
                    f'"{_lead(windows[i].text, at, max(back, MOVE_REACH))}".', (i,), at)


def _part_of_whole(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]
                   ) -> _Failure | None:
    """The claim's measure stated only as a part of a measure the evidence writes in two units, whose
    whole it is not (:func:`units.compounds`): "50 minutes" or "1 hour" where the evidence says "1
    hour 50 minutes"; not "27 stone" for "27st 10lbs", within 5 % of it."""
    if q.counts is None or not found:
        return None
    wholes = [(i, _compound_holding(windows[i].text, at)) for i, at in found]
    if any(whole is None or _states(replace(q, approximate=True), whole) for _, whole in wholes):
        return None
    i, whole = wholes[0]
    assert whole is not None
    return _Failure(True, P_CONFLICT, f"The claim says {_written(claim, q)} but the evidence says {whole.text}.", (i,),
                    whole.span)


_periods = text_cache()(extract_periods)  # a window's quarters are placed for every claim it may contradict


def _other_period(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]
                  ) -> _Failure | None:
    """The claim gives its value for a quarter or half ("Q2 revenue was $2.1 billion.") and every
    evidence sentence that gives the value names others of that kind, not the claim's ("third-quarter
    revenue of $2.1 billion"). A claim naming two periods is not read: which one the value is for
    is not known; nor a year, which a period is of."""
    periods = extract_periods(claim)
    if len(periods) != 1 or not found or q.kind == "year":
        return None
    mine = periods[0]
    named = [(i, _periods_around(windows[i].text, at, mine.kind)) for i, at in found]
    if any(not others or any(p.same(mine) for p in others) for _, others in named):
        return None
    i, others = named[0]
    return _Failure(True, P_CONFLICT, f"The claim gives {_written(claim, q)} for {mine.name} but the evidence "
                    f"gives it for {others[0].name}.", (i,), others[0].span)


def _periods_around(text: str, at: Span, kind: PeriodKind) -> list[Period]:
    """The periods of ``kind`` named in the sentence of ``text`` holding ``at``."""
    a, b = _sentence(text, at)
    return [p for p in _periods(text) if a <= p.span[0] < b and p.kind == kind]


def _other_year(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]
                ) -> _Failure | None:
    """The claim gives its value for a year ("Revenue was $7.4 billion in 2024.") that every evidence
    sentence giving the value does not name, naming others ("In 2023 revenue was $7.4 billion."),
    while a sentence naming the claim's year gives another value of its kind ("$8.1 billion in
    2024"). Without that other value the years may date something else ("Founded in 1998, it earns
    $8.1 billion"); a claim naming two years is not read."""
    years = {int(e.value) for e in extract_quantities(claim) if e.kind == "year"}
    return _given_to_another(q, claim, found, windows, _only(years), _years_named, int.__eq__, str)


def _other_calendar_month(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]
                          ) -> _Failure | None:
    """As :func:`_other_year`, for a month ("Sales were $3.1 million in March." against "February
    sales were $3.1 million. In March, sales climbed to $3.6 million."): a month dates events as a
    year does, so the evidence must give the claim's month another value of the kind."""
    return _given_to_another(q, claim, found, windows, _only(_months_named(claim)), _months_placed, int.__eq__,
                             lambda m: calendar.month_name[m])


def _other_named(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]
                 ) -> _Failure | None:
    """As :func:`_other_year`, for the one thing the claim names ("The Team plan costs $20 per month."
    against "The Pro plan costs $20 per month ... The Team plan costs $50 per month."): a value the
    evidence gives another thing, where it gives the claim's thing another value of its kind. Read only
    where the claim names nothing else, the value is an amount, a share, a year or a count of something
    ("25 users", against a count of the same thing), and the clauses giving both values share a word of
    the claim besides the name and the value ("costs" in both): news gives many numbers a sentence,
    and most are of other things. A nationality ("Japanese") or an owner ("Guardiola's team") names no
    thing here, and a sentence with a pronoun ("He is charged with ... in 1991") may give the value to
    the claim's thing after all."""
    noun = _noun(q, claim) if not q.counts else None
    if not (q.unit or q.counts or q.kind in ("percent", "year") or noun):
        return None
    mine = _one_named(claim, measures=False)
    if mine is None:
        return None  # "Pep Guardiola's team": the value is of something else the name owns
    if any(_PRONOUN.search(windows[i].text, *_sentence(windows[i].text, at)) for i, at in found):
        return None  # "He is charged with murdering ... in 1991": the value may be the claim's thing's after all
    if any(mine.same(n) for i, at in found for n in _sentence_names(windows[i].text, at)):
        return None  # "Aaron Wilbraham (right) has scored 18 goals for the Robins": the sentence gives it his
    facts = _words_of(windows)
    if not all(_known(w, facts) for w, _ in word_spans(mine.text) if fold(w) not in _SKIP_NAME):
        return None
    a, b = units.written(claim, q)  # "$20 per month", "25 users": the value's own words say nothing of it
    said = {stem(fold(w)) for w in _content(claim, [(a, b)]) if not any(c.isdigit() for c in w)} - mine.stems
    shared = set().union(*(_clause_stems(windows[i].text, at) & said for i, at in found))

    def placed(text: str) -> tuple[tuple[int, _Named], ...]:
        return _unmeasured(text, _names_placed(text)) if shared else ()

    def rival(text: str, at: Span) -> bool:  # said as the claim's value is, of what the claim's counts
        return bool(_clause_stems(text, at) & shared) and (noun is None or _counted(text, at) == noun)

    return _given_to_another(q, claim, found, windows, mine, placed, _Named.same, lambda n: f'"{n.text}"',
                             ("amount", "percent", "number", "year"), rival)


def _given_to_another(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence],
                      mine: K | None, placed: Callable[[str], tuple[tuple[int, K], ...]], holds: Callable[[K, K], bool],
                      name: Callable[[K], str], kinds: tuple[str, ...] = ("amount", "percent", "number"),
                      rival_at: Callable[[str, Span], bool] = lambda text, at: True) -> _Failure | None:
    """A value the evidence gives for another year, month or named thing than the claim's ``mine``
    (as ``placed`` finds them in a text): where the evidence gives the value, its clause (or sentence,
    :func:`_named_around`) names others and not the claim's, and a clause naming the claim's gives
    another value of the same kind, unit and size. ``holds(theirs, mine)``: whether the evidence's one
    is the claim's; ``rival_at(text, span)``: whether a value there may be the claim's rival."""
    if mine is None or not found or q.kind not in kinds or q.form != "plain":
        return None
    named = [(i, _named_around(windows[i].text, at, placed)) for i, at in found]
    if any(not others or any(holds(o, mine) for o in others) for _, others in named):
        return None
    _, others = named[0]
    for j, w in enumerate(windows):
        for e in _facts(w.text).quantities:
            if (e.kind == q.kind and e.unit == q.unit and e.form == "plain" and not _states(q, e)
                    and (e.counts == q.counts and _of_size(q, e) or _measured_alike(q, e)) and rival_at(w.text, e.span)
                    and any(holds(o, mine) for o in _named_around(w.text, e.span, placed))):
                return _Failure(True, P_CONFLICT, f"The claim gives {_written(claim, q)} for {name(mine)} but the "
                                f"evidence gives it for {name(others[0])} and {_quote(w.text, e.span, e.counts != q.counts)} for "
                                f"{name(mine)}.", (j,), e.span)
    return None


def _measured_alike(q: Quantity, e: Quantity) -> bool:
    """``e`` measures what ``q`` does in another unit ("1 TB" and "50 GB"), at any size: given the claim's
    thing, another unit's value is its other figure however far apart the two are."""
    return q.counts is not None and e.counts is not None and e.counts != q.counts and units.convertible(q.counts, e.counts)


def _named_around(text: str, at: Span, placed: Callable[[str], tuple[tuple[int, K], ...]]) -> tuple[K, ...]:
    """What ``placed`` finds (years, months, names) in the clause of ``text`` holding ``at`` ("from
    4.1% in June"), or in its sentence where the clause names none ("In June, it was 4.1%."), in
    order, each once."""
    i = _sentence_index(text, at[0])
    if i is None:
        return ()
    a, b = _sentence_spans(text)[i]
    here = _within(placed(text), a, b)
    c, d = _clause(text, at, (a, b))
    return tuple(dict.fromkeys(v for start, v in here if c <= start < d)) or tuple(dict.fromkeys(v for _, v in here))
