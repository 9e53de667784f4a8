from __future__ import annotations

import pytest

from veracity.engine.spelling import as_evidence_spells, shares, spelled_out


@pytest.mark.parametrize(("acronym", "text", "full"), [
    ("ET", "Open 9am to 5pm Eastern Time. Premium customers call us.", "Eastern Time"),
    ("NHS", "Funded by the National Health Service.", "National Health Service"),
    ("BoE", "The Bank of England raised rates.", None),   # not all capitals: not read as an acronym here
    ("BE", "The Bank of England raised rates.", "Bank of England"),
    ("ET", "Eastern Time Zone", None),                     # a part of a longer run
    ("EU", "It left the union in 2020.", None),
])
def test_spelled_out(acronym: str, text: str, full: str | None) -> None:
    assert spelled_out(acronym, text) == full


@pytest.mark.parametrize(("text", "values"), [
    ("Half of the participants were women.", [50.0]),
    ("About one in ten reported headaches; a third quit.", [10.0, 100 / 3]),
    ("Two thirds agreed and 3 out of 4 stayed.", [200 / 3, 75.0]),
    ("They led at half-time and won half the games.", [50.0]),  # "half-time" is no share
    ("One in one million.", []),
])
def test_shares(text: str, values: list[float]) -> None:
    assert [round(v, 6) for v, _ in shares(text)] == [round(v, 6) for v in values]


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("Support is open from 9am to 5pm ET.", "Open Monday to Friday, 9am to 5pm Eastern Time.",
     "Support is open from 9am to 5pm Eastern Time."),
    ("50% of the participants were women.", "Half of the participants were women.",
     "Half of the participants were women."),
    ("About 10% had headaches and 33% quit.", "About one in ten had headaches; a third quit.",
     "About one in ten had headaches and a third quit."),
    ("Acme has 1.5M customers, up 12 percent.", "Acme has 1,500,000 customers, up 12% on last year.",
     "Acme has 1,500,000 customers, up 12%."),
    ("Revenue was $4.2bn.", "Revenue was $4.2 billion.", "Revenue was $4.2 billion."),
    ("Acme's Q3 revenue rose.", "Acme reported third-quarter revenue of $4.2 billion.",
     "Acme's third-quarter revenue rose."),
    ("H1 sales rose.", "Sales in the first half rose.", "First half sales rose."),
    # written the claim's way, or not at all, or another value: left as it is
    ("Revenue was 4.2 billion.", "Revenue was $4.2 billion.", "Revenue was 4.2 billion."),
    ("It has 12 stores and 12% growth.", "12 stores; growth of 12 percent, 12%.", "It has 12 stores and 12% growth."),
    ("The UK left.", "The UK left the European Union.", "The UK left."),
    ("60% were women.", "Half of the participants were women.", "60% were women."),
    ("More than 50% were women.", "Half of the participants were women.", "More than 50% were women."),
    ("Part II follows.", "Part Two. Ivan Ivanov spoke.", "Part II follows."),
    ("Q2 revenue fell.", "Third-quarter revenue fell.", "Q2 revenue fell."),  # another quarter: left to the rules
    ("In the third quarter revenue rose.", "Third-quarter revenue rose.", "In the third quarter revenue rose."),
])
def test_as_evidence_spells(claim: str, evidence: str, expected: str) -> None:
    assert as_evidence_spells(claim, evidence) == expected
