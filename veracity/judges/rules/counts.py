"""Sorts of values and what they count: ranks and ages ("world No 10", "a 17-year-old"), the
thing a bare number counts ("12 deputies"), a count in words, a count that is the total of an
evidence sentence's counts, and sizes (within a factor ``MAGNITUDE``)."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from veracity.engine import units
from veracity.engine.normalize import Quantity, fold, ranked, stem, unit_word
from veracity.engine.textcache import text_cache
from veracity.engine.types import Evidence, Span
from veracity.judges.rules.conflicts import (
    ANCHOR_WORDS,
    SENTENCE_WORDS,
    _conflict,
    _near,
    _pick,
    _quote,
    _shared,
    _written,
)
from veracity.judges.rules.failures import P_CONFLICT, _Failure, _Reading
from veracity.judges.rules.sentences import _by_sentence, _sentence_shared
from veracity.judges.rules.words import _MONTHS, _STOP, _content, _facts

MAGNITUDE = 10  # a value the evidence never gives is contradicted amid other words only by one of its size


def _states(q: Quantity, e: Quantity) -> bool:
    """The evidence value ``e`` states the claim's ``q``: equal and counting the same thing where both
    say what they count, or the same measure in another unit ("5,000 metres" for "5 km", see
    :mod:`veracity.engine.units`). Two limits of one sense are equal: "up to 5 users" is no limit of
    "up to 3 users", nor "at least 21" of "at least 18", though an exact 3 is within "up to 5". A limit
    of the other sense states none: "over 8 kg" is not "under 8 kg"."""
    if q.bound in ("min", "max") and e.bound == q.bound and not math.isclose(q.value, e.value, rel_tol=1e-6):
        return False
    if {q.bound, e.bound} in ({"min", "max"}, {"above", "below"}, {"min", "below"}, {"above", "max"}):
        return False
    return (q.matches(e) and q.counts in (None, e.counts or q.counts)) or units.restates(q, e)


_Sort = Literal["rank", "age"]
_AGE = re.compile(r"(?:-year-|\s+years?\s+)old\b", re.IGNORECASE)


def _of_sort(e: Quantity, sort: _Sort | None) -> bool:
    """Whether the evidence value ``e`` can state a claim value of ``sort`` (:func:`_sort`)."""
    if sort is None:
        return True
    return (e.form == "ordinal") == (sort == "rank")


def _sort(q: Quantity, claim: str) -> _Sort | None:
    """"rank" for a value given as a rank ("world No 10"), "age" for an age ("a 17-year-old")."""
    if ranked(claim, q.span[0]):
        return "rank"
    return "age" if _AGE.match(claim, q.span[1]) else None


_AGED = re.compile(r"\baged?\s+$", re.IGNORECASE)
_WAS = re.compile(r"\b(?:is|was|turned|turns|turning)(?:\s+(?:now|just|only|still))?\s+$", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"\b([A-Za-z][\w'’.-]*),\s*$")  # "Charles Terreni, 19,", "her father, 41,"
_APPOSITION_END = re.compile(r"\s*(?:[,;)—–]|\.(?!\d)|\s+(?:and|when|but)\b|$)")
_AGE_WORDS = frozenset("year years old aged age".split())


def _is_age(text: str, q: Quantity) -> bool:
    """``q`` gives someone's age in ``text``: "a 19-year-old", "seven-year-old", "19 years old",
    "aged 19", "at age 19", or standing alone after "is (now)" / "was" or after a name or a person
    between commas ("who is now 34,", "since she was 17 —", "Charles Terreni, 19, was found", "her
    father, 41,")."""
    if q.kind not in ("number", "word") or q.form != "plain" or q.unit is not None or not 0 < q.value <= 120 \
            or q.value != int(q.value):
        return False
    a, b = q.span
    if _AGE.match(text, b) or _AGED.search(text[max(0, a - 8):a]):
        return True
    if not _APPOSITION_END.match(text, b):
        return False
    named = _NAMED_BEFORE.search(text[max(0, a - 40):a])
    return bool(_WAS.search(text[max(0, a - 20):a])
                or (named and fold(named.group(1)) not in _STOP and named.group(1) not in _MONTHS))


def _other_age(q: Quantity, claim: str, windows: Sequence[Evidence], stems: set[str]) -> _Failure | None:
    """The claim's age ``q`` against the evidence's ages, where none of them is ``q``: the one amid the
    claim's words (other than "year" and "old"), or in a sentence sharing ``SENTENCE_WORDS`` of them.
    "Meredith Kercher, 26," where the evidence says "Meredith, 21," and gives 26 only as years in
    jail; "26-year-old has opened contract talks" where it says "The 21-year-old's ... form has led
    his parent club Chelsea to open talks over a new deal"."""
    if not _is_age(claim, q):
        return None
    ages = [(i, e) for i, w in enumerate(windows) for e in _facts(w.text).quantities if _is_age(w.text, e)]
    if not ages or any(e.value == q.value for _, e in ages):
        return None
    near = [w for w in _near(claim, q.span, ()) if fold(w) not in _AGE_WORDS]
    words = _content(claim)
    close = [(i, e.span) for i, e in ages if _shared(near, windows[i].text, e.span) >= ANCHOR_WORDS
             or _sentence_shared(words, windows[i].text, e.span) >= SENTENCE_WORDS]
    if not close:
        return None
    i, at = _pick(close, stems, windows)
    return _Failure(True, P_CONFLICT, f"The claim says {_written(claim, q)} but the evidence says "
                    f"{_quote(windows[i].text, at, True)}.", (i,), at)


_COUNTED = re.compile(r"[\s-]+([A-Za-z]+)")


def _counted(text: str, span: Span) -> str | None:
    """The stem of the word right after the value at ``span`` ("deputies" in "12 deputies", "page" in
    "a seven-page letter"), unless it is a stop word."""
    m = _COUNTED.match(text, span[1])
    if m is None or fold(m.group(1)) in _STOP:
        return None
    return stem(m.group(1))


_NEXT_WORDS = re.compile(r"(?:[\s-]+[A-Za-z]+){1,3}")


def _counts_other(q: Quantity, e: Quantity, text: str) -> bool:
    """The bare evidence value ``e`` counts a thing that is no unit while the claim's ``q`` counts a
    unit: "5 users" is no rival for "500 MB"; "12 league goals" is one for "15 goals", its unit a
    few words on. A bare "57" with no word after it may be the age in "58-year-old" and stays one."""
    if q.counts is None or e.counts is not None or _counted(text, e.span) is None:
        return False
    m = _NEXT_WORDS.match(text, e.span[1])
    return m is None or all(unit_word(w) != q.counts for w in re.findall(r"[A-Za-z]+", m.group(0)))


def _noun(q: Quantity, claim: str) -> str | None:
    """What the claim's bare number ``q`` counts (:func:`_counted`), for rivals written in words."""
    return _counted(claim, q.span) if q.kind == "number" and q.form == "plain" and q.unit is None else None


def _same_count(q: Quantity, e: Quantity) -> bool:
    """Values of one kind; bare numbers written alike too (a year stays a year in "2014/15")."""
    return e.kind == q.kind and (q.kind != "number" or e.form == q.form)


def _word_count_conflict(q: Quantity, claim: str, windows: Sequence[Evidence], stems: set[str],
                         reading: _Reading) -> _Failure | None:
    """A count written in words that the evidence never gives, against another count of the same
    thing amid the claim's words, in digits or words: "Twenty people were injured." where the evidence
    says "12 people were injured". Only an exact count under 100, against one alike within a factor
    ``MAGNITUDE`` of it, counting the same thing and amid a word of the claim's besides that thing
    ("injured"): summaries count in words what their article counts otherwise ("eight teams in
    contention" where "Two points separate four teams"). A count joined to its word ("a three-year
    warranty") meets only one joined alike ("a two-year limited warranty", "a 2-year warranty"): "a
    four-year relationship" says nothing of "four years" elsewhere."""
    exact = q.form == "plain" and q.unit is None and q.bound is None and not q.approximate and q.value < 100
    noun = _counted(claim, q.span) if exact else None
    if noun is None:
        return None  # "almost two million followers": no count to hold
    joined = _hyphened(claim, q.span)
    near = [w for w in _near(claim, q.span, reading.asked) if stem(fold(w)) != noun]  # "teams" alone anchors none
    rivals = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).quantities
              if e.kind in ("number", "word") and e.unit is None and e.form == "plain" and e.value != q.value
              and e.bound is None and not e.approximate and _hyphened(w.text, e.span) == joined and _of_size(q, e)
              and _counted(w.text, e.span) == noun and _shared(near, w.text, e.span) >= ANCHOR_WORDS]
    return _conflict(_written(claim, q), claim, q.span, rivals, windows, stems, replace(reading, anchored_only=True))


def _as_digits(q: Quantity, claim: str) -> Quantity:
    """A length of time written in words read as one in digits, with its hedge: "two hours" as "2
    hours", against "about 90 minutes"; "under three minutes" as "under 3 minutes". A count in words
    ("two goals") stays loose."""
    if q.kind != "word" or units.dimension(q.counts) != "time" or _hyphened(claim, q.span):
        return q  # "the two-year-old thoroughbred", "a four-year deal": an age or a kind, left loose
    return replace(q, kind="number")


def _hyphened(text: str, span: Span) -> bool:
    """Whether the value at ``span`` of ``text`` is joined to a word by a hyphen ("a one-day match")."""
    return text[span[1]:span[1] + 1] == "-" or text[max(0, span[0] - 1):span[0]] == "-"


def _near_measure(q: Quantity, e: Quantity) -> bool:
    """``e`` measures what ``q`` does in another unit, at a size within a factor ``MAGNITUDE`` of it
    ("8 km" and "5,000 metres"; not a "36-week-old baby" and a "17-year-old mother"), or is the same
    number in another unit ("500 MB" where the evidence says "500 GB")."""
    return units.convertible(q.counts, e.counts) and (_of_size(q, e) or q.value == e.value)


def _of_size(q: Quantity, e: Quantity) -> bool:
    """``e``, in ``q``'s unit where they convert, is within a factor ``MAGNITUDE`` of ``q``."""
    low, high = sorted((abs(q.value), abs(units.in_unit_of(e, q))))
    return low > 0 and high <= low * MAGNITUDE


def _total(q: Quantity, claim: str, windows: Sequence[Evidence]) -> bool:
    """The claim's count ``q`` is the total of two or more counts of one evidence sentence that
    counts the same thing ("He has three children." where the evidence says "two children from
    his first marriage and one from his second"; "signed six players" where it says "four players
    in January and two in July"): each part counts that thing, or leaves it out before a
    preposition after a part that names it ("one from", "two in"); not an age ("Mukesh, 40, and
    Sumitra, 35," for "75 doctors"), nor "I want one in my driveway in 12 hours" for "13 hours"."""
    noun = _counted(claim, q.span) if q.unit is None and q.kind in ("number", "word") and q.form == "plain" else None
    if noun is None or q.value < 2:
        return False
    for w in windows:
        for sentence in _plain_counts(w.text):
            counts = [(e, counted == noun) for e, counted in sentence]
            first = next((e.span[0] for e, names in counts if names), None)
            # a part that leaves the thing out follows one that names it ("two children ... and one from")
            parts = [e for e, names in counts
                     if names or (first is not None and first < e.span[0] and _ELIDED.match(w.text, e.span[1]))]
            if not 2 <= len(parts) <= _MAX_PARTS:
                continue
            if any(math.isclose(sum(e.value for e in c), q.value) for n in range(2, len(parts) + 1)
                   for c in itertools.combinations(parts, n)):
                return True
    return False


_MAX_PARTS = 6
_ELIDED = re.compile(r"\s+(?:from|in|on|at|for|with|during|after|before|since|until)\b", re.IGNORECASE)


@text_cache()  # a window's counts are summed for every claim it may contradict
def _plain_counts(text: str) -> tuple[tuple[tuple[Quantity, str | None], ...], ...]:
    """The bare counts of each sentence of ``text`` that has some, in order, each with the stem of
    the word it counts (:func:`_counted`): the parts :func:`_total` may add up."""
    counts = [(e.span[0], (e, _counted(text, e.span))) for e in _facts(text).quantities
              if e.kind in ("number", "word") and e.unit is None and e.form == "plain"]
    return tuple(tuple(found) for found in _by_sentence(text, counts) if found)
