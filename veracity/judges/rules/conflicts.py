"""A claim's value against the evidence's other values of its kind: the one amid the claim's words
(:func:`_conflict`), a value standing amid fewer of them than another (:func:`_stray`), and the
evidence value a reason quotes (:func:`_quote`, :func:`_pick_in_sentence`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from veracity.engine import units
from veracity.engine.normalize import Quantity, fold, measure, period, stem, word_spans
from veracity.engine.types import Evidence, Span
from veracity.judges.rules.failures import P_CONFLICT, _Failure, _Reading, _Values
from veracity.judges.rules.sentences import _sentence, _sentence_shared, _sentence_text
from veracity.judges.rules.words import _STOP, _compound_holding, _content, _facts, _known, _words

ANCHOR_WORDS, STRAY_WORDS, STRAY_MARGIN, NEAR_BEFORE, NEAR_AFTER = 1, 3, 2, 5, 3
SENTENCE_WORDS = 3  # a score the evidence never gives meets another in a sentence sharing 3 of the claim's words


def _quote(text: str, span: Span, unit: bool = False) -> str:
    """The evidence token holding ``span`` ("Due:21Jun25"), without the punctuation around it; with
    ``unit``, with the unit word after a measured value ("5,000 metres", see :func:`_written`). A
    value of a range in words is quoted with the range ("5 to 7", not "5" or "7")."""
    span = next((r.span for r in _facts(text).joined
                 if r.span[0] <= span[0] and span[1] <= r.span[1] and r.span != span and " " in r.text), span)
    a, b = span
    while a > 0 and not text[a - 1].isspace() and span[0] - a < 20:
        a -= 1
    while b < len(text) and not text[b].isspace() and b - span[1] < 20:
        b += 1
    if unit and b == span[1] and (measure(text, span) or period(text, b)):  # a unit glued to the value
        b = units.unit_end(text, b)  # ("6ft") is in the token; a rate's period follows ("60 per minute")
    return re.sub(r"['’]s$", "", text[a:b].lstrip("(\"'“‘[").rstrip(".,;:)\"'”’]"))  # "21-year-old's"


def _written(claim: str, q: Quantity) -> str:
    """The claim's value as the reader knows it (:func:`engine.units.written`: "9.8 km", "1970s")."""
    a, b = units.written(claim, q)
    return claim[a:b]


def _pick(cands: Sequence[tuple[int, Span]], claim_stems: set[str], windows: Sequence[Evidence]) -> tuple[int, Span]:
    """The candidate whose neighbouring words (labels such as "Due:") best match the claim."""
    def score(c: tuple[int, Span]) -> float:
        text = windows[c[0]].text
        before = [w for w, _ in word_spans(text[max(0, c[1][0] - 60) : c[1][0]])][-4:]
        after = [w for w, _ in word_spans(text[c[1][1] : c[1][1] + 30])][:2]
        s = sum(1 / (i + 1) for i, w in enumerate(reversed(before)) if stem(w) in claim_stems)
        return s + sum(0.5 / (i + 1) for i, w in enumerate(after) if stem(w) in claim_stems)
    return max(cands, key=score)


def _matched(text: str, span: Span, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence],
             stems: set[str]) -> _Values:
    """The claim's value ``text`` at ``span``, verified: the evidence value of ``found`` whose
    neighbouring words best match the claim (:func:`_pick`) is quoted."""
    i, at = _pick(found, stems, windows)
    return _Values((f"{text} matches {_quote(windows[i].text, at)}",), (i,), (span,))


def _pick_in_sentence(cands: Sequence[tuple[int, Span]], claim: str, claim_stems: set[str],
                      windows: Sequence[Evidence], span: Span | None = None) -> tuple[int, Span]:
    """The candidate whose sentence has most of the claim's words, then by :func:`_pick`: "until
    1931, when the Empire State Building was completed" against "the tallest man-made structure in
    the world until the Chrysler Building ... was finished in 1930", not "designed and built the
    tower from 1887". Given the claim value's ``span``, those standing between the same words as it
    come first (:func:`_beside`: "32 GB of RAM" against "16 GB of RAM and a 512 GB SSD" quotes 16 GB)."""
    words = _content(claim)
    shared = [(_sentence_shared(words, windows[i].text, r), (i, r)) for i, r in cands]
    most = max(n for n, _ in shared)
    best = [c for n, c in shared if n == most]
    if span is not None and len(best) > 1:
        mine = _beside(claim, span)
        sides = [sum(len(a & b) for a, b in zip(mine, _beside(windows[i].text, r))) for i, r in best]
        best = [c for c, n in zip(best, sides) if n == max(sides)]
    return _pick(best, claim_stems, windows)


def _beside(text: str, span: Span) -> tuple[set[str], set[str]]:
    """The stems of the two content words just before and the two just after the value at ``span``
    (a unit is one of them): in "16 GB of RAM and a 512 GB SSD", "GB" and "RAM" stand after 16, "GB"
    and "SSD" after 512."""
    before = {stem(w) for w in _content(text[max(0, span[0] - 80):span[0]])[-2:]}
    after = {stem(w) for w in _content(text[span[1]:span[1] + 80])[:2]}
    return before, after


def _same_sentence(text: str, claim: str, rivals: Sequence[tuple[int, Span]],
                   windows: Sequence[Evidence]) -> _Failure | None:
    """The claim's score or range ``text``, which the evidence never gives, against a run of as many
    numbers in an evidence sentence that shares at least ``SENTENCE_WORDS`` of the claim's words:
    "Forster damaged his knee in recent 5-0 Premier League win over Burnley" where the evidence
    says "Forster underwent knee surgery after falling awkwardly in the 2-0 victory over Burnley".
    Its numbers are then not read one by one (the 4s of "4-4" are not stated by the "4-1")."""
    words = _content(claim)
    shared = [(_sentence_shared(words, windows[i].text, r), i, r) for i, r in rivals]
    close = [(n, i, r) for n, i, r in shared if n >= SENTENCE_WORDS]
    if not close:
        return None
    _, i, at = max(close, key=lambda c: c[0])
    return _Failure(True, P_CONFLICT, f"The claim says {text} but the evidence says {_quote(windows[i].text, at)}.",
                    (i,), at)


_LEAD = re.compile(r"\b(?:lead|leads|led|leading|ahead|half-time|halftime|interval)\b", re.IGNORECASE)


def _on_the_way(text: str, at: Span) -> bool:
    """The value at ``at`` stands in a sentence about a score on the way ("giving Swansea a 2-0
    lead"), which a sentence about the final one does not contradict."""
    return _LEAD.search(_sentence_text(text, at)) is not None


def _stray(text: str, span: Span, claim: str, found: Sequence[tuple[int, Span]],
           rivals: Callable[[], Sequence[tuple[int, Span]]], windows: Sequence[Evidence], stems: set[str],
           unit: bool = False, asked: Sequence[str] = ()) -> _Failure | None:
    """The claim's value ``text`` at ``span`` stands in the evidence (``found``) amid fewer of the
    words around it in the claim than another value of its kind (``rivals()``) does: that one
    stands amid at least ``STRAY_WORDS`` of them, and ``STRAY_MARGIN`` more. "Stephen Curry scored
    19 points" where the evidence says "Stephen Curry scored 27 points" and "Sefolosha scored 19
    points". Only the claim's own words count: a bare answer ("1941") has none, and its question's
    words stand around many of the evidence's values. The rivals are read only when one could
    stand amid enough of the claim's words. A bare answer with its question's content words
    (``asked``) is read against them, where the evidence gives it amid none of them: "Three." to "How
    many remote days per week?" where the evidence says "up to three months" and "Remote work is
    allowed two days per week"."""
    near = _near(claim, span, ())
    if not near and asked:
        if any(_shared(asked, windows[i].text, r) for i, r in found):
            return None
        near = list(asked)
    need = STRAY_WORDS
    for i, r in found:
        if need > len(near):
            return None
        need = max(need, _shared(near, windows[i].text, r) + STRAY_MARGIN)
    if need > len(near):
        return None
    strong = [(i, r) for i, r in rivals() if _shared(near, windows[i].text, r) >= need]
    if not strong:
        return None
    i, at = _pick(strong, stems, windows)
    quote = _quote(windows[i].text, at, unit)
    return _Failure(True, P_CONFLICT, f"The claim says {text} but the evidence says {quote}.", (i,), at)


def _around(text: str, span: Span) -> list[str]:
    """The content words around a value in its sentence (up to ``NEAR_BEFORE`` before and
    ``NEAR_AFTER`` after): the words that say what the value is ("just before 4pm on Wednesday")."""
    a, b = _sentence(text, span)
    words = word_spans(text[a:b])
    before = [w for w, (_, e) in words if a + e <= span[0]][-NEAR_BEFORE:]
    after = [w for w, (st, _) in words if a + st >= span[1]][:NEAR_AFTER]
    return [w for w in before + after if fold(w) not in _STOP and not any(c.isdigit() for c in w)]


def _anchored(claim: str, span: Span, rivals: Sequence[tuple[int, Span]], windows: Sequence[Evidence],
              asked: Sequence[str]) -> list[tuple[int, Span]]:
    """The evidence values amid at least ``ANCHOR_WORDS`` of the words around the claim's value at
    ``span`` or of the question it answers: "just before 4pm on Wednesday" for the claim's "just
    before 7pm on Wednesday", not a "4-4-2" formation for "17 points"."""
    near = _near(claim, span, asked)
    return [(i, r) for i, r in rivals if _shared(near, windows[i].text, r) >= ANCHOR_WORDS]


def _near(claim: str, span: Span, asked: Sequence[str]) -> list[str]:
    """The words around the claim's value at ``span`` and of the question it answers, one per stem."""
    return list({stem(w): w for w in [*_around(claim, span), *asked]}.values())


def _shared(near: Sequence[str], text: str, at: Span) -> int:
    """How many of the words ``near`` a claim's value (:func:`_near`) stand around the value at
    ``at`` in ``text``."""
    found = _words(" ".join(_around(text, at)))  # a few words, read once
    return sum(_known(w, found) for w in near)


def _conflict(text: str, claim: str, span: Span, rivals: Sequence[tuple[int, Span]], windows: Sequence[Evidence],
              stems: set[str], reading: _Reading, others: Sequence[tuple[int, Span]] | None = None,
              unit: bool = False) -> _Failure | None:
    """The claim's value ``text`` at ``span`` against the evidence's other values of its kind: a hard
    failure quoting the one amid the claim's words, else (unless ``reading.anchored_only``) the
    one of ``others`` (default: all ``rivals``) nearest in words, said to be no statement of the
    claim's value; ``None`` without either."""
    anchored = _anchored(claim, span, rivals, windows, reading.asked)
    others = rivals if others is None else others
    if not anchored and (reading.anchored_only or not others):
        return None
    i, at = _pick_in_sentence(anchored or others, claim, stems, windows, span if anchored else None)
    whole = _compound_holding(windows[i].text, at)  # "1 hour 50 minutes", not its "1 hour"
    quote = whole.text if whole is not None and whole.span[0] == at[0] else _quote(windows[i].text, at, unit)
    reason = (f"The claim says {text} but the evidence says {quote}." if anchored
              else f"The claim says {text}, but the evidence never gives that value (it gives {quote}).")
    return _Failure(True, P_CONFLICT, reason, (i,), at)
