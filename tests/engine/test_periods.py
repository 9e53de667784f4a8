from __future__ import annotations

import pytest

from veracity.engine.periods import extract_periods


@pytest.mark.parametrize(("text", "periods"), [
    ("Q3 revenue rose; Q4 2024 and Q1'25 follow.", [("quarter", 3, "Q3"), ("quarter", 4, "Q4"), ("quarter", 1, "Q1")]),
    ("3Q24 results and 1H24 sales.", [("quarter", 3, "3Q24"), ("half", 1, "1H24")]),
    ("third-quarter revenue, the fourth fiscal quarter", [("quarter", 3, "third-quarter"),
                                                           ("quarter", 4, "fourth fiscal quarter")]),
    ("In the first half and H2", [("half", 1, "first half"), ("half", 2, "H2")]),
    # no quarter: a share, the one before now, a half past three, a code, a model number
    ("a quarter of the staff, last quarter, the third half, H1N1, Q5, Q10, 5Q", []),
])
def test_extract_periods(text: str, periods: list[tuple[str, int, str]]) -> None:
    assert [(p.kind, p.number, p.text) for p in extract_periods(text)] == periods
    assert all(text[p.span[0]:p.span[1]] == p.text for p in extract_periods(text))


def test_a_period_is_named_as_a_report_words_it() -> None:
    [q3, h1] = extract_periods("Q3 and 1H24")
    assert (q3.name, h1.name) == ("the third quarter", "the first half")
    assert q3.coded and not extract_periods("third-quarter")[0].coded
    assert q3.same(extract_periods("third-quarter")[0]) and not q3.same(h1)
