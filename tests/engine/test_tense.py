"""A year told as the year of a past event, read from the words around it."""

from __future__ import annotations

import re

import pytest

from veracity.engine import tense
from veracity.engine.tense import past_year_ahead, told_as_past


def year_span(sentence: str) -> tuple[int, int]:
    m = re.search(r"\d{4}", sentence)
    assert m is not None
    return m.span()


@pytest.mark.parametrize(("sentence", "past"), [
    ("The drama was released in 2442.", True),
    ("His books have been published since 2492.", True),
    ("The novel, set in 19th century China, was published in 3008.", True),  # "set in", not "set to"
    ("Directed by Ann Lee, it opened in 2990.", True),  # "by" names who, not when
    ("It will be released in 2990.", False),
    ("The sequel is set to open in 2990.", False),
    ("The film may have opened in 2990.", False),  # "may", a possibility
    ("The contract was extended to 2990.", False),  # "to": until then, not an event then
    ("The contract runs until 2990.", False),
    ("Arsenal play City in 2990.", False),  # no past-tense word
    ("It opened in 2990 and closed the next year.", True),  # "the next year" follows the story
    ("It opened in 2990 and closes next year.", False),  # "next year" looks ahead
    ("Colin Farrell was in movies like SWAT (2990 version).", True),  # a work dated in brackets
    ("The sequel (2990 film) will open soon.", False),
])
def test_told_as_past(sentence: str, past: bool) -> None:
    assert told_as_past(sentence, year_span(sentence)) is past


def test_only_a_year_after_the_current_one_is_impossible(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "The film was released in 2027."
    monkeypatch.setattr(tense, "this_year", lambda: 2026)
    assert past_year_ahead(2027, sentence, year_span(sentence))
    monkeypatch.setattr(tense, "this_year", lambda: 2027)
    assert not past_year_ahead(2027, sentence, year_span(sentence))
