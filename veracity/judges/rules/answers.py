"""A bare yes or no to a yes/no question, read as the question's statement or its negation, and
to a question asking one thing of two named things ("Are both A and B American film
directors?")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from veracity.engine.claims import AUXILIARY
from veracity.engine.demonyms import DEMONYMS, asked_nations, nation_of
from veracity.engine.normalize import fold, stem, word_spans
from veracity.engine.types import Evidence
from veracity.engine.windows import sentences
from veracity.judges.rules.antonyms import _opposite_said
from veracity.judges.rules.failures import P_NEGATION, _Failure
from veracity.judges.rules.negation import _opposed
from veracity.judges.rules.polarity import _negation, _Polarity, _polarity
from veracity.judges.rules.sentences import _last_sentence
from veracity.judges.rules.words import _CONNECTORS, _STOP, _content

# words of yes/no questions that ask about two or more things, or choose between them
_NOT_POLAR = frozenset("or and both either same different than all each every any".split())
_YES_NO = re.compile(r"\s*(yes|no)\b", re.IGNORECASE)
_AUX_FIRST = re.compile(rf"{AUXILIARY}\b", re.IGNORECASE)

_BOTH = re.compile(rf"(?i:{AUXILIARY})\s+(?:(?i:both)\s+)?(?:[a-z][^?]*?\s)??(?P<a>[A-Z][^?]*?)\s+and\s+"
                   r"(?P<b>[A-Z][^?]*?)(?:\s+both\b(?P<p>[^?]*))?\s*\?$")
# questions that compare the two things rather than ask one thing of both
_COMPARING = frozenset("same different than or either neither".split())


def _polar_question(question: str) -> str | None:
    """The last sentence of ``question`` when it is a yes/no question about one statement ("Is
    the warranty transferable?"): not about two or more things ("Are both A and B...?", "... the
    same ...?", "... older than ...?"), an alternative ("... or ...?") or a negation ("Isn't it...?"
    is answered both ways)."""
    last = _last_sentence(question)
    if not last.endswith("?") or not _AUX_FIRST.match(last):
        return None
    words = [w for w, _ in word_spans(last)]
    if {fold(w) for w in words} & _NOT_POLAR or any(_negation(words, i) for i in range(len(words))):
        return None
    return last


def _check_polar_answer(claim: str, question: str | None, windows: Sequence[Evidence]) -> _Failure | None:
    """A bare yes or no to a yes/no question ("Yes.", "No, it is not."), read as the question's
    statement or its negation: a hard failure where the evidence states the other (for a "no",
    every content word of the question), or, for a "yes", says it with a word of opposite sense
    (:func:`~veracity.judges.rules.antonyms._opposite_said`: "closed" for "open")."""
    m = _YES_NO.match(claim)
    asked = _polar_question(question) if m and question else None
    if m is None or asked is None:
        return None
    terms = {stem(w) for w in _content(asked)}
    if len(terms) < 2 or {stem(w) for w in _content(claim[m.end():])} - terms:
        return None  # the answer says more than yes or no: the claim's own words are checked
    says_no = fold(m.group(1)) == "no"
    stated, none = frozenset(terms), frozenset[str]()
    # a "no" negates every word of the question; a "yes" states them
    mine = _Polarity(True, stated, stated, none) if says_no else _Polarity(False, none, none, stated)
    hit = _opposed(terms, mine, windows, 1.0 if says_no else 0.75)
    if hit is None and not says_no:  # "Is the office open on public holidays?" "Yes." against "... closed ..."
        opposite = _opposite_said(asked.rstrip(" ?"), windows)
        hit = None if opposite is None else (opposite[0], opposite[3])
    if hit is None:
        return None
    return _Failure(True, P_NEGATION, f'The answer "{m.group(1)}" to "{asked}" disagrees with the evidence: "{hit[1]}".',
                    (hit[0],))


@dataclass(frozen=True)
class _Both:
    """A question asking one thing of two named things: the names, the stems of what is asked
    and its words in order, the question, and whether it asks if they are of the same country."""

    names: tuple[str, str]
    asked: frozenset[str]
    words: tuple[str, ...]
    question: str
    same_country: bool


def _both_question(question: str) -> _Both | None:
    """The last sentence of ``question`` when it asks one thing of two named things ("Are both Tim
    McIlrath and Spike Slawson American punk rock musicians?", "Are Kelly Jones and Martha Reeves
    both singers?", "Are A and B from the same country?"). The second name runs over its
    capitalised words but a nationality ending them ("Spike Slawson", then "American punk rock
    musicians"): what is asked is read from the words after it; the first name may follow words
    that say what both are ("Are the rock bands Travis and Shiny Toy Guns ...?"). Other
    comparisons ("more species than", "the same city") are left alone."""
    last = _last_sentence(question)
    m = _BOTH.match(last)
    if m is None:
        return None
    words = m.group("b").split()
    run = next((k for k, w in enumerate(words) if not (w[0].isupper() or fold(w) in _CONNECTORS)), len(words))
    while run > 1 and fold(words[run - 1]) in DEMONYMS:
        run -= 1  # "Spike Slawson American punk rock musicians"
    rest = tuple(w for w, _ in word_spans(" ".join([*words[run:], m.group("p") or ""])))
    folded = {fold(w) for w in rest}
    same_country = "same" in folded and bool({"country", "nationality"} & folded)
    if folded & _COMPARING and not same_country:
        return None
    asked = frozenset(stem(w) for w in folded if w not in _STOP and w != "both")
    names = (m.group("a"), " ".join(words[:run]))
    return _Both(names, asked, rest, last, same_country) if asked else None


def _naming(name: str, windows: Sequence[Evidence]) -> Iterator[tuple[int, str]]:
    """The evidence sentences holding every word of ``name`` ("Peter Francis Straub" for "Peter
    Straub"), with their windows, in the context's order: the first introduces the name."""
    named = {fold(x) for x, _ in word_spans(name)}
    ordered = sorted(range(len(windows)), key=lambda i: (windows[i].span or (0, 0))[0])
    return ((i, text) for i in ordered for text in sentences(windows[i].text)
            if named <= {fold(x) for x, _ in word_spans(text)})


def _check_both_answer(claim: str, question: str | None, windows: Sequence[Evidence]) -> _Failure | None:
    """A bare yes or no to a question asking one thing of two named things, against the sentences
    naming them: a "no" where, for each, a sentence holding every word of its name states every
    word asked, none of them negated; a "yes" where a nationality asked ("Are both A and B American
    film directors?") is not the one the sentence introducing A or B gives ("B is a Russian film
    director"); to "the same country?", a "yes" where those sentences give two nations and a "no"
    where they give one."""
    m = _YES_NO.match(claim)
    if m is None or not question or _content(claim[m.end():]):
        return None
    both = _both_question(question)
    if both is None:
        return None
    answer = m.group(1)
    says_no = fold(answer) == "no"
    found = _nations(both, says_no, windows) if both.same_country or not says_no else _stated_of_each(both, windows)
    if not found or None in found:
        return None
    hits = [h for h in found if h is not None]
    quotes = " ".join(f'"{text}"' for _, text in hits)
    return _Failure(True, P_NEGATION, f'The answer "{answer}" to "{both.question}" disagrees with the evidence: {quotes}',
                    tuple(i for i, _ in hits))


def _stated_of_each(both: _Both, windows: Sequence[Evidence]) -> list[tuple[int, str] | None]:
    """For each name, the first evidence sentence holding every word of it that states every word
    asked, none of them negated (``None`` where there is none)."""
    return [next(((i, text) for i, text in _naming(name, windows)
                  if both.asked <= {stem(x) for x, _ in word_spans(text)} and not both.asked & _polarity(text).reach),
                 None) for name in both.names]


def _nations(both: _Both, says_no: bool, windows: Sequence[Evidence]) -> list[tuple[int, str] | None]:
    """The sentences introducing the two names where their nations refute the answer (see
    :func:`_check_both_answer`); empty where they do not."""
    intro = [next(_naming(name, windows), None) for name in both.names]
    nations = [nation_of(hit[1], name) if hit else None for hit, name in zip(intro, both.names)]
    if both.same_country:
        a, b = nations
        if a is None or b is None or a.compatible(b) != says_no:
            return []
        return list(intro)
    asked = asked_nations(both.words)
    if says_no or len(asked) != 1:
        return []
    return [hit for hit, nation in zip(intro, nations) if nation is not None and not nation.compatible(asked[0])][:1]
