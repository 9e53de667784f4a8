"""The unit a value measures ("5 km", "10 business days", "25°C") and the period a rate is per
("60 per minute")."""

from __future__ import annotations

import re

from veracity.engine.normalize.words import _I
from veracity.engine.types import Span

# what a number counts, written after it: a word ("21 points", "44 years", "a 36-week-old baby",
# "5 TB", "100 Mbps"),
# or an abbreviation glued to it ("6ft", "3lbs"); a glued "m" is left out: "10m" is metres or
# millions ("300 m" is metres: a scale is glued, "£300m")
_MEASURE_WORDS = {form: unit for unit, forms in (
    ("second", "second seconds secs"), ("minute", "minute minutes mins"), ("hour", "hour hours hrs"),
    ("day", "day days"), ("week", "week weeks"), ("month", "month months"), ("year", "year years yrs"),
    ("decade", "decade decades"), ("century", "century centuries"), ("mile", "mile miles"),
    ("metre", "m metre metres meter meters"), ("yard", "yard yards"), ("foot", "foot feet"),
    ("inch", "inch inches"), ("kg", "kg kilo kilos kilogram kilograms"), ("stone", "stone stones"),
    ("km", "km kms kilometre kilometres kilometer kilometers"), ("cm", "cm centimetre centimetres centimeter centimeters"),
    ("mm", "mm millimetre millimetres millimeter millimeters"), ("foot", "ft"), ("pound", "lb lbs pound pounds"),
    ("mph", "mph"), ("kph", "kph kmh"),
    ("tonne", "tonne tonnes ton tons"), ("point", "point points"), ("goal", "goal goals"),
    ("wicket", "wicket wickets"), ("run", "run runs"), ("lap", "lap laps"),
    ("byte", "byte bytes"), ("kb", "kb kilobyte kilobytes"), ("mb", "mb megabyte megabytes"),
    ("gb", "gb gigabyte gigabytes"), ("tb", "tb terabyte terabytes"), ("pb", "pb petabyte petabytes"),
    ("kbps", "kbps"), ("mbps", "mbps"), ("gbps", "gbps"),
) for form in forms.split()}
_MEASURE_GLUED = {"km": "km", "cm": "cm", "mm": "mm", "kg": "kg", "ft": "foot", "lb": "pound", "lbs": "pound",
                  "st": "stone", "yd": "yard", "yds": "yard", "mph": "mph", "kph": "kph", "kmh": "kph",
                  "hr": "hour", "hrs": "hour", "kb": "kb", "mb": "mb", "gb": "gb", "tb": "tb", "pb": "pb",
                  "kbps": "kbps", "mbps": "mbps", "gbps": "gbps"}
_DAYS_OF_KIND = re.compile(r"[\s-](business|working|calendar)\s+days?\b", _I)
_MEASURE_AFTER = re.compile(r"(?P<glued>[a-z]+\b)|[\s-](?P<word>[a-z]+)\b", _I)


# a temperature: "25°C", "25 ºC", "77 °F", "25 degrees Celsius", "77 degrees F"
_DEGREES = re.compile(r"\s?[°º˚]\s?(?P<sign>[CF])\b|\s+degrees?\s+(?P<word>celsius|centigrade|fahrenheit|C|F)\b", _I)
_TEMPERATURES = {"c": "celsius", "celsius": "celsius", "centigrade": "celsius", "f": "fahrenheit",
                 "fahrenheit": "fahrenheit"}
_DEGREE_SIGNS = {"celsius": "C", "fahrenheit": "F"}  # how canonical_text writes each ("25°C")
_PER_HOUR = re.compile(r"\s?/\s?hr?\b|\s+(?:per|an|a)\s+hour\b", _I)
_SPEEDS = {"km": "kph", "mile": "mph"}


def unit_word(word: str) -> str | None:
    """The unit a word names ("goals" → "goal", "TB" → "tb"), or ``None``."""
    return _MEASURE_WORDS.get(word.lower())


def measure(text: str, span: Span) -> str | None:
    """What the number at ``span`` of ``text`` counts, when a unit word follows it: "year" for "44
    years" and "a 17-year-old", "point" for "21 points", "foot" for "6ft", "kph" for "100 km/h";
    ``None`` otherwise."""
    degrees = _DEGREES.match(text, span[1])
    if degrees is not None:
        return _TEMPERATURES[(degrees.group("sign") or degrees.group("word")).lower()]
    days = _DAYS_OF_KIND.match(text, span[1])
    if days is not None:  # "14 business days" are no "14 days"; "14 calendar days" are
        return "day" if days.group(1).lower() == "calendar" else "business day"
    m = _MEASURE_AFTER.match(text, span[1])
    if m is None:
        return None
    if m.group("glued"):
        unit = _MEASURE_GLUED.get(m.group("glued").lower())
    else:
        unit = _MEASURE_WORDS.get(m.group("word").lower())
    if unit in _SPEEDS and _PER_HOUR.match(text, m.end()):
        return _SPEEDS[unit]
    return unit


def days_of_kind_end(text: str, end: int) -> int | None:
    """Where "business days", "working days" or "calendar days" after the number ending at ``end``
    ends, or ``None`` where none follows."""
    m = _DAYS_OF_KIND.match(text, end)
    return m.end() if m is not None else None


def degrees_end(text: str, end: int) -> int | None:
    """Where the temperature unit after the number ending at ``end`` ends ("°C", " degrees
    Celsius"), or ``None`` where none follows."""
    m = _DEGREES.match(text, end)
    return m.end() if m is not None else None


# the time a rate is counted over, after the value and at most four words ("60 requests per minute
# per API key", "1.5 days of paid leave a month", "$10/mo", "$500 weekly"); not "every 4 hours"
_PERIODS = {"second": "second", "sec": "second", "minute": "minute", "min": "minute", "hour": "hour",
            "hr": "hour", "day": "day", "week": "week", "wk": "week", "month": "month", "mo": "month",
            "year": "year", "yr": "year", "annum": "year", "hourly": "hour", "daily": "day", "weekly": "week",
            "monthly": "month", "yearly": "year", "annually": "year"}
_PERIOD = re.compile(
    r"(?:[\s-]+[A-Za-z][A-Za-z'’-]*){0,4}?"
    r"(?:\s*/\s*(?P<slash>sec|second|min|minute|hr|hour|day|wk|week|mo|month|yr|year)"
    r"|\s+(?:per|each|every)\s+(?P<per>second|minute|hour|day|week|month|year|annum)"
    r"|\s+an?\s+(?P<a>second|minute|hour|day|week|month|year)(?!\s+(?:ago|later|earlier|before|after|prior)\b)"
    r"|\s+(?P<adverb>hourly|daily|weekly|monthly|yearly|annually))\b", _I)


def period(text: str, end: int) -> tuple[str, int] | None:
    """The period a rate is counted over, after the value ending at ``end`` (see ``Quantity.per``),
    and where its words end; ``None`` where no period follows within four words."""
    m = _PERIOD.match(text, end)
    if m is None:
        return None
    word = m.group("slash") or m.group("per") or m.group("a") or m.group("adverb")
    return _PERIODS[word.lower()], m.end()
