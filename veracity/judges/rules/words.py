"""A text's words and values as the rules look them up: stems, abbreviations ("Amt") and acronyms
("MPC"), dates, amounts, codes (:func:`_facts`, cached per text), and the stop words and name
words every rule shares."""

from __future__ import annotations

import calendar
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from veracity.engine import units
from veracity.engine.normalize import (
    DateValue,
    Identifier,
    JoinedNumbers,
    Quantity,
    extract_dates,
    extract_identifiers,
    extract_quantities,
    fold,
    joined_numbers,
    spelled_ranges,
    stem,
    word_spans,
)
from veracity.engine.textcache import text_cache
from veracity.engine.types import Evidence, Span

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its this
    that these those there here he she they we you i his her their our your my me him them us do does did
    has have had so than then too very can could will would shall should may might must about into over
    under after before between also just only what which who whom whose when where why how all any each
    some such own same other more most yes one however moreover
    furthermore additionally therefore thus overall indeed still not no never neither nor none nobody nothing nowhere cannot non""".split()
)

# "non-refundable" negates "refundable"
_NEG = frozenset("not no never neither nor none nobody nothing nowhere cannot unable non".split())

_MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name and name != "May"}
_MONTH = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\b")

_POSSESSIVE = re.compile(r"['’]s?$")
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|they|their|them|it|its)\b", re.IGNORECASE)
_LABEL = re.compile(r"\s*([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s*:")  # "Pro: $20 per month, 5 users."

_CONNECTORS = frozenset("of de da del van von bin al la le".split())
_NOT_NAMES = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday i""".split()
)
_SKIP_NAME = _STOP | _NOT_NAMES | _CONNECTORS  # words of a name run that name nothing
_TITLES = frozenset("mr mrs ms miss dr sir dame lord lady judge president senator governor mayor king queen prince "
                    "princess professor prof general captain coach manager chief".split())


@dataclass(frozen=True)
class _Words:
    """The words of a text as :func:`_known` looks them up."""
    stems: frozenset[str]
    abbrevs: tuple[str, ...]


@dataclass(frozen=True)
class _Facts(_Words):
    dates: tuple[DateValue, ...]
    quantities: tuple[Quantity, ...]
    joined: tuple[JoinedNumbers, ...]
    identifiers: tuple[Identifier, ...]
    compounds: tuple[Quantity, ...] = ()  # "1 hour 50 minutes" as one measure (units.compounds)


def _parts(word: str) -> list[str]:
    """The word and its camel-case parts: "InvID" → InvID, Inv, ID."""
    return [word, *re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+", word)]


def _words(text: str) -> _Words:
    parts = [fold(p) for w, _ in word_spans(text) for p in _parts(w)]
    abbrevs = tuple(sorted({p for p in parts if 3 <= len(p) <= 5 and p.isalpha() and p not in _STOP}))
    return _Words(frozenset(stem(p) for p in parts) | _acronyms(text), abbrevs)


@text_cache()  # a window is read for every claim it may contradict
def _facts(text: str) -> _Facts:
    words = _words(text)
    quantities = tuple(extract_quantities(text))
    joined = tuple(joined_numbers(text, quantities)) + tuple(spelled_ranges(text, quantities))
    return _Facts(words.stems, words.abbrevs, tuple(extract_dates(text)), quantities, joined,
                  tuple(extract_identifiers(text)), tuple(units.compounds(text, quantities)))


def _acronyms(text: str) -> frozenset[str]:
    """Initials of runs of capitalised words: "Monetary Policy Committee" → "mpc", "U.K." → "uk"."""
    out: set[str] = set()
    run: list[str] = []
    for w, _ in [*word_spans(text), ("end", (0, 0))]:
        if w[0].isupper():
            run.append(fold(w[0]))
            continue
        if fold(w) in _CONNECTORS | {"and", "the", "for"} and run:
            continue
        out.update("".join(run[a:b]) for a in range(len(run)) for b in range(a + 2, min(len(run), a + 6) + 1))
        run = []
    return frozenset(out)


def _known(word: str, facts: _Words) -> bool:
    """Whether the evidence has ``word``: same stem, or an abbreviation of it ("Amt", "Inv")."""
    w = fold(word)
    if stem(w) in facts.stems:
        return True
    return any(
        len(a) < len(w) and a[0] == w[0] and (w.startswith(a) or (a[-1] == w[-1] and _subsequence(a, w)))
        for a in facts.abbrevs
    )


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _content(text: str, skip: Sequence[Span] = ()) -> list[str]:
    """Content words of ``text`` outside ``skip``, one per stem, in order."""
    seen: dict[str, str] = {}
    for w, span in word_spans(text):
        f = fold(w)
        if f in _STOP or f.endswith("n't") or w.isdigit() or any(span[0] < b and a < span[1] for a, b in skip):
            continue
        seen.setdefault(stem(f), w)
    return list(seen.values())


def _compound_holding(text: str, at: Span) -> Quantity | None:
    """The measure written in two units (:func:`units.compounds`) of ``text`` that the value at ``at`` is part of."""
    return next((c for c in _facts(text).compounds if c.span[0] <= at[0] and at[1] <= c.span[1]), None)


def _words_of(windows: Sequence[Evidence]) -> _Words:
    stems: set[str] = set()
    abbrevs: list[str] = []
    for w in windows:
        words = _words(w.text)
        stems |= words.stems
        abbrevs += words.abbrevs
    return _Words(frozenset(stems), tuple(abbrevs))


def _only(found: set[K]) -> K | None:
    return next(iter(found)) if len(found) == 1 else None
