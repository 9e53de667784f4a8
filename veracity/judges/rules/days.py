"""Recurring days of the week (:mod:`veracity.engine.weekdays`): days the evidence does not give
where a sentence in the claim's words gives others, and days it gives in the claim's words."""

from __future__ import annotations

import re
from collections.abc import Sequence

from veracity.engine.claims import statement
from veracity.engine.normalize import fold, stem, word_spans
from veracity.engine.types import Evidence, Span
from veracity.engine.weekdays import Days, extract_days
from veracity.judges.rules.failures import P_CONFLICT, _Failure
from veracity.judges.rules.polarity import _holds_wording, _polarity, _wording
from veracity.judges.rules.sentences import _sentence_spans
from veracity.judges.rules.words import _NEG, _content


def _check_days(claim: str, windows: Sequence[Evidence]) -> _Failure | None:
    """Recurring days the evidence does not give (:mod:`veracity.engine.weekdays`): "Support is
    available on weekends." where the sentence holding the claim's other words (``DAYS_SHARE`` of
    them, at least two) says "Monday to Friday". Not where any such sentence gives every day the
    claim names ("on Wednesdays" within "Monday to Friday" is stated), nor where a negation, a
    closing or an exception stands in a day's clause ("closed on Sundays", "every day except
    Sundays", :func:`_days_closed`), in the claim or in that sentence."""
    mine = extract_days(claim)
    if not mine or _days_closed(claim, mine):
        return None
    days = _all_days(mine)
    # the claim's words in the clauses naming the days ("..., and support is available on weekends")
    clauses = [(a, b) for a, b in _day_clauses(claim) if any(a <= d.span[0] < b for d in mine)]
    terms = {stem(w) for a, b in clauses for w in _content(claim[a:b], [(d.span[0] - a, d.span[1] - a) for d in mine])}
    rival: tuple[int, list[Days]] | None = None
    for i, w in enumerate(windows):
        for a, b in _sentence_spans(w.text):
            sentence = w.text[a:b]
            theirs = extract_days(sentence)
            shared = terms & {stem(x) for x in _content(sentence)}
            if not theirs or len(shared) < max(2, DAYS_SHARE * len(terms)) or _days_closed(sentence, theirs):
                continue
            if days <= _all_days(theirs):
                return None
            rival = rival or (i, theirs)
    if rival is None:
        return None
    said = " and ".join(d.text for d in mine)
    given = " and ".join(d.text for d in rival[1])
    return _Failure(True, P_CONFLICT, f"The claim says {said} but the evidence says {given}.", (rival[0],))


def _days_restated(claim: str, windows: Sequence[Evidence]) -> tuple[int, str] | None:
    """The window and sentence giving the claim's recurring days (the same ones, or more unless the
    claim says "only"), in a sentence holding every content word of the claim and every word with
    digits as written: "The gym is open seven days a week." in "The gym is open every day from 6am
    to 10pm."; "Support is available on Wednesdays." in "... Monday to Friday"; not "The gym is open
    seven days a week, until midnight." (no "midnight"), nor "Support is only available on
    Wednesdays.". A claim negating its days is given by a
    sentence giving none of them ("No, support is not available on weekends." by "Support is
    available Monday to Friday."). Not where a closing or an exception bears on a day ("closed on
    Sundays"), nor where the sentence negates its days."""
    claim = statement(claim)
    mine = extract_days(claim)
    if not mine or claim.rstrip().endswith("?"):
        return None
    negated = _days_closed(claim, mine)
    if negated and not _polarity(claim).negated:
        return None  # a closing or an exception ("closed on Sundays"), not read
    days = _all_days(mine)
    only = bool(_ONLY.search(claim))  # "only on Wednesdays": the same days, no fewer
    terms, figures = _wording(claim, [d.span for d in mine])
    if len(terms) < 2:
        return None
    for i, w in enumerate(windows):
        for a, b in _sentence_spans(w.text):
            sentence = w.text[a:b]
            theirs = extract_days(sentence)
            given = _all_days(theirs)
            if (theirs and (not given & days if negated else days <= given and (given == days or not only))
                    and not _days_closed(sentence, theirs) and _holds_wording(sentence, terms, figures)):
                return i, sentence.strip()
    return None


def _days_apart(claim: str, sentence: str) -> bool:
    """Whether the claim and the sentence name recurring days, none in common: "Support is not
    available via chat on weekends." negates nothing "Support is available via chat Monday to
    Friday." states."""
    mine, theirs = extract_days(claim), extract_days(sentence)
    return bool(mine and theirs) and not _all_days(mine) & _all_days(theirs)


def _all_days(named: Sequence[Days]) -> frozenset[int]:
    """Every day that ``named`` gives."""
    return frozenset().union(*(d.days for d in named))


def _day_clauses(text: str) -> list[Span]:
    """``text`` cut at commas, semicolons and colons and before "and", "but" and "while"."""
    cuts = sorted({0, len(text), *(m.end() for m in _DAY_CLAUSE.finditer(text))})
    return list(zip(cuts, cuts[1:]))


_DAY_CLAUSE = re.compile(r"[,;:]\s|\s(?=(?:and|but|while|whereas)\s)", re.IGNORECASE)


def _days_closed(text: str, named: Sequence[Days]) -> bool:
    """Whether a negation, a closing or an exception stands in the clause of one of the ``named``
    days (:func:`_day_clauses`): "closed on Sundays", "every day except Sundays", "Support is not
    available via chat on weekends"."""
    for a, b in _day_clauses(text):
        if any(a <= d.span[0] < b for d in named) and any(
                f in _NEG or f in _CLOSED or f.endswith(("n't", "'nt")) for f in (fold(w) for w, _ in word_spans(text[a:b]))):
            return True
    return False


_ONLY = re.compile(r"\b(?:only|just|solely|exclusively)\b", re.IGNORECASE)
DAYS_SHARE = 0.6  # the sentence giving other days holds this share of the claim's other content words
_CLOSED = frozenset("closed close closes shut shuts except excluding besides apart other unavailable off".split())
