"""Rules judge: dates, amounts, codes, negation, names and word coverage; no model.

All evidence windows of a claim are read together. For one claim, the first rule that
fires decides:

1. No evidence text → ``unverifiable`` (``p_hallucination=None``).
2. Hard contradictions (:meth:`RulesJudge.hard_contradiction`) → ``hallucination``:
   a date of the claim that no evidence date matches (p 0.95 when the evidence gives
   another date, 0.90 when it gives none), a number / amount / percentage / year likewise
   (unit-compatible, relative tolerance 1e-6, 5% for hedged or scaled values such as
   "about 7,000" or "$1.2 million", a bound for "more than £2m", "under 30", "almost £30
   million"; only a value of the same kind is another value for it: a rank "18th" is not
   one for a count, nor a score "4-1"; a value given as a rank, "world No 10", is stated only
   by a rank, and an age, "a 17-year-old", by no rank; a score, season or range is read whole: "2-3" is met by
   "2-3" or "3-2", and contradicted by another run of as many numbers amid the claim's words ("a
   2-1 victory") even where a 2 and a 3 stand elsewhere, or, where the evidence never gives it, in a
   sentence sharing 3 of the claim's words (not a score on the way, "a 2-0 lead"); a range may be
   written in words ("six to eight weeks"); with neither, its numbers are checked one by one; an age
   ("Meredith Kercher, 26,") is stated only by an age where the evidence gives ages, and contradicted
   by one amid the claim's words ("Meredith, 21,"); a year also matches the year of an evidence
   date, and a decade ("the 1990s") any year of it; a measure is met by the same one in another
   unit ("5 km" by "5,000 metres", "about 2 km" by "1.2 miles": :mod:`veracity.engine.units`),
   and contradicted by another measure of its size
   in another unit where none stands in its own; a count is met by the sum of the counts of one
   evidence sentence that count the same thing ("3 children" by "two children ... and one from his
   second");
   a value whose digits appear in an evidence code such as "N30" is never a contradiction;
   a claim date without a day, "February 2024", is met by an evidence "February" when the
   evidence has that year somewhere),
   a code such as "INV7701C" where the evidence has a similar but different one (0.93;
   codes under 4 characters such as "Q4" are left to word coverage),
   a value a record holds in another field than the one the claim names ("shipped on
   7 May 2026" where the record's ship date is 4 March 2023 and 7 May 2026 its ETA; 0.95),
   recurring days of the week that no evidence sentence holding most of the words of the
   claim's clause gives, where one gives other days ("Support is available on weekends."
   against "Monday to Friday"; 0.95; :mod:`veracity.engine.weekdays`),
   negation: the claim and an evidence sentence share ≥ 75% of the claim's content
   words, one negates a word the other states ("not paid" / "paid") and neither negates a
   word the other negates too ("will not be offered" / "let nobody doubt it, Real will not
   now offer"), read clause by clause where the sentence taken whole states the word too ("covers
   ... but does not cover accidental damage") (0.90; a capitalised negation inside a title, "Cats Don't Dance", negates
   nothing, nor does a question, nor "not only ... but also"; "unable to" negates; what the
   evidence reports as an assumption, a belief, a myth or a claim, "the assumption that ...",
   it does not state),
   and a bare yes or no ("Yes.", "No, it is not.") to a yes/no question about one statement
   ("Is the warranty transferable?"), read as that statement or its negation, where an
   evidence sentence states the other ("The warranty is not transferable."; for a "no",
   the sentence must hold every content word of the question) (0.90). A bare yes or no to a
   question asking one thing of two named things ("Are both Tim McIlrath and Spike Slawson
   American punk rock musicians?") is vetoed (0.90): a "no" where, for each, a sentence holding
   every word of its name states every word asked; a "yes" where a nationality asked is not the
   one the sentence introducing one of them gives (``engine.demonyms``: "Pavel Ruminov is a
   Russian film director"); to "the same country?", a "yes" where those sentences give two
   nations and a "no" where they give one. Other comparisons ("the same city", "more than"),
   alternatives ("or") and negated questions ("Isn't it...?") are left alone.
   A value or date the evidence gives only amid fewer of the claim's words than another of its
   kind, which stands amid at least ``STRAY_WORDS`` of them and ``STRAY_MARGIN`` more, and which
   the claim does not state too, is contradicted ("Stephen Curry scored 19 points" where the
   evidence says "Stephen Curry scored 27 points" and "Sefolosha scored 19 points"; only the
   claim's own words count, so a bare answer such as "1941" is never read so). A date the
   evidence does not give is contradicted by another day of its month anywhere in the context
   ("May 11" where the context's only May date is "May 2"), and a date without a day by another
   month named amid the claim's words ("signed in November 2014" against "signed last July").
   A year after the current one that the evidence does not give, told as the year of a past
   event ("The drama was released in 2442"; :mod:`veracity.engine.tense`), is impossible.
   A conflicting value's reason quotes the evidence value standing amid at least
   ``ANCHOR_WORDS`` of the claim's words around its own (or of the question a short answer
   answers): "The claim says 7pm but the evidence says 4pm."; where none does, the reason
   says the evidence never gives the claim's value and names the value nearest in words, of
   the claim value's size (within a factor ``MAGNITUDE``: "911" is no other figure for "a
   36-week-old baby"). For a value the evidence does not give, a number in words counting the
   same thing is another figure for it ("Ten deputies" for "12 deputies").
3. Soft failures → ``hallucination`` at 0.75: a clear proper noun (a capitalised word
   that does not open the sentence or a clause, or a capitalised run of two or more words
   that punctuation does not cut, not in the prompt) of which fewer than half the words occur
   in the evidence; a code absent
   from the evidence; a number word ("twelve") absent from it (0.70).
4. Coverage of the claim's content words (light stems; evidence abbreviations such as
   "Amt" / "Inv" and acronyms of capitalised runs, "MPC" for "Monetary Policy Committee",
   count; each verified date, number or code weighs 2 words):
   ≥ 0.7 → ``supported`` p 0.20→0.10; 0.5–0.7 → ``supported`` p 0.45→0.20;
   < 0.5 → ``hallucination`` p 0.55→0.80. No content at all ("Yes.") → ``unverifiable``.

Combining with a trained checker: let the checker decide every claim, then replace its
verdict with ``RulesJudge().hard_contradiction(item)`` wherever that is not ``None``;
rules 3–4 are cruder than a model. Where the checker flags a negated claim that a clause of the
evidence restates (:meth:`RulesJudge.restatement`: every content word, negated on the same word,
"Gift cards are not refundable."), the rules judge confirms it instead (p 0.2): the checker
learnt from its synthetic negatives that a negated claim is usually unsupported. So it does for
recurring days an evidence sentence gives in the claim's words ("The gym is open seven days a
week." against "The gym is open every day from 6am to 10pm"). The veto is rule 2 narrowed to what the evidence
*states otherwise* (another date or value for it, a similar but different code, the value
of another field, the negated statement or answer): a value the evidence never gives is unsupported rather than
contradicted, and is left to the checker (on HaluEval dev such vetoes were right only
55 % of the time, against 68 % for conflicting values). A value the claim's windows do not
give is looked up in the whole context: it is vetoed where the context gives another value of
its kind amid the same words ("just before 4pm on Wednesday" against the claim's "just before
7pm on Wednesday"), citing that sentence. Where the checker only just supports a claim (at the
``name_gate`` of its calibration, :mod:`veracity.judges.combined`), rule 3's proper noun read
against the whole context fails it (:meth:`RulesJudge.unmentioned_name`: 'The claim names "Jonas
Reeve", which the context never mentions.').
"""

from __future__ import annotations

import bisect
import calendar
import difflib
import itertools
import math
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Literal, TypeVar

from veracity.engine import units
from veracity.engine.claims import AUXILIARY, QUESTION_OPENER, split_claims, statement
from veracity.engine.demonyms import DEMONYMS, asked_nations, nation_of
from veracity.engine.normalize import (
    DateValue,
    Identifier,
    JoinedNumbers,
    Quantity,
    extract_dates,
    extract_identifiers,
    extract_quantities,
    fold,
    joined_numbers,
    measure,
    period,
    ranked,
    spelled_ranges,
    stem,
    unit_word,
    word_spans,
)
from veracity.engine.periods import Period, PeriodKind, extract_periods
from veracity.engine.tables import readable, record_rows, rows_index
from veracity.engine.tense import past_year_ahead, this_year
from veracity.engine.textcache import text_cache
from veracity.engine.types import ClaimVerdict, Evidence, JudgeInput, Span
from veracity.engine.weekdays import Days, extract_days
from veracity.engine.windows import sentences

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

REACH = 4  # a negation bears on the next 4 words ("did not pay the dividend")
P_CONFLICT, P_ABSENT, P_CODE, P_NEGATION, P_SOFT, P_WORD_NUMBER = 0.95, 0.90, 0.93, 0.90, 0.75, 0.70
P_RESTATED = 0.2  # a negated claim that an evidence clause restates (``RulesJudge.restatement``)
SUPPORTED_AT, WEAK_SUPPORT_AT = 0.7, 0.5
ANCHOR_WORDS, STRAY_WORDS, STRAY_MARGIN, NEAR_BEFORE, NEAR_AFTER = 1, 3, 2, 5, 3
SENTENCE_WORDS = 3  # a score the evidence never gives meets another in a sentence sharing 3 of the claim's words
MAGNITUDE = 10  # a value the evidence never gives is contradicted amid other words only by one of its size
_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its this
    that these those there here he she they we you i his her their our your my me him them us do does did
    has have had so than then too very can could will would shall should may might must about into over
    under after before between also just only what which who whom whose when where why how all any each
    some such own same other more most yes one however moreover
    furthermore additionally therefore thus overall indeed still not no never neither nor none nobody nothing nowhere cannot""".split()
)
_FIELD_OF = frozenset("of on for in from to".split())
_NEG = frozenset("not no never neither nor none nobody nothing nowhere cannot unable".split())
# "not only ... but also" adds rather than denies
_NOT_DENYING = frozenset("only just merely simply".split())
# words of yes/no questions that ask about two or more things, or choose between them
_NOT_POLAR = frozenset("or and both either same different than all each every any".split())
_YES_NO = re.compile(r"\s*(yes|no)\b", re.IGNORECASE)
_AUX_FIRST = re.compile(rf"{AUXILIARY}\b", re.IGNORECASE)
_QUESTION_FIRST = re.compile(QUESTION_OPENER, re.IGNORECASE)
_MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name and name != "May"}
_MONTH = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\b")
_CLAUSE_CUT = re.compile(r"[,;]\s|[:()]")
_POSSESSIVE = re.compile(r"['’]s?$")
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|they|their|them|it|its)\b", re.IGNORECASE)
_LABEL = re.compile(r"\s*([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s*:")  # "Pro: $20 per month, 5 users."
_BOTH = re.compile(rf"(?i:{AUXILIARY})\s+(?:(?i:both)\s+)?(?:[a-z][^?]*?\s)??(?P<a>[A-Z][^?]*?)\s+and\s+"
                   r"(?P<b>[A-Z][^?]*?)(?:\s+both\b(?P<p>[^?]*))?\s*\?$")
# questions that compare the two things rather than ask one thing of both
_COMPARING = frozenset("same different than or either neither".split())
_CONNECTORS = frozenset("of de da del van von bin al la le".split())
_NOT_NAMES = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday i""".split()
)
_SKIP_NAME = _STOP | _NOT_NAMES | _CONNECTORS  # words of a name run that name nothing
_TITLES = frozenset("mr mrs ms miss dr sir dame lord lady judge president senator governor mayor king queen prince "
                    "princess professor prof general captain coach manager chief".split())


@dataclass(frozen=True)
class _Failure:
    hard: bool
    p: float
    reason: str
    cited: tuple[int, ...]
    quoted: Span | None = None  # where in ``cited[0]`` the other value stands


@dataclass(frozen=True)
class _Reading:
    """How values are checked. ``absent_is_hard``: a value the evidence never gives fails hard
    (the rules judge), or not (a veto). ``anchored_only``: only another value amid the claim's
    words contradicts it (:func:`_anchored`; a veto's look through the whole context).
    ``asked``: the content words of the question a short answer answers ("When was she born?")."""

    absent_is_hard: bool = True
    anchored_only: bool = False
    asked: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Words:
    """The words of a text as :func:`_known` looks them up."""
    stems: frozenset[str]
    abbrevs: tuple[str, ...]


@dataclass(frozen=True)
class _Facts(_Words):
    dates: tuple[DateValue, ...]
    quantities: tuple[Quantity, ...]
    joined: tuple[JoinedNumbers, ...]
    identifiers: tuple[Identifier, ...]
    compounds: tuple[Quantity, ...] = ()  # "1 hour 50 minutes" as one measure (units.compounds)


@dataclass(frozen=True)
class _Values:
    verified: tuple[str, ...] = ()
    cited: tuple[int, ...] = ()
    spans: tuple[Span, ...] = ()
    failure: _Failure | None = None

    def __add__(self, other: _Values) -> _Values:
        hard = [f for f in (self.failure, other.failure) if f is not None and f.hard]
        failure = hard[0] if hard else self.failure or other.failure
        return _Values(self.verified + other.verified, self.cited + other.cited, self.spans + other.spans, failure)


def _parts(word: str) -> list[str]:
    """The word and its camel-case parts: "InvID" → InvID, Inv, ID."""
    return [word, *re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+", word)]


def _words(text: str) -> _Words:
    parts = [fold(p) for w, _ in word_spans(text) for p in _parts(w)]
    abbrevs = tuple(sorted({p for p in parts if 3 <= len(p) <= 5 and p.isalpha() and p not in _STOP}))
    return _Words(frozenset(stem(p) for p in parts) | _acronyms(text), abbrevs)


@text_cache()  # a window is read for every claim it may contradict
def _facts(text: str) -> _Facts:
    words = _words(text)
    quantities = tuple(extract_quantities(text))
    joined = tuple(joined_numbers(text, quantities)) + tuple(spelled_ranges(text, quantities))
    return _Facts(words.stems, words.abbrevs, tuple(extract_dates(text)), quantities, joined,
                  tuple(extract_identifiers(text)), tuple(units.compounds(text, quantities)))


def _acronyms(text: str) -> frozenset[str]:
    """Initials of runs of capitalised words: "Monetary Policy Committee" → "mpc", "U.K." → "uk"."""
    out: set[str] = set()
    run: list[str] = []
    for w, _ in [*word_spans(text), ("end", (0, 0))]:
        if w[0].isupper():
            run.append(fold(w[0]))
            continue
        if fold(w) in _CONNECTORS | {"and", "the", "for"} and run:
            continue
        out.update("".join(run[a:b]) for a in range(len(run)) for b in range(a + 2, min(len(run), a + 6) + 1))
        run = []
    return frozenset(out)


def _known(word: str, facts: _Words) -> bool:
    """Whether the evidence has ``word``: same stem, or an abbreviation of it ("Amt", "Inv")."""
    w = fold(word)
    if stem(w) in facts.stems:
        return True
    return any(
        len(a) < len(w) and a[0] == w[0] and (w.startswith(a) or (a[-1] == w[-1] and _subsequence(a, w)))
        for a in facts.abbrevs
    )


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _content(text: str, skip: Sequence[Span] = ()) -> list[str]:
    """Content words of ``text`` outside ``skip``, one per stem, in order."""
    seen: dict[str, str] = {}
    for w, span in word_spans(text):
        f = fold(w)
        if f in _STOP or f.endswith("n't") or w.isdigit() or any(span[0] < b and a < span[1] for a, b in skip):
            continue
        seen.setdefault(stem(f), w)
    return list(seen.values())


def _quote(text: str, span: Span, unit: bool = False) -> str:
    """The evidence token holding ``span`` ("Due:21Jun25"), without the punctuation around it; with
    ``unit``, with the unit word after a measured value ("5,000 metres", see :func:`_written`). A
    value of a range in words is quoted with the range ("5 to 7", not "5" or "7")."""
    span = next((r.span for r in _facts(text).joined
                 if r.span[0] <= span[0] and span[1] <= r.span[1] and r.span != span and " " in r.text), span)
    a, b = span
    while a > 0 and not text[a - 1].isspace() and span[0] - a < 20:
        a -= 1
    while b < len(text) and not text[b].isspace() and b - span[1] < 20:
        b += 1
    if unit and b == span[1] and (measure(text, span) or period(text, b)):  # a unit glued to the value
        b = units.unit_end(text, b)  # ("6ft") is in the token; a rate's period follows ("60 per minute")
    return re.sub(r"['’]s$", "", text[a:b].lstrip("(\"'“‘[").rstrip(".,;:)\"'”’]"))  # "21-year-old's"


def _written(claim: str, q: Quantity) -> str:
    """The claim's value as the reader knows it (:func:`engine.units.written`: "9.8 km", "1970s")."""
    a, b = units.written(claim, q)
    return claim[a:b]


def _pick(cands: Sequence[tuple[int, Span]], claim_stems: set[str], windows: Sequence[Evidence]) -> tuple[int, Span]:
    """The candidate whose neighbouring words (labels such as "Due:") best match the claim."""
    def score(c: tuple[int, Span]) -> float:
        text = windows[c[0]].text
        before = [w for w, _ in word_spans(text[max(0, c[1][0] - 60) : c[1][0]])][-4:]
        after = [w for w, _ in word_spans(text[c[1][1] : c[1][1] + 30])][:2]
        s = sum(1 / (i + 1) for i, w in enumerate(reversed(before)) if stem(w) in claim_stems)
        return s + sum(0.5 / (i + 1) for i, w in enumerate(after) if stem(w) in claim_stems)
    return max(cands, key=score)


def _pick_in_sentence(cands: Sequence[tuple[int, Span]], claim: str, claim_stems: set[str],
                      windows: Sequence[Evidence], span: Span | None = None) -> tuple[int, Span]:
    """The candidate whose sentence has most of the claim's words, then by :func:`_pick`: "until
    1931, when the Empire State Building was completed" against "the tallest man-made structure in
    the world until the Chrysler Building ... was finished in 1930", not "designed and built the
    tower from 1887". Given the claim value's ``span``, those standing between the same words as it
    come first (:func:`_beside`: "32 GB of RAM" against "16 GB of RAM and a 512 GB SSD" quotes 16 GB)."""
    words = _content(claim)
    shared = [(_sentence_shared(words, windows[i].text, r), (i, r)) for i, r in cands]
    most = max(n for n, _ in shared)
    best = [c for n, c in shared if n == most]
    if span is not None and len(best) > 1:
        mine = _beside(claim, span)
        sides = [sum(len(a & b) for a, b in zip(mine, _beside(windows[i].text, r))) for i, r in best]
        best = [c for c, n in zip(best, sides) if n == max(sides)]
    return _pick(best, claim_stems, windows)


def _beside(text: str, span: Span) -> tuple[set[str], set[str]]:
    """The stems of the two content words just before and the two just after the value at ``span``
    (a unit is one of them): in "16 GB of RAM and a 512 GB SSD", "GB" and "RAM" stand after 16, "GB"
    and "SSD" after 512."""
    before = {stem(w) for w in _content(text[max(0, span[0] - 80):span[0]])[-2:]}
    after = {stem(w) for w in _content(text[span[1]:span[1] + 80])[:2]}
    return before, after


def _check_dates(claim: str, windows: Sequence[Evidence], stems: set[str], reading: _Reading) -> _Values:
    out = _Values()
    dates = extract_dates(claim)
    for d in dates:
        found = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).dates if d.matches(e)]
        if found:
            own = [o for o in dates if o is not d]
            stray = _stray(d.text, d.span, claim, found, partial(_date_rivals, d, own, windows), windows, stems)
            if stray is not None:
                return out + _Values(spans=(d.span,), failure=stray)
            i, span = _pick(found, stems, windows)
            out += _Values((f"{d.text} matches {_quote(windows[i].text, span)}",), (i,), (d.span,))
            continue
        ahead = _ahead(d.text, d.year, claim, d.span)
        if ahead is not None:
            return out + _Values(spans=(d.span,), failure=ahead)
        loose = _month_named(d, windows)
        if loose is not None:
            out += _Values((f"{d.text} matches {loose[1]}",), (loose[0],), (d.span,))
            continue
        others = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).dates]
        conflict = (_conflict(d.text, claim, d.span, others, windows, stems, reading)
                    or _other_month(d, claim, windows, stems, reading))
        if conflict is not None:
            return out + _Values(failure=conflict)
        absent = _Failure(reading.absent_is_hard, P_ABSENT, f"The claim says {d.text} but the evidence gives no date.", ())
        if reading.absent_is_hard:
            return out + _Values(failure=absent)
        out += _Values(failure=absent)
    return out


def _other_month(d: DateValue, claim: str, windows: Sequence[Evidence], stems: set[str],
                 reading: _Reading) -> _Failure | None:
    """Another day of the claim date's month, even amid none of the claim's words ("May 2" in the
    whole context for the claim's "May 11"); for a date without a day ("November 2014"), another
    month named amid the claim's words ("signed from Southampton last July")."""
    if d.day is not None:
        same = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).dates
                if e.month == d.month and e.day is not None and (d.year is None or e.year in (None, d.year))]
        return _conflict(d.text, claim, d.span, same, windows, stems, replace(reading, anchored_only=False))
    named = [(i, span) for i, w in enumerate(windows) for span, month in _month_names(w.text) if month != d.month]
    return _conflict(d.text, claim, d.span, named, windows, stems, replace(reading, anchored_only=True))


@text_cache()
def _month_names(text: str) -> tuple[tuple[Span, int], ...]:
    """The months ``text`` names outside its dates ("last July"), with their numbers; "May" is left
    out (a verb too)."""
    dated = [e.span for e in _facts(text).dates]
    return tuple((m.span(), _MONTHS[m.group(0)]) for m in _MONTH.finditer(text)
                 if not any(a <= m.start() < b for a, b in dated))


def _month_named(d: DateValue, windows: Sequence[Evidence]) -> tuple[int, str] | None:
    """For a claim date without a day ("February 2024"): an evidence window naming the
    month ("in February") where the evidence also has the year, if any, and does not date
    that month in another year."""
    if d.day is not None:
        return None
    if any(e.month == d.month and e.year not in (None, d.year) for w in windows for e in _facts(w.text).dates):
        return None  # "November 2013": that month is in another year
    years: set[float] = {q.value for w in windows for q in _facts(w.text).quantities if q.is_year}
    years |= {float(e.year) for w in windows for e in _facts(w.text).dates if e.year is not None}
    if d.year is not None and d.year not in years:
        return None
    name = calendar.month_name[d.month]
    for i, w in enumerate(windows):
        m = re.search(rf"\b(?:{name}|{name[:3]}\.?)(?![^\W\d_])", w.text)
        if m and m.group(0) != "may":
            return i, m.group(0)
    return None


def _quantity_matches(q: Quantity, claim: str, windows: Sequence[Evidence]) -> list[tuple[int, Span]]:
    """The evidence values that state the claim's ``q``: equal (:meth:`Quantity.matches`), a count
    of the same thing where both say what they count ("21 points", not "21 seconds"), a rank for
    a rank given as one ("world No 10" is not stated by "10 titles") and no rank for an age (the
    "17th" of "tied for 17th" does not state "a 17-year-old"). Otherwise ranks and counts state
    each other: "his 4,000th winner" states "4,000 winners". A bare number that counts a thing is no
    amount or percentage: "$5" does not state "five users"."""
    sort = _sort(q, claim)
    noun = _counted(claim, q.span) if q.unit is None and q.kind in ("number", "word") else None
    found = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).quantities
             if _states(q, e) and _of_sort(e, sort) and not (noun is not None and e.unit is not None)]
    if not found and q.is_year:
        found = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).dates
                 if e.year is not None and q.holds_year(e.year)]
    if not found and q.counts is not None:  # "almost two hours" for "1 hour 50 minutes"
        found = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).compounds if _states(q, e)]
    return found


def _states(q: Quantity, e: Quantity) -> bool:
    """The evidence value ``e`` states the claim's ``q``: equal and counting the same thing where both
    say what they count, or the same measure in another unit ("5,000 metres" for "5 km", see
    :mod:`veracity.engine.units`). Two limits of one sense are equal: "up to 5 users" is no limit of
    "up to 3 users", nor "at least 21" of "at least 18", though an exact 3 is within "up to 5"."""
    if q.bound in ("min", "max") and e.bound == q.bound and not math.isclose(q.value, e.value, rel_tol=1e-6):
        return False
    return (q.matches(e) and q.counts in (None, e.counts or q.counts)) or units.restates(q, e)


_Sort = Literal["rank", "age"]
_AGE = re.compile(r"(?:-year-|\s+years?\s+)old\b", re.IGNORECASE)


def _of_sort(e: Quantity, sort: _Sort | None) -> bool:
    """Whether the evidence value ``e`` can state a claim value of ``sort`` (:func:`_sort`)."""
    if sort is None:
        return True
    return (e.form == "ordinal") == (sort == "rank")


def _sort(q: Quantity, claim: str) -> _Sort | None:
    """"rank" for a value given as a rank ("world No 10"), "age" for an age ("a 17-year-old")."""
    if ranked(claim, q.span[0]):
        return "rank"
    return "age" if _AGE.match(claim, q.span[1]) else None


_AGED = re.compile(r"\baged?\s+$", re.IGNORECASE)
_WAS = re.compile(r"\b(?:is|was|turned|turns|turning)(?:\s+(?:now|just|only|still))?\s+$", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"\b([A-Za-z][\w'’.-]*),\s*$")  # "Charles Terreni, 19,", "her father, 41,"
_APPOSITION_END = re.compile(r"\s*(?:[,;)—–]|\.(?!\d)|\s+(?:and|when|but)\b|$)")
_AGE_WORDS = frozenset("year years old aged age".split())


def _is_age(text: str, q: Quantity) -> bool:
    """``q`` gives someone's age in ``text``: "a 19-year-old", "seven-year-old", "19 years old",
    "aged 19", "at age 19", or standing alone after "is (now)" / "was" or after a name or a person
    between commas ("who is now 34,", "since she was 17 —", "Charles Terreni, 19, was found", "her
    father, 41,")."""
    if q.kind not in ("number", "word") or q.form != "plain" or q.unit is not None or not 0 < q.value <= 120 \
            or q.value != int(q.value):
        return False
    a, b = q.span
    if _AGE.match(text, b) or _AGED.search(text[max(0, a - 8):a]):
        return True
    if not _APPOSITION_END.match(text, b):
        return False
    named = _NAMED_BEFORE.search(text[max(0, a - 40):a])
    return bool(_WAS.search(text[max(0, a - 20):a])
                or (named and fold(named.group(1)) not in _STOP and named.group(1) not in _MONTHS))


def _other_age(q: Quantity, claim: str, windows: Sequence[Evidence], stems: set[str]) -> _Failure | None:
    """The claim's age ``q`` against the evidence's ages, where none of them is ``q``: the one amid the
    claim's words (other than "year" and "old"), or in a sentence sharing ``SENTENCE_WORDS`` of them.
    "Meredith Kercher, 26," where the evidence says "Meredith, 21," and gives 26 only as years in
    jail; "26-year-old has opened contract talks" where it says "The 21-year-old's ... form has led
    his parent club Chelsea to open talks over a new deal"."""
    if not _is_age(claim, q):
        return None
    ages = [(i, e) for i, w in enumerate(windows) for e in _facts(w.text).quantities if _is_age(w.text, e)]
    if not ages or any(e.value == q.value for _, e in ages):
        return None
    near = [w for w in _near(claim, q.span, ()) if fold(w) not in _AGE_WORDS]
    words = _content(claim)
    close = [(i, e.span) for i, e in ages if _shared(near, windows[i].text, e.span) >= ANCHOR_WORDS
             or _sentence_shared(words, windows[i].text, e.span) >= SENTENCE_WORDS]
    if not close:
        return None
    i, at = _pick(close, stems, windows)
    return _Failure(True, P_CONFLICT, f"The claim says {_written(claim, q)} but the evidence says "
                    f"{_quote(windows[i].text, at, True)}.", (i,), at)


def _in_tokens(q: Quantity, windows: Sequence[Evidence]) -> bool:
    """An integer whose digits stand alone inside an evidence code ("30" in "Terms:N30")."""
    if q.value != int(q.value) or q.approximate or q.kind == "word":
        return False
    pattern = rf"(?<!\d){int(abs(q.value))}(?!\d)"
    return any(re.search(pattern, e.text) for w in windows for e in _facts(w.text).identifiers)


def _rivals(q: Quantity, windows: Sequence[Evidence], noun: str | None = None) -> list[tuple[int, Span]]:
    """Evidence values the claim's value competes with: same unit, else same kind and form (a
    rank "18th" competes with ranks, not with a score "4-1" or a count), not counting another
    thing where both say what they count ("21 points" and "60 seconds"; a bare "57" may be the
    age in "58-year-old"). The claim's own value is no rival, even where it is of another sort
    (:func:`_quantity_matches`: "Number 10" for a rank "No 10"). Given the claim's ``noun``
    (:func:`_noun`, for a value the evidence does not give), a number written in words is a rival
    where it counts that: "Ten deputies" for "12 deputies". Not for a value the evidence gives:
    "sentenced to 12 years" where the evidence says "sentenced to two years ..., later increased
    to 12 years". The same measure in another unit, of a size within ``MAGNITUDE``, is a rival only
    where no value of the claim's own unit is ("5,000 metres" for "8 km"); the same number in another
    unit comes first ("12 weeks" for "12 months", before a bare "58"). For a measure, a bare number
    comes last: "about 90 minutes", not "under-18s", is the rival of "about 2 hours"."""
    # (gap, window, span, equal to q, a rate) for: the same unit, the same number in another unit, the same
    # count, the same measure in another unit (only where none of those stands), a bare number for a
    # measure, the years of dates
    tiers: list[list[tuple[float, int, Span, bool, bool]]] = [[], [], [], [], [], []]
    for i, w in enumerate(windows):
        facts = _facts(w.text)
        for e in facts.quantities:
            alike = (_same_count(q, e) and q.counts in (None, e.counts or q.counts)
                     and not _counts_other(q, e, w.text)) or (
                noun is not None and e.kind == "word" and e.value >= 2 and _counted(w.text, e.span) == noun)
            measured = _same_count(q, e) and _near_measure(q, e)
            bare = q.counts is not None and e.counts is None  # "under-18s" for "2 hours"
            tier = (0 if q.unit is not None and e.unit == q.unit else 1 if measured and e.value == q.value
                    else 2 if alike and not bare else 3 if measured else 4 if alike else None)
            if tier is not None:
                tiers[tier].append((abs(units.in_unit_of(e, q) - q.value), i, e.span, _states(q, e), e.per is not None))
        if q.is_year:
            tiers[5].extend((abs(d.year - q.value), i, d.span, q.holds_year(d.year), False)
                            for d in facts.dates if d.year is not None)
    best = next((t for t in tiers if t), [])
    if q.per is not None and any(rate for *_, rate in best):
        best = [t for t in best if t[4]]  # a rate competes with rates ("60 per minute" for "60 an hour")
    nearest_first = sorted(best, key=lambda t: t[0])  # ties go to the nearest value
    return [(i, span) for _, i, span, equal, _ in nearest_first if not equal]


_COUNTED = re.compile(r"[\s-]+([A-Za-z]+)")


def _counted(text: str, span: Span) -> str | None:
    """The stem of the word right after the value at ``span`` ("deputies" in "12 deputies", "page" in
    "a seven-page letter"), unless it is a stop word."""
    m = _COUNTED.match(text, span[1])
    if m is None or fold(m.group(1)) in _STOP:
        return None
    return stem(m.group(1))


_NEXT_WORDS = re.compile(r"(?:[\s-]+[A-Za-z]+){1,3}")


def _counts_other(q: Quantity, e: Quantity, text: str) -> bool:
    """The bare evidence value ``e`` counts a thing that is no unit while the claim's ``q`` counts a
    unit: "5 users" is no rival for "500 MB"; "12 league goals" is one for "15 goals", its unit a
    few words on. A bare "57" with no word after it may be the age in "58-year-old" and stays one."""
    if q.counts is None or e.counts is not None or _counted(text, e.span) is None:
        return False
    m = _NEXT_WORDS.match(text, e.span[1])
    return m is None or all(unit_word(w) != q.counts for w in re.findall(r"[A-Za-z]+", m.group(0)))


def _noun(q: Quantity, claim: str) -> str | None:
    """What the claim's bare number ``q`` counts (:func:`_counted`), for rivals written in words."""
    return _counted(claim, q.span) if q.kind == "number" and q.form == "plain" and q.unit is None else None


def _same_count(q: Quantity, e: Quantity) -> bool:
    """Values of one kind; bare numbers written alike too (a year stays a year in "2014/15")."""
    return e.kind == q.kind and (q.kind != "number" or e.form == q.form)


def _quantity_failure(q: Quantity, claim: str, own: Sequence[Quantity], windows: Sequence[Evidence],
                      stems: set[str], reading: _Reading) -> _Failure | None:
    """The claim's value ``q``, which the evidence does not give, against the evidence's values of
    its kind, less those the claim's ``own`` other values state ("won the 2009 and 2010 finals":
    2010 is no rival for 2009)."""
    if _total(q, claim, windows):
        return None
    if q.kind == "word":
        if any(re.search(rf"\b{re.escape(q.text)}\b", w.text, re.IGNORECASE) for w in windows):
            return None
        counted = _word_count_conflict(q, claim, windows, stems, reading)
        return counted or _Failure(False, P_WORD_NUMBER, f'The claim says "{q.text}" but the evidence gives no such '
                                   'number.', ())
    rivals = _other_quantities(q, own, (), windows, _noun(q, claim))
    comparable = [(i, r) for i, r in rivals if _comparable(q, windows[i].text, r)]
    written = _written(claim, q)
    conflict = _conflict(written, claim, q.span, rivals, windows, stems, reading, comparable,
                         q.counts is not None or q.per is not None)
    if conflict is not None:
        return conflict
    return _Failure(reading.absent_is_hard, P_ABSENT, f"The claim says {written} but no such value appears in the evidence.", ())


def _word_count_conflict(q: Quantity, claim: str, windows: Sequence[Evidence], stems: set[str],
                         reading: _Reading) -> _Failure | None:
    """A count written in words that the evidence never gives, against another count of the same
    thing amid the claim's words, in digits or words: "Twenty people were injured." where the evidence
    says "12 people were injured". Only an exact count under 100, not joined to a word ("a four-year
    relationship"), against one alike within a factor ``MAGNITUDE`` of it, counting the same thing and
    amid a word of the claim's besides that thing ("injured"): summaries count in words what their
    article counts otherwise ("eight teams in contention" where "Two points separate four teams")."""
    exact = q.form == "plain" and q.unit is None and q.bound is None and not q.approximate and q.value < 100
    noun = _counted(claim, q.span) if exact and not _hyphened(claim, q.span) else None
    if noun is None:
        return None  # "almost two million followers", "a four-year relationship": no count to hold
    near = [w for w in _near(claim, q.span, reading.asked) if stem(fold(w)) != noun]  # "teams" alone anchors none
    rivals = [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).quantities
              if e.kind in ("number", "word") and e.unit is None and e.form == "plain" and e.value != q.value
              and e.bound is None and not e.approximate and not _hyphened(w.text, e.span) and _of_size(q, e)
              and _counted(w.text, e.span) == noun and _shared(near, w.text, e.span) >= ANCHOR_WORDS]
    return _conflict(_written(claim, q), claim, q.span, rivals, windows, stems, replace(reading, anchored_only=True))


def _as_digits(q: Quantity, claim: str) -> Quantity:
    """A length of time written in words read as one in digits, with its hedge: "two hours" as "2
    hours", against "about 90 minutes"; "under three minutes" as "under 3 minutes". A count in words
    ("two goals") stays loose."""
    if q.kind != "word" or units.dimension(q.counts) != "time" or _hyphened(claim, q.span):
        return q  # "the two-year-old thoroughbred", "a four-year deal": an age or a kind, left loose
    return replace(q, kind="number")


def _hyphened(text: str, span: Span) -> bool:
    """Whether the value at ``span`` of ``text`` is joined to a word by a hyphen ("a one-day match")."""
    return text[span[1]:span[1] + 1] == "-" or text[max(0, span[0] - 1):span[0]] == "-"


def _near_measure(q: Quantity, e: Quantity) -> bool:
    """``e`` measures what ``q`` does in another unit, at a size within a factor ``MAGNITUDE`` of it
    ("8 km" and "5,000 metres"; not a "36-week-old baby" and a "17-year-old mother"), or is the same
    number in another unit ("500 MB" where the evidence says "500 GB")."""
    return units.convertible(q.counts, e.counts) and (_of_size(q, e) or q.value == e.value)


def _of_size(q: Quantity, e: Quantity) -> bool:
    """``e``, in ``q``'s unit where they convert, is within a factor ``MAGNITUDE`` of ``q``."""
    low, high = sorted((abs(q.value), abs(units.in_unit_of(e, q))))
    return low > 0 and high <= low * MAGNITUDE


def _total(q: Quantity, claim: str, windows: Sequence[Evidence]) -> bool:
    """The claim's count ``q`` is the total of two or more counts of one evidence sentence that
    counts the same thing ("He has three children." where the evidence says "two children from
    his first marriage and one from his second"; "signed six players" where it says "four players
    in January and two in July"): each part counts that thing, or leaves it out before a
    preposition after a part that names it ("one from", "two in"); not an age ("Mukesh, 40, and
    Sumitra, 35," for "75 doctors"), nor "I want one in my driveway in 12 hours" for "13 hours"."""
    noun = _counted(claim, q.span) if q.unit is None and q.kind in ("number", "word") and q.form == "plain" else None
    if noun is None or q.value < 2:
        return False
    for w in windows:
        for sentence in _plain_counts(w.text):
            counts = [(e, counted == noun) for e, counted in sentence]
            first = next((e.span[0] for e, names in counts if names), None)
            # a part that leaves the thing out follows one that names it ("two children ... and one from")
            parts = [e for e, names in counts
                     if names or (first is not None and first < e.span[0] and _ELIDED.match(w.text, e.span[1]))]
            if not 2 <= len(parts) <= _MAX_PARTS:
                continue
            if any(math.isclose(sum(e.value for e in c), q.value) for n in range(2, len(parts) + 1)
                   for c in itertools.combinations(parts, n)):
                return True
    return False


_MAX_PARTS = 6
_ELIDED = re.compile(r"\s+(?:from|in|on|at|for|with|during|after|before|since|until)\b", re.IGNORECASE)


def _comparable(q: Quantity, text: str, span: Span) -> bool:
    """Whether the evidence value at ``span`` of ``text`` is within a factor ``MAGNITUDE`` of ``q``:
    a value that might be another figure for the same thing ("78,000 sign petition" and "70,000
    signatures"), not one of another size ("a $3,000 plate" and "$300million")."""
    e = _quantity_at(text).get(span)
    return True if e is None else _of_size(q, e)


@text_cache()  # a window's values are looked up by place for every claim it may contradict
def _quantity_at(text: str) -> dict[Span, Quantity]:
    """The first of :func:`_facts`' values of ``text`` at each span."""
    at: dict[Span, Quantity] = {}
    for e in _facts(text).quantities:
        at.setdefault(e.span, e)
    return at


@text_cache()  # a window's counts are summed for every claim it may contradict
def _plain_counts(text: str) -> tuple[tuple[tuple[Quantity, str | None], ...], ...]:
    """The bare counts of each sentence of ``text`` that has some, in order, each with the stem of
    the word it counts (:func:`_counted`): the parts :func:`_total` may add up."""
    counts = [(e.span[0], (e, _counted(text, e.span))) for e in _facts(text).quantities
              if e.kind in ("number", "word") and e.unit is None and e.form == "plain"]
    return tuple(tuple(found) for found in _by_sentence(text, counts) if found)


def _by_sentence(text: str, items: Iterable[tuple[int, T]]) -> list[list[T]]:
    """``items`` (each with its start in ``text``) grouped by the sentence of ``text`` holding it, one
    list per sentence of :func:`_sentence_spans`, in order; an item between sentences is left out."""
    grouped: list[list[T]] = [[] for _ in _sentence_spans(text)]
    for start, item in items:
        i = _sentence_index(text, start)
        if i is not None:
            grouped[i].append(item)
    return grouped


def _check_joined(run: JoinedNumbers, claim: str, others: Sequence[JoinedNumbers], windows: Sequence[Evidence],
                  stems: set[str], reading: _Reading) -> _Values | None:
    """A score, season or range of the claim ("2-3") against the evidence's: verified by the same
    numbers joined alike, contradicted by another run of as many numbers amid the claim's words
    ("a crucial 2-1 victory" for "Millwall beat Charlton 2-3") that the claim does not give too
    (``others``: "in 2014/15, as in 2012/13"); ``None`` when neither holds, and its numbers are
    then checked one by one."""
    runs = [(i, r) for i, w in enumerate(windows) for r in _facts(w.text).joined]
    same = [(i, r.span) for i, r in runs if run.matches(r)]
    if same:
        i, span = _pick(same, stems, windows)
        return _Values((f"{run.text} matches {_quote(windows[i].text, span)}",), (i,), (run.span,))
    rivals = [(i, r.span) for i, r in runs
              if len(r.values) == len(run.values) and r.of_years == run.of_years and not any(o.matches(r) for o in others)
              and (run.of_years or not _on_the_way(windows[i].text, r.span))]
    conflict = _conflict(run.text, claim, run.span, rivals, windows, stems, replace(reading, anchored_only=True))
    if conflict is None and not run.of_years:
        conflict = _same_sentence(run.text, claim, rivals, windows)
    return None if conflict is None else _Values(spans=(run.span,), failure=conflict)


def _same_sentence(text: str, claim: str, rivals: Sequence[tuple[int, Span]],
                   windows: Sequence[Evidence]) -> _Failure | None:
    """The claim's score or range ``text``, which the evidence never gives, against a run of as many
    numbers in an evidence sentence that shares at least ``SENTENCE_WORDS`` of the claim's words:
    "Forster damaged his knee in recent 5-0 Premier League win over Burnley" where the evidence
    says "Forster underwent knee surgery after falling awkwardly in the 2-0 victory over Burnley".
    Its numbers are then not read one by one (the 4s of "4-4" are not stated by the "4-1")."""
    words = _content(claim)
    shared = [(_sentence_shared(words, windows[i].text, r), i, r) for i, r in rivals]
    close = [(n, i, r) for n, i, r in shared if n >= SENTENCE_WORDS]
    if not close:
        return None
    _, i, at = max(close, key=lambda c: c[0])
    return _Failure(True, P_CONFLICT, f"The claim says {text} but the evidence says {_quote(windows[i].text, at)}.",
                    (i,), at)


def _sentence_shared(words: Sequence[str], text: str, at: Span) -> int:
    """How many of the claim's content ``words`` the sentence of ``text`` holding ``at`` has."""
    found = _sentence_words(_sentence_text(text, at))
    return sum(_known(w, found) for w in words)


_sentence_words = text_cache()(_words)  # a sentence is read for each of its values and each claim


def _sentence_text(text: str, at: Span) -> str:
    a, b = _sentence(text, at)
    return text[a:b]


_LEAD = re.compile(r"\b(?:lead|leads|led|leading|ahead|half-time|halftime|interval)\b", re.IGNORECASE)


def _on_the_way(text: str, at: Span) -> bool:
    """The value at ``at`` stands in a sentence about a score on the way ("giving Swansea a 2-0
    lead"), which a sentence about the final one does not contradict."""
    return _LEAD.search(_sentence_text(text, at)) is not None


def _stray(text: str, span: Span, claim: str, found: Sequence[tuple[int, Span]],
           rivals: Callable[[], Sequence[tuple[int, Span]]], windows: Sequence[Evidence], stems: set[str],
           unit: bool = False) -> _Failure | None:
    """The claim's value ``text`` at ``span`` stands in the evidence (``found``) amid fewer of the
    words around it in the claim than another value of its kind (``rivals()``) does: that one
    stands amid at least ``STRAY_WORDS`` of them, and ``STRAY_MARGIN`` more. "Stephen Curry scored
    19 points" where the evidence says "Stephen Curry scored 27 points" and "Sefolosha scored 19
    points". Only the claim's own words count: a bare answer ("1941") has none, and its question's
    words stand around many of the evidence's values. The rivals are read only when one could
    stand amid enough of the claim's words."""
    near = _near(claim, span, ())
    need = STRAY_WORDS
    for i, r in found:
        if need > len(near):
            return None
        need = max(need, _shared(near, windows[i].text, r) + STRAY_MARGIN)
    if need > len(near):
        return None
    strong = [(i, r) for i, r in rivals() if _shared(near, windows[i].text, r) >= need]
    if not strong:
        return None
    i, at = _pick(strong, stems, windows)
    quote = _quote(windows[i].text, at, unit)
    return _Failure(True, P_CONFLICT, f"The claim says {text} but the evidence says {quote}.", (i,), at)


def _ahead(text: str, year: int | None, claim: str, span: Span) -> _Failure | None:
    """A year the evidence does not give, after the current one, told as the year of a past event
    (:func:`engine.tense.past_year_ahead`: "The drama was released in 2442")."""
    if year is None or not past_year_ahead(year, claim, span):
        return None
    return _Failure(True, P_CONFLICT, f"The claim dates a past event to {text}, which is after the current year ({this_year()}).", ())


def _date_rivals(d: DateValue, own: Sequence[DateValue], windows: Sequence[Evidence]) -> list[tuple[int, Span]]:
    """The evidence dates written like ``d`` (with a day or without) that neither it nor the claim's
    ``own`` other dates state."""
    return [(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).dates
            if (e.day is None) == (d.day is None) and not any(o.matches(e) for o in [d, *own])]


def _other_quantities(q: Quantity, own: Sequence[Quantity], found: Sequence[tuple[int, Span]],
                      windows: Sequence[Evidence], noun: str | None = None) -> list[tuple[int, Span]]:
    """The rivals of ``q`` (:func:`_rivals`) other than the values that state it (``found``) or
    that the claim's ``own`` other values state ("from 1979 to 1985": 1985 is no rival for 1979)."""
    stated = _stated(own, windows)
    return [r for r in _rivals(q, windows, noun) if r not in found and r not in stated]


def _stated(own: Sequence[Quantity], windows: Sequence[Evidence]) -> set[tuple[int, Span]]:
    """The evidence values that one of the claim's ``own`` other values gives, read without its
    hedge: "more than 8,000 inmates" gives 8,000, not the evidence's $200,000."""
    exact = [replace(o, bound=None) for o in own]
    return {(i, e.span) for i, w in enumerate(windows) for e in _facts(w.text).quantities
            if any(o.matches(e) for o in exact)}


def _check_quantities(claim: str, windows: Sequence[Evidence], stems: set[str], reading: _Reading) -> _Values:
    out = _Values()
    recurring = [d.span for d in extract_days(claim)]  # "seven days a week" counts no days
    quantities = [q for q in extract_quantities(claim) if not any(a <= q.span[0] < b for a, b in recurring)]
    runs = joined_numbers(claim, quantities)
    for run in runs:
        checked = _check_joined(run, claim, [o for o in runs if o is not run], windows, stems, reading)
        if checked is None:
            continue
        out += checked
        if checked.failure is not None:
            return out
    parts: list[Span] = []  # the claim's own measures in two units ("1 hour 40 minutes"), read part by part
    for c in units.compounds(claim, quantities):  # "1 hour 50 minutes" for "110 minutes": read as one
        parts.append(c.span)
        found = _quantity_matches(c, claim, windows)
        if found:
            i, span = _pick(found, stems, windows)
            out += _Values((f"{c.text} matches {_quote(windows[i].text, span)}",), (i,), (c.span,))
    done = out.spans
    for q in (_as_digits(q, claim) for q in quantities):
        if any(a <= q.span[0] < b for a, b in done):
            continue  # read with the numbers joined to it
        if any(r.span[0] <= q.span[0] < r.span[1] and q.value not in r.values for r in runs):
            continue  # the "15" of a season "2014/15": its year is read with the season
        if q.kind == "word" and q.value <= 1:
            continue  # "one of", "zero-based": too ambiguous to check
        age = _other_age(q, claim, windows, stems)
        if age is not None:
            return out + _Values(spans=(q.span,), failure=age)
        found = _quantity_matches(q, claim, windows)
        own = [o for o in quantities if o is not q]
        stray = None
        if found and q.kind != "word":  # a number word counts loosely: "five leaders", "Miliband and four others"
            rivals = partial(_other_quantities, q, own, found, windows)
            stray = _stray(_written(claim, q), q.span, claim, found, rivals, windows, stems,
                           q.counts is not None or q.per is not None)
        whole = None if any(a <= q.span[0] < b for a, b in parts) else _part_of_whole(q, claim, found, windows)
        stray = (stray or whole or _turned(q, claim, found, windows) or _other_period(q, claim, found, windows)
                 or _other_year(q, claim, found, windows) or _other_calendar_month(q, claim, found, windows)
                 or _other_named(q, claim, found, windows))
        if stray is not None:
            out += _Values(spans=(q.span,), failure=stray)
            return out
        if found:
            i, span = _pick(found, stems, windows)
            out += _Values((f"{q.text} matches {_quote(windows[i].text, span)}",), (i,), (q.span,))
        elif _in_tokens(q, windows):
            out += _Values(spans=(q.span,))
        else:
            year = int(q.value) if q.unit is None and q.form == "plain" and re.fullmatch(r"\d{4}", q.text) else None
            failure = _ahead(q.text, year, claim, q.span) or _quantity_failure(q, claim, own, windows, stems, reading)
            out += _Values(spans=(q.span,), failure=failure)
            if failure is not None and failure.hard:
                return out
    return out


# the way a value moved, said by a word among the few before it ("rose to $610 million", "up 12%")
_UP = frozenset("""rose rise rises rising risen grew grow grows growing grown increased increase increases
    increasing up gained gain gains climbed climb climbs jumped jump jumps soared surged raised raise raises
    boosted higher""".split())
_DOWN = frozenset("""fell fall falls falling fallen declined decline declines declining decreased decrease
    decreases decreasing down dropped drop drops dropping lost lose loses slid slipped sank shrank shrunk
    plunged plummeted tumbled cut cuts lowered lower reduced""".split())
MOVE_REACH = 3  # the word stands among the 3 words before the value


def _direction(text: str, span: Span) -> str | None:
    """"up" or "down" where a word among the ``MOVE_REACH`` words before the value at ``span`` says the
    value rose or fell ("rose to", "fell by"; "up" and "down" only right before it: "up 12%", not
    "counting down to the 100th"), in its clause and not negated; else ``None``."""
    words = _lead_words(text, span)
    if any(_negation(words, i) for i in range(len(words))):
        return None
    for k, w in enumerate(reversed(words)):
        f = fold(w)
        if f in ("up", "down") and k > 0:
            continue
        if f in _UP or f in _DOWN:
            return "up" if f in _UP else "down"
    return None


def _turned(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]) -> _Failure | None:
    """The claim's value moved the other way than wherever the evidence gives it: "Net income fell to
    $610 million." where the evidence says "Net income rose to $610 million"; not where one of the
    evidence values stated says no way or the same way."""
    mine = _direction(claim, q.span) if q.form == "plain" and q.kind in ("number", "amount", "percent") else None
    if mine is None:
        return None
    other = "down" if mine == "up" else "up"
    if not found or any(_direction(windows[i].text, at) != other for i, at in found):
        return None
    i, at = found[0]
    return _Failure(True, P_CONFLICT, f'The claim says "{_lead(claim, q.span)}" but the evidence says '
                    f'"{_lead(windows[i].text, at)}".', (i,), at)


def _part_of_whole(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]
                   ) -> _Failure | None:
    """The claim's measure stated only as a part of a measure the evidence writes in two units, whose
    whole it is not (:func:`units.compounds`): "50 minutes" or "1 hour" where the evidence says "1
    hour 50 minutes"; not "27 stone" for "27st 10lbs", within 5 % of it."""
    if q.counts is None or not found:
        return None
    wholes = [(i, _compound_holding(windows[i].text, at)) for i, at in found]
    if any(whole is None or _states(replace(q, approximate=True), whole) for _, whole in wholes):
        return None
    i, whole = wholes[0]
    assert whole is not None
    return _Failure(True, P_CONFLICT, f"The claim says {_written(claim, q)} but the evidence says {whole.text}.", (i,),
                    whole.span)


def _compound_holding(text: str, at: Span) -> Quantity | None:
    """The measure written in two units (:func:`units.compounds`) of ``text`` that the value at ``at`` is part of."""
    return next((c for c in _facts(text).compounds if c.span[0] <= at[0] and at[1] <= c.span[1]), None)


_periods = text_cache()(extract_periods)  # a window's quarters are placed for every claim it may contradict


def _other_period(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]
                  ) -> _Failure | None:
    """The claim gives its value for a quarter or half ("Q2 revenue was $2.1 billion.") and every
    evidence sentence that gives the value names others of that kind, not the claim's ("third-quarter
    revenue of $2.1 billion"). A claim naming two periods is not read: which one the value is for
    is not known; nor a year, which a period is of."""
    periods = extract_periods(claim)
    if len(periods) != 1 or not found or q.kind == "year":
        return None
    mine = periods[0]
    named = [(i, _periods_around(windows[i].text, at, mine.kind)) for i, at in found]
    if any(not others or any(p.same(mine) for p in others) for _, others in named):
        return None
    i, others = named[0]
    return _Failure(True, P_CONFLICT, f"The claim gives {_written(claim, q)} for {mine.name} but the evidence "
                    f"gives it for {others[0].name}.", (i,), others[0].span)


def _periods_around(text: str, at: Span, kind: PeriodKind) -> list[Period]:
    """The periods of ``kind`` named in the sentence of ``text`` holding ``at``."""
    a, b = _sentence(text, at)
    return [p for p in _periods(text) if a <= p.span[0] < b and p.kind == kind]


def _other_year(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]
                ) -> _Failure | None:
    """The claim gives its value for a year ("Revenue was $7.4 billion in 2024.") that every evidence
    sentence giving the value does not name, naming others ("In 2023 revenue was $7.4 billion."),
    while a sentence naming the claim's year gives another value of its kind ("$8.1 billion in
    2024"). Without that other value the years may date something else ("Founded in 1998, it earns
    $8.1 billion"); a claim naming two years is not read."""
    years = {int(e.value) for e in extract_quantities(claim) if e.kind == "year"}
    return _given_to_another(q, claim, found, windows, _only(years), _years_named, int.__eq__, str)


def _other_calendar_month(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]
                          ) -> _Failure | None:
    """As :func:`_other_year`, for a month ("Sales were $3.1 million in March." against "February
    sales were $3.1 million. In March, sales climbed to $3.6 million."): a month dates events as a
    year does, so the evidence must give the claim's month another value of the kind."""
    return _given_to_another(q, claim, found, windows, _only(_months_named(claim)), _months_placed, int.__eq__,
                             lambda m: calendar.month_name[m])


@dataclass(frozen=True)
class _Named:
    """A name as a clause gives it: its words' stems (titles such as "Judge" left out) and its text."""
    stems: frozenset[str]
    text: str

    def same(self, other: _Named) -> bool:
        """Whether the two may name one thing: the words of one are all in the other ("Serbeck" and
        "David Serbeck"; not "Harbour Line" and "Coast Line")."""
        return self.stems <= other.stems or other.stems <= self.stems


def _other_named(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence]
                 ) -> _Failure | None:
    """As :func:`_other_year`, for the one thing the claim names ("The Team plan costs $20 per month."
    against "The Pro plan costs $20 per month ... The Team plan costs $50 per month."): a value the
    evidence gives another thing, where it gives the claim's thing another value of its kind. Read only
    where the claim names nothing else, the value is an amount, a share, a year or a count of something
    ("25 users", against a count of the same thing), and the clauses giving both values share a word of
    the claim besides the name and the value ("costs" in both): news gives many numbers a sentence,
    and most are of other things. A nationality ("Japanese") or an owner ("Guardiola's team") names no
    thing here, and a sentence with a pronoun ("He is charged with ... in 1991") may give the value to
    the claim's thing after all."""
    noun = _noun(q, claim) if not q.counts else None
    if not (q.unit or q.counts or q.kind in ("percent", "year") or noun):
        return None
    mine = _one_named(claim)
    if mine is None:
        return None  # "Pep Guardiola's team": the value is of something else the name owns
    if any(_PRONOUN.search(windows[i].text, *_sentence(windows[i].text, at)) for i, at in found):
        return None  # "He is charged with murdering ... in 1991": the value may be the claim's thing's after all
    if any(mine.same(n) for i, at in found for n in _sentence_names(windows[i].text, at)):
        return None  # "Aaron Wilbraham (right) has scored 18 goals for the Robins": the sentence gives it his
    facts = _words_of(windows)
    if not all(_known(w, facts) for w, _ in word_spans(mine.text) if fold(w) not in _SKIP_NAME):
        return None
    a, b = units.written(claim, q)  # "$20 per month", "25 users": the value's own words say nothing of it
    said = {stem(fold(w)) for w in _content(claim, [(a, b)]) if not any(c.isdigit() for c in w)} - mine.stems
    shared = set().union(*(_clause_stems(windows[i].text, at) & said for i, at in found))

    def placed(text: str) -> tuple[tuple[int, _Named], ...]:
        return _names_placed(text) if shared else ()

    def rival(text: str, at: Span) -> bool:  # said as the claim's value is, of what the claim's counts
        return bool(_clause_stems(text, at) & shared) and (noun is None or _counted(text, at) == noun)

    return _given_to_another(q, claim, found, windows, mine, placed, _Named.same, lambda n: f'"{n.text}"',
                             ("amount", "percent", "number", "year"), rival)


def _sentence_names(text: str, at: Span) -> list[_Named]:
    """The names of the sentence of ``text`` holding ``at``."""
    return [n for _, n in _within(_names_placed(text), *_sentence(text, at))]


def _clause_stems(text: str, at: Span) -> set[str]:
    """The stems of the words of the clause of ``text`` holding ``at`` (:func:`_clause`)."""
    a, b = _clause(text, at, _sentence(text, at))
    return {stem(fold(w)) for w, _ in word_spans(text[a:b])}


def _other_capitals(claim: str, name: _Named) -> bool:
    """Whether the claim has a capitalised word outside ``name`` other than a stop word opening it
    ("Arsenal are second in the Premier League table": two things named)."""
    a = claim.find(name.text)
    return any(w[0].isupper() and not (a <= span[0] < a + len(name.text)) and not (i == 0 and fold(w) in _STOP)
               and fold(w) not in _NOT_NAMES for i, (w, span) in enumerate(word_spans(claim)))


def _words_of(windows: Sequence[Evidence]) -> _Words:
    stems: set[str] = set()
    abbrevs: list[str] = []
    for w in windows:
        words = _words(w.text)
        stems |= words.stems
        abbrevs += words.abbrevs
    return _Words(frozenset(stems), tuple(abbrevs))


def _only(found: set[K]) -> K | None:
    return next(iter(found)) if len(found) == 1 else None


def _given_to_another(q: Quantity, claim: str, found: Sequence[tuple[int, Span]], windows: Sequence[Evidence],
                      mine: K | None, placed: Callable[[str], tuple[tuple[int, K], ...]], holds: Callable[[K, K], bool],
                      name: Callable[[K], str], kinds: tuple[str, ...] = ("amount", "percent", "number"),
                      rival_at: Callable[[str, Span], bool] = lambda text, at: True) -> _Failure | None:
    """A value the evidence gives for another year, month or named thing than the claim's ``mine``
    (as ``placed`` finds them in a text): where the evidence gives the value, its clause (or sentence,
    :func:`_named_around`) names others and not the claim's, and a clause naming the claim's gives
    another value of the same kind, unit and size. ``holds(theirs, mine)``: whether the evidence's one
    is the claim's; ``rival_at(text, span)``: whether a value there may be the claim's rival."""
    if mine is None or not found or q.kind not in kinds or q.form != "plain":
        return None
    named = [(i, _named_around(windows[i].text, at, placed)) for i, at in found]
    if any(not others or any(holds(o, mine) for o in others) for _, others in named):
        return None
    _, others = named[0]
    for j, w in enumerate(windows):
        for e in _facts(w.text).quantities:
            if (e.kind == q.kind and e.unit == q.unit and e.counts == q.counts and e.form == "plain"
                    and not _states(q, e) and _of_size(q, e) and rival_at(w.text, e.span)
                    and any(holds(o, mine) for o in _named_around(w.text, e.span, placed))):
                return _Failure(True, P_CONFLICT, f"The claim gives {_written(claim, q)} for {name(mine)} but the "
                                f"evidence gives it for {name(others[0])} and {_quote(w.text, e.span)} for "
                                f"{name(mine)}.", (j,), e.span)
    return None


def _named_around(text: str, at: Span, placed: Callable[[str], tuple[tuple[int, K], ...]]) -> tuple[K, ...]:
    """What ``placed`` finds (years, months, names) in the clause of ``text`` holding ``at`` ("from
    4.1% in June"), or in its sentence where the clause names none ("In June, it was 4.1%."), in
    order, each once."""
    i = _sentence_index(text, at[0])
    if i is None:
        return ()
    a, b = _sentence_spans(text)[i]
    here = _within(placed(text), a, b)
    c, d = _clause(text, at, (a, b))
    return tuple(dict.fromkeys(v for start, v in here if c <= start < d)) or tuple(dict.fromkeys(v for _, v in here))


def _within(placed: Sequence[tuple[int, K]], a: int, b: int) -> Sequence[tuple[int, K]]:
    """The items of ``placed`` (in order of their starts) that start in ``a`` to ``b``."""
    first = bisect.bisect_left(placed, a, key=lambda item: item[0])
    return placed[first:bisect.bisect_left(placed, b, lo=first, key=lambda item: item[0])]


def _clause(text: str, at: Span, sentence: Span) -> Span:
    """The bounds of the clause of ``text`` holding ``at`` within ``sentence``: cut at a comma or
    semicolon followed by a space, a colon or a bracket (not the comma of "4,200")."""
    a, b = sentence
    cuts = list(_CLAUSE_CUT.finditer(text, a, b))
    start = max((m.end() for m in cuts if m.end() <= at[0]), default=a)
    end = min((m.start() for m in cuts if m.start() >= at[1]), default=b)
    return start, end


@text_cache()  # a window's years are placed in it for every claim it may contradict
def _years_named(text: str) -> tuple[tuple[int, int], ...]:
    """The years ``text`` names, bare or in a date, each with its start, in order."""
    facts = _facts(text)
    return tuple(sorted([*((e.span[0], int(e.value)) for e in facts.quantities if e.kind == "year"),
                         *((d.span[0], d.year) for d in facts.dates if d.year is not None)]))


@text_cache()
def _months_placed(text: str) -> tuple[tuple[int, int], ...]:
    """The months ``text`` names, in a date or alone ("in March"), each with its start, in order."""
    return tuple(sorted([*((d.span[0], d.month) for d in _facts(text).dates),
                         *((a, m) for (a, _), m in _month_names(text))]))


@text_cache()
def _names_placed(text: str) -> tuple[tuple[int, _Named], ...]:
    """The names each sentence of ``text`` gives (:func:`_names_in`), each with its start, in order."""
    return tuple((a + start, n) for a, b in _sentence_spans(text) for start, n in _names_at(text[a:b]))


def _names_in(sentence: str) -> list[_Named]:
    """The names of a sentence: runs of capitalised words (:func:`_entity_runs`), without stop words,
    months and numbers, a label that opens it ("Pro: $20 per month") and releases ("Version 2.3")."""
    return [n for _, n in _names_at(sentence)]


def _names_at(sentence: str) -> list[tuple[int, _Named]]:
    versions = [(m.start(), _Named(frozenset({"version " + (m.group(1) or m.group(2))}), m.group(0)))
                for m in _VERSION.finditer(sentence)]
    runs = [(run[0][2][0], run[-1][2][1]) for run in _entity_runs(sentence)]
    runs = [(a, b) for a, b in runs if not any(start <= a < start + len(n.text) for start, n in versions)]
    if (label := _LABEL.match(sentence)) and not any(a < label.end(1) for a, _ in runs):
        runs.insert(0, label.span(1))
    out = versions
    for a, b in runs:
        stems = frozenset(stem(fold(w)) for w, _ in word_spans(sentence[a:b])
                          if fold(w) not in _SKIP_NAME | _TITLES and not any(c.isdigit() for c in w))
        if stems:
            out.append((a, _Named(stems, sentence[a:b])))
    return sorted(out, key=lambda placed: placed[0])


# a release named by its number: "Version 2.3", "version 2.4.1", "v2.3", "v2"; not "version 4" (a guide's
# "for version 4" is no subject) nor "V8"
_VERSION = re.compile(r"\b(?:[Vv]ersion\s+|[Vv])(\d+(?:\.\d+)+)\b|\bv(\d+)\b")


def _months_named(text: str) -> set[int]:
    """The months ``text`` names, in a date or alone ("in March")."""
    return {d.month for d in _facts(text).dates} | {m for _, m in _month_names(text)}


def _lead(text: str, span: Span) -> str:
    """The value at ``span`` with the words before it in its clause, at most ``MOVE_REACH`` ("rose to
    $610 million")."""
    return " ".join([*_lead_words(text, span), text[span[0]:span[1]]])


def _lead_words(text: str, span: Span) -> list[str]:
    """The words before the value at ``span`` in its clause (cut at , ; : and brackets), at most
    ``MOVE_REACH``."""
    return re.split(r"[,;:()]", text[max(0, span[0] - 60):span[0]])[-1].split()[-MOVE_REACH:]


@text_cache()  # a window's values are placed in it for every claim it may contradict
def _sentence_spans(text: str) -> tuple[Span, ...]:
    """The spans of the sentences of ``text``, as :func:`split_claims` cuts them, and cut after a
    photo caption glued to the next sentence without a full stop ("... the Capitol lawn
    (photographed) Charged: Hughes was promptly arrested ...")."""
    spans: list[Span] = []
    for c in split_claims(text):
        a, b = c.span
        for m in _CAPTION_END.finditer(text, a, b):
            spans.append((a, m.start(1)))
            a = m.end()
        spans.append((a, b))
    return tuple(spans)


# the end of a photo caption: "(pictured)", "(file photo)", "(right)", "(pictured above)", before a capital
_CAPTION_END = re.compile(r"\((?:[^()]{0,40}\s)?(?i:pictured|photographed|left|right|centre|center|above|below|"
                          r"inset|shown|model|photo|picture|image)\)(\s+)(?=[A-Z])")


@text_cache()
def _sentence_starts(text: str) -> tuple[int, ...]:
    return tuple(a for a, _ in _sentence_spans(text))


def _sentence_index(text: str, at: int) -> int | None:
    """The index of the sentence of ``text`` (:func:`_sentence_spans`, in order, apart) holding
    the character at ``at``; ``None`` between sentences."""
    i = bisect.bisect_right(_sentence_starts(text), at) - 1
    return i if i >= 0 and at < _sentence_spans(text)[i][1] else None


def _sentence(text: str, span: Span) -> Span:
    """The bounds of the sentence of ``text`` holding ``span``."""
    i = _sentence_index(text, span[0])
    return (0, len(text)) if i is None else _sentence_spans(text)[i]


def _around(text: str, span: Span) -> list[str]:
    """The content words around a value in its sentence (up to ``NEAR_BEFORE`` before and
    ``NEAR_AFTER`` after): the words that say what the value is ("just before 4pm on Wednesday")."""
    a, b = _sentence(text, span)
    words = word_spans(text[a:b])
    before = [w for w, (_, e) in words if a + e <= span[0]][-NEAR_BEFORE:]
    after = [w for w, (st, _) in words if a + st >= span[1]][:NEAR_AFTER]
    return [w for w in before + after if fold(w) not in _STOP and not any(c.isdigit() for c in w)]


def _anchored(claim: str, span: Span, rivals: Sequence[tuple[int, Span]], windows: Sequence[Evidence],
              asked: Sequence[str]) -> list[tuple[int, Span]]:
    """The evidence values amid at least ``ANCHOR_WORDS`` of the words around the claim's value at
    ``span`` or of the question it answers: "just before 4pm on Wednesday" for the claim's "just
    before 7pm on Wednesday", not a "4-4-2" formation for "17 points"."""
    near = _near(claim, span, asked)
    return [(i, r) for i, r in rivals if _shared(near, windows[i].text, r) >= ANCHOR_WORDS]


def _near(claim: str, span: Span, asked: Sequence[str]) -> list[str]:
    """The words around the claim's value at ``span`` and of the question it answers, one per stem."""
    return list({stem(w): w for w in [*_around(claim, span), *asked]}.values())


def _shared(near: Sequence[str], text: str, at: Span) -> int:
    """How many of the words ``near`` a claim's value (:func:`_near`) stand around the value at
    ``at`` in ``text``."""
    found = _words(" ".join(_around(text, at)))  # a few words, read once
    return sum(_known(w, found) for w in near)


def _conflict(text: str, claim: str, span: Span, rivals: Sequence[tuple[int, Span]], windows: Sequence[Evidence],
              stems: set[str], reading: _Reading, others: Sequence[tuple[int, Span]] | None = None,
              unit: bool = False) -> _Failure | None:
    """The claim's value ``text`` at ``span`` against the evidence's other values of its kind: a hard
    failure quoting the one amid the claim's words, else (unless ``reading.anchored_only``) the
    one of ``others`` (default: all ``rivals``) nearest in words, said to be no statement of the
    claim's value; ``None`` without either."""
    anchored = _anchored(claim, span, rivals, windows, reading.asked)
    others = rivals if others is None else others
    if not anchored and (reading.anchored_only or not others):
        return None
    i, at = _pick_in_sentence(anchored or others, claim, stems, windows, span if anchored else None)
    whole = _compound_holding(windows[i].text, at)  # "1 hour 50 minutes", not its "1 hour"
    quote = whole.text if whole is not None and whole.span[0] == at[0] else _quote(windows[i].text, at, unit)
    reason = (f"The claim says {text} but the evidence says {quote}." if anchored
              else f"The claim says {text}, but the evidence never gives that value (it gives {quote}).")
    return _Failure(True, P_CONFLICT, reason, (i,), at)


def _check_identifiers(claim: str, windows: Sequence[Evidence]) -> _Values:
    out = _Values()
    for ident in extract_identifiers(claim):
        evid = [(i, e) for i, w in enumerate(windows) for e in _facts(w.text).identifiers]
        same = [(i, e) for i, e in evid if e.key == ident.key]
        if same:
            i, e = same[0]
            out += _Values((f"{ident.text} matches {_quote(windows[i].text, e.span)}",), (i,), (ident.span,))
            continue
        if len(ident.key) < 4:
            continue  # "Q4", "5G", "A4": terms more than codes; left to word coverage
        near = [(i, e) for i, e in evid
                if len(e.key) >= 4 and difflib.SequenceMatcher(None, ident.key, e.key).ratio() >= 0.7]
        if near:
            i, e = near[0]
            reason = f"The claim says {ident.text} but the evidence says {_quote(windows[i].text, e.span)}."
            return out + _Values(failure=_Failure(True, P_CODE, reason, (i,)))
        reason = f"The claim's code {ident.text} does not appear in the evidence."
        out += _Values(spans=(ident.span,), failure=_Failure(False, P_SOFT, reason, ()))
    return out


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


@dataclass(frozen=True)
class _Polarity:
    """How a text negates: ``negated`` when it holds an odd number of negations; ``reach``: the
    stems negated, within the reach of a negation (its next ``REACH`` words; of an odd number of
    them); ``scope``: those of them that are the first content word after a negation (what it
    bears on); ``plain``: the stems that also occur stated."""

    negated: bool
    scope: frozenset[str]
    reach: frozenset[str]
    plain: frozenset[str]


def _contradicts(a: _Polarity, b: _Polarity, shared: set[str]) -> bool:
    """One side's negation bears on a ``shared`` word that the other states plainly ("did not
    win" / "won"), and no negation bears on a word the other negates too ("will not be offered" /
    "will not now offer"; "no cause of death was determined" / "could not determine the cause")."""
    if (a.scope & b.reach | b.scope & a.reach) & shared:
        return False
    return bool(((a.scope - a.plain) & b.plain | (b.scope - b.plain) & a.plain) & shared)


def _negation(words: Sequence[str], i: int) -> bool:
    """``words[i]`` negates: a negation word or a contraction ("didn't", the misspelt "did'nt"),
    not capitalised inside a title ("Cats Don't Dance", "Why Not Me?"), and not the "not" of
    "not only ... but also", which adds rather than denies."""
    f = fold(words[i])
    if not (f in _NEG or f.endswith(("n't", "'nt"))) or (i > 0 and words[i][0].isupper()):
        return False
    return not (f == "not" and i + 1 < len(words) and fold(words[i + 1]) in _NOT_DENYING)


def _polarity(text: str) -> _Polarity:
    """How ``text`` negates (see ``_Polarity``). A word within reach of two negations is stated
    ("could not have not been started")."""
    words = [w for w, _ in word_spans(text)]
    negations = [i for i in range(len(words)) if _negation(words, i)]
    content = [i for i, w in enumerate(words) if i not in negations and fold(w) not in _STOP]
    # the first content word within each negation's reach: what it bears on
    borne = {next((i for i in content if j < i <= j + REACH), None) for j in negations}
    scope, reach, plain = set(), set(), set()
    for i in content:
        s = stem(fold(words[i]))
        if sum(i - REACH <= j < i for j in negations) % 2:
            reach.add(s)
            if i in borne:
                scope.add(s)
        else:
            plain.add(s)
    return _Polarity(len(negations) % 2 == 1, frozenset(scope), frozenset(reach), frozenset(plain))


def _check_days(claim: str, windows: Sequence[Evidence]) -> _Failure | None:
    """Recurring days the evidence does not give (:mod:`veracity.engine.weekdays`): "Support is
    available on weekends." where the sentence holding the claim's other words (``DAYS_SHARE`` of
    them, at least two) says "Monday to Friday". Not where any such sentence gives every day the
    claim names ("on Wednesdays" within "Monday to Friday" is stated), nor where a negation, a
    closing or an exception stands in a day's clause ("closed on Sundays", "every day except
    Sundays", :func:`_days_closed`), in the claim or in that sentence."""
    mine = extract_days(claim)
    if not mine or _days_closed(claim, mine):
        return None
    days = _all_days(mine)
    # the claim's words in the clauses naming the days ("..., and support is available on weekends")
    clauses = [(a, b) for a, b in _day_clauses(claim) if any(a <= d.span[0] < b for d in mine)]
    terms = {stem(w) for a, b in clauses for w in _content(claim[a:b], [(d.span[0] - a, d.span[1] - a) for d in mine])}
    rival: tuple[int, list[Days]] | None = None
    for i, w in enumerate(windows):
        for a, b in _sentence_spans(w.text):
            sentence = w.text[a:b]
            theirs = extract_days(sentence)
            shared = terms & {stem(x) for x in _content(sentence)}
            if not theirs or len(shared) < max(2, DAYS_SHARE * len(terms)) or _days_closed(sentence, theirs):
                continue
            if days <= _all_days(theirs):
                return None
            rival = rival or (i, theirs)
    if rival is None:
        return None
    said = " and ".join(d.text for d in mine)
    given = " and ".join(d.text for d in rival[1])
    return _Failure(True, P_CONFLICT, f"The claim says {said} but the evidence says {given}.", (rival[0],))


def _days_restated(claim: str, windows: Sequence[Evidence]) -> tuple[int, str] | None:
    """The window and sentence giving the claim's recurring days (the same ones, or more unless the
    claim says "only"), in a sentence holding every content word of the claim and every word with
    digits as written: "The gym is open seven days a week." in "The gym is open every day from 6am
    to 10pm."; "Support is available on Wednesdays." in "... Monday to Friday"; not "The gym is open
    seven days a week, until midnight." (no "midnight"), nor "Support is only available on
    Wednesdays.". A claim negating its days is given by a
    sentence giving none of them ("No, support is not available on weekends." by "Support is
    available Monday to Friday."). Not where a closing or an exception bears on a day ("closed on
    Sundays"), nor where the sentence negates its days."""
    claim = statement(claim)
    mine = extract_days(claim)
    if not mine or claim.rstrip().endswith("?"):
        return None
    negated = _days_closed(claim, mine)
    if negated and not _polarity(claim).negated:
        return None  # a closing or an exception ("closed on Sundays"), not read
    days = _all_days(mine)
    only = bool(_ONLY.search(claim))  # "only on Wednesdays": the same days, no fewer
    terms, figures = _wording(claim, [d.span for d in mine])
    if len(terms) < 2:
        return None
    for i, w in enumerate(windows):
        for a, b in _sentence_spans(w.text):
            sentence = w.text[a:b]
            theirs = extract_days(sentence)
            given = _all_days(theirs)
            if (theirs and (not given & days if negated else days <= given and (given == days or not only))
                    and not _days_closed(sentence, theirs) and _holds_wording(sentence, terms, figures)):
                return i, sentence.strip()
    return None


def _days_apart(claim: str, sentence: str) -> bool:
    """Whether the claim and the sentence name recurring days, none in common: "Support is not
    available via chat on weekends." negates nothing "Support is available via chat Monday to
    Friday." states."""
    mine, theirs = extract_days(claim), extract_days(sentence)
    return bool(mine and theirs) and not _all_days(mine) & _all_days(theirs)


def _all_days(named: Sequence[Days]) -> frozenset[int]:
    """Every day that ``named`` gives."""
    return frozenset().union(*(d.days for d in named))


def _day_clauses(text: str) -> list[Span]:
    """``text`` cut at commas, semicolons and colons and before "and", "but" and "while"."""
    cuts = sorted({0, len(text), *(m.end() for m in _DAY_CLAUSE.finditer(text))})
    return list(zip(cuts, cuts[1:]))


_DAY_CLAUSE = re.compile(r"[,;:]\s|\s(?=(?:and|but|while|whereas)\s)", re.IGNORECASE)


def _days_closed(text: str, named: Sequence[Days]) -> bool:
    """Whether a negation, a closing or an exception stands in the clause of one of the ``named``
    days (:func:`_day_clauses`): "closed on Sundays", "every day except Sundays", "Support is not
    available via chat on weekends"."""
    for a, b in _day_clauses(text):
        if any(a <= d.span[0] < b for d in named) and any(
                f in _NEG or f in _CLOSED or f.endswith(("n't", "'nt")) for f in (fold(w) for w, _ in word_spans(text[a:b]))):
            return True
    return False


_ONLY = re.compile(r"\b(?:only|just|solely|exclusively)\b", re.IGNORECASE)
DAYS_SHARE = 0.6  # the sentence giving other days holds this share of the claim's other content words
_CLOSED = frozenset("closed close closes shut shuts except excluding besides apart other unavailable off".split())


def _check_negation(claim: str, windows: Sequence[Evidence]) -> _Failure | None:
    claim = statement(claim)
    terms = {stem(w) for w in _content(claim)}
    if len(terms) < 2 or (claim.rstrip().endswith("?") and _QUESTION_FIRST.match(claim.lstrip())):
        return None  # a question ("Aren't they coached by...?") states nothing to negate
    mine = _polarity(claim)
    hit = _opposed(terms, mine, windows) or (None if _BOTH_WAYS.search(claim) else _opposed(terms, mine, windows, by_clause=True))
    if hit is None or _days_apart(claim, hit[1]):
        return None
    side = "The claim negates" if mine.negated else "The evidence negates"
    return _Failure(True, P_NEGATION, f'{side} what the other states: "{hit[1]}".', (hit[0],))


def _opposed(terms: set[str], mine: _Polarity, windows: Sequence[Evidence],
             share: float = 0.75, by_clause: bool = False) -> tuple[int, str] | None:
    """The first evidence sentence stating ``terms`` (a ``share`` of them, ≥ 2) with the other polarity
    than ``mine`` (see ``_contradicts``); ``None`` as soon as one states them with the same polarity.
    ``by_clause``: each clause of a sentence of two or more (cut at "but", "while", ";" and so on:
    ``_CLAUSE``) is read in place of the sentence, for one that states a word in one clause and
    negates it in another: "The warranty covers accidental damage." against "The warranty covers
    manufacturing defects for two years but does not cover accidental damage.", which reads as
    stating "covers" taken whole; a sentence of one clause can then only stop the search. The
    sentence is quoted."""
    hit: tuple[int, str] | None = None
    for i, w in enumerate(windows):
        for a, b in _sentence_spans(w.text):
            sentence = w.text[a:b]
            clauses = _CLAUSE.split(_asserted(sentence)) if by_clause else []
            readings = [(c, True) for c in clauses] if len(clauses) > 1 else [(sentence, not by_clause)]
            for text, may_hit in readings:
                shared = terms & {stem(x) for x in _content(text)}
                if len(shared) < 2 or len(shared) < share * len(terms):
                    continue
                if _polarity(text).negated == mine.negated:
                    return None  # the evidence says the same thing with the same polarity
                if may_hit and hit is None and _contradicts(mine, _polarity(_asserted(text)), shared):
                    hit = (i, sentence)
    return hit


# a claim stating both ways: "what could and could not go in them", "whether or not"
_BOTH_WAYS = re.compile(r"\b(\w+)\s+(?:and|or)\s+\1\s*(?:not\b|n't)|\bor\s+not\b", re.IGNORECASE)


def _asserted(sentence: str) -> str:
    """What ``sentence`` asserts: without the clauses it reports as an assumption, a belief or a
    claim ("... is based on the assumption that homosexuality is a mental disorder"), each up to the
    next clause cut (see ``_CLAUSE``) or the sentence's end."""
    kept, at = [], 0
    for m in _UNASSERTED.finditer(sentence):
        if m.start() < at:
            continue
        kept.append(sentence[at:m.start()])
        cut = _CLAUSE.search(sentence, m.end())
        at = cut.start() if cut else len(sentence)
    return "".join(kept) + sentence[at:]


def _restated(claim: str, windows: Sequence[Evidence]) -> tuple[int, str] | None:
    """The window and clause restating the claim's negation: the claim negates (an odd number of
    negations) and is no question, and one clause of an evidence sentence (cut at
    "but", "while", "whereas", "although", "yet", ";" and ":") negates the same word and holds every
    content word of the claim ("Gift cards are not refundable." in "Sale items are final; gift cards
    are not refundable."; "Accidental damage is not covered by the warranty." in "The warranty does
    not cover accidental damage."). Not "The warranty does not cover accidental damage." in "The
    warranty does not cover wear, but covers accidental damage.": each clause lacks a word or the
    negation; nor "Vaccines are not safe." in "Doctors debunked the myth that vaccines are not
    safe.": a reported clause is not asserted (:func:`_asserted`). Words are compared by their
    stems with a doubled final consonant written once ("shipped", "ship"); words with digits ("70", "2027") as written. An answer word before the
    statement ("No, gift cards can't be returned.") is no negation (:func:`statement`)."""
    text = statement(claim).strip()
    if text.endswith("?"):
        return None
    terms, figures = _wording(text)
    mine = _polarity(text)
    if not mine.negated or not mine.scope or len(terms) < 2:
        return None
    scope = {_undoubled(s) for s in mine.scope}
    for i, w in enumerate(windows):
        for a, b in _sentence_spans(w.text):
            for clause in _CLAUSE.split(_asserted(w.text[a:b])):
                theirs = _polarity(clause)
                if (theirs.negated and scope & {_undoubled(s) for s in theirs.scope}
                        and _holds_wording(clause, terms, figures)):
                    return i, clause.strip()
    return None


def _wording(text: str, skip: Sequence[Span] = ()) -> tuple[set[str], set[str]]:
    """What a restatement of ``text`` must hold (:func:`_holds_wording`): the stems of its content
    words, a doubled final consonant written once ("shipped", "ship"), and its words with digits as
    written ("70", "2027"), outside ``skip``."""
    terms = {_undoubled(stem(w)) for w in _content(text, skip)}
    figures = {x for x, (a, _) in word_spans(text)
               if any(ch.isdigit() for ch in x) and not any(s <= a < e for s, e in skip)}
    return terms, figures


def _holds_wording(text: str, terms: set[str], figures: set[str]) -> bool:
    """Whether ``text`` holds every one of the ``terms`` and ``figures`` of :func:`_wording`."""
    return terms <= {_undoubled(stem(x)) for x in _content(text)} and figures <= {x for x, _ in word_spans(text)}


_CLAUSE = re.compile(r",?\s+(?:but|whereas|while|although|though|yet)\s+|;\s*|:\s+", re.IGNORECASE)
# a clause that a sentence reports rather than asserts: "the assumption that ...", "the myth that ..."
_UNASSERTED = re.compile(
    r"\b(?:assumptions?|beliefs?|myths?|misconceptions?|notions?|ideas?|premises?|claims?|allegations?|"
    r"rumou?rs?|theory|theories|hypothesis|speculation|suspicions?|pretence|pretense|impression)\s+that\b",
    re.IGNORECASE)


def _undoubled(s: str) -> str:
    """A stem with a doubled final consonant (not l, s or z) written once: "shipp" → "ship"."""
    return s[:-1] if len(s) > 2 and s[-1] == s[-2] and s[-1].isalpha() and s[-1] not in "aeiouylsz" else s


def _polar_question(question: str) -> str | None:
    """The last sentence of ``question`` when it is a yes/no question about one statement ("Is
    the warranty transferable?"): not about two or more things ("Are both A and B...?", "... the
    same ...?", "... older than ...?"), an alternative ("... or ...?") or a negation ("Isn't it...?"
    is answered both ways)."""
    last = _last_sentence(question)
    if not last.endswith("?") or not _AUX_FIRST.match(last):
        return None
    words = [w for w, _ in word_spans(last)]
    if {fold(w) for w in words} & _NOT_POLAR or any(_negation(words, i) for i in range(len(words))):
        return None
    return last


def _check_polar_answer(claim: str, question: str | None, windows: Sequence[Evidence]) -> _Failure | None:
    """A bare yes or no to a yes/no question ("Yes.", "No, it is not."), read as the question's
    statement or its negation: a hard failure where the evidence states the other (for a "no",
    every content word of the question)."""
    m = _YES_NO.match(claim)
    asked = _polar_question(question) if m and question else None
    if m is None or asked is None:
        return None
    terms = {stem(w) for w in _content(asked)}
    if len(terms) < 2 or {stem(w) for w in _content(claim[m.end():])} - terms:
        return None  # the answer says more than yes or no: the claim's own words are checked
    says_no = fold(m.group(1)) == "no"
    stated, none = frozenset(terms), frozenset[str]()
    # a "no" negates every word of the question; a "yes" states them
    mine = _Polarity(True, stated, stated, none) if says_no else _Polarity(False, none, none, stated)
    hit = _opposed(terms, mine, windows, 1.0 if says_no else 0.75)
    if hit is None:
        return None
    return _Failure(True, P_NEGATION, f'The answer "{m.group(1)}" to "{asked}" disagrees with the evidence: "{hit[1]}".',
                    (hit[0],))


@dataclass(frozen=True)
class _Both:
    """A question asking one thing of two named things: the names, the stems of what is asked
    and its words in order, the question, and whether it asks if they are of the same country."""

    names: tuple[str, str]
    asked: frozenset[str]
    words: tuple[str, ...]
    question: str
    same_country: bool


def _both_question(question: str) -> _Both | None:
    """The last sentence of ``question`` when it asks one thing of two named things ("Are both Tim
    McIlrath and Spike Slawson American punk rock musicians?", "Are Kelly Jones and Martha Reeves
    both singers?", "Are A and B from the same country?"). The second name runs over its
    capitalised words but a nationality ending them ("Spike Slawson", then "American punk rock
    musicians"): what is asked is read from the words after it; the first name may follow words
    that say what both are ("Are the rock bands Travis and Shiny Toy Guns ...?"). Other
    comparisons ("more species than", "the same city") are left alone."""
    last = _last_sentence(question)
    m = _BOTH.match(last)
    if m is None:
        return None
    words = m.group("b").split()
    run = next((k for k, w in enumerate(words) if not (w[0].isupper() or fold(w) in _CONNECTORS)), len(words))
    while run > 1 and fold(words[run - 1]) in DEMONYMS:
        run -= 1  # "Spike Slawson American punk rock musicians"
    rest = tuple(w for w, _ in word_spans(" ".join([*words[run:], m.group("p") or ""])))
    folded = {fold(w) for w in rest}
    same_country = "same" in folded and bool({"country", "nationality"} & folded)
    if folded & _COMPARING and not same_country:
        return None
    asked = frozenset(stem(w) for w in folded if w not in _STOP and w != "both")
    names = (m.group("a"), " ".join(words[:run]))
    return _Both(names, asked, rest, last, same_country) if asked else None


def _naming(name: str, windows: Sequence[Evidence]) -> Iterator[tuple[int, str]]:
    """The evidence sentences holding every word of ``name`` ("Peter Francis Straub" for "Peter
    Straub"), with their windows, in the context's order: the first introduces the name."""
    named = {fold(x) for x, _ in word_spans(name)}
    ordered = sorted(range(len(windows)), key=lambda i: (windows[i].span or (0, 0))[0])
    return ((i, text) for i in ordered for text in sentences(windows[i].text)
            if named <= {fold(x) for x, _ in word_spans(text)})


def _check_both_answer(claim: str, question: str | None, windows: Sequence[Evidence]) -> _Failure | None:
    """A bare yes or no to a question asking one thing of two named things, against the sentences
    naming them: a "no" where, for each, a sentence holding every word of its name states every
    word asked, none of them negated; a "yes" where a nationality asked ("Are both A and B American
    film directors?") is not the one the sentence introducing A or B gives ("B is a Russian film
    director"); to "the same country?", a "yes" where those sentences give two nations and a "no"
    where they give one."""
    m = _YES_NO.match(claim)
    if m is None or not question or _content(claim[m.end():]):
        return None
    both = _both_question(question)
    if both is None:
        return None
    answer = m.group(1)
    says_no = fold(answer) == "no"
    found = _nations(both, says_no, windows) if both.same_country or not says_no else _stated_of_each(both, windows)
    if not found or None in found:
        return None
    hits = [h for h in found if h is not None]
    quotes = " ".join(f'"{text}"' for _, text in hits)
    return _Failure(True, P_NEGATION, f'The answer "{answer}" to "{both.question}" disagrees with the evidence: {quotes}',
                    tuple(i for i, _ in hits))


def _stated_of_each(both: _Both, windows: Sequence[Evidence]) -> list[tuple[int, str] | None]:
    """For each name, the first evidence sentence holding every word of it that states every word
    asked, none of them negated (``None`` where there is none)."""
    return [next(((i, text) for i, text in _naming(name, windows)
                  if both.asked <= {stem(x) for x, _ in word_spans(text)} and not both.asked & _polarity(text).reach),
                 None) for name in both.names]


def _nations(both: _Both, says_no: bool, windows: Sequence[Evidence]) -> list[tuple[int, str] | None]:
    """The sentences introducing the two names where their nations refute the answer (see
    :func:`_check_both_answer`); empty where they do not."""
    intro = [next(_naming(name, windows), None) for name in both.names]
    nations = [nation_of(hit[1], name) if hit else None for hit, name in zip(intro, both.names)]
    if both.same_country:
        a, b = nations
        if a is None or b is None or a.compatible(b) != says_no:
            return []
        return list(intro)
    asked = asked_nations(both.words)
    if says_no or len(asked) != 1:
        return []
    return [hit for hit, nation in zip(intro, nations) if nation is not None and not nation.compatible(asked[0])][:1]


def _check_said_of_another(claim: str, windows: Sequence[Evidence], context: str | None) -> _Failure | None:
    """What the claim says of the one thing it names, which the evidence says of another thing it
    names, where it mentions the claim's too: "Dr. Paul Mercer leads the cardiology department."
    against "Dr. Amara Singh leads the cardiology department, while Dr. Paul Mercer heads neurology."
    The claim's numbers are among its words: "The Enterprise plan costs $90 per month." is not read
    against "The Pro plan costs $20 per month" where a clause naming Enterprise gives $90. Read only
    where the claim opens with its name ("Yes, the Standard plan ...") and names nothing else
    (:func:`_one_named`), has at least ``SAID_WORDS`` other words, and the evidence clauses holding the
    most of them (all, or all but one in four) each open with another name before those words, name
    the claim's nowhere, and hold no pronoun ("he", "which"), which may make what they say the
    claim's after all."""
    mine = _one_named(claim)
    start = claim.find(mine.text) if mine else -1
    if mine is None or any(fold(w) not in _ANSWER_WORDS for w in _content(claim[:start])):
        return None  # "Sarah met Dr. Mercer": the name is no subject
    end = start + len(mine.text)
    said = list(dict.fromkeys([*(stem(fold(w)) for w in _content(claim, [(0, end)])),  # and its numbers ("$20")
                               *(w for w, (a, _) in word_spans(claim) if a >= end and w.isdigit())]))
    texts = [w.text for w in windows] + ([context] if context else [])
    if len(said) < SAID_WORDS or not any(mine.same(n) for text in texts for _, n in _names_placed(text)):
        return None
    best: list[tuple[int, Span, set[str], list[str]]] = []
    most = len(said) - len(said) // 4
    for i, w in enumerate(windows):
        for a, b in _clauses(w.text):
            have = {stem(fold(x)) for x, _ in word_spans(w.text[a:b])}
            shared = [x for x in said if x in have]
            if len(shared) > most:
                best, most = [], len(shared)
            if len(shared) == most:
                best.append((i, (a, b), have, shared))
    if not best:
        return None
    others: list[_Named] = []
    for i, (a, b), have, shared in best:
        clause = windows[i].text[a:b]
        names = [(start, n) for start, n in _within(_names_placed(windows[i].text), a, b)
                 if not any(fold(x) in DEMONYMS for x, _ in word_spans(n.text))]
        if (not names or any(mine.same(n) for _, n in names) or mine.stems & have
                or _PRONOUN.search(clause) or _RELATIVE.search(clause)):
            return None
        first = min(at for x, (at, _) in word_spans(clause) if stem(fold(x)) in shared)
        if names[0][0] - a > first:
            return None  # "a member of the Mississippi Freedom Democratic Party": the name is no subject here
        others.append(names[0][1])
    i, (a, b), _, _ = best[0]
    quote = windows[i].text[a:b].strip(" ,;:")
    return _Failure(True, P_NEGATION, f'The evidence says this of "{others[0].text}", not of "{mine.text}": "{quote}".',
                    (i,), (a, b))


def _check_name_swapped(claim: str, windows: Sequence[Evidence], context: str | None) -> _Failure | None:
    """A name the context never mentions, standing where an evidence sentence that says the rest of
    the claim names another thing, word for word around it: "The Eiffel Tower is in Berlin." against
    "The Eiffel Tower is a wrought-iron tower in Paris, France."; "The River Severn flows through
    Marlow." against "The River Thames flows through the town". The sentence holds the claim's word
    just before the name and the one just after it (or, where the name ends the claim, a comma or
    the sentence's end) around a name of its own, and most of the claim's other content words
    (``SWAP_SHARE``, at least two). Not where the two names may name one thing: they share a word and
    the words that differ open with one letter ("Mike Finkel" for "Michael Finkel"), a word of one
    opens like a word of the other ("Greens", "Green Party"), they are spelt alike ("Mossiman",
    "Mossman"), one gives the other's initials ("NYC"), or either is a nationality ("Spanish")."""
    named = _names_at(claim)
    if not named or _title_case(claim):
        return None  # capitals say nothing about names
    whole = _facts(readable(context)) if context else _words_of(windows)  # the context as the name gate reads it
    words = word_spans(claim)
    claim_stems = {stem(fold(w)) for w, _ in words}
    for at, mine in named:
        span = (at, at + len(mine.text))
        own = [w for w, (a, b) in words if span[0] <= a and b <= span[1]]
        if not any(len(w) >= 3 and fold(w) not in _SKIP_NAME and not _known(w, whole) for w in own):
            continue  # the context mentions it
        before = next((fold(w) for w, (_, b) in reversed(words) if b <= span[0]), None)
        after = next((fold(w) for w, (a, _) in words if a >= span[1]), None)
        ahead = {stem(fold(w)) for w in _content(claim[:span[0]])}
        behind = {stem(fold(w)) for w in _content(claim[span[1]:])}
        if len(ahead | behind) < 2:
            continue
        for i, window in enumerate(windows):
            spans = _sentence_spans(window.text)
            for n, (a, b) in enumerate(spans):
                subject = _antecedent(window.text, spans[n - 1], (a, b), claim_stems) if n else frozenset()
                found = _swapped_for(window.text, (a, b), mine, (before, after), (ahead, behind), claim_stems, subject)
                if found is not None:
                    quote = window.text[a:b].strip()
                    return _Failure(True, P_NEGATION, f'The claim names "{mine.text}" where the evidence, in the same '
                                    f'words, names "{found.text}": "{quote}".', (i,), (a, b))
    return None


def _swapped_for(text: str, sentence: Span, mine: _Named, next_to: tuple[str | None, str | None],
                 said: tuple[set[str], set[str]], claim_stems: set[str],
                 subject: frozenset[str] = frozenset()) -> _Named | None:
    """The name of ``text``'s ``sentence`` standing where the claim has ``mine`` (see
    :func:`_check_name_swapped`): between the words ``next_to`` it, and after the claim's content
    words that come before the claim's name and before those that come after it (``said``), where the
    sentence holds most of them; ``claim_stems``: the stems of all the claim's words; ``subject``: the
    stems of the name that the pronoun opening the sentence stands for (:func:`_antecedent`)."""
    a, b = sentence
    before, after = next_to
    words = [(fold(w), (a + x, a + y)) for w, (x, y) in word_spans(text[a:b])]
    said_before, said_after = said
    held = {stem(w) for w, _ in words} | subject
    if len((said_before | said_after) & held) < max(2, SWAP_SHARE * len(said_before | said_after)):
        return None
    for start, other in _within(_names_placed(text), a, b):  # read once per text, not for every claim
        end = start + len(other.text)
        left = [w for w, (_, y) in words if y <= start]
        right = [w for w, (x, _) in words if x >= end]
        if (left[-1] if left else None) != before or (before is None and " " not in other.text.strip()):
            continue  # a single capitalised word opening a sentence is seldom a name
        follows = text[end:b].lstrip()[:1]
        if (right[0] if right else None) != after and not (after is None and (not follows or follows in ",;.!?)")):
            continue
        on_left, on_right = {stem(w) for w in left} | subject, {stem(w) for w in right}
        if said_before & on_right - on_left or said_after & on_left - on_right:
            continue  # the claim's words stand on the other side of it: it names another part of the sentence
        if other.stems <= claim_stems or _may_name_one(mine, other):
            continue
        return other
    return None


def _antecedent(text: str, previous: Span, sentence: Span, claim_stems: set[str]) -> frozenset[str]:
    """The stems of the name a pronoun opening ``text``'s ``sentence`` stands for: the first name of
    the ``previous`` sentence, where the claim names it too ("It flows into the Mediterranean Sea."
    after "The Nile is a river in Africa.", for a claim about the Nile); empty otherwise."""
    first = word_spans(text[sentence[0]:sentence[1]])[:1]
    if not first or fold(first[0][0]) not in _SUBJECT_PRONOUNS:
        return frozenset()
    names = _within(_names_placed(text), *previous)
    return names[0][1].stems if names and names[0][1].stems <= claim_stems else frozenset()


_SUBJECT_PRONOUNS = frozenset("it he she they".split())


def _may_name_one(mine: _Named, other: _Named) -> bool:
    """Whether two names may name one thing (see :func:`_check_name_swapped`)."""
    a, b = _name_words(mine), _name_words(other)
    if not a or not b or any(w in DEMONYMS for w in a + b):
        return True
    only_a, only_b = [w for w in a if w not in b], [w for w in b if w not in a]
    if not only_a or not only_b:
        return True
    if len(only_a) < len(a) and only_a[0][0] == only_b[0][0]:
        return True  # "Mike Finkel", "Michael Finkel"
    if any(x[:3] == y[:3] for x in only_a for y in only_b):
        return True
    if difflib.SequenceMatcher(None, " ".join(a), " ".join(b)).ratio() >= SWAP_SPELLING:
        return True
    initials = ("".join(w[0] for w in a), "".join(w[0] for w in b))
    return " ".join(a) == initials[1] or " ".join(b) == initials[0]


def _name_words(name: _Named) -> list[str]:
    """The folded words of a name that name something (no titles, stop words or connectors)."""
    return [fold(w) for w, _ in word_spans(name.text) if fold(w) not in _SKIP_NAME | _TITLES]


def _title_case(claim: str) -> bool:
    """Whether the claim is written in Title Case ("Employs Many People In Leeds"): a stop word after
    its first is capitalised."""
    return any(w[0].isupper() and w != "I" and fold(w) in _STOP for w, _ in word_spans(claim)[1:])


SWAP_SHARE = 0.6  # a swapped name's sentence holds this share of the claim's other content words
SWAP_SPELLING = 0.75  # names spelt this alike may be one name misspelt
SAID_WORDS = 3
_ANSWER_WORDS = frozenset({"yes", "no"})
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b", re.IGNORECASE)
_CONTRAST = re.compile(r"\s(?:while|whereas|but)\s|\s[-–—]\s", re.IGNORECASE)


def _clauses(text: str) -> Iterator[Span]:
    """The clauses of each sentence of ``text``: cut where :func:`_clause` cuts, and before "while",
    "whereas", "but" and a dash between spaces."""
    for a, b in _sentence_spans(text):
        cuts = sorted({a, b, *(m.end() for m in _CLAUSE_CUT.finditer(text, a, b)),
                       *(m.start() for m in _CONTRAST.finditer(text, a, b))})
        yield from ((c, d) for c, d in zip(cuts, cuts[1:]) if text[c:d].strip())


def _one_named(claim: str) -> _Named | None:
    """The one thing the claim names, where it names nothing else: not an owner ("Acme's revenue") nor
    a nationality ("The Japanese train")."""
    names = _names_in(claim)
    if len(names) != 1 or _other_capitals(claim, names[0]) or _POSSESSIVE.search(names[0].text) or any(
            fold(w) in DEMONYMS for w, _ in word_spans(names[0].text)):
        return None
    return names[0]


_RUN_BREAK = re.compile(r"[,;:()\[\]\"“”!?]")


def _entity_runs(claim: str) -> list[list[tuple[int, str, Span]]]:
    """Runs of capitalised words (with "of", "van", ... inside; punctuation ends one), single words that
    open the sentence or a clause left out."""
    runs: list[list[tuple[int, str, Span]]] = [[]]
    for i, (w, span) in enumerate(word_spans(claim)):
        if runs[-1] and _RUN_BREAK.search(claim, runs[-1][-1][2][1], span[0]):
            runs.append([])  # "Well, Drew Carey", "Gilbert Welch: Giving": punctuation ends a name
        if w[0].isupper() or (runs[-1] and fold(w) in _CONNECTORS):
            runs[-1].append((i, w, span))
        elif runs[-1]:
            runs.append([])
    out = []
    for run in runs:
        while run and fold(run[-1][1]) in _CONNECTORS:
            run.pop()
        if run and run[0][0] == 0 and fold(run[0][1]) in _STOP:
            run = run[1:]
        if run and not (len(run) == 1 and _opens(claim, run[0])):
            out.append(run)
    return out


_CLAUSE_OPEN = re.compile(r"[:;!?]\s*$")


def _opens(claim: str, word: tuple[int, str, Span]) -> bool:
    """Whether the word opens the sentence or a clause ("Welch: Giving ..."), where a capital is no name."""
    return word[0] == 0 or _CLAUSE_OPEN.search(claim, 0, word[2][0]) is not None


def _check_entities(claim: str, facts: _Facts, prompt: str, where: str = "does not appear in the evidence"
                    ) -> _Failure | None:
    if _title_case(claim):
        return None  # capitals say nothing about names
    asked = {stem(w) for w, _ in word_spans(prompt)}
    skip = _STOP | _NOT_NAMES | _CONNECTORS | {"gbp", "usd", "eur"}
    for run in _entity_runs(claim):
        words = [w for _, w, _ in run]
        initials = "".join(w for w in words if len(w) == 1)  # "U.K." → "UK"
        names = [w for w in [*words, initials] if len(w) > 1 and fold(w) not in skip
                 and not any(c.isdigit() for c in w) and stem(w) not in asked]
        if names and sum(_known(w, facts) for w in names) * 2 < len(names):
            name = claim[run[0][2][0] : run[-1][2][1]]
            return _Failure(False, P_SOFT, f'The claim names "{name}", which {where}.', ())
    return None


class RulesJudge:
    """Checks claims against their evidence with rules only (see the module docstring)."""

    name = "rules"

    def judge(self, items: Sequence[JudgeInput]) -> list[ClaimVerdict]:
        """One verdict per item, in order."""
        verdicts = [self._as_given(item, self._judge_one) for item in items]
        return [v for v in verdicts if v is not None]  # _judge_one always decides

    def hard_contradiction(self, item: JudgeInput) -> ClaimVerdict | None:
        """A ``hallucination`` verdict when the evidence states otherwise: another date or
        value where the claim gives one, a similar but different code, or the negated
        statement; ``None`` otherwise, including when the evidence gives no value at all
        (unsupported, not contradicted) and when there is no evidence."""
        return self._as_given(item, self._hard)

    def restatement(self, item: JudgeInput) -> ClaimVerdict | None:
        """A ``supported`` verdict when an evidence clause restates the claim's negation
        (:func:`_restated`) or an evidence sentence gives the claim's recurring days in its words
        (:func:`_days_restated`); ``None`` otherwise."""
        return self._as_given(item, self._restated)

    def unmentioned_name(self, item: JudgeInput) -> ClaimVerdict | None:
        """A ``hallucination`` verdict when the claim names something (a clear proper noun, not in
        the prompt) that the whole context never mentions; ``None`` otherwise, and in open mode."""
        return self._as_given(item, self._unmentioned)

    def _unmentioned(self, item: JudgeInput, windows: list[Evidence]) -> ClaimVerdict | None:
        if not windows or not item.context or not item.context.strip():
            return None
        prompt = " ".join(filter(None, (item.prompt, item.claim.question)))
        failure = _check_entities(item.claim.text, _facts(readable(item.context)), prompt, "the context never mentions")
        return self._verdict(item, windows, failure) if failure else None

    @staticmethod
    def _restated(item: JudgeInput, windows: list[Evidence]) -> ClaimVerdict | None:
        hit, said = _restated(item.claim.text, windows), "states the same negation"
        if hit is None:
            hit, said = _days_restated(item.claim.text, windows), "gives the days"
        if hit is None:
            return None
        i, clause = hit
        return ClaimVerdict(claim=item.claim, verdict="supported", p_hallucination=P_RESTATED, judge="rules",
                            evidence=(windows[i],), reason=f'The evidence {said}: "{clause}".')

    @staticmethod
    def _as_given(item: JudgeInput, decide: Callable[[JudgeInput, list[Evidence]], ClaimVerdict | None]
                  ) -> ClaimVerdict | None:
        """``decide`` on the windows as the rules read them (a record as ``key: value`` sentences,
        :func:`~veracity.engine.tables.readable`), citing the windows as they were given."""
        given = [e for e in item.evidence if e.text.strip()]
        views = [_view(e) for e in given]
        verdict = decide(item, views)
        if verdict is None:
            return None
        back = {id(v): g for v, g in zip(views, given)}
        return replace(verdict, evidence=tuple(back.get(id(e), e) for e in verdict.evidence))

    def _hard(self, item: JudgeInput, windows: list[Evidence]) -> ClaimVerdict | None:
        if not windows:
            return None
        veto = _Reading(absent_is_hard=False, asked=_asked(item))
        values = self._values(item.claim.text, windows, veto)
        failure = self._contradiction(item, windows, values, veto)
        if failure is None and values.failure is not None and item.context and readable(item.context) == item.context:
            # a value the windows do not give: the whole context may give another amid the same words
            whole = Evidence(item.context, "context", (0, len(item.context)))
            found = self._values(item.claim.text, [whole], replace(veto, anchored_only=True)).failure
            if found is not None and found.hard and found.quoted is not None:
                a, b = _sentence(item.context, found.quoted)
                windows = [*windows, Evidence(item.context[a:b], "context", (a, b))]
                failure = replace(found, cited=(len(windows) - 1,))
        return self._verdict(item, windows, failure) if failure else None

    def _contradiction(self, item: JudgeInput, windows: Sequence[Evidence], values: _Values,
                       reading: _Reading) -> _Failure | None:
        """A hard value failure that the whole context does not resolve, else a record field or
        sentence that states otherwise (:meth:`_stated_otherwise`)."""
        if values.failure and values.failure.hard and self._holds_in_context(item, reading):
            return values.failure
        return self._stated_otherwise(item, windows)

    def _holds_in_context(self, item: JudgeInput, reading: _Reading) -> bool:
        """A value conflict found in the claim's windows also holds against the whole context
        (the value the claim gives is not stated anywhere else in it)."""
        if not item.context or not item.context.strip():
            return True
        context = readable(item.context)
        whole = self._values(item.claim.text, [Evidence(context, "context", (0, len(item.context)))], reading)
        return whole.failure is not None and whole.failure.hard

    @staticmethod
    def _stated_otherwise(item: JudgeInput, windows: Sequence[Evidence]) -> _Failure | None:
        """A record field holding another value than the claim's, the negated statement, or a yes
        or no answer that the evidence states otherwise."""
        query = " ".join(filter(None, (item.claim.question or item.prompt, item.claim.text)))
        return (_check_fields(item.claim.text, query, windows) or _check_days(item.claim.text, windows)
                or _check_negation(item.claim.text, windows)
                or _check_polar_answer(item.claim.text, item.claim.question, windows)
                or _check_both_answer(item.claim.text, item.claim.question, windows)
                or _check_said_of_another(item.claim.text, windows, item.context)
                or _check_name_swapped(item.claim.text, windows, item.context))

    @staticmethod
    def _values(claim: str, windows: Sequence[Evidence], reading: _Reading) -> _Values:
        """The claim's dates, values and codes checked against ``windows``, read as ``reading`` says."""
        stems = {stem(w) for w in _content(claim)}
        dates = _check_dates(claim, windows, stems, reading)
        if dates.failure and dates.failure.hard:
            return dates
        quantities = _check_quantities(claim, windows, stems, reading)
        if quantities.failure and quantities.failure.hard:
            return dates + quantities
        codes = _check_identifiers(claim, windows)
        if codes.failure and codes.failure.hard:
            return dates + codes
        return dates + quantities + codes

    def _judge_one(self, item: JudgeInput, windows: list[Evidence]) -> ClaimVerdict:
        if not windows:
            return ClaimVerdict(item.claim, "unverifiable", None, "No evidence was given to check the claim against.", self.name)
        claim = item.claim.text
        reading = _Reading(asked=_asked(item))
        values = self._values(claim, windows, reading)
        hard = self._contradiction(item, windows, values, reading)
        if hard:
            return self._verdict(item, windows, hard)
        if values.failure and values.failure.hard:
            values = replace(values, failure=None)  # stated elsewhere in the context: left to coverage
        facts = _facts(" ".join(w.text for w in windows))
        prompt = " ".join(filter(None, (item.prompt, item.claim.question)))
        soft = values.failure or _check_entities(claim, facts, prompt)
        if soft:
            return self._verdict(item, windows, soft)
        return self._coverage_verdict(item, windows, values)

    def _verdict(self, item: JudgeInput, windows: Sequence[Evidence], failure: _Failure) -> ClaimVerdict:
        cited = tuple(windows[i] for i in dict.fromkeys(failure.cited)) or (_best_window(item.claim.text, windows),)
        return ClaimVerdict(item.claim, "hallucination", failure.p, failure.reason, self.name, cited)

    def _coverage_verdict(self, item: JudgeInput, windows: Sequence[Evidence], values: _Values) -> ClaimVerdict:
        words = _content(item.claim.text, values.spans)
        facts = _facts(" ".join(w.text for w in windows))
        missing = [w for w in words if not _known(w, facts)]
        total = len(words) + 2 * len(values.verified)
        if total == 0:
            reason = "The claim has no words, numbers or dates the rules can check."
            return ClaimVerdict(item.claim, "unverifiable", None, reason, self.name)
        cov = (total - len(missing)) / total
        cited = tuple(windows[i] for i in dict.fromkeys(values.cited)) or (_best_window(item.claim.text, windows),)
        if cov < WEAK_SUPPORT_AT:
            p = 0.55 + 0.25 * (WEAK_SUPPORT_AT - cov) / WEAK_SUPPORT_AT
            shown = ", ".join(f'"{w}"' for w in missing[:3])
            reason = f"The evidence does not mention {shown} ({len(missing)} of {total} content words unmatched)."
            return ClaimVerdict(item.claim, "hallucination", round(p, 3), reason, self.name, cited)
        if cov >= SUPPORTED_AT:
            p = 0.2 - 0.1 * (cov - SUPPORTED_AT) / (1 - SUPPORTED_AT)
        else:
            p = 0.45 - 0.25 * (cov - WEAK_SUPPORT_AT) / (SUPPORTED_AT - WEAK_SUPPORT_AT)
        if values.verified:
            reason = "The evidence supports the claim: " + "; ".join(values.verified) + "."
        else:
            text = cited[0].text if len(cited[0].text) <= 100 else cited[0].text[:100] + "…"
            reason = f'The evidence covers {total - len(missing)} of {total} content words of the claim: "{text}".'
        return ClaimVerdict(item.claim, "supported", round(p, 3), reason, self.name, cited)


def _asked(item: JudgeInput) -> tuple[str, ...]:
    """The content words of the question a short answer answers (its last sentence), if any."""
    return tuple(_content(_last_sentence(item.claim.question))) if item.claim.question else ()


def _last_sentence(text: str) -> str:
    """The last sentence of ``text``."""
    spans = _sentence_spans(text)
    return text[spans[-1][0]:spans[-1][1]].strip() if spans else ""


def _view(window: Evidence) -> Evidence:
    """The window as the rules read it: a record's rows as ``key: value`` sentences, after the
    table header the window needs (dates such as ``23 May 2026,11`` in a CSV row read whole)."""
    text = readable(window.body)
    return window if text == window.text else replace(window, text=text, header="")


def _best_window(claim: str, windows: Sequence[Evidence]) -> Evidence:
    words = _content(claim)
    return max(windows, key=lambda w: sum(_known(x, _facts(w.text)) for x in words))

