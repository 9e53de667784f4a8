"""Nationalities read from the sentence introducing a name."""

from __future__ import annotations

import pytest

from veracity.engine.demonyms import DEMONYMS, asked_nations, nation_of


@pytest.mark.parametrize(("a", "b", "compatible"), [
    ("british", "welsh", True), ("english", "british", True), ("english", "scottish", False),
    ("american", "american", True), ("american", "russian", False), ("irish", "british", False),
])
def test_nations_are_compatible_within_a_country(a: str, b: str, compatible: bool) -> None:
    assert DEMONYMS[a].compatible(DEMONYMS[b]) is compatible
    assert DEMONYMS[b].compatible(DEMONYMS[a]) is compatible


@pytest.mark.parametrize(("sentence", "name", "nation"), [
    ("Spike Slawson is an American punk rock musician.", "Spike Slawson", "american"),
    ("Peter Francis Straub (born 1943) is an American novelist.", "Peter Straub", "american"),
    # the first nationality after the name: the singer's, not her husband's
    ("Candice Night is an American vocalist, and wife of British guitarist Ritchie Blackmore.", "Candice Night",
     "american"),
    ("Kasabian are an English rock band formed in Leicester.", "Kasabian", "english"),
    ("John Smith is an American-born British actor.", "John Smith", None),  # birth, then another nation
    ("Jane Roe is a Welsh-American singer.", "Jane Roe", None),  # two nations
    ("A Welsh band toured with John Smith.", "John Smith", None),  # before the name: not his
    ("Jane Roe is a singer.", "Jane Roe", None),
    ("Spike Slawson is an American musician.", "Tim McIlrath", None),  # another name
])
def test_nation_of_reads_the_first_plain_nationality_after_the_name(sentence: str, name: str, nation: str | None) -> None:
    assert nation_of(sentence, name) == (DEMONYMS[nation] if nation else None)


@pytest.mark.parametrize(("question", "nations"), [
    ("American punk rock musicians", ["american"]),
    ("both Americans", ["american"]),
    ("from England", ["english"]),
    ("members of the American Academy", []),  # inside a name
    ("members of the IHÉS in France", []),  # a place, not what they are
    ("singers", []),
])
def test_asked_nations_are_what_is_asked_of_both(question: str, nations: list[str]) -> None:
    assert asked_nations(question.split()) == [DEMONYMS[n] for n in nations]
