"""Words of opposite sense ("open" / "closed", "required" / "optional"): a claim stating one where an
evidence sentence in the claim's other words states the other ("The office is open on public
holidays." against "The office is closed on public holidays."), and a claim saying what an evidence
clause says with the opposite word negated ("Pets are prohibited in the office." in "Pets are not
allowed in the office.")."""

from __future__ import annotations

from collections.abc import Sequence

from veracity.engine.claims import statement
from veracity.engine.normalize import stem, word_spans
from veracity.engine.types import Evidence
from veracity.judges.rules.failures import P_NEGATION, _Failure
from veracity.judges.rules.negation import _clause_negating
from veracity.judges.rules.polarity import _asserted, _polarity, _undoubled, _wording
from veracity.judges.rules.sentences import _sentence_spans
from veracity.judges.rules.words import _content

# each pair: the words of one sense, the words of the other (said of rules, places and products, where
# one word turns a statement round; not "won" / "lost", which a sentence says of the other side)
_PAIRS = (
    ("open opens opened", "closed close closes shut shuts"),
    ("allowed allow allows permitted permit permits", "prohibited prohibit prohibits forbidden banned ban bans"),
    ("required require requires mandatory compulsory", "optional"),
    ("included include includes", "excluded exclude excludes"),
    ("available", "unavailable"),
    ("accepted accept accepts", "rejected reject rejects"),
    ("enabled", "disabled"),
    ("minimum", "maximum"),
    ("strong stronger", "weak weaker"),
)
ANTONYM_SHARE = 0.75  # the sentence holds this share of the claim's other content words (at least two)


def _key(word: str) -> str:
    return _undoubled(stem(word))


_OPPOSITE: dict[str, frozenset[str]] = {}
for _one, _other in _PAIRS:
    _a, _b = frozenset(map(_key, _one.split())), frozenset(map(_key, _other.split()))
    _OPPOSITE.update({k: _b for k in _a} | {k: _a for k in _b})
# one way only: a claim's "without" against the evidence's "with" ("allowed ... without approval" against
# "allowed ... with manager approval"); a claim's "with" says too little ("charged with" / "without charge")
_OPPOSITE["without"] = frozenset({"with"})


def _check_antonym(claim: str, windows: Sequence[Evidence]) -> _Failure | None:
    """The claim's word whose opposite an evidence sentence states instead (:func:`_opposite_said`)."""
    hit = _opposite_said(claim, windows)
    if hit is None:
        return None
    i, word, theirs, sentence = hit
    return _Failure(True, P_NEGATION, f'The claim says "{word}" where the evidence says "{theirs}": "{sentence}".', (i,))


def _opposite_said(claim: str, windows: Sequence[Evidence]) -> tuple[int, str, str, str] | None:
    """The window, the claim's word, the evidence's opposite word and the sentence saying it, where
    the claim states a word (not capitalised: "the US Open" names a thing) whose opposite an
    evidence sentence states instead, with the same polarity, where the sentence holds
    ``ANTONYM_SHARE`` of the claim's other content words and not the word itself ("The office is open
    Monday to Friday and closed on public holidays." is not read), and the claim does not hold both
    words ("The policy allows them to learn why they were banned."). What the sentence reports ("the
    myth that ...") is not stated."""
    claim = statement(claim)
    if claim.rstrip().endswith("?"):
        return None
    terms = {_key(w) for w in _content(claim)}
    keys = {_key(w) for w, _ in word_spans(claim)}
    mine = _polarity(claim).negated
    for word, _ in word_spans(claim):
        key = _key(word)
        opposite = _OPPOSITE.get(key)
        others = terms - {key}
        if opposite is None or word[0].isupper() or len(others) < 2 or opposite & keys:
            continue  # "allows ... reasons for being banned": the claim says both
        for i, w in enumerate(windows):
            for a, b in _sentence_spans(w.text):
                sentence = _asserted(w.text[a:b])
                said = {_key(x): x for x, _ in word_spans(sentence) if not x[0].isupper() or _key(x) not in _OPPOSITE}
                theirs = [said[k] for k in opposite if k in said]
                if (key in said or not theirs or len(others & said.keys()) < max(2, ANTONYM_SHARE * len(others))
                        or _polarity(sentence).negated != mine):
                    continue
                return i, word, theirs[0], w.text[a:b].strip()
    return None


def _antonym_restated(claim: str, windows: Sequence[Evidence]) -> tuple[int, str] | None:
    """The window and clause saying what the claim says with the opposite word negated: "Pets are
    prohibited in the office." in "Pets are not allowed in the office."; "Overtime is not required."
    in "Overtime is optional." is not read (no negation there). The clause (cut as :func:`_restated`
    cuts) negates the opposite of a word the claim states and holds every other content word of the
    claim, and every word with digits as written; the claim itself negates nothing."""
    claim = statement(claim).strip()
    if claim.endswith("?") or _polarity(claim).negated:
        return None
    terms, figures = _wording(claim)
    for word, _ in word_spans(claim):
        opposite = _OPPOSITE.get(_key(word))
        others = terms - {_key(word)}
        if opposite is None or word[0].isupper() or len(others) < 2:
            continue
        hit = _clause_negating(opposite, others, figures, windows)
        if hit is not None:
            return hit
    return None
