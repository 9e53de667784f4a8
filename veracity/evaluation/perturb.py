"""An out-of-domain test set made from right answers: change what a checker must catch.

From each right sample (HaluEval's label) it writes the untouched sample (label: supported) and,
where the output allows, variants labelled hallucinated:
- ``number``: a number, amount or percentage of the output changed;
- ``date``: a date of the output moved (day, month or year);
- ``negation``: the first auxiliary verb negated ("is" → "is not");
- ``yesno``: a yes/no answer flipped;
- ``name``: a name the context gives (a person, place, title) replaced by one it never mentions, taken
  from another sample's context and of about the same length ("Prosecutors urged judge Elizabeth
  Hurley to ..."); the swaps draw on their own random stream, so adding them left the other sets
  as they were.
One more variant stays *supported*, to catch a checker that judges style rather than facts:
- ``connector``: the output opened with a connector such as "Additionally," (how LLMs write).
The hallucinated variants keep the original's length within a few characters, so length carries no
signal.

HaluEval's right answers often say more than their context (a film, a year, a person it never
mentions), and flagging such content is no false alarm by Veracity's definition. So every sample is
marked ``grounded`` when the context gives every name, number and date of the answer it was made
from: that answer is *supported*, and the grounded samples are the set made from supported answers.
A changed number or date is also marked ``stated`` when the context gives the original value
(evidence can then refute the change), whatever else the answer says. The generator is
deterministic for a given seed, and each sample's variants draw on a random stream of their own
(seeded by the seed and the sample's id): a change to what the engine reads in one answer (which of
its numbers can be changed) moves that answer's variants only, so two versions of the code are
measured on the same samples elsewhere.

:func:`record_samples` adds questions about structured records (key:value lists, JSON, tables) of
kinds the checker was never trained on, each with a right and a wrong answer worded alike.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from veracity.engine.normalize import MONTH_NAMES, extract_dates, extract_quantities
from veracity.evaluation.runner import Sample
from veracity.training.records import HELD_OUT_SCHEMAS, generate
from veracity.training.synth import NamePool, entities, swap_name

_AUX = re.compile(r"\b(is|are|was|were|has|have|had|can|will|does|did)\b(?! not\b)")
_YESNO = re.compile(r"^\s*(yes|no)\b", re.IGNORECASE)
_CONNECTORS = ["Additionally, ", "Furthermore, ", "Moreover, ", "It is worth noting that "]
_LOWER_FIRST = frozenset("the a an it its this that these those there he she they we his her their in on at".split())


def _change_number(text: str, rng: random.Random, context: str = "") -> tuple[str, bool] | None:
    """``text`` with one number changed, and whether ``context`` states the original value."""
    qs = [q for q in extract_quantities(text) if q.value != 0 and not q.approximate
          and not text[q.span[1]:q.span[1] + 1].isalpha()]  # leave ordinals ("23rd") alone
    if not qs:
        return None
    q = rng.choice(qs)
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", text[q.span[0]:q.span[1]])
    if digits is None:
        return None
    raw = digits.group(0)
    a = q.span[0] + digits.start()
    old = float(raw.replace(",", ""))
    new = old + rng.choice([1, 2, 3, 5, 7]) if old < 20 else round(old * rng.choice([0.7, 0.8, 1.25, 1.5]))
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    new_raw = f"{new:,.{decimals}f}" if "," in raw else f"{new:.{decimals}f}"
    if new_raw == raw:
        return None
    stated = any(q.matches(e) for e in extract_quantities(context)) or (
        q.is_year and any(d.year == q.value for d in extract_dates(context)))
    return text[:a] + new_raw + text[a + len(raw):], stated


def _change_date(text: str, rng: random.Random, context: str = "") -> tuple[str, bool] | None:
    """``text`` with one date moved, and whether ``context`` states the original date."""
    for d in extract_dates(text):
        seg = text[d.span[0]:d.span[1]]
        if d.year is not None and str(d.year) in seg and rng.random() < 0.4:
            new = seg.replace(str(d.year), str(d.year + rng.choice([-3, -1, 1, 2])), 1)
        elif d.day is not None and re.search(rf"\b{d.day}\b", seg):
            day = d.day + rng.choice([3, 5, 9]) if d.day <= 15 else d.day - rng.choice([4, 7, 11])
            new = re.sub(rf"\b{d.day}\b", str(day), seg, count=1)
        else:
            name = MONTH_NAMES[d.month - 1]
            if name not in seg:
                continue
            new = seg.replace(name, MONTH_NAMES[(d.month - 1 + rng.choice([2, 4, 6])) % 12], 1)
        if new != seg:
            return text[:d.span[0]] + new + text[d.span[1]:], any(d.matches(e) for e in extract_dates(context))
    return None


def _negate(text: str) -> str | None:
    m = _AUX.search(text)
    return None if m is None else text[:m.end()] + " not" + text[m.end():]


def _flip_yes_no(text: str) -> str | None:
    m = _YESNO.match(text)
    if m is None:
        return None
    word = m.group(1)
    flipped = {"yes": "no", "no": "yes"}[word.lower()]
    flipped = flipped.capitalize() if word[0].isupper() else flipped
    return text[:m.start(1)] + flipped + text[m.end(1):]


def _grounded(text: str, context: str) -> bool:
    """Whether ``context`` gives every name, number and date of ``text``."""
    low = context.lower()
    if any(e.rstrip(".'’-").lower() not in low for e in entities(text)):
        return False
    quantities, dates = extract_quantities(context), extract_dates(context)
    return (all(any(q.matches(e) for e in quantities) or (q.is_year and any(d.year == q.value for d in dates))
                for q in extract_quantities(text) if q.kind != "word")
            and all(any(d.matches(e) for e in dates) for d in extract_dates(text)))


def _add_connector(text: str) -> str | None:
    words = text.split()
    if len(words) < 4 or _YESNO.match(text):
        return None
    body = text.lstrip()
    first = words[0]
    if first.lower() in _LOWER_FIRST:
        body = body[:1].lower() + body[1:]
    return _CONNECTORS[len(text) % len(_CONNECTORS)] + body


def perturbations(samples: Sequence[Sample], seed: int = 7) -> Iterator[Sample]:
    """The untouched supported samples and their hallucinated variants."""
    pool = NamePool(s.context for s in samples if s.context and not s.is_hallucination)
    for s in samples:
        if s.is_hallucination or not s.context:
            continue
        rng, swaps = random.Random(f"{seed}:{s.id}"), random.Random(f"{seed}:{s.id}:name")
        grounded = _grounded(s.output, s.context)
        yield replace(s, id=f"{s.id}-untouched", source="ood-untouched", origin=s.source, grounded=grounded)
        variants: dict[str, tuple[str | None, bool | None]] = {
            "number": _change_number(s.output, rng, s.context) or (None, None),
            "date": _change_date(s.output, rng, s.context) or (None, None),
            "negation": (_negate(s.output) if len(s.output.split()) >= 4 else None, None),
            "yesno": (_flip_yes_no(s.output), None)}
        for kind, (text, stated) in variants.items():
            if text is not None and text != s.output:
                yield replace(s, id=f"{s.id}-{kind}", source=f"ood-{kind}", output=text, is_hallucination=True,
                              origin=s.source, stated=stated, grounded=grounded)
        swapped = swap_name(s.output, s.context, s.prompt, pool, swaps)
        if swapped is not None:
            yield replace(s, id=f"{s.id}-name", source="ood-name", output=swapped, is_hallucination=True,
                          origin=s.source, grounded=grounded)
        styled = _add_connector(s.output)
        if styled is not None:
            yield replace(s, id=f"{s.id}-connector", source="ood-connector", output=styled, origin=s.source,
                          grounded=grounded)


def record_samples(n: int, seed: int = 11) -> list[Sample]:
    """``n`` questions about held-out kinds of records, as a right and a wrong sample each (source
    ``records``; ``origin`` is how the wrong answer is wrong: changed, swapped, other-row, absent)."""
    out: list[Sample] = []
    for i, r in enumerate(generate(n, seed, HELD_OUT_SCHEMAS)):
        out.append(Sample(f"record-{i // 2}-{r.kind}", "records", r.prompt, r.claim, r.context, bool(r.label),
                          origin=None if r.kind == "ok" else r.kind))
    return out
