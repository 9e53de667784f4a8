"""A claim's words written as its evidence writes them, for a model to compare like with like.

Two ways of writing one thing that the checker, trained on few of them, reads as different:

- an acronym the evidence spells out: "ET" where the evidence says "Eastern Time", "EU" for
  "European Union" (the initials of a run of capitalised words, "of", "and", "the" and "for"
  left out: "DoE" is not read, "NHS" is "National Health Service");
- a percentage the evidence gives as a share: "50%" where it says "half of", "10%" for "one in
  ten", "25 percent" for "a quarter", equal at the claim's precision ("33%" for "a third");
- a number the evidence writes otherwise: "1.5 million" or "1.5M" where it says "1,500,000",
  "$4.2bn" for "$4.2 billion" (the same value exactly, of the same kind and unit);
- a quarter or half the evidence names otherwise: "Q3" where it says "third-quarter"
  (:mod:`veracity.engine.periods`).

:func:`as_evidence_spells` rewrites only what the evidence never writes the claim's way, so a claim
the evidence words alike is left as it is. Measures in other units are
:func:`veracity.engine.units.as_evidence_writes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from veracity.engine.normalize import extract_quantities, word_spans
from veracity.engine.periods import extract_periods
from veracity.engine.types import Span

_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
_WRITTEN = ("number", "amount", "percent")  # values written in digits that may be written otherwise
_SKIPPED = frozenset("of and the for".split())
_ROMAN = re.compile(r"[IVXLCDM]+")

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "twenty": 20, "hundred": 100}
_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
          "tenth": 10, "tenths": 10}
_NUMBER = r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d{1,3}"
# a share in words: "half of", "a third", "two thirds", "three quarters", "one in ten", "3 out of 4"
_SHARE = re.compile(
    rf"\b(?:(?P<half>half)(?=\s+(?:of|the|their|its|his|her|our|all)\b)"
    rf"|(?:an?|one)\s+(?P<one>half|third|quarter|fifth|tenth)\b"
    rf"|(?P<many>two|three|four|seven|nine)\s+(?P<parts>thirds|quarters|fifths|tenths)\b"
    rf"|(?P<n>{_NUMBER})\s+(?:in|out\s+of)\s+(?P<m>{_NUMBER})\b)",
    re.IGNORECASE,
)


def spelled_out(acronym: str, text: str) -> str | None:
    """The run of capitalised words of ``text`` whose initials are ``acronym`` ("Eastern Time" for
    "ET"), "of", "and", "the" and "for" inside it skipped; ``None`` where none is."""
    words = word_spans(text)
    want = acronym.upper()
    for i, (w, (start, _)) in enumerate(words):
        if not w[0].isupper() or w[0] != want[0]:
            continue
        got, j, end = "", i, start
        while j < len(words) and len(got) < len(want):
            word, (_, stop) = words[j]
            if word[0].isupper():
                got += word[0]
                end = stop
            elif word.lower() not in _SKIPPED or not got:
                break
            j += 1
        # the whole run: "ET" is not "Eastern Time Zone", but a new sentence may follow ("Time. Premium")
        if got == want and (j >= len(words) or not words[j][0][0].isupper()
                            or not text[end:words[j][1][0]].isspace()):
            return text[start:end]
    return None


def shares(text: str) -> Iterator[tuple[float, Span]]:
    """The shares ``text`` gives in words, as percentages with their spans ("one in ten": 10.0)."""
    for m in _SHARE.finditer(text):
        if m.group("half"):
            yield 50.0, m.span()
        elif m.group("one"):
            yield 100.0 / _PARTS[m.group("one").lower()], m.span()
        elif m.group("many"):
            yield 100.0 * _UNITS[m.group("many").lower()] / _PARTS[m.group("parts").lower()], m.span()
        else:
            n, d = (_value(m.group(g)) for g in ("n", "m"))
            if 0 < n < d:
                yield 100.0 * n / d, m.span()


def _periods_as_written(claim: str, evidence: str, taken: list[Span]) -> list[tuple[Span, str]]:
    """The claim's quarters and halves written as codes that the evidence names only in words, with
    the evidence's words ("Q3" → "third-quarter" against "third-quarter revenue")."""
    mine = [p for p in extract_periods(claim) if p.coded and not any(a < p.span[1] and p.span[0] < b for a, b in taken)]
    theirs = extract_periods(evidence) if mine else []
    edits: list[tuple[Span, str]] = []
    for p in mine:
        same = [e.text for e in theirs if e.same(p)]
        if same and p.text not in same:
            edits.append((p.span, same[0][0].upper() + same[0][1:] if p.span[0] == 0 else same[0]))
    return edits


def _value(word: str) -> int:
    return int(word) if word.isdigit() else _UNITS[word.lower()]


def as_evidence_spells(claim: str, evidence: str) -> str:
    """``claim`` with each acronym the evidence only spells out, each percentage it only gives as a
    share in words and each number it writes otherwise, written as the evidence writes it ("9am to
    5pm ET" → "9am to 5pm Eastern Time" against "9am to 5pm Eastern Time"; "50% of the participants"
    → "Half of the participants" against "Half of the participants were women"). The evidence's
    values are read only for a claim that has some (this runs for every claim and window)."""
    edits: list[tuple[Span, str]] = []
    for m in _ACRONYM.finditer(claim):
        if _ROMAN.fullmatch(m.group(0)) or re.search(rf"\b{m.group(0)}\b", evidence):
            continue
        full = spelled_out(m.group(0), evidence)
        if full is not None:
            edits.append((m.span(), full))
    mine = [q for q in extract_quantities(claim) if q.kind in _WRITTEN]
    given = [(value, evidence[a:b]) for value, (a, b) in shares(evidence)] if mine else []
    theirs = [e for e in extract_quantities(evidence) if e.kind in _WRITTEN] if mine else []
    for q in mine:
        same = next((e for e in theirs if e.kind == q.kind and e.unit == q.unit and e.value == q.value), None)
        if same is not None and same.text != q.text and not any(e.text == q.text for e in theirs):
            edits.append((q.span, same.text))
            continue
        if q.kind != "percent" or q.bound is not None or not given:
            continue
        digits = 0 if q.value == int(q.value) else 1
        share = next((words for value, words in given if round(value, digits) == q.value), None)
        if share is not None:
            a, b = q.span
            edits.append(((a, b), share[0].upper() + share[1:] if a == 0 else share[0].lower() + share[1:]))
    edits += _periods_as_written(claim, evidence, [span for span, _ in edits])
    for (a, b), text in sorted(edits, reverse=True):
        claim = claim[:a] + text + claim[b:]
    return claim
