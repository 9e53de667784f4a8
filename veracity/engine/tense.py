"""Whether a sentence tells a year as the year of something that has already happened.

Used by the rules judge to catch a past event dated after the current year ("The drama was
released in 2442"): whatever the evidence says, that cannot be right. Only a plain reading is
attempted: a past-tense word shortly before the year, and no word anywhere in the sentence that
points to the future or to a possibility ("will be released in 2030", "could open in 2031",
"the deal runs until 2030").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from veracity.engine.normalize import fold, word_spans
from veracity.engine.types import Span

PAST_REACH = 4  # the past-tense word stands among the 4 words before the year
# the word just before the year: "released in 2505", "since 2492", "on March 9, 2924" (not "to 2030",
# as in "the deal was extended to 2030")
_LEADS = frozenset("in since of on from".split())
# irregular past forms and words that place an event before now
_PAST = frozenset(
    "was were had did been came began begun won wrote written made born died since ago took went "
    "saw became built sold shot sang ran broke fell left met grew led".split()
)
# words that place the year ahead, or make the sentence a plan, a wish or a possibility
_AHEAD = frozenset(
    "will ll shall going gonna expected expects expect scheduled schedule planned plans plan slated due "
    "upcoming could might would wouldn should must until till before hope hopes hoped "
    "aim aims aimed target targets targeted forecast forecasts projected predicted predicts predict "
    "future vision intends intended intend want wants wanted estimated estimate likely".split()
)
# "next year" looks ahead, "the next year" follows the story
_NEXT = frozenset("next coming following".split())
# a work dated in brackets: "SWAT (2003 film)", "(1998 version)"
_WORK_YEAR = re.compile(r"\s*(?:film|movie|version|remake|album|novel|series|musical|play|game|single)\b\s*\)",
                        re.IGNORECASE)
# words ending in "-ed" that are no past event ("a red car", "a need", "the seed")
_NOT_PAST = frozenset("red need needed bed seed speed feed shed hundred indeed bred sacred".split())


def this_year() -> int:
    return date.today().year


def told_as_past(sentence: str, span: Span) -> bool:
    """Whether the year (or date) at ``span`` of ``sentence`` is told as the year of a past event,
    in a sentence that does not look ahead (:func:`looks_ahead`): it follows "in", "since", "of",
    "on" or "from" with a past-tense word among the ``PAST_REACH`` words before it ("was released
    in 2505", "published since 2492"), or it dates a work in brackets ("SWAT (3004 film)")."""
    spans = word_spans(sentence)
    if looks_ahead(spans):
        return False
    if _WORK_YEAR.match(sentence, span[1]) and sentence[: span[0]].rstrip().endswith("("):
        return True
    before = [fold(w) for w, (_, end) in spans if end <= span[0]]
    if not before or before[-1] not in _LEADS:
        return False
    return any(w in _PAST or (w.endswith("ed") and len(w) > 3 and w not in _NOT_PAST) for w in before[-PAST_REACH:])


def looks_ahead(spans: Sequence[tuple[str, Span]]) -> bool:
    """Whether a sentence's words (:func:`engine.normalize.word_spans`) point to the future or to a
    possibility: "will", "expected", "until", "may" (not the month), "set to", "next year" (not
    "the next year", which follows the story)."""
    words = [fold(w) for w, _ in spans]
    for i, (w, (raw, _)) in enumerate(zip(words, spans)):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if w in _NEXT:
            if before not in ("the", "very"):
                return True
        elif w in _AHEAD or raw == "may" or (w == "set" and after in ("to", "for")):
            return True
    return False


def past_year_ahead(year: int, sentence: str, span: Span) -> bool:
    """A year after the current one, told as the year of a past event ("The book came out in
    2519"): impossible, whatever the evidence says."""
    return year > this_year() and told_as_past(sentence, span)
