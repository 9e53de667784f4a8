"""A text's sentences and clauses as the rules cut them (a photo caption glued to the next sentence
is cut off), and what stands in the sentence or clause holding a place."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from veracity.engine.claims import split_claims
from veracity.engine.normalize import fold, stem, word_spans
from veracity.engine.textcache import text_cache
from veracity.engine.types import Span
from veracity.judges.rules.words import K, T, _known, _words

_CLAUSE_CUT = re.compile(r"[,;]\s|[:()]")


def _by_sentence(text: str, items: Iterable[tuple[int, T]]) -> list[list[T]]:
    """``items`` (each with its start in ``text``) grouped by the sentence of ``text`` holding it, one
    list per sentence of :func:`_sentence_spans`, in order; an item between sentences is left out."""
    grouped: list[list[T]] = [[] for _ in _sentence_spans(text)]
    for start, item in items:
        i = _sentence_index(text, start)
        if i is not None:
            grouped[i].append(item)
    return grouped


def _sentence_shared(words: Sequence[str], text: str, at: Span) -> int:
    """How many of the claim's content ``words`` the sentence of ``text`` holding ``at`` has."""
    found = _sentence_words(_sentence_text(text, at))
    return sum(_known(w, found) for w in words)


_sentence_words = text_cache()(_words)  # a sentence is read for each of its values and each claim


def _sentence_text(text: str, at: Span) -> str:
    a, b = _sentence(text, at)
    return text[a:b]


MOVE_REACH = 3  # the word stands among the 3 words before the value


def _clause_stems(text: str, at: Span) -> set[str]:
    """The stems of the words of the clause of ``text`` holding ``at`` (:func:`_clause`)."""
    a, b = _clause(text, at, _sentence(text, at))
    return {stem(fold(w)) for w, _ in word_spans(text[a:b])}


def _within(placed: Sequence[tuple[int, K]], a: int, b: int) -> Sequence[tuple[int, K]]:
    """The items of ``placed`` (in order of their starts) that start in ``a`` to ``b``."""
    first = bisect.bisect_left(placed, a, key=lambda item: item[0])
    return placed[first:bisect.bisect_left(placed, b, lo=first, key=lambda item: item[0])]


def _clause(text: str, at: Span, sentence: Span) -> Span:
    """The bounds of the clause of ``text`` holding ``at`` within ``sentence``: cut at a comma or
    semicolon followed by a space, a colon or a bracket (not the comma of "4,200")."""
    a, b = sentence
    cuts = list(_CLAUSE_CUT.finditer(text, a, b))
    start = max((m.end() for m in cuts if m.end() <= at[0]), default=a)
    end = min((m.start() for m in cuts if m.start() >= at[1]), default=b)
    return start, end


def _lead(text: str, span: Span, reach: int = MOVE_REACH) -> str:
    """The value at ``span`` with the words before it in its clause, at most ``reach`` ("rose to
    $610 million")."""
    return " ".join([*_lead_words(text, span, reach), text[span[0]:span[1]]])


def _lead_words(text: str, span: Span, reach: int = MOVE_REACH) -> list[str]:
    """The words before the value at ``span`` in its clause (cut at , ; : and brackets), at most
    ``reach``."""
    return re.split(r"[,;:()]", text[max(0, span[0] - 80):span[0]])[-1].split()[-reach:]


@text_cache()  # a window's values are placed in it for every claim it may contradict
def _sentence_spans(text: str) -> tuple[Span, ...]:
    """The spans of the sentences of ``text``, as :func:`split_claims` cuts them, and cut after a
    photo caption glued to the next sentence without a full stop ("... the Capitol lawn
    (photographed) Charged: Hughes was promptly arrested ...")."""
    spans: list[Span] = []
    for c in split_claims(text):
        a, b = c.span
        for m in _CAPTION_END.finditer(text, a, b):
            spans.append((a, m.start(1)))
            a = m.end()
        spans.append((a, b))
    return tuple(spans)


# the end of a photo caption: "(pictured)", "(file photo)", "(right)", "(pictured above)", before a capital
_CAPTION_END = re.compile(r"\((?:[^()]{0,40}\s)?(?i:pictured|photographed|left|right|centre|center|above|below|"
                          r"inset|shown|model|photo|picture|image)\)(\s+)(?=[A-Z])")


@text_cache()
def _sentence_starts(text: str) -> tuple[int, ...]:
    return tuple(a for a, _ in _sentence_spans(text))


def _sentence_index(text: str, at: int) -> int | None:
    """The index of the sentence of ``text`` (:func:`_sentence_spans`, in order, apart) holding
    the character at ``at``; ``None`` between sentences."""
    i = bisect.bisect_right(_sentence_starts(text), at) - 1
    return i if i >= 0 and at < _sentence_spans(text)[i][1] else None


def _sentence(text: str, span: Span) -> Span:
    """The bounds of the sentence of ``text`` holding ``span``."""
    i = _sentence_index(text, span[0])
    return (0, len(text)) if i is None else _sentence_spans(text)[i]


def _last_sentence(text: str) -> str:
    """The last sentence of ``text``."""
    spans = _sentence_spans(text)
    return text[spans[-1][0]:spans[-1][1]].strip() if spans else ""
