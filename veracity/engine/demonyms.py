"""Nationalities as a sentence gives them: "Kelly Jones is a Welsh singer" gives Wales, in the
United Kingdom.

Used by the rules judge to read answers to questions such as "Are both A and B American film
directors?" or "Are A and B from the same country?" against the sentences that introduce A and B.
A nation is its country and, for the nations of the United Kingdom, the part of it: "British" is
compatible with "Welsh", "English" is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from veracity.engine.normalize import fold, word_spans


@dataclass(frozen=True)
class Nation:
    country: str
    part: str | None = None

    def compatible(self, other: Nation) -> bool:
        """The same country, and the same part of it where both name one ("British" and "Welsh"
        are compatible; "English" and "Scottish" are not)."""
        return self.country == other.country and (self.part is None or other.part is None or self.part == other.part)


_UK = "united kingdom"
DEMONYMS: dict[str, Nation] = {
    "british": Nation(_UK), "english": Nation(_UK, "england"), "scottish": Nation(_UK, "scotland"),
    "welsh": Nation(_UK, "wales"), "american": Nation("united states"), "irish": Nation("ireland"),
    **{word: Nation(country) for word, country in (
        ("canadian", "canada"), ("australian", "australia"), ("german", "germany"), ("french", "france"),
        ("italian", "italy"), ("spanish", "spain"), ("portuguese", "portugal"), ("dutch", "netherlands"),
        ("belgian", "belgium"), ("swiss", "switzerland"), ("austrian", "austria"), ("swedish", "sweden"),
        ("norwegian", "norway"), ("danish", "denmark"), ("finnish", "finland"), ("icelandic", "iceland"),
        ("polish", "poland"), ("czech", "czech republic"), ("hungarian", "hungary"), ("romanian", "romania"),
        ("russian", "russia"), ("ukrainian", "ukraine"), ("greek", "greece"), ("turkish", "turkey"),
        ("israeli", "israel"), ("iranian", "iran"), ("indian", "india"), ("pakistani", "pakistan"),
        ("chinese", "china"), ("japanese", "japan"), ("filipino", "philippines"), ("thai", "thailand"),
        ("vietnamese", "vietnam"), ("indonesian", "indonesia"), ("mexican", "mexico"), ("brazilian", "brazil"),
        ("argentine", "argentina"), ("argentinian", "argentina"), ("chilean", "chile"), ("colombian", "colombia"),
        ("cuban", "cuba"), ("nigerian", "nigeria"), ("egyptian", "egypt"), ("kenyan", "kenya"),
        ("serbian", "serbia"), ("croatian", "croatia"), ("bulgarian", "bulgaria"), ("estonian", "estonia"),
    )},
}
# a country named where a nationality could be ("Are both A and B from England?")
COUNTRIES: dict[str, Nation] = {
    "britain": Nation(_UK), "england": Nation(_UK, "england"), "scotland": Nation(_UK, "scotland"),
    "wales": Nation(_UK, "wales"), "america": Nation("united states"),
    **{nation.country: nation for nation in DEMONYMS.values() if nation.part is None and " " not in nation.country},
}
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")
_MIXING = frozenset(DEMONYMS) | {"born", "anglo", "franco"}


def _mixed(sentence: str) -> bool:
    """A hyphenated nationality ("British-American", "American-born", "Anglo-Irish"): more than one
    nation, or one of birth only."""
    return any(set(fold(m.group(0)).split("-")) & _MIXING for m in _HYPHENATED.finditer(sentence))


def nation_of(sentence: str, name: str) -> Nation | None:
    """The nation ``sentence`` gives to ``name``: the first nationality word after the last word of
    the name ("Spike Slawson is an American punk rock musician" → the United States), if the
    sentence holds every word of the name, and reads no mixed or birth nationality ("an
    American-born British actor")."""
    words = [fold(w) for w, _ in word_spans(sentence)]
    named = [fold(w) for w, _ in word_spans(name)]
    if not named or not set(named) <= set(words) or _mixed(sentence):
        return None
    start = max(words.index(w) for w in named) + 1
    return next((DEMONYMS[w] for w in words[start:] if w in DEMONYMS), None)


def asked_nations(words: Sequence[str]) -> list[Nation]:
    """The nations a question asks of something, its ``words`` in order: a nationality before a
    common noun or ending the question ("American film directors", "Americans"), or a country after
    "from" ("from England"); not one inside a name ("the American Academy") or a place ("the IHÉS in
    France")."""
    out: list[Nation] = []
    for i, word in enumerate(words):
        w = fold(word)
        form = w[:-1] if w.endswith("s") and w[:-1] in DEMONYMS else w
        after = words[i + 1] if i + 1 < len(words) else ""
        if form in DEMONYMS and not after[:1].isupper():
            out.append(DEMONYMS[form])
        elif w in COUNTRIES and i > 0 and fold(words[i - 1]) == "from":
            out.append(COUNTRIES[w])
    return list(dict.fromkeys(out))
