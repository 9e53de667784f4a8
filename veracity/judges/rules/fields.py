"""A value a record holds, but in another field than the one the claim names ("shipped on 7 May
2026" where that is the record's ETA)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from veracity.engine.normalize import (
    DateValue,
    Quantity,
    extract_dates,
    extract_identifiers,
    extract_quantities,
    fold,
    stem,
    word_spans,
)
from veracity.engine.tables import record_rows, rows_index
from veracity.engine.types import Evidence, Span
from veracity.judges.rules.failures import P_CONFLICT, _Failure
from veracity.judges.rules.words import _STOP, _content, _parts

_FIELD_OF = frozenset("of on for in from to".split())


def _key_stems(text: str) -> set[str]:
    """A field name's light stems, camel-case parts too ("DepDate": depdate, dep, date)."""
    return {stem(fold(p)) for w, _ in word_spans(text) for p in _parts(w)
            if fold(p) not in _STOP and not any(c.isdigit() for c in p)}


def _related(a: str, b: str) -> bool:
    """Light stems of one word: "ship" / "shipp" ("shipped"), "depart" / "departur"."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and long.startswith(short)


def _field_words(claim: str, skip: Sequence[Span]) -> set[str]:
    """The claim's content stems that may name a field: not its values, and not the name of the
    thing it is about ("shipment" in "shipment TRK94883 was shipped" and in "the shipment is
    expected": the words before an ID, and the subject unless a preposition follows it)."""
    idents = [i.span for i in extract_identifiers(claim)]
    named: set[str] = set()
    for a, _ in idents:
        before = [w for w, _ in word_spans(claim[max(0, a - 40):a])][-2:]
        named |= {stem(fold(w)) for w in before}
    taken = [*skip, *idents]
    content = _content(claim, taken)
    # the subject names the thing ("The shipment is expected on ...") unless a preposition
    # follows it, when it names the field ("The deposit on the lease is ...")
    first = re.search(rf"\b{re.escape(content[0])}\b\s+(\w+)", claim) if content else None
    if content and not (first and first.group(1).lower() in _FIELD_OF):
        named.add(stem(content[0]))
    return {stem(w) for w in content} - named


def _check_fields(claim: str, query: str, windows: Sequence[Evidence]) -> _Failure | None:
    """A value the record holds, but in another field than the one the claim is about: "shipped
    on 7 May 2026" where the record's ship date is 4 March 2023 and 7 May 2026 is its ETA. Only
    when a field the claim names holds another value of the same kind and no field it names
    holds the claim's value (any word of the claim may name the field holding it; the words
    naming the rival field leave out the thing the claim is about, :func:`_field_words`)."""
    dates = extract_dates(claim)
    quantities = [q for q in extract_quantities(claim) if q.kind != "word"]
    values: list[tuple[str, Span, DateValue | Quantity]] = [(d.text, d.span, d) for d in dates]
    values += [(q.text, q.span, q) for q in quantities if not any(d.span[0] <= q.span[0] < d.span[1] for d in dates)]
    if not values:
        return None
    words = _field_words(claim, [v[1] for v in values])
    every = {stem(w) for w in _content(claim, [v[1] for v in values])}
    for i, w in enumerate(windows):
        rows = record_rows(w.text)
        if not rows:
            continue
        about = rows_index(["; ".join(f"{k}: {v}" for k, v in r) for r in rows], query)
        for r in (rows[j] for j in about):
            keys = [_key_stems(k) for k, _ in r]
            common = set.intersection(*keys) if keys else set()
            asked = [n for n, ks in enumerate(keys) if any(_related(a, b) for a in ks - common for b in words)]
            for text, _, v in values:
                held = [n for n, (_, val) in enumerate(r) if _holds(val, v)]
                if not held or any(_related(a, b) for n in held for a in keys[n] for b in every):
                    continue  # the field holding the value is one the claim names (its subject too)
                rivals = [n for n in asked if _same_kind(r[n][1], v)]
                if rivals:
                    k, val = r[rivals[0]]
                    other = r[held[0]][0]
                    reason = (f"The claim gives {text} as the {k}, but the record's {k} is {val}; "
                              f"{text} is its {other}.")
                    return _Failure(True, P_CONFLICT, reason, (i,))
    return None


def _holds(value: str, v: DateValue | Quantity) -> bool:
    """The record's ``value`` states ``v``."""
    if isinstance(v, DateValue):
        return any(v.matches(d) for d in extract_dates(value))
    return any(v.matches(q) for q in extract_quantities(value))


def _same_kind(value: str, v: DateValue | Quantity) -> bool:
    """The record's ``value`` states another value of ``v``'s kind (a date, an amount, ...)."""
    if isinstance(v, DateValue):
        return bool(extract_dates(value)) and not _holds(value, v)
    qs = [q for q in extract_quantities(value) if q.kind == v.kind]
    return bool(qs) and not any(v.matches(q) for q in qs)
