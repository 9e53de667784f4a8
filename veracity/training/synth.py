"""Synthetic unsupported claims made from supported ones.

Each function takes a supported claim (and the text it came from) and returns a changed
claim that the text no longer supports, or ``None`` when the change does not apply:
entity swaps, number/date changes, negations, and an added unsupported detail. All but the
last keep the claim's length nearly unchanged, so length carries no signal.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator

from veracity.engine.normalize import IRREGULAR_PAST, MONTH_NAMES

_ENTITY = re.compile(r"\b(?:[A-Z][a-z'’.-]+|[A-Z]{2,})(?:\s+(?:of\s+|the\s+|de\s+)?(?:[A-Z][a-z'’.-]+|[A-Z]{2,}))*")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\b")
_AUX = re.compile(r"\b(is|was|are|were|has|have|had|can|will|would|could|should|did|does|do)\b(?! not\b)")
_NEG = re.compile(r"\b(is|was|are|were|has|have|had|can|will|would|could|should|did|does|do)( not|n't)\b")
_SENT_START = {"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This",
               "That", "His", "Her", "Their", "After", "Before", "When", "As", "If", "For", "Yes", "No", "So"}
# a past-tense verb after its subject's last word, followed by a word that begins like an article or a
# preposition ("the", "to", "into"; also "another", "away": those negations read as well), a capital or a digit
_PAST = re.compile(r"\b(\w+)\s+([a-z]+ed|" + "|".join(sorted(IRREGULAR_PAST, key=len, reverse=True)) + r")\b"
                   r"(?=\s+(?:the|a|an|his|her|their|its|to|in|on|at|with|for|from|by|over|into|[A-Z0-9]))")
# subjects' last words that mean the -ed word is not the main verb ("to", "has", "the retired")
_NOT_SUBJECT = {"to", "the", "a", "an", "has", "have", "had", "be", "been", "being", "was", "were", "is", "are",
                "not", "never", "and", "or", "of", "who", "which", "that"}
_NOT_VERBS = {"hundred", "indeed", "speed", "seed", "breed", "greed", "bleed", "naked", "wicked", "sacred",
              "kindred", "rugged", "ragged", "wretched", "beloved", "aged", "learned", "crooked"}
# stems that take -ed with no change of spelling ("attend", "visit", "play", "open", "need")
_SAFE_STEMS = ("nd", "rt", "st", "nt", "ck", "wn", "rn", "ll", "ss", "sh", "ch", "ay", "ey", "oy", "ow", "ew",
               "rm", "lp", "lk", "rk", "sk", "mp", "ct", "pt", "ft", "lt", "en", "er", "el", "it", "ed", "on",
               "ain", "eal", "ard", "ound", "ect", "ist", "orm", "ump", "ilm", "arn")
_DETAILS = ["in {year}", "last {month}", "according to {ent}", "with {ent}", "near {ent}", "for the {nth} time"]


def _entity_matches(text: str) -> Iterator[tuple[str, re.Match[str], str]]:
    """Runs of capitalised words of ``text``, sentence by sentence (a name never spans a full
    stop: "Marlow. It" is "Marlow."), with their sentence and the run without trailing
    punctuation."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        for m in _ENTITY.finditer(sentence):
            bare = m.group(0).rstrip(".'’-")
            if bare not in _SENT_START and len(bare) >= 3:
                yield sentence, m, bare


def entities(text: str) -> list[str]:
    """Capitalised names in ``text`` (sentence-initial function words dropped), in order."""
    return [m.group(0) for _, m, _ in _entity_matches(text)]


_CALENDAR = frozenset([*MONTH_NAMES, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])


def names(text: str) -> list[str]:
    """The names of ``text`` (:func:`entities`, read sentence by sentence) without a trailing full
    stop, leaving out months and days of the week (dates, not names) and a single capitalised word
    that opens a longer sentence ("Record temperatures ...": more often a common word than a name;
    a one-word answer such as "Lisbon" is a name)."""
    out = []
    for sentence, m, name in _entity_matches(text):
        if set(name.split()) <= _CALENDAR:
            continue
        opens = not sentence[:m.start()].strip(" \"'“‘([")
        if " " not in name and opens and sentence[m.end():].strip(" .!?\"'”’)]"):
            continue  # a capitalised word opening a longer sentence
        out.append(name)
    return out


class NamePool:
    """Names of many texts (at most 3 words each), by word count and length, to swap in."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.by_shape: dict[tuple[int, int], list[str]] = {}
        for name in sorted({n for t in texts for n in names(t) if len(n.split()) <= 3}):
            self.by_shape.setdefault((len(name.split()), len(name)), []).append(name)

    def like(self, name: str, absent_from: str, rng: random.Random, tries: int = 20) -> str | None:
        """A name shaped like ``name`` (same word count, length within 3) that ``absent_from`` never mentions."""
        words = len(name.split())
        cands = [e for n in range(len(name) - 3, len(name) + 4) for e in self.by_shape.get((words, n), [])]
        low = absent_from.lower()
        for _ in range(tries if cands else 0):
            pick = rng.choice(cands)
            if pick.lower() not in low:
                return pick
        return None


def swap_name(claim: str, context: str, asked: str, pool: NamePool, rng: random.Random) -> str | None:
    """``claim`` with one name that ``context`` gives (and ``asked``, the question, does not) replaced
    by a name of the same shape from ``pool`` that ``context`` never mentions; ``None`` if none."""
    low, asked = context.lower(), asked.lower()
    given = [n for n in names(claim) if n.lower() in low and n.lower() not in asked]
    if not given:
        return None
    name = rng.choice(given)
    other = pool.like(name, context, rng)
    if other is None:
        return None
    out = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", lambda _: other, claim, count=1)
    return out if out != claim else None


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


def past_base(verb: str) -> str | None:
    """The base form of a past-tense verb ("attended" -> "attend", "won" -> "win"), or ``None``
    where a simple rule could misspell it ("created", "liked": the final e is unknowable)."""
    low = verb.lower()
    if low in IRREGULAR_PAST:
        return IRREGULAR_PAST[low]
    if not low.endswith("ed") or len(low) < 5 or low in _NOT_VERBS:
        return None
    stem = low[:-2]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]  # stopped -> stop, admitted -> admit
    return stem if stem.endswith(_SAFE_STEMS) else None


def negate(claim: str, rng: random.Random) -> str | None:
    """Add or remove a negation: on an auxiliary verb ("was" -> "was not") or, where there is
    none, on the main verb in the past tense ("attended the" -> "did not attend the" or
    "never attended the")."""
    neg = list(_NEG.finditer(claim))
    if neg:
        m = rng.choice(neg)
        return claim[: m.start()] + m.group(1) + claim[m.end():]
    aux = list(_AUX.finditer(claim))
    if aux:
        m = rng.choice(aux)
        return claim[: m.end()] + " not" + claim[m.end():]
    verbs = [v for v in _PAST.finditer(claim)
             if v.group(1).lower() not in _NOT_SUBJECT and v.group(2).lower() not in _NOT_VERBS]
    if not verbs:
        return None
    v = rng.choice(verbs)
    base = past_base(v.group(2))
    word = f"did not {base}" if base and rng.random() < 0.5 else f"never {v.group(2)}"
    return claim[: v.start(2)] + word + claim[v.end(2):]


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
