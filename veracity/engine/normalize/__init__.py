"""Dates, quantities, identifiers and words, normalised so equal values compare equal.

Pure functions over plain text; every value keeps its ``(start, end)`` span.

Dates (:func:`extract_dates`)
    "22May25", "22 May 2025", "12th of June 2025", "May 22, 2025", "May 22 2025",
    "2025-05-22", "22/05/2025", "May 2025" (day ``None``), "22 May" / "June 12"
    (year ``None``). Numeric d/m/y is read day-first; when the second number is over
    12 and the first is not ("05/22/2025") it is read month-first. Two-digit years are
    20yy below 70, else 19yy; a two-digit year must be attached ("22May25",
    "22-May-25", "May '25"), so "22 May 25 people" is 22 May with no year. A bare year
    ("1998") is never a date: it is a :class:`Quantity` of kind ``"year"``. A lower-case
    "may"/"mar" is a word, not a month.

Quantities (:func:`extract_quantities`)
    "7116", "7,116", "7 116", "3.5", "-4", "twelve", "one hundred and five"; scale
    words ("1.2 million", "$5bn", "£30million", "10k"; a bare "m"/"b" suffix only after a currency,
    else it is metres/bytes); currencies as ISO codes (symbols, codes before or after,
    "pounds"/"dollars"/"euros"); percentages as unit ``"%"``. Other units (km, kg, hours)
    are not kept: the unit is ``None``. European "7.116,50" and dotted versions
    ("3.5.1") are not read as numbers. Values inside dates and identifiers are skipped.
    Times of day ("10:30", "9am", "7.30pm", "5 p.m.") have unit ``"time"``. Numbers
    joined by a dash or slash ("4-1", "2014/15") are also read as one run
    (:func:`joined_numbers`).

Identifiers (:func:`extract_identifiers`)
    A token of letters and digits ("INV7701B", "PO451C", "N30", "H100", "COVID-19") is an
    identifier, compared as a whole token (case, "-" and "_" ignored), never a number.
    Exceptions read as numbers: a number with a currency code before or after it
    ("7116GBP", "GBP7116"), an ordinal ("12th"), a scale or unit suffix ("10k", "5km",
    "1990s", "3pm", "30million") and "<number>-<word>" ("10-year"). A telephone number
    ("020 8721 4868", "888-957-2272") is an identifier, compared without its spaces and dashes.

The package, from the bottom up: :mod:`.words`, :mod:`.spans`, :mod:`.currencies`, :mod:`.dates`,
:mod:`.identifiers`, :mod:`.measures`, :mod:`.quantities`, :mod:`.joined` and :mod:`.canonical`;
the names below are its public API.
"""

from veracity.engine.normalize.canonical import canonical_text
from veracity.engine.normalize.dates import MONTH_NAMES, DateValue, extract_dates
from veracity.engine.normalize.identifiers import Identifier, extract_identifiers
from veracity.engine.normalize.joined import JoinedNumbers, joined_numbers, spelled_ranges
from veracity.engine.normalize.measures import days_of_kind_end, degrees_end, measure, period, unit_word
from veracity.engine.normalize.quantities import (
    JUST_OVER,
    NEAR_BELOW,
    ROUNDED_KINDS,
    Bound,
    Quantity,
    QuantityForm,
    QuantityKind,
    extract_quantities,
    hedge_start,
    ranked,
)
from veracity.engine.normalize.words import IRREGULAR_PAST, fold, stem, word_spans

__all__ = [
    "Bound",
    "DateValue",
    "IRREGULAR_PAST",
    "Identifier",
    "JUST_OVER",
    "JoinedNumbers",
    "MONTH_NAMES",
    "NEAR_BELOW",
    "Quantity",
    "QuantityForm",
    "QuantityKind",
    "ROUNDED_KINDS",
    "canonical_text",
    "days_of_kind_end",
    "degrees_end",
    "extract_dates",
    "extract_identifiers",
    "extract_quantities",
    "fold",
    "hedge_start",
    "joined_numbers",
    "measure",
    "period",
    "ranked",
    "spelled_ranges",
    "stem",
    "unit_word",
    "word_spans",
]
