"""A claim and an evidence sentence that say the same thing, one negated ("not paid" / "paid"),
read whole and clause by clause, and a negated claim that an evidence clause restates."""

from __future__ import annotations

import re
from collections.abc import Sequence

from veracity.engine.claims import QUESTION_OPENER, statement
from veracity.engine.normalize import stem
from veracity.engine.types import Evidence
from veracity.judges.rules.days import _days_apart
from veracity.judges.rules.failures import P_NEGATION, _Failure
from veracity.judges.rules.polarity import (
    _CLAUSE,
    _asserted,
    _contradicts,
    _holds_wording,
    _Polarity,
    _polarity,
    _undoubled,
    _wording,
)
from veracity.judges.rules.sentences import _sentence_spans
from veracity.judges.rules.words import _content

_QUESTION_FIRST = re.compile(QUESTION_OPENER, re.IGNORECASE)


def _check_negation(claim: str, windows: Sequence[Evidence]) -> _Failure | None:
    claim = statement(claim)
    terms = {stem(w) for w in _content(claim)}
    if len(terms) < 2 or (claim.rstrip().endswith("?") and _QUESTION_FIRST.match(claim.lstrip())):
        return None  # a question ("Aren't they coached by...?") states nothing to negate
    mine = _polarity(claim)
    hit = _opposed(terms, mine, windows) or (None if _BOTH_WAYS.search(claim) else _opposed(terms, mine, windows, by_clause=True))
    if hit is None or _days_apart(claim, hit[1]):
        return None
    side = "The claim negates" if mine.negated else "The evidence negates"
    return _Failure(True, P_NEGATION, f'{side} what the other states: "{hit[1]}".', (hit[0],))


def _opposed(terms: set[str], mine: _Polarity, windows: Sequence[Evidence],
             share: float = 0.75, by_clause: bool = False) -> tuple[int, str] | None:
    """The first evidence sentence stating ``terms`` (a ``share`` of them, ≥ 2) with the other polarity
    than ``mine`` (see ``_contradicts``); ``None`` as soon as one states them with the same polarity.
    ``by_clause``: each clause of a sentence of two or more (cut at "but", "while", ";" and so on:
    ``_CLAUSE``) is read in place of the sentence, for one that states a word in one clause and
    negates it in another: "The warranty covers accidental damage." against "The warranty covers
    manufacturing defects for two years but does not cover accidental damage.", which reads as
    stating "covers" taken whole; a sentence of one clause can then only stop the search. The
    sentence is quoted."""
    hit: tuple[int, str] | None = None
    for i, w in enumerate(windows):
        for a, b in _sentence_spans(w.text):
            sentence = w.text[a:b]
            clauses = _CLAUSE.split(_asserted(sentence)) if by_clause else []
            readings = [(c, True) for c in clauses] if len(clauses) > 1 else [(sentence, not by_clause)]
            for text, may_hit in readings:
                shared = terms & {stem(x) for x in _content(text)}
                if len(shared) < 2 or len(shared) < share * len(terms):
                    continue
                if _polarity(text).negated == mine.negated:
                    return None  # the evidence says the same thing with the same polarity
                if may_hit and hit is None and _contradicts(mine, _polarity(_asserted(text)), shared):
                    hit = (i, sentence)
    return hit


# a claim stating both ways: "what could and could not go in them", "whether or not"
_BOTH_WAYS = re.compile(r"\b(\w+)\s+(?:and|or)\s+\1\s*(?:not\b|n't)|\bor\s+not\b", re.IGNORECASE)


def _restated(claim: str, windows: Sequence[Evidence]) -> tuple[int, str] | None:
    """The window and clause restating the claim's negation: the claim negates (an odd number of
    negations) and is no question, and one clause of an evidence sentence (cut at
    "but", "while", "whereas", "although", "yet", ";" and ":") negates the same word and holds every
    content word of the claim ("Gift cards are not refundable." in "Sale items are final; gift cards
    are not refundable."; "Accidental damage is not covered by the warranty." in "The warranty does
    not cover accidental damage."). Not "The warranty does not cover accidental damage." in "The
    warranty does not cover wear, but covers accidental damage.": each clause lacks a word or the
    negation; nor "Vaccines are not safe." in "Doctors debunked the myth that vaccines are not
    safe.": a reported clause is not asserted (:func:`_asserted`). Words are compared by their
    stems with a doubled final consonant written once ("shipped", "ship"); words with digits ("70", "2027") as written. An answer word before the
    statement ("No, gift cards can't be returned.") is no negation (:func:`statement`), and a claim
    negating a word it states too restates nothing ("The Canadian killer was not Canadian." in "...
    non-Canadians who committed murder in Canada")."""
    text = statement(claim).strip()
    if text.endswith("?"):
        return None
    terms, figures = _wording(text)
    mine = _polarity(text)
    if not mine.negated or not mine.scope - mine.plain or len(terms) < 2:
        return None  # "The Canadian killer was not Canadian." states what it negates
    return _clause_negating({_undoubled(s) for s in mine.scope}, terms, figures, windows)


def _clause_negating(negated: set[str] | frozenset[str], terms: set[str], figures: set[str],
                     windows: Sequence[Evidence]) -> tuple[int, str] | None:
    """The window and first clause of an evidence sentence (cut at "but", "while", ";" and so on:
    ``_CLAUSE``; a reported clause left out, :func:`_asserted`) that negates one of the ``negated``
    stems (a doubled final consonant written once) and holds the ``terms`` and ``figures`` of
    :func:`_wording`; ``None`` without one."""
    for i, w in enumerate(windows):
        for a, b in _sentence_spans(w.text):
            for clause in _CLAUSE.split(_asserted(w.text[a:b])):
                theirs = _polarity(clause)
                if (theirs.negated and negated & {_undoubled(s) for s in theirs.scope}
                        and _holds_wording(clause, terms, figures)):
                    return i, clause.strip()
    return None
