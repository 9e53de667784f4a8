"""How a text negates (:class:`_Polarity`): what a negation bears on, what it only reaches,
what is stated plainly; what a sentence asserts rather than reports ("the myth that ...");
and the wording a restatement must hold."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from veracity.engine.normalize import fold, stem, word_spans
from veracity.engine.types import Span
from veracity.judges.rules.words import _NEG, _STOP, _content

REACH = 4  # a negation bears on the next 4 words ("did not pay the dividend")

# "not only ... but also" adds rather than denies
_NOT_DENYING = frozenset("only just merely simply".split())


@dataclass(frozen=True)
class _Polarity:
    """How a text negates: ``negated`` when it holds an odd number of negations; ``reach``: the
    stems negated, within the reach of a negation (its next ``REACH`` words; of an odd number of
    them); ``scope``: those of them that are the first content word after a negation (what it
    bears on); ``plain``: the stems that also occur stated."""

    negated: bool
    scope: frozenset[str]
    reach: frozenset[str]
    plain: frozenset[str]


def _contradicts(a: _Polarity, b: _Polarity, shared: set[str]) -> bool:
    """One side's negation bears on a ``shared`` word that the other states plainly ("did not
    win" / "won"), and no negation bears on a word the other negates too ("will not be offered" /
    "will not now offer"; "no cause of death was determined" / "could not determine the cause")."""
    if (a.scope & b.reach | b.scope & a.reach) & shared:
        return False
    return bool(((a.scope - a.plain) & b.plain | (b.scope - b.plain) & a.plain) & shared)


def _negation(words: Sequence[str], i: int) -> bool:
    """``words[i]`` negates: a negation word or a contraction ("didn't", the misspelt "did'nt"),
    not capitalised inside a title ("Cats Don't Dance", "Why Not Me?"), and not the "not" of
    "not only ... but also", which adds rather than denies."""
    f = fold(words[i])
    if not (f in _NEG or f.endswith(("n't", "'nt"))) or (i > 0 and words[i][0].isupper()):
        return False
    return not (f == "not" and i + 1 < len(words) and fold(words[i + 1]) in _NOT_DENYING)


def _polarity(text: str) -> _Polarity:
    """How ``text`` negates (see ``_Polarity``). A word within reach of two negations is stated
    ("could not have not been started")."""
    words = [w for w, _ in word_spans(text)]
    negations = [i for i in range(len(words)) if _negation(words, i)]
    content = [i for i, w in enumerate(words) if i not in negations and fold(w) not in _STOP]
    # the first content word within each negation's reach: what it bears on
    borne = {next((i for i in content if j < i <= j + REACH), None) for j in negations}
    scope, reach, plain = set(), set(), set()
    for i in content:
        s = stem(fold(words[i]))
        if sum(i - REACH <= j < i for j in negations) % 2:
            reach.add(s)
            if i in borne:
                scope.add(s)
        else:
            plain.add(s)
    return _Polarity(len(negations) % 2 == 1, frozenset(scope), frozenset(reach), frozenset(plain))


def _asserted(sentence: str) -> str:
    """What ``sentence`` asserts: without the clauses it reports as an assumption, a belief or a
    claim ("... is based on the assumption that homosexuality is a mental disorder"), each up to the
    next clause cut (see ``_CLAUSE``) or the sentence's end."""
    kept, at = [], 0
    for m in _UNASSERTED.finditer(sentence):
        if m.start() < at:
            continue
        kept.append(sentence[at:m.start()])
        cut = _CLAUSE.search(sentence, m.end())
        at = cut.start() if cut else len(sentence)
    return "".join(kept) + sentence[at:]


def _wording(text: str, skip: Sequence[Span] = ()) -> tuple[set[str], set[str]]:
    """What a restatement of ``text`` must hold (:func:`_holds_wording`): the stems of its content
    words, a doubled final consonant written once ("shipped", "ship"), and its words with digits as
    written ("70", "2027"), outside ``skip``."""
    terms = {_undoubled(stem(w)) for w in _content(text, skip)}
    figures = {x for x, (a, _) in word_spans(text)
               if any(ch.isdigit() for ch in x) and not any(s <= a < e for s, e in skip)}
    return terms, figures


def _holds_wording(text: str, terms: set[str], figures: set[str]) -> bool:
    """Whether ``text`` holds every one of the ``terms`` and ``figures`` of :func:`_wording`."""
    return terms <= {_undoubled(stem(x)) for x in _content(text)} and figures <= {x for x, _ in word_spans(text)}


_CLAUSE = re.compile(r",?\s+(?:but|whereas|while|although|though|yet)\s+|;\s*|:\s+", re.IGNORECASE)
# a clause that a sentence reports rather than asserts: "the assumption that ...", "the myth that ..."
_UNASSERTED = re.compile(
    r"\b(?:assumptions?|beliefs?|myths?|misconceptions?|notions?|ideas?|premises?|claims?|allegations?|"
    r"rumou?rs?|theory|theories|hypothesis|speculation|suspicions?|pretence|pretense|impression)\s+that\b",
    re.IGNORECASE)


def _undoubled(s: str) -> str:
    """A stem with a doubled final consonant (not l, s or z) written once: "shipp" → "ship"."""
    return s[:-1] if len(s) > 2 and s[-1] == s[-2] and s[-1].isalpha() and s[-1] not in "aeiouylsz" else s
