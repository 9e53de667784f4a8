"""The names a text gives (runs of capitalised words, releases such as "Version 2.3", a label
opening a sentence), whether two may name one thing, and a clear proper noun the evidence
lacks (:func:`_check_entities`)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from veracity.engine.demonyms import DEMONYMS
from veracity.engine.normalize import fold, stem, unit_word, word_spans
from veracity.engine.textcache import text_cache
from veracity.engine.types import Span
from veracity.judges.rules.failures import P_SOFT, _Failure
from veracity.judges.rules.sentences import _sentence, _sentence_spans, _within
from veracity.judges.rules.words import (
    _CONNECTORS,
    _LABEL,
    _NOT_NAMES,
    _POSSESSIVE,
    _SKIP_NAME,
    _STOP,
    _TITLES,
    _Facts,
    _known,
)


@dataclass(frozen=True)
class _Named:
    """A name as a clause gives it: its words' stems (titles such as "Judge" left out) and its text."""
    stems: frozenset[str]
    text: str

    def same(self, other: _Named) -> bool:
        """Whether the two may name one thing: the words of one are all in the other ("Serbeck" and
        "David Serbeck"; not "Harbour Line" and "Coast Line")."""
        return self.stems <= other.stems or other.stems <= self.stems


def _sentence_names(text: str, at: Span) -> list[_Named]:
    """The names of the sentence of ``text`` holding ``at``."""
    return [n for _, n in _within(_names_placed(text), *_sentence(text, at))]


def _other_capitals(claim: str, name: _Named) -> bool:
    """Whether the claim has a capitalised word outside ``name`` other than a stop word opening it
    ("Arsenal are second in the Premier League table": two things named) or a unit standing right
    after a number ("1 TB", "50 GB": a measure, not a thing)."""
    a = claim.find(name.text)
    return any(w[0].isupper() and not (a <= span[0] < a + len(name.text)) and not (i == 0 and fold(w) in _STOP)
               and fold(w) not in _NOT_NAMES and not _unit_after_number(claim, w, span)
               for i, (w, span) in enumerate(word_spans(claim)))


def _unmeasured(text: str, placed: Sequence[tuple[int, _Named]]) -> tuple[tuple[int, _Named], ...]:
    """The names of ``placed`` (each with its start in ``text``) less units after a number ("TB" in "1 TB")."""
    return tuple((a, n) for a, n in placed if not _unit_after_number(text, n.text, (a, a + len(n.text))))


def _unit_after_number(text: str, word: str, span: Span) -> bool:
    """Whether ``word`` at ``span`` of ``text`` is a unit right after a number ("TB" in "1 TB")."""
    return unit_word(word) is not None and re.search(r"\d\s?$", text[max(0, span[0] - 2):span[0]]) is not None


@text_cache()
def _names_placed(text: str) -> tuple[tuple[int, _Named], ...]:
    """The names each sentence of ``text`` gives (:func:`_names_in`), each with its start, in order."""
    return tuple((a + start, n) for a, b in _sentence_spans(text) for start, n in _names_at(text[a:b]))


def _names_in(sentence: str) -> list[_Named]:
    """The names of a sentence: runs of capitalised words (:func:`_entity_runs`), without stop words,
    months and numbers, a label that opens it ("Pro: $20 per month") and releases ("Version 2.3")."""
    return [n for _, n in _names_at(sentence)]


def _names_at(sentence: str) -> list[tuple[int, _Named]]:
    versions = [(m.start(), _Named(frozenset({"version " + (m.group(1) or m.group(2))}), m.group(0)))
                for m in _VERSION.finditer(sentence)]
    runs = [(run[0][2][0], run[-1][2][1]) for run in _entity_runs(sentence)]
    runs = [(a, b) for a, b in runs if not any(start <= a < start + len(n.text) for start, n in versions)]
    if (label := _LABEL.match(sentence)) and not any(a < label.end(1) for a, _ in runs):
        runs.insert(0, label.span(1))
    out = versions
    for a, b in runs:
        stems = frozenset(stem(fold(w)) for w, _ in word_spans(sentence[a:b])
                          if fold(w) not in _SKIP_NAME | _TITLES and not any(c.isdigit() for c in w))
        if stems:
            out.append((a, _Named(stems, sentence[a:b])))
    return sorted(out, key=lambda placed: placed[0])


# a release named by its number: "Version 2.3", "version 2.4.1", "v2.3", "v2"; not "version 4" (a guide's
# "for version 4" is no subject) nor "V8"
_VERSION = re.compile(r"\b(?:[Vv]ersion\s+|[Vv])(\d+(?:\.\d+)+)\b|\bv(\d+)\b")


def _may_name_one(mine: _Named, other: _Named) -> bool:
    """Whether two names may name one thing (see :func:`_check_name_swapped`)."""
    a, b = _name_words(mine), _name_words(other)
    if not a or not b or any(w in DEMONYMS for w in a + b):
        return True
    only_a, only_b = [w for w in a if w not in b], [w for w in b if w not in a]
    if not only_a or not only_b:
        return True
    if len(only_a) < len(a) and only_a[0][0] == only_b[0][0]:
        return True  # "Mike Finkel", "Michael Finkel"
    if any(x[:3] == y[:3] for x in only_a for y in only_b):
        return True
    if difflib.SequenceMatcher(None, " ".join(a), " ".join(b)).ratio() >= SWAP_SPELLING:
        return True
    initials = ("".join(w[0] for w in a), "".join(w[0] for w in b))
    return " ".join(a) == initials[1] or " ".join(b) == initials[0]


def _name_words(name: _Named) -> list[str]:
    """The folded words of a name that name something (no titles, stop words or connectors)."""
    return [fold(w) for w, _ in word_spans(name.text) if fold(w) not in _SKIP_NAME | _TITLES]


def _title_case(claim: str) -> bool:
    """Whether the claim is written in Title Case ("Employs Many People In Leeds"): a stop word after
    its first is capitalised."""
    return any(w[0].isupper() and w != "I" and fold(w) in _STOP for w, _ in word_spans(claim)[1:])


SWAP_SPELLING = 0.75  # names spelt this alike may be one name misspelt


def _one_named(claim: str, measures: bool = True) -> _Named | None:
    """The one thing the claim names, where it names nothing else: not an owner ("Acme's revenue") nor
    a nationality ("The Japanese train"). Without ``measures``, a unit after a number ("1 TB") is no
    name (:func:`_unmeasured`)."""
    names = _names_in(claim) if measures else [n for _, n in _unmeasured(claim, _names_at(claim))]
    if len(names) != 1 or _other_capitals(claim, names[0]) or _POSSESSIVE.search(names[0].text) or any(
            fold(w) in DEMONYMS for w, _ in word_spans(names[0].text)):
        return None
    return names[0]


_RUN_BREAK = re.compile(r"[,;:()\[\]\"“”!?]")


def _entity_runs(claim: str) -> list[list[tuple[int, str, Span]]]:
    """Runs of capitalised words (with "of", "van", ... inside; punctuation ends one), single words that
    open the sentence or a clause left out."""
    runs: list[list[tuple[int, str, Span]]] = [[]]
    for i, (w, span) in enumerate(word_spans(claim)):
        if runs[-1] and _RUN_BREAK.search(claim, runs[-1][-1][2][1], span[0]):
            runs.append([])  # "Well, Drew Carey", "Gilbert Welch: Giving": punctuation ends a name
        if w[0].isupper() or (runs[-1] and fold(w) in _CONNECTORS):
            runs[-1].append((i, w, span))
        elif runs[-1]:
            runs.append([])
    out = []
    for run in runs:
        while run and fold(run[-1][1]) in _CONNECTORS:
            run.pop()
        if run and run[0][0] == 0 and fold(run[0][1]) in _STOP:
            run = run[1:]
        if run and not (len(run) == 1 and _opens(claim, run[0])):
            out.append(run)
    return out


_CLAUSE_OPEN = re.compile(r"[:;!?]\s*$")


def _opens(claim: str, word: tuple[int, str, Span]) -> bool:
    """Whether the word opens the sentence or a clause ("Welch: Giving ..."), where a capital is no name."""
    return word[0] == 0 or _CLAUSE_OPEN.search(claim, 0, word[2][0]) is not None


def _check_entities(claim: str, facts: _Facts, prompt: str, where: str = "does not appear in the evidence"
                    ) -> _Failure | None:
    if _title_case(claim):
        return None  # capitals say nothing about names
    asked = {stem(w) for w, _ in word_spans(prompt)}
    skip = _STOP | _NOT_NAMES | _CONNECTORS | {"gbp", "usd", "eur"}
    for run in _entity_runs(claim):
        words = [w for _, w, _ in run]
        initials = "".join(w for w in words if len(w) == 1)  # "U.K." → "UK"
        names = [w for w in [*words, initials] if len(w) > 1 and fold(w) not in skip
                 and not any(c.isdigit() for c in w) and stem(w) not in asked]
        if names and sum(_known(w, facts) for w in names) * 2 < len(names):
            name = claim[run[0][2][0] : run[-1][2][1]]
            return _Failure(False, P_SOFT, f'The claim names "{name}", which {where}.', ())
    return None
