"""Dates, quantities and identifiers: equal values written differently compare equal."""

from __future__ import annotations

import pytest

from veracity.engine.normalize import (
    DateValue,
    JoinedNumbers,
    Quantity,
    canonical_text,
    extract_dates,
    extract_identifiers,
    extract_quantities,
    fold,
    joined_numbers,
    measure,
    spelled_ranges,
    stem,
)


def ymd(text: str) -> list[tuple[int | None, int, int | None]]:
    return [(d.year, d.month, d.day) for d in extract_dates(text)]


def vals(text: str) -> list[tuple[float, str | None]]:
    return [(q.value, q.unit) for q in extract_quantities(text)]


@pytest.mark.parametrize(
    "text",
    ["22May25", "22 May 2025", "May 22, 2025", "May 22 2025", "2025-05-22", "22/05/2025", "22.05.2025",
     "22-May-25", "22nd May, 2025", "22 May, 2025", "Date:22May25", "Thursday, May 22nd, 2025", "2025/05/22",
     "the 22nd of May 2025", "22-05-2025", "22 may 2025", "MAY 22, 2025", "22May2025"],
)
def test_same_date_many_spellings(text: str) -> None:
    assert ymd(text) == [(2025, 5, 22)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Due:21Jun25", (2025, 6, 21)),
        ("June 12, 2025", (2025, 6, 12)),
        ("12th June 2025", (2025, 6, 12)),
        ("Sept. 3, 2024", (2024, 9, 3)),
        ("1-Jan-99", (1999, 1, 1)),
        ("05/22/2025", (2025, 5, 22)),  # second number > 12: month-first
        ("03/04/2025", (2025, 4, 3)),  # ambiguous: day-first
        ("29 Feb 2024", (2024, 2, 29)),
        ("May 2025", (2025, 5, None)),
        ("in May of 2025", (2025, 5, None)),
        ("June 12", (None, 6, 12)),
        ("21 June", (None, 6, 21)),
    ],
)
def test_date_values(text: str, expected: tuple[int | None, int, int | None]) -> None:
    assert ymd(text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["in 1998", "1998", "version 3.5.10", "you may 2 times", "30 Feb 2024", "31/31/2025", "Mayfair 2025",
     "7116GBP", "ratio 1/2", "IP 10.1.2.3", "INV7701B", "to mar 3 things"],
)
def test_not_dates(text: str) -> None:
    assert extract_dates(text) == []


def test_two_digit_year_needs_to_be_attached() -> None:
    assert ymd("On 22 May 25 people came") == [(None, 5, 22)]
    assert (25.0, None) in vals("On 22 May 25 people came")


def test_date_spans_are_exact() -> None:
    text = "Invoice Date:22May25 and due on June 12, 2025."
    for d in extract_dates(text):
        assert text[d.span[0] : d.span[1]] == d.text
    assert [d.text for d in extract_dates(text)] == ["22May25", "June 12, 2025"]


def test_date_trailing_full_stop_not_in_span() -> None:
    [d] = extract_dates("It is due 21 June.")
    assert d.text == "21 June"


def test_date_matching_rules() -> None:
    full = DateValue(2025, 5, 22, (0, 0))
    assert DateValue(2025, 5, None, (0, 0)).matches(full)
    assert DateValue(None, 5, 22, (0, 0)).matches(full)
    assert not DateValue(2025, 5, 23, (0, 0)).matches(full)
    assert not DateValue(2024, 5, 22, (0, 0)).matches(full)
    assert not full.matches(DateValue(2025, 5, None, (0, 0)))  # the claim is more precise


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("7116", 7116, None),
        ("7,116", 7116, None),
        ("7 116", 7116, None),
        ("7\u00a0116", 7116, None),
        ("7116GBP", 7116, "GBP"),
        ("Amt:7116GBP", 7116, "GBP"),
        ("7,116 GBP", 7116, "GBP"),
        ("GBP 7,116", 7116, "GBP"),
        ("GBP7116", 7116, "GBP"),
        ("£7,116", 7116, "GBP"),
        ("7,116 pounds", 7116, "GBP"),
        ("$1.2 million", 1_200_000, "USD"),
        ("US$1.2m", 1_200_000, "USD"),
        ("€5bn", 5e9, "EUR"),
        ("10k", 10_000, None),
        ("1.2 million", 1_200_000, None),
        ("3.5%", 3.5, "%"),
        ("35 percent", 35, "%"),
        ("35 per cent", 35, "%"),
        ("twelve", 12, None),
        ("ten", 10, None),
        ("twenty-five", 25, None),
        ("one hundred and five", 105, None),
        ("two thousand", 2000, None),
        ("twelve percent", 12, "%"),
        ("ten dollars", 10, "USD"),
        ("1,200,000.50", 1_200_000.5, None),
        ("-4 degrees", -4, None),
        ("0.5", 0.5, None),
        ("1990s", 1990, None),
        ("5km", 5, None),
        ("12th", 12, None),
        ("¥300", 300, "JPY"),
    ],
)
def test_quantity_values(text: str, value: float, unit: str | None) -> None:
    [q] = extract_quantities(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert text[q.span[0] : q.span[1]] == q.text


@pytest.mark.parametrize(("text", "read"), [
    ("He has played nine one day internationals.", [("nine", 9.0)]),  # two numbers: the first is read
    ("In nineteen ninety, twenty-one people came.", [("nineteen", 19.0), ("twenty-one", 21.0)]),
    ("one hundred twenty people", [("one hundred twenty", 120.0)]),
    ("ninety nine", [("ninety nine", 99.0)]),
])
def test_number_words_write_one_number_at_a_time(text: str, read: list[tuple[str, float]]) -> None:
    assert [(q.text, q.value) for q in extract_quantities(text)] == read


def test_quantity_spans_cover_symbol_and_unit() -> None:
    text = "It cost $1.2 million, up 3.5% on 7,116 GBP."
    assert [q.text for q in extract_quantities(text)] == ["$1.2 million", "3.5%", "7,116 GBP"]


def test_kinds() -> None:
    kinds = {q.text: q.kind for q in extract_quantities("in 1998 paid £5 up 3% to 7116 units and twelve more")}
    assert kinds == {"1998": "year", "£5": "amount", "3%": "percent", "7116": "number", "twelve": "word"}


def test_ranges_and_lists_are_separate_numbers() -> None:
    assert vals("10-20") == [(10, None), (20, None)]
    assert vals("1,2,3") == [(1, None), (2, None), (3, None)]


@pytest.mark.parametrize("text", ["version 3.5.1", "IP 10.1.2.3", "a thousand", "million"])
def test_not_numbers(text: str) -> None:
    assert extract_quantities(text) == []


def test_numbers_inside_dates_are_not_quantities() -> None:
    assert vals("Date:22May25 Due:21Jun25 Amt:7116GBP") == [(7116, "GBP")]
    assert vals("on 2025-05-22") == []


@pytest.mark.parametrize("code", ["INV7701B", "PO451C", "N30", "H100", "COVID-19", "GPT-4", "B2B", "A4"])
def test_identifiers_are_not_numbers(code: str) -> None:
    text = f"Ref:{code} done"
    assert [i.text for i in extract_identifiers(text)] == [code]
    assert extract_quantities(text) == []


@pytest.mark.parametrize("token", ["7116GBP", "GBP7116", "12th", "10k", "5km", "10-year", "1990s", "3pm", "22May25"])
def test_numbers_with_affixes_are_not_identifiers(token: str) -> None:
    assert extract_identifiers(token) == []


def test_identifier_key_ignores_case_and_dashes() -> None:
    [a] = extract_identifiers("po-451c")
    [b] = extract_identifiers("PO451C")
    assert a.key == b.key == "PO451C"


def test_quantity_matching() -> None:
    gbp = Quantity(7116, "GBP", (0, 0))
    assert Quantity(7116, None, (0, 0)).matches(gbp)
    assert not Quantity(7116, "USD", (0, 0)).matches(gbp)
    assert not Quantity(7117, "GBP", (0, 0)).matches(gbp)
    assert Quantity(7116.000001, "GBP", (0, 0)).matches(gbp)


def test_approximate_values_match_within_five_percent() -> None:
    [q] = extract_quantities("about 7,000 GBP")
    assert q.approximate and q.matches(Quantity(7116, "GBP", (0, 0)))
    [m] = extract_quantities("$1.2 million")
    assert m.matches(Quantity(1_234_567, "USD", (0, 0)))
    assert not m.matches(Quantity(1_500_000, "USD", (0, 0)))


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("$2,500", "2,499.99 USD", True), ("£1,707", "1,707.47 GBP", True), ("23%", "23.4%", True),
    ("12.5 seconds", "12.46 seconds", True), ("2,500", "2,499.99", True),
    ("12.5", "12.44", False),  # rounds to 12.4
    ("$2,499", "2,499.99 USD", False),  # rounds to 2,500
    ("5 kg", "4.5 kg", False), ("4 million", "3.5 million", False),  # one significant figure
    ("12.50", "12.5", True), ("12.47", "12.5", False),  # more places than the evidence: equal or not
])
def test_a_value_written_with_fewer_decimals_states_its_rounding(claim: str, evidence: str, expected: bool) -> None:
    [c], [e] = extract_quantities(claim), extract_quantities(evidence)
    assert c.matches(e) is expected


def test_a_hedge_bounds_the_value_it_hedges() -> None:
    def met(claim: str, value: float) -> bool:
        [q] = extract_quantities(claim)
        return q.matches(Quantity(value, None, (0, 0)))

    assert met("more than £2m", 2_400_000) and met("over 300 people", 450) and met("at least 12", 12)
    assert not met("more than £2m", 1_500_000) and not met("over 300 people", 250)
    assert met("under 30 people", 25) and met("up to 30", 30) and not met("fewer than 30", 41)
    assert met("almost £30 million", 28_000_000) and met("nearly 300", 280)
    assert not met("almost £30 million", 20_000_000) and not met("nearly 300", 320)
    # in words as in digits
    assert met("under three minutes", 2) and not met("under three minutes", 5) and met("about twenty people", 21)
    assert met("more than forty people", 45) and not met("more than forty people", 30)


def test_how_a_number_is_written_tells_what_it_counts() -> None:
    text = "18th after a 4-1 loss in 2014/15, aged 15, a 16-year-old, 9am"
    assert [(q.text, q.form) for q in extract_quantities(text)] == [
        ("18", "ordinal"), ("4", "joined"), ("1", "joined"), ("2014", "joined"), ("15", "joined"),
        ("15", "plain"), ("16", "plain"), ("9am", "plain")]
    # an ordinal takes its number's own suffix: "27st" is 27 stone
    assert [(q.text, q.form) for q in extract_quantities("21st, 22nd, 23rd, 11th, 27st 10lbs")] == [
        ("21", "ordinal"), ("22", "ordinal"), ("23", "ordinal"), ("11", "ordinal"), ("27", "plain"), ("10", "plain")]


def test_numbers_joined_by_a_dash_or_slash_are_read_as_one_value() -> None:
    text = "won 2-1 in 2014/15 (1999-00: 1 - 2), a 4-4-2, £2-3m, 10-men, 9-10 hours"
    runs = joined_numbers(text, extract_quantities(text))
    assert [(r.text, r.values) for r in runs] == [
        ("2-1", (2, 1)), ("2014/15", (2014, 2015)), ("1999-00", (1999, 2000)), ("1 - 2", (1, 2)),
        ("4-4-2", (4, 4, 2)), ("9-10", (9, 10))]
    score, season, _, lost, formation, _ = runs
    assert score.matches(lost) and lost.matches(score)  # "lost 1-2" states "won 2-1"
    assert not formation.matches(JoinedNumbers((2, 4, 4), (0, 5), "2-4-4"))  # only a pair reads both ways
    assert season.matches(joined_numbers("2014-2015", extract_quantities("2014-2015"))[0])
    assert text[slice(*season.span)] == "2014/15"
    assert season.of_years and not score.of_years and not formation.of_years


def test_unicode_text() -> None:
    text = "Müller zahlte am 22. Mai … nein: 22 May 2025, €1.234 und «7 116 €»"
    assert (2025, 5, 22) in ymd(text)
    assert (7116, "EUR") in vals(text)
    assert (1.234, "EUR") in vals(text)  # a dot is always a decimal point (documented)


def test_fold_and_stem() -> None:
    assert fold("Müller’s") == "muller's"
    assert stem("invoices") == stem("invoiced") == stem("invoice")
    assert stem("Acme's") == stem("acme")
    assert stem("companies") == stem("company")
    assert stem("paid") == stem("pay") == stem("paying")


@pytest.mark.parametrize(("text", "canonical"), [
    ("Amt:7116GBP Date:22May25 Due:21Jun25 Terms:N30",
     "Amt: 7,116 GBP Date: 22 May 2025 Due: 21 June 2025 Terms: N30"),
    ("The invoice is due on June 21, 2025.", "The invoice is due on 21 June 2025."),
    ("Paid £7,116 on 2025-06-21 and €12.50 on 21.06.2025.", "Paid 7,116 GBP on 21 June 2025 and 12.50 EUR on 21 June 2025."),
    ('{"due": "21-Jun-2025", "amt": "$4,508.00"}', '{"due": "21 June 2025", "amt": "4,508 USD"}'),
    ("It opened in May 2020.", "It opened in May 2020."),
    ("On 5 May the price rose by about $7,000 (12.4%).", "On 5 May the price rose by about $7,000 (12.4%)."),
    ("Meet at 10:30, see https://example.com/a:b, odds 3:1.", "Meet at 10:30, see https://example.com/a:b, odds 3:1."),
])
def test_canonical_text_writes_dates_and_amounts_one_way(text: str, canonical: str) -> None:
    assert canonical_text(text) == canonical


@pytest.mark.parametrize(("text", "value"), [
    ("Acme has 1.5M customers.", 1_500_000), ("about 300M users", 300_000_000), ("It sold 2B units.", 2e9),
    ("Plan 2B is cheaper.", 2), ("a 10m platform", 10),  # a label's letter; metres or millions
])
def test_a_capital_m_or_b_after_a_number_is_a_scale(text: str, value: float) -> None:
    assert extract_quantities(text)[0].value == value


def test_canonical_text_writes_a_temperature_one_way() -> None:
    assert canonical_text("Keep below 25 degrees Celsius or 77 ° F.") == "Keep below 25°C or 77°F."
    assert canonical_text("Keep below 25°C.") == canonical_text("Keep below 25 °C.") == "Keep below 25°C."
    assert canonical_text("Keep below 30ºC or 86ºF.") == "Keep below 30°C or 86°F."


@pytest.mark.parametrize(("text", "per"), [
    ("Requests are limited to 60 per minute per API key.", "minute"),
    ("Employees accrue 1.5 days of paid leave per month.", "month"),
    ("The Pro plan costs $49/mo.", "month"),
    ("It costs $10 a month.", "month"),
    ("He was paid $500 weekly.", "week"),
    ("20 people an hour pass through.", "hour"),
    ("Take 2 tablets every 4 to 6 hours.", None),  # a dose, not a rate: "every" takes a number here
    ("She was 30 a year ago.", None),
    ("It opened in 2020 a year later.", None),     # a year is no rate
    ("We met at 9am every day.", None),            # nor is a time of day
    ("It has 500 GB of storage.", None),
])
def test_a_rate_is_counted_over_its_period(text: str, per: str | None) -> None:
    assert extract_quantities(text)[0].per == per


def test_canonical_text_makes_a_record_and_an_answer_agree() -> None:
    record = canonical_text("InvID:INV7701B Amt:7116GBP Due:21Jun25")
    assert "21 June 2025" in record and "7,116 GBP" in record
    assert "21 June 2025" in canonical_text("It is due 2025-06-21.")
    assert "7,116 GBP" in canonical_text("The total is £7,116.")


@pytest.mark.parametrize(("text", "minutes"), [
    ("at 10:30 today", [630.0]), ("9am to 5pm", [540.0, 1020.0]), ("at 9:05 p.m.", [1265.0]),
    ("12 am", [0.0]), ("12:15 PM", [735.0]), ("tonight at 7.30pm", [1170.0]), ("at 4.10 pm ET", [970.0]),
])
def test_times_of_day_are_quantities_of_their_own(text: str, minutes: list[float]) -> None:
    qs = extract_quantities(text)
    assert [q.value for q in qs] == minutes and all(q.kind == "time" and q.unit == "time" for q in qs)


def test_a_time_does_not_take_the_full_stop_after_it() -> None:
    assert [q.text for q in extract_quantities("It ended at 7pm. Then at 5 p.m. it began.")] == ["7pm", "5 p.m."]


def test_a_telephone_number_is_a_code() -> None:
    text = "Call 020 8721 4868, (020) 7946 0018, +44 20 7946 0018 or 888-957-2272. Agent 007 won 2-1."
    assert [(i.text, i.key) for i in extract_identifiers(text)] == [
        ("020 8721 4868", "02087214868"), ("(020) 7946 0018", "02079460018"),
        ("+44 20 7946 0018", "442079460018"), ("888-957-2272", "8889572272")]
    assert [q.text for q in extract_quantities(text)] == ["007", "2", "1"]


def test_a_number_glued_to_a_scale_word_is_an_amount() -> None:
    [q] = extract_quantities("United paid almost £30million for Shaw")
    assert (q.value, q.unit, q.kind, q.bound) == (30_000_000, "GBP", "amount", "near")
    assert extract_identifiers("United paid almost £30million for Shaw") == []


@pytest.mark.parametrize("text", ["ratio 3:1", "it is 25:00", "score 2-1", "No.10", "a rate of 7.30 today"])
def test_what_is_not_a_time_is_not_read_as_one(text: str) -> None:
    assert all(q.kind != "time" for q in extract_quantities(text))


@pytest.mark.parametrize(("text", "counts"), [
    ("St Mirren have 21 points.", "point"),
    ("her 36-week-old baby", "week"),
    ("The 17-year-old was charged.", "year"),
    ("He served 44 years in prison.", "year"),
    ("He is 6ft tall and weighs 15 stone.", "foot"),
    ("She was 27st at 17.", "stone"),
    ("He dived from the 10m platform.", None),  # metres or millions
    ("He was 34 at Euro 2016.", None),
    ("Two of the 11 in the squad.", None),
    # spaced abbreviations and spelt-out units; a speed per hour
    ("The race is 5 km long.", "km"),
    ("a 10 kilometre walk", "km"),
    ("The tower is 300 m tall.", "metre"),
    ("He weighs 180 lb.", "pound"),
    ("The limit is 100 km/h here.", "kph"),
    ("It reached 60 miles per hour.", "mph"),
    ("It reached 60 miles from home.", "mile"),
    # data sizes and rates, spaced, glued and spelt out
    ("It includes 500 GB of storage.", "gb"),
    ("a 2TB drive", "tb"),
    ("It has 16 gigabytes of memory.", "gb"),
    ("a 100 Mbps line", "mbps"),
    # temperatures
    ("Store below 25°C.", "celsius"),
    ("Store below 25 ºC.", "celsius"),
    ("Store below 30ºC.", "celsius"),  # an ordinal sign for the degree sign, glued: no code
    ("Store at 36.6ºC or 86ºF.", "celsius"),
    ("It reached 77 degrees Fahrenheit.", "fahrenheit"),
    ("It reached 25 degrees C today.", "celsius"),
    ("It turned 90 degrees.", None),  # an angle or a temperature: no unit
    # business days are no days; calendar days are
    ("Refunds take 14 business days.", "business day"),
    ("Refunds take 14 working days.", "business day"),
    ("Refunds take 14 calendar days.", "day"),
    ("Refunds take 14 days.", "day"),
])
def test_measure_is_the_unit_word_after_a_number(text: str, counts: str | None) -> None:
    q = extract_quantities(text)[0]
    assert measure(text, q.span) == counts


@pytest.mark.parametrize("text", ["City No 1 Joe Hart", "the world No. 3 player"])
def test_a_number_after_no_is_a_rank(text: str) -> None:
    assert [q.form for q in extract_quantities(text)] == ["ordinal"]


@pytest.mark.parametrize(("text", "decade"), [
    ("The band formed in the 1990s.", True),
    ("Popular in the 1960's and later.", True),
    ("It was founded in 1990 in Leeds.", False),
    ("The 1990 stations were closed.", False),
])
def test_a_decade_is_read_as_one(text: str, decade: bool) -> None:
    [q] = extract_quantities(text)
    assert q.is_year and (q.form == "decade") is decade


def test_a_decade_is_stated_by_any_year_of_it_and_not_the_other_way() -> None:
    [decade] = extract_quantities("in the 1990s")
    [inside] = extract_quantities("in 1994")
    [outside] = extract_quantities("in 1989")
    assert decade.matches(inside) and decade.matches(decade)
    assert not decade.matches(outside)
    assert not inside.matches(decade)  # a decade does not state a year of it
    assert decade.holds_year(1999) and not decade.holds_year(2000)


@pytest.mark.parametrize(("hedged", "other", "expected"), [
    ("just over 62%", "63.5%", True), ("just over 62%", "72.4%", False), ("over 62%", "72.4%", True),
    ("slightly more than 1,000 people", "1,050 people", True), ("slightly more than 1,000 people", "1,400 people", False),
    ("just under 500 people", "480 people", True), ("just under 500 people", "300 people", False),
    ("just under 500 people", "530 people", False),
])
def test_just_over_is_close_above(hedged: str, other: str, expected: bool) -> None:
    [q], [e] = extract_quantities(hedged), extract_quantities(other)
    assert q.matches(e) is expected


@pytest.mark.parametrize(("text", "runs"), [
    ("all day for six to eight weeks", ["six to eight"]),
    ("the eight- to ten-hour operation", ["eight- to ten"]),
    ("between 10 and 14 days", ["10 and 14"]),
    ("from 1979 to 1985", ["1979 to 1985"]),
    ("it went from 10 to 4", []),  # a fall, not a range
    ("he won 3 and 4 titles", []),  # "and" without "between"
    ("rose from 5 to 7 per cent", []),  # a measure
])
def test_spelled_ranges(text: str, runs: list[str]) -> None:
    assert [r.text for r in spelled_ranges(text, extract_quantities(text))] == runs


@pytest.mark.parametrize(("text", "kind"), [
    ("It has 1024 MB of memory.", "number"), ("She ran the 1500 metres.", "number"),
    ("It opened in 1998.", "year"), ("the 2014 season", "year"),
])
def test_a_four_digit_number_counting_a_unit_is_no_year(text: str, kind: str) -> None:
    [q] = extract_quantities(text)
    assert q.kind == kind, q


@pytest.mark.parametrize(("text", "counts", "unit"), [
    ("It weighs 1.2 pounds.", "pound", None),
    ("The baby was born weighing just 3.2 pounds.", "pound", None),
    ("He was fined 500 pounds.", None, "GBP"),
    ("It weighs 2 kg and costs 300 pounds.", "kg", None),
])
def test_pounds_weighed_are_a_mass_and_other_pounds_money(text: str, counts: str | None, unit: str | None) -> None:
    q = extract_quantities(text)[0]
    assert (q.counts, q.unit) == (counts, unit)
    assert all(e.unit == "GBP" for e in extract_quantities(text)[1:])

