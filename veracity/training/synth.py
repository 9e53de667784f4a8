"""Synthetic unsupported claims made from supported ones.

Each function takes a supported claim (and the text it came from) and returns a changed
claim that the text no longer supports, or ``None`` when the change does not apply:
entity swaps, number/date changes, negations, and an added unsupported detail. All but the
last keep the claim's length nearly unchanged, so length carries no signal.
"""

from __future__ import annotations

import random
import re

from veracity.engine.normalize import MONTH_NAMES

_ENTITY = re.compile(r"\b(?:[A-Z][a-z'’.-]+|[A-Z]{2,})(?:\s+(?:of\s+|the\s+|de\s+)?(?:[A-Z][a-z'’.-]+|[A-Z]{2,}))*")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\b")
_AUX = re.compile(r"\b(is|was|are|were|has|have|had|can|will|would|could|should|did|does|do)\b(?! not\b)")
_NEG = re.compile(r"\b(is|was|are|were|has|have|had|can|will|would|could|should|did|does|do)( not|n't)\b")
_SENT_START = {"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This",
               "That", "His", "Her", "Their", "After", "Before", "When", "As", "If", "For", "Yes", "No", "So"}
_DETAILS = ["in {year}", "last {month}", "according to {ent}", "with {ent}", "near {ent}", "for the {nth} time"]


def entities(text: str) -> list[str]:
    """Capitalised names in ``text`` (sentence-initial function words dropped), in order."""
    out = []
    for m in _ENTITY.finditer(text):
        ent = m.group(0)
        if ent in _SENT_START or len(ent) < 3:
            continue
        out.append(ent)
    return out


def swap_entity(claim: str, source: str, rng: random.Random, pool: list[str]) -> str | None:
    """Replace one name of the claim with another name from the source (or the pool)."""
    ents = [e for e in entities(claim)]
    if not ents:
        return None
    target = rng.choice(ents)
    low = claim.lower()
    cands = [e for e in sorted(set(entities(source))) if e.lower() not in low and target.lower() not in e.lower()]
    if not cands or rng.random() < 0.7:  # some easy swaps too: a name from another document
        cands = [e for e in pool if e.lower() not in low]
    if not cands:
        return None
    cands.sort(key=lambda e: abs(len(e) - len(target)))
    repl = rng.choice(cands[:5])
    return claim.replace(target, repl, 1)


def change_number(claim: str, rng: random.Random) -> str | None:
    """Change one number (or month) of the claim to a different, plausible value."""
    nums = list(_NUMBER.finditer(claim))
    months = list(_MONTH.finditer(claim))
    if not nums and not months:
        return None
    if months and (not nums or rng.random() < 0.3):
        m = rng.choice(months)
        other = rng.choice([x for x in MONTH_NAMES if x != m.group(0)])
        return claim[: m.start()] + other + claim[m.end():]
    m = rng.choice(nums)
    raw = m.group(0).replace(",", "")
    try:
        val = float(raw)
    except ValueError:
        return None
    if "." not in raw and 1000 <= val <= 2100:
        new = str(int(val) + rng.choice([-1, 1]) * rng.randint(1, 12))
    elif "." in raw:
        new = f"{val * rng.choice([0.5, 0.7, 1.3, 1.5, 2.0]):.{len(raw.split('.')[-1])}f}"
    else:
        iv = int(val)
        new = str(rng.choice([iv + rng.randint(1, 9), max(0, iv - rng.randint(1, 9)), iv * 2, iv * 10, iv // 2 + 1]))
        if new == str(iv):
            new = str(iv + 3)
        if "," in m.group(0):
            new = f"{int(new):,}"
    return claim[: m.start()] + new + claim[m.end():]


def negate(claim: str, rng: random.Random) -> str | None:
    """Add or remove a negation on one auxiliary verb."""
    neg = list(_NEG.finditer(claim))
    if neg:
        m = rng.choice(neg)
        return claim[: m.start()] + m.group(1) + claim[m.end():]
    aux = list(_AUX.finditer(claim))
    if not aux:
        return None
    m = rng.choice(aux)
    return claim[: m.end()] + " not" + claim[m.end():]


def add_detail(claim: str, rng: random.Random, pool: list[str]) -> str | None:
    """Append a specific detail the source does not give (a year, a month, a name)."""
    if not pool:
        return None
    body = claim.rstrip().rstrip(".!?")
    detail = rng.choice(_DETAILS).format(year=rng.randint(1950, 2023), month=rng.choice(MONTH_NAMES),
                                         ent=rng.choice(pool), nth=rng.choice(["second", "third", "fourth"]))
    return f"{body} {detail}."


def perturb(claim: str, source: str, rng: random.Random, pool: list[str]) -> tuple[str, str] | None:
    """One unsupported variant of ``claim`` and the kind of change, or ``None``."""
    kinds = ["entity", "entity", "number", "number", "negation", "detail"]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "entity":
            out = swap_entity(claim, source, rng, pool)
        elif kind == "number":
            out = change_number(claim, rng)
        elif kind == "negation":
            out = negate(claim, rng)
        else:
            out = add_detail(claim, rng, pool)
        if out and out.strip() != claim.strip():
            return out, kind
    return None


def flip_yes_no(answer: str) -> str | None:
    """``yes`` -> ``no`` and back, keeping case and punctuation; ``None`` for other answers."""
    m = re.fullmatch(r"\s*(yes|no)([.!]?)\s*", answer, flags=re.I)
    if not m:
        return None
    word = m.group(1)
    new = "no" if word.lower() == "yes" else "yes"
    if word[0].isupper():
        new = new.capitalize()
    return new + m.group(2)
