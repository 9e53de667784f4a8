from __future__ import annotations

import pytest

from veracity.engine.normalize import Quantity, extract_quantities
from veracity.engine.units import (
    as_evidence_writes,
    compounds,
    convert,
    convertible,
    dimension,
    in_unit_of,
    restates,
    significant_digits,
)


def measured(text: str) -> Quantity:
    [q] = extract_quantities(text)
    assert q.counts is not None, text
    return q


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("km", "mile", True), ("metre", "foot", True), ("kg", "stone", True), ("month", "year", True),
    ("kph", "mph", True), ("gb", "mb", True), ("mbps", "gbps", True), ("gb", "mbps", False), ("km", "hour", False), ("km", "km", False), ("point", "goal", False), (None, "km", False),
])
def test_convertible_units_share_a_dimension(a: str | None, b: str, expected: bool) -> None:
    assert convertible(a, b) is expected


@pytest.mark.parametrize(("unit", "expected"), [
    ("second", "time"), ("business day", "time"), ("km", "length"), ("gb", "data"), ("goal", None), (None, None),
])
def test_dimension(unit: str | None, expected: str | None) -> None:
    assert dimension(unit) == expected


@pytest.mark.parametrize(("text", "read"), [
    ("The flight takes 1 hour 50 minutes.", [("1 hour 50 minutes", 110 / 60, "hour")]),
    ("She was 27st 10lbs at 17.", [("27st 10lbs", 27 + 10 / 14, "stone")]),
    ("one hour and fifty minutes", [("one hour and fifty minutes", 110 / 60, "hour")]),
    ("It was 25°C (77°F) today.", []),              # one temperature, written twice
    ("Tours last 90 minutes, 2 hours on Sundays.", []),  # the larger unit second: two lengths
    ("It ran 3 km per hour 20 minutes later.", []),      # a rate
    ("12 weeks 5 days", [("12 weeks 5 days", 12 + 5 / 7, "week")]),
    ("the 10 km and 1,500 metres races", []),           # no part of a km: two distances
])
def test_compounds_read_a_measure_written_in_two_units_as_one(text: str, read: list[tuple[str, float, str]]) -> None:
    got = [(c.text, c.value, c.counts) for c in compounds(text, extract_quantities(text))]
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in read]
    assert [v for _, v, _ in got] == pytest.approx([v for _, v, _ in read])


def test_convert() -> None:
    assert convert(5, "km", "metre") == pytest.approx(5000)
    assert convert(1, "mile", "km") == pytest.approx(1.609344)
    assert convert(24, "month", "year") == pytest.approx(2)
    assert convert(60, "mph", "kph") == pytest.approx(96.56064)
    assert in_unit_of(measured("5,000 metres"), measured("5 km")) == pytest.approx(5)
    assert in_unit_of(measured("21 points"), measured("5 km")) == 21  # nothing to convert


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("5 km", "5,000 metres", True),
    ("2 years", "24 months", True),
    ("2 km", "1.2 miles", True),          # 1.93 km, written rounded at the claim's precision
    ("1.9 km", "1.2 miles", True),
    ("1,000 feet", "300 m", True),        # 984 feet
    ("97 km/h", "60 mph", True),
    ("3 km", "1.2 miles", False),
    ("1.8 km", "1.2 miles", False),
    ("2 years", "18 months", False),      # one system: exact, no rounding
    ("6 km", "5,000 metres", False),
    ("about 2 years", "700 days", True),  # a hedge allows 5%
    ("5 km", "5 hours", False),
    ("1 GB", "1,000 MB", True),           # a data size in powers of 1,000
    ("1 GB", "1024 MB", True),            # or of 1,024
    ("2 TB", "2,048 GB", True),
    ("2 GB", "1024 MB", False),
    ("500 MB", "500 GB", False),
    ("25°C", "77°F", True),               # a temperature converts from its own zero
    ("77 degrees Fahrenheit", "25 °C", True),
    ("30°C", "77°F", False),
])
def test_restates(claim: str, evidence: str, expected: bool) -> None:
    assert restates(measured(claim), measured(evidence)) is expected


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("1 request per second", "60 requests per minute", True),   # a rate over another period
    ("$120 a year", "$10 a month", True),
    ("60 requests per second", "60 requests per minute", False),
    ("60 requests an hour", "60 requests per minute", False),
    ("$10 a year", "$10/month", False),
])
def test_a_rate_is_restated_over_another_period(claim: str, evidence: str, expected: bool) -> None:
    [q], [e] = extract_quantities(claim), extract_quantities(evidence)
    assert q.per is not None and e.per is not None
    assert restates(q, e) is expected
    assert q.matches(e) is (q.per == e.per and q.value == e.value)


def test_convert_a_temperature() -> None:
    assert convert(77, "fahrenheit", "celsius") == pytest.approx(25)
    assert convert(-40, "celsius", "fahrenheit") == pytest.approx(-40)
    assert convertible("celsius", "fahrenheit") and not convertible("celsius", "km")


@pytest.mark.parametrize(("text", "digits"), [("2", 1), ("1.9", 2), ("1,000", 1), ("0.05", 1), ("1,609", 4), ("2.50", 3)])
def test_significant_digits(text: str, digits: int) -> None:
    assert significant_digits(text) == digits


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("The trail is about 8 km long and climbs 90 metres.", "It runs 5 miles and climbs 300 feet.",
     "The trail is about 5 miles long and climbs 300 feet."),
    ("He weighs 80kg.", "He weighs 176 lb.", "He weighs 176 lb."),
    ("It opened in the 1990s.", "It opened in 1998.", "It opened in 1998."),
    ("The 1990s saw it open.", "It opened in 1998.", "1998 saw it open."),
    # given as the claim gives it, not given, or given otherwise: left as it is
    ("The trail is 8 km long.", "It runs 8 km, or 5 miles.", "The trail is 8 km long."),
    ("The trail is 12 km long.", "It runs 5 miles.", "The trail is 12 km long."),
    ("It opened in the 1980s.", "It opened in 1998.", "It opened in the 1980s."),
    ("It opened in the 1990s.", "It opened in the 1990s, in 1998.", "It opened in the 1990s."),
    ("It costs $5.", "It runs 5 miles.", "It costs $5."),
    # a measure written in two units, read whole
    ("It takes 110 minutes.", "It takes 1 hour 50 minutes.", "It takes 1 hour 50 minutes."),
    ("It takes almost two hours.", "It takes 1 hour 50 minutes.", "It takes almost 1 hour 50 minutes."),
    ("It takes 1 hour 50 minutes to cross.", "It takes 110 minutes.", "It takes 110 minutes to cross."),
    ("It takes 1 hour 50 minutes.", "It takes 1 hour 50 minutes.", "It takes 1 hour 50 minutes."),
    ("It takes 50 minutes.", "It takes 1 hour 50 minutes.", "It takes 50 minutes."),
    # a value rounded to fewer decimals, written as the evidence gives it
    ("It costs 50 USD.", "It is priced at 49.99 USD.", "It costs 49.99 USD."),
    ("The battery lasts 13 hours.", "Its battery lasts 12.6 hours.", "The battery lasts 12.6 hours."),
    ("23% chose brass.", "23.4% chose brass, 23% chose steel.", "23% chose brass."),
    ("It costs 45 USD.", "It is priced at 49.99 USD.", "It costs 45 USD."),
    ("It costs 50 USD.", "It is priced at 49.99 GBP.", "It costs 50 USD."),
    # a hedged value the evidence states, written as the evidence gives it, its hedge dropped
    ("It has over 1,200 employees.", "It ended the year with 1,240 employees.", "It has 1,240 employees."),
    ("About twenty people were hurt.", "Police said 21 people were hurt.", "21 people were hurt."),
    ("Revenue was about $50 million.", "Revenue was $48.2 million.", "Revenue was $48.2 million."),
    ("Revenue was $48 million.", "Revenue was $48.2 million.", "Revenue was $48.2 million."),
    ("He spent $71.2 million on it.", "He spent $71m on it.", "He spent $71.2 million on it."),  # more precise: as it is
    ("It has over 1,300 employees.", "It ended the year with 1,240 employees.", "It has over 1,300 employees."),
    ("It has over 1,000 employees.", "It ended the year with 1,240 employees.", "It has over 1,000 employees."),
    ("It has over 1,200 employees.", "Revenue was $1,240.", "It has over 1,200 employees."),
    ("It opened around 1998.", "It opened in 1995.", "It opened around 1998."),
    ("It has about 1,200 staff.", "It has 1,200 staff and 1,240 contractors.", "It has about 1,200 staff."),
    ("It lasts 13 days.", "Its battery lasts 12.6 hours.", "It lasts 13 days."),
])
def test_as_evidence_writes(claim: str, evidence: str, expected: str) -> None:
    assert as_evidence_writes(claim, evidence) == expected
