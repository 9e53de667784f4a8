"""Claim splitting: sentence-level claims with exact spans in the output."""

from __future__ import annotations

import pytest

from veracity.engine.claims import asks_only, checkable_claims, claim_query, split_claims
from veracity.engine.types import Claim


def texts(output: str, prompt: str = "") -> list[str]:
    claims = split_claims(output, prompt)
    for i, c in enumerate(claims):
        assert output[c.span[0] : c.span[1]] == c.text, c
        assert c.text == c.text.strip()
        assert c.index == i
    return [c.text for c in claims]


def test_plain_sentences() -> None:
    assert texts("The sky is blue. Grass is green! Is it? Yes.") == [
        "The sky is blue.", "Grass is green!", "Is it?", "Yes.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Dr. Smith met Mr. Jones and Mrs. Brown on Main St. near the station.",
        "J. K. Rowling wrote the books.",
        "The U.S. Army was founded in 1775.",
        "Use a tool, e.g. a hammer, i.e. something heavy.",
        "It costs $1.2 million, or 3.5% of the budget.",
        "Acme vs. Globex was decided on Jan. 5 by the court.",
        "See item No. 5 for details.",
        "Acme Inc. paid 7,116 GBP.",
        'He asked "Why?" and left.',
        "I think... maybe not.",
        "Pi is about 3.14159 and e is 2.71828.",
    ],
)
def test_one_sentence_not_split(sentence: str) -> None:
    assert texts(sentence) == [sentence]


def test_sentence_ending_inside_quotes() -> None:
    assert texts('He said "Stop." Then left.') == ['He said "Stop."', "Then left."]
    assert texts("She wrote “Done!” Then slept.") == ["She wrote “Done!”", "Then slept."]


def test_abbreviation_that_ends_a_sentence() -> None:
    assert texts("We sell apples, pears, etc. Then we close.") == ["We sell apples, pears, etc.", "Then we close."]
    assert texts("The answer is No. Then he left.") == ["The answer is No.", "Then he left."]


def test_ellipsis_and_marks() -> None:
    assert texts("Wait… Then it rained. Really?! Yes...") == ["Wait…", "Then it rained.", "Really?!", "Yes..."]


def test_bullet_and_numbered_lists_exclude_markers() -> None:
    out = "Facts:\n- The invoice is from OptiTech.\n* The amount is 7,116 GBP.\n1. Due 21 June.\n2) Terms N30.\n• Ref PO451C"
    assert texts(out) == [
        "The invoice is from OptiTech.", "The amount is 7,116 GBP.", "Due 21 June.", "Terms N30.", "Ref PO451C",
    ]


def test_list_item_with_several_sentences() -> None:
    assert texts("- First claim. Second claim.\n- Third") == ["First claim.", "Second claim.", "Third"]


def test_numbers_at_line_start_are_not_markers() -> None:
    assert texts("1998 was a good year.\n1.5 million people came.") == [
        "1998 was a good year.", "1.5 million people came.",
    ]


def test_line_breaks_end_claims() -> None:
    assert texts("Invoice from OptiTech\nAmount 7116 GBP\n\nDue in June") == [
        "Invoice from OptiTech", "Amount 7116 GBP", "Due in June",
    ]


def test_hard_wrapped_sentence_continues() -> None:
    assert texts("It was issued\nby OptiTech.") == ["It was issued\nby OptiTech."]
    # a line ending a sentence is never continued, even by a lower-case line
    assert texts("It was issued.\nthe end") == ["It was issued.", "the end"]
    # documented limit: a wrapped line that starts with a capital starts a new claim
    assert texts("It was issued by\nOptiTech.") == ["It was issued by", "OptiTech."]


def test_headings_and_crlf() -> None:
    assert texts("# Summary\r\nThe amount is 7,116 GBP.\r\n") == ["Summary", "The amount is 7,116 GBP."]


def test_drops_pieces_without_letters_or_digits() -> None:
    assert texts("...\n- \n* !!!\n---") == []
    assert texts("") == []
    assert texts("   \n\n ") == []


def test_unicode_text() -> None:
    out = "Müller zahlte 7.116 €. Das Datum ist der 22. Mai. ¿Qué pasó? Ça va."
    claims = texts(out)
    assert claims[0] == "Müller zahlte 7.116 €."
    assert "¿Qué pasó?" in claims


@pytest.mark.parametrize("answer", ["Yes.", "No", "Badr Hari", "US 60", "1998", "The 1998 season."])
def test_short_answer_gets_question(answer: str) -> None:
    [claim] = split_claims(answer, "Who won?")
    assert claim.question == "Who won?"
    assert claim_query(claim) == f"Who won? {answer}"


def test_no_question_without_prompt() -> None:
    [claim] = split_claims("Badr Hari")
    assert claim.question is None
    assert claim_query(claim) == "Badr Hari"


def test_long_claims_have_no_question() -> None:
    claims = split_claims("Badr Hari won the fight in 2009. He is a kickboxer from the Netherlands.", "Who won?")
    assert [c.question for c in claims] == [None, None]


def test_short_list_items_get_question() -> None:
    claims = split_claims("The finalists were:\n- Badr Hari\n- Semmy Schilt\n- The referee was strict.", "Who?")
    assert [c.text for c in claims] == ["Badr Hari", "Semmy Schilt", "The referee was strict."]
    assert [c.question for c in claims] == ["Who?", "Who?", None]


def test_claim_query_plain() -> None:
    assert claim_query(Claim("It is blue.", (0, 11))) == "It is blue."
    assert claim_query(Claim("Yes", (0, 3), question="  Is it blue? ")) == "Is it blue? Yes"


def test_leading_whitespace_and_spans() -> None:
    out = "   The amount is 7,116 GBP.   Then it was paid.  "
    claims = split_claims(out)
    assert [c.span for c in claims] == [(3, 27), (30, 47)]


@pytest.mark.parametrize("sentence", [
    "Do you like horror movies?", "Have you ever seen it?", "Would you like to know more?",
    "So, do you play sports?", "What else can I help you with?", "Are you into horror and fantasy?",
    "Must you leave so soon?",
])
def test_a_question_that_names_nothing_is_not_a_claim(sentence: str) -> None:
    assert asks_only(sentence)
    assert checkable_claims(f"It opened in 1889. {sentence}") == [Claim("It opened in 1889.", (0, 18), 0)]


@pytest.mark.parametrize("sentence", [
    "Have you seen Titanic, directed by Spielberg?",  # names something
    "Did you know it won twice?", "Have you heard it was sold?", "Is it true that it closed?",  # states something
    "Was it released in 2012?", "It opened in 2015, right?", "He directed it, didn't he?",  # a value; a tag question
    "Sounds like you go to a lot of games, do you play sports?",  # a statement before the question
])
def test_a_question_that_names_or_states_something_stays_a_claim(sentence: str) -> None:
    assert not asks_only(sentence)
    assert [c.text for c in checkable_claims(sentence)] == [sentence]


def test_what_is_left_is_numbered_again_and_a_short_answer_still_reads_the_question() -> None:
    output = "Do you like it? Yes. Would you like to know more?"
    [answer] = checkable_claims(output, "Is the warranty transferable?")
    assert (answer.text, answer.index, answer.question) == ("Yes.", 0, "Is the warranty transferable?")
    assert output[answer.span[0]:answer.span[1]] == "Yes."
    assert checkable_claims("Have you seen it? What did you think?") == []
