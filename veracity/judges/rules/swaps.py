"""A name swapped for one the context never mentions, where an evidence sentence says the rest of
the claim word for word around another name, and what the claim says of the one thing it names
that the evidence says of another."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from veracity.engine.demonyms import DEMONYMS
from veracity.engine.normalize import fold, stem, word_spans
from veracity.engine.tables import readable
from veracity.engine.types import Evidence, Span
from veracity.judges.rules.failures import P_NEGATION, _Failure
from veracity.judges.rules.names import _may_name_one, _Named, _names_at, _names_placed, _one_named, _title_case
from veracity.judges.rules.sentences import _CLAUSE_CUT, _sentence_spans, _within
from veracity.judges.rules.words import _PRONOUN, _SKIP_NAME, _content, _facts, _known, _words_of


def _check_said_of_another(claim: str, windows: Sequence[Evidence], context: str | None) -> _Failure | None:
    """What the claim says of the one thing it names, which the evidence says of another thing it
    names, where it mentions the claim's too: "Dr. Paul Mercer leads the cardiology department."
    against "Dr. Amara Singh leads the cardiology department, while Dr. Paul Mercer heads neurology."
    The claim's numbers are among its words: "The Enterprise plan costs $90 per month." is not read
    against "The Pro plan costs $20 per month" where a clause naming Enterprise gives $90. Read only
    where the claim opens with its name ("Yes, the Standard plan ...") and names nothing else
    (:func:`_one_named`), has at least ``SAID_WORDS`` other words, and the evidence clauses holding the
    most of them (all, or all but one in four) each open with another name before those words, name
    the claim's nowhere, and hold no pronoun ("he", "which"), which may make what they say the
    claim's after all."""
    mine = _one_named(claim)
    start = claim.find(mine.text) if mine else -1
    if mine is None or any(fold(w) not in _ANSWER_WORDS for w in _content(claim[:start])):
        return None  # "Sarah met Dr. Mercer": the name is no subject
    end = start + len(mine.text)
    said = list(dict.fromkeys([*(stem(fold(w)) for w in _content(claim, [(0, end)])),  # and its numbers ("$20")
                               *(w for w, (a, _) in word_spans(claim) if a >= end and w.isdigit())]))
    texts = [w.text for w in windows] + ([context] if context else [])
    if len(said) < SAID_WORDS or not any(mine.same(n) for text in texts for _, n in _names_placed(text)):
        return None
    best = _saying_most(said, windows)
    found = [_said_of(mine, windows[i].text, span, have, shared) for i, span, have, shared in best]
    others = [n for n in found if n is not None]
    if not found or len(others) < len(found):
        return None
    i, (a, b), _, _ = best[0]
    quote = windows[i].text[a:b].strip(" ,;:")
    return _Failure(True, P_NEGATION, f'The evidence says this of "{others[0].text}", not of "{mine.text}": "{quote}".',
                    (i,), (a, b))


def _saying_most(said: Sequence[str], windows: Sequence[Evidence]) -> list[tuple[int, Span, set[str], list[str]]]:
    """The evidence clauses (:func:`_clauses`) holding the most of the claim's ``said`` stems, at least
    all but one in four: each with its window, its span, its stems and the stems it shares."""
    best: list[tuple[int, Span, set[str], list[str]]] = []
    most = len(said) - len(said) // 4
    for i, w in enumerate(windows):
        for a, b in _clauses(w.text):
            have = {stem(fold(x)) for x, _ in word_spans(w.text[a:b])}
            shared = [x for x in said if x in have]
            if len(shared) > most:
                best, most = [], len(shared)
            if len(shared) == most:
                best.append((i, (a, b), have, shared))
    return best


def _said_of(mine: _Named, text: str, span: Span, have: set[str], shared: Sequence[str]) -> _Named | None:
    """The name the clause of ``text`` at ``span`` says its ``shared`` words of: the first it gives
    (no nationality), opening the clause before those words, where it names nothing that may be
    ``mine``, none of the clause's words (``have``) are in ``mine`` and it holds no pronoun."""
    a, b = span
    clause = text[a:b]
    names = [(start, n) for start, n in _within(_names_placed(text), a, b)
             if not any(fold(x) in DEMONYMS for x, _ in word_spans(n.text))]
    if (not names or any(mine.same(n) for _, n in names) or mine.stems & have
            or _PRONOUN.search(clause) or _RELATIVE.search(clause)):
        return None
    first = min(at for x, (at, _) in word_spans(clause) if stem(fold(x)) in shared)
    if names[0][0] - a > first:
        return None  # "a member of the Mississippi Freedom Democratic Party": the name is no subject here
    return names[0][1]


def _check_name_swapped(claim: str, windows: Sequence[Evidence], context: str | None) -> _Failure | None:
    """A name the context never mentions, standing where an evidence sentence that says the rest of
    the claim names another thing, word for word around it: "The Eiffel Tower is in Berlin." against
    "The Eiffel Tower is a wrought-iron tower in Paris, France."; "The River Severn flows through
    Marlow." against "The River Thames flows through the town". The sentence holds the claim's word
    just before the name and the one just after it (or, where the name ends the claim, a comma or
    the sentence's end) around a name of its own, and most of the claim's other content words
    (``SWAP_SHARE``, at least two). Not where the two names may name one thing: they share a word and
    the words that differ open with one letter ("Mike Finkel" for "Michael Finkel"), a word of one
    opens like a word of the other ("Greens", "Green Party"), they are spelt alike ("Mossiman",
    "Mossman"), one gives the other's initials ("NYC"), or either is a nationality ("Spanish")."""
    named = _names_at(claim)
    if not named or _title_case(claim):
        return None  # capitals say nothing about names
    whole = _facts(readable(context)) if context else _words_of(windows)  # the context as the name gate reads it
    words = word_spans(claim)
    claim_stems = {stem(fold(w)) for w, _ in words}
    for at, mine in named:
        span = (at, at + len(mine.text))
        own = [w for w, (a, b) in words if span[0] <= a and b <= span[1]]
        if not any(len(w) >= 3 and fold(w) not in _SKIP_NAME and not _known(w, whole) for w in own):
            continue  # the context mentions it
        before = next((fold(w) for w, (_, b) in reversed(words) if b <= span[0]), None)
        after = next((fold(w) for w, (a, _) in words if a >= span[1]), None)
        ahead = {stem(fold(w)) for w in _content(claim[:span[0]])}
        behind = {stem(fold(w)) for w in _content(claim[span[1]:])}
        if len(ahead | behind) < 2:
            continue
        for i, window in enumerate(windows):
            spans = _sentence_spans(window.text)
            for n, (a, b) in enumerate(spans):
                subject = _antecedent(window.text, spans[n - 1], (a, b), claim_stems) if n else frozenset()
                found = _swapped_for(window.text, (a, b), mine, (before, after), (ahead, behind), claim_stems, subject)
                if found is not None:
                    quote = window.text[a:b].strip()
                    return _Failure(True, P_NEGATION, f'The claim names "{mine.text}" where the evidence, in the same '
                                    f'words, names "{found.text}": "{quote}".', (i,), (a, b))
    return None


def _swapped_for(text: str, sentence: Span, mine: _Named, next_to: tuple[str | None, str | None],
                 said: tuple[set[str], set[str]], claim_stems: set[str],
                 subject: frozenset[str] = frozenset()) -> _Named | None:
    """The name of ``text``'s ``sentence`` standing where the claim has ``mine`` (see
    :func:`_check_name_swapped`): between the words ``next_to`` it, and after the claim's content
    words that come before the claim's name and before those that come after it (``said``), where the
    sentence holds most of them; ``claim_stems``: the stems of all the claim's words; ``subject``: the
    stems of the name that the pronoun opening the sentence stands for (:func:`_antecedent`)."""
    a, b = sentence
    before, after = next_to
    words = [(fold(w), (a + x, a + y)) for w, (x, y) in word_spans(text[a:b])]
    said_before, said_after = said
    held = {stem(w) for w, _ in words} | subject
    if len((said_before | said_after) & held) < max(2, SWAP_SHARE * len(said_before | said_after)):
        return None
    for start, other in _within(_names_placed(text), a, b):  # read once per text, not for every claim
        end = start + len(other.text)
        left = [w for w, (_, y) in words if y <= start]
        right = [w for w, (x, _) in words if x >= end]
        if (left[-1] if left else None) != before or (before is None and " " not in other.text.strip()):
            continue  # a single capitalised word opening a sentence is seldom a name
        follows = text[end:b].lstrip()[:1]
        if (right[0] if right else None) != after and not (after is None and (not follows or follows in ",;.!?)")):
            continue
        on_left, on_right = {stem(w) for w in left} | subject, {stem(w) for w in right}
        if said_before & on_right - on_left or said_after & on_left - on_right:
            continue  # the claim's words stand on the other side of it: it names another part of the sentence
        if other.stems <= claim_stems or _may_name_one(mine, other):
            continue
        return other
    return None


def _antecedent(text: str, previous: Span, sentence: Span, claim_stems: set[str]) -> frozenset[str]:
    """The stems of the name a pronoun opening ``text``'s ``sentence`` stands for: the first name of
    the ``previous`` sentence, where the claim names it too ("It flows into the Mediterranean Sea."
    after "The Nile is a river in Africa.", for a claim about the Nile); empty otherwise."""
    first = word_spans(text[sentence[0]:sentence[1]])[:1]
    if not first or fold(first[0][0]) not in _SUBJECT_PRONOUNS:
        return frozenset()
    names = _within(_names_placed(text), *previous)
    return names[0][1].stems if names and names[0][1].stems <= claim_stems else frozenset()


_SUBJECT_PRONOUNS = frozenset("it he she they".split())

SWAP_SHARE = 0.6  # a swapped name's sentence holds this share of the claim's other content words

SAID_WORDS = 3
_ANSWER_WORDS = frozenset({"yes", "no"})
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b", re.IGNORECASE)
_CONTRAST = re.compile(r"\s(?:while|whereas|but)\s|\s[-–—]\s", re.IGNORECASE)


def _clauses(text: str) -> Iterator[Span]:
    """The clauses of each sentence of ``text``: cut where :func:`_clause` cuts, and before "while",
    "whereas", "but" and a dash between spaces."""
    for a, b in _sentence_spans(text):
        cuts = sorted({a, b, *(m.end() for m in _CLAUSE_CUT.finditer(text, a, b)),
                       *(m.start() for m in _CONTRAST.finditer(text, a, b))})
        yield from ((c, d) for c, d in zip(cuts, cuts[1:]) if text[c:d].strip())
