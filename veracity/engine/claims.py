"""Split an LLM output into sentence-level claims, each with its exact span in the output.

Rules, in order:

1. Lines. A blank line ends a block; a list item ("- ", "* ", "• ", "1. ", "1)", "(a)",
   "a)"), a heading ("# ") or a quote line ("> ") starts a new one with its marker left
   out of the span; any other line break ends a sentence unless the next line starts
   with a lower-case letter (a hard-wrapped sentence goes on). A line ending in ":"
   directly before a list item is a lead-in, not a claim, and is dropped.
2. Sentences. A run of ".", "!", "?", "..." or "…" (with closing quotes or brackets)
   followed by white space ends a sentence, unless the next word starts in lower case
   ("e.g. this", "Why? he asked"), or the word before a single "." is a title or
   abbreviation that never ends a sentence (Dr., Mr., e.g., i.e., vs., No., St., Jan., ...),
   a single capital initial ("J. K. Rowling") or a dotted capital acronym ("U.S.").
   Decimals ("3.5", "$1.2 million") never split: a full stop needs white space after it.
3. Pieces without a letter or digit are dropped; claims are numbered 0..n-1.
4. Questions that name nothing are not claims (:func:`checkable_claims`, what the engine
   verifies): a sentence that starts as a question ("Do you", "Have you", "What else", after an
   "And" or "So,") and ends with "?", with no number and no capitalised word after its first,
   asks and states nothing a context could refute ("Do you like horror movies?", "Would you
   like to know more?"). A question that names something ("Have you seen Titanic, directed by
   Spielberg?") or carries a statement ("Did you know it won?", "Is it true that it closed?",
   "It opened in 2015, right?") stays a claim.
5. Short answers read with the prompt: when the prompt is non-empty, a claim gets
   ``question=prompt`` if it is the only claim and has fewer than 6 words, or it has at
   most 4 words and none of them is an auxiliary verb ("is", "was", "has", ...).
"""

from __future__ import annotations

import re

from veracity.engine.types import Claim, Span

_MARKER = re.compile(r"[ \t]*(?:[-*•‣◦▪–—+]|\(?\d{1,3}[.)]|\(?[a-z]\)|\([ivx]{1,4}\)|#{1,6}|>)[ \t]+")
_TERMINAL = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"'”’»)\]]*(?=\s|$)")
_NEVER_END = frozenset(
    """dr mr mrs ms prof sr st mt ft vs v e.g i.e cf al approx est dept gen gov sen rep col lt sgt capt
    rev hon ed eds jan feb mar apr jun jul aug sep sept oct nov dec ca c""".split()
)
_BEFORE_NUMBER = frozenset("no nos nr fig figs vol pp art sec ch op tel p".split())
_ACRONYM = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_WORD = re.compile(r"[^\W_]+(?:['’.,][^\W_]+)*")
# the words a question opens with: an auxiliary verb ("Is", "Didn't") or a question word
AUXILIARY = r"(?:is|are|was|were|am|do|does|did|can|could|will|would|shall|should|may|might|must|has|have|had)"
QUESTION_OPENER = rf"(?:{AUXILIARY}(?:n['’]t)?|what|which|who|whom|whose|where|when|why|how)\b"
_ASKING = re.compile(rf"(?:(?:and|but|so|well|oh|ok|okay|also|anyway|now)\b[\s,]*)?{QUESTION_OPENER}", re.IGNORECASE)
_STATES = re.compile(r"\byou\s+(?:\w+\s+)?(?:know|knew|hear|heard|reali[sz]e|reali[sz]ed|aware|notice|noticed|"
                     r"remember)\b|\b(?:true|fact|sure|said|says)\s+that\b", re.IGNORECASE)
_SELF = frozenset("I I'm I’m I've I’ve I'd I’d I'll I’ll".split())
_AUX = frozenset(
    """is are was were be been being am has have had do does did will would can could shall should may might
    must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't can't couldn't
    shouldn't wouldn't""".split()
)


def split_claims(output: str, prompt: str = "") -> list[Claim]:
    """The output's sentence-level claims; ``output[c.span[0]:c.span[1]] == c.text``."""
    spans: list[Span] = []
    for start, end in _blocks(output):
        spans.extend(_sentences(output, start, end))
    claims: list[Claim] = []
    for a, b in spans:
        a, b = _strip(output, a, b)
        if a < b and re.search(r"[^\W_]", output[a:b]):
            claims.append(Claim(text=output[a:b], span=(a, b), index=len(claims)))
    return _with_questions(claims, prompt)


def checkable_claims(output: str, prompt: str = "") -> list[Claim]:
    """The claims the engine verifies: :func:`split_claims` without the questions that name
    nothing (:func:`asks_only`), numbered 0..n-1; the short-answer rule applies to what is left."""
    kept = [c for c in split_claims(output) if not asks_only(c.text)]
    return _with_questions([Claim(c.text, c.span, i) for i, c in enumerate(kept)], prompt)


def asks_only(sentence: str) -> bool:
    """Whether ``sentence`` is a question that names nothing and states nothing ("Have you seen
    it?"): it starts as a question, ends with "?", and has no digit, no capitalised word after
    its first (other than "I") and no statement put to the reader ("did you know", "have you
    heard", "is it true that")."""
    text = sentence.strip()
    if not text.rstrip("\"'”’)]").endswith("?") or not _ASKING.match(text):
        return False
    if any(ch.isdigit() for ch in text) or _STATES.search(text):
        return False
    return not any(w[0].isupper() and w not in _SELF for w in _WORD.findall(text)[1:])


# an answer word opening a statement ("No, sale items can only be exchanged.")
_ANSWER_WORD = re.compile(r"\s*(?:yes|no|yeah|yep|nope|sure|okay|ok|well)\s*[,!]\s+(?=\S)", re.IGNORECASE)


def statement(text: str) -> str:
    """``text`` without an answer word before its statement ("No, gift cards can't be returned." →
    "gift cards can't be returned."), to read what the statement negates: the "no" answers the
    question and negates none of the statement's words. A bare "No." is left as it is."""
    m = _ANSWER_WORD.match(text)
    return text[m.end():] if m else text


def claim_query(claim: Claim) -> str:
    """The text judges and retrieval should read: the question and its answer when set."""
    if claim.question and claim.question.strip():
        return f"{claim.question.strip()} {claim.text}"
    return claim.text


def word_count(text: str) -> int:
    """Words in ``text`` ("7,116" and "3.5" count as one)."""
    return len(_WORD.findall(text))


def _is_short_answer(text: str, only_claim: bool) -> bool:
    n = word_count(text)
    if only_claim and n < 6:
        return True
    return n <= 4 and not any(w.lower().replace("’", "'") in _AUX for w in _WORD.findall(text))


def _with_questions(claims: list[Claim], prompt: str) -> list[Claim]:
    if not prompt.strip():
        return claims
    only = len(claims) == 1
    return [
        Claim(c.text, c.span, c.index, question=prompt) if _is_short_answer(c.text, only) else c
        for c in claims
    ]


def _strip(text: str, a: int, b: int) -> Span:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """(content start, content end, is list item) per line; the marker is left out."""
    out: list[tuple[int, int, bool]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        m = _MARKER.match(body)
        start = pos + (m.end() if m else 0)
        out.append((start, pos + len(body), m is not None))
        pos += len(line)
    return out


def _blocks(text: str) -> list[Span]:
    """Spans of list items, headings and (possibly hard-wrapped) runs of lines."""
    blocks: list[tuple[int, int, bool]] = []
    prev_open = False  # the previous line may continue on the next one
    for start, end, item in _lines(text):
        body = text[start:end].strip()
        if not body:
            prev_open = False
            continue
        if prev_open and not item and body[0].islower():
            s, _, was_item = blocks[-1]
            blocks[-1] = (s, end, was_item)
        else:
            blocks.append((start, end, item))
        prev_open = not body.endswith((".", "!", "?", ":", "…"))
    kept = [
        (s, e) for i, (s, e, _) in enumerate(blocks)
        if not (text[s:e].rstrip().endswith(":") and i + 1 < len(blocks) and blocks[i + 1][2])
    ]
    return kept


def _sentences(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    cur = start
    for m in _TERMINAL.finditer(text, start, end):
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt < end and (text[nxt].islower() or _keeps_going(text, cur, m)):
            continue
        out.append((cur, m.end()))
        cur = m.end()
    if cur < end:
        out.append((cur, end))
    return out


def _keeps_going(text: str, sentence_start: int, m: re.Match[str]) -> bool:
    """True when the "." of ``m`` ends an abbreviation or initial, not the sentence."""
    mark = m.group(0).rstrip("\"'”’»)]")
    if mark != ".":
        return False
    before = text[sentence_start : m.start()]
    word_m = re.search(r"[^\s(\"'“‘]+$", before)
    if word_m is None:
        return False
    word = word_m.group(0)
    if len(word) == 1 and word.isupper():
        return True  # "J. K. Rowling"
    if _ACRONYM.fullmatch(word):
        return True  # "U.S. Army"
    if word.lower() in _BEFORE_NUMBER:
        nxt = text[m.end() :].lstrip()[:1]
        return nxt.isdigit()  # "No. 5", "Fig. 3"; but "The answer is No. Then ..."
    return word.lower() in _NEVER_END
