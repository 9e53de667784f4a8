"""Training pairs for the checker, built the way the runtime builds its pairs.

A pair is ``(evidence window, question [SEP] claim)`` with label 1 when the claim is NOT
supported. Windows come from the engine's own windowing (``split_windows`` and
``select_evidence``), so long contexts look the same in training and at run time.

Sources: HaluEval rows (qa, dialogue, summarization) and synthetic negatives made from the
supported claims (:mod:`veracity.training.synth`). Hallucinated summaries are labelled at
claim level only where a sentence names something (a name, a number) the document never
mentions; their other sentences may be right and are not used as claims. Finally the pairs
are re-balanced per claim length so that length carries no signal.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from veracity.engine.types import Evidence
from veracity.engine.windows import select_evidence, split_windows
from veracity.judges.checker import make_pair
from veracity.training.records import TRAIN_SCHEMAS, Schema, generate
from veracity.training.synth import NamePool, entities, flip_yes_no, perturb, swap_name

_SENT = re.compile(r"(?<=[.!?])[\"'’”)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_NUM = re.compile(r"\b\d+(?:[.,]\d+)*\b")
LENGTH_BINS = (1, 2, 3, 5, 8, 12, 18, 26, 40, 10_000)


@dataclass(frozen=True)
class Pair:
    evidence: str
    query: str
    label: int  # 1 = claim NOT supported by the evidence
    source: str
    kind: str
    claim_words: int


def load_rows(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sentences(text: str) -> list[str]:
    """Split an output into sentence claims (a simple splitter, same as the eval uses)."""
    return [s.strip() for s in _SENT.split(text.strip()) if len(s.strip().split()) >= 3]


def novel_mentions(claim: str, doc_lower: str) -> list[str]:
    """Names and numbers of ``claim`` that never occur in the document."""
    out = [n for n in _NUM.findall(claim) if n not in doc_lower]
    for ent in entities(claim):
        words = [w for w in re.findall(r"[a-z]{4,}", ent.lower())]
        if words and not any(w in doc_lower for w in words):
            out.append(ent)
    return out


def best_window(windows: list[Evidence], query: str) -> str:
    got = select_evidence(query, windows, k=1)
    return got[0].body if got else ""


def _pair(windows: list[Evidence], prompt: str, claim: str, label: int, source: str, kind: str,
          search: str | None = None) -> Pair:
    ev, query = make_pair(best_window(windows, search if search is not None else claim), prompt, claim)
    return Pair(ev, query, label, source, kind, len(claim.split()))


def _group(rows: list[dict[str, object]]) -> Iterator[tuple[dict[str, object], dict[str, object] | None]]:
    """(right row, hallucinated row) per HaluEval item."""
    by: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for r in rows:
        rid = str(r["id"])
        by[rid.rsplit("-", 1)[0]][rid.rsplit("-", 1)[1]] = r
    for parts in by.values():
        if "ok" in parts:
            yield parts["ok"], parts.get("bad")


def qa_pairs(ok: dict[str, object], bad: dict[str, object] | None, rng: random.Random, pool: list[str]) -> list[Pair]:
    ctx, q, ans = str(ok["context"] or ""), str(ok["prompt"]), str(ok["output"]).strip()
    win = split_windows(ctx)
    src = "halueval-qa"
    out = [_pair(win, q, ans, 0, src, "ok", f"{q} {ans}")]
    if bad is not None:
        out.append(_pair(win, q, str(bad["output"]).strip(), 1, src, "halueval", f"{q} {bad['output']}"))
    flipped = flip_yes_no(ans)
    wrong = flipped if flipped else (perturb(ans, ctx, rng, pool) or (None, ""))[0]
    if wrong:
        out.append(_pair(win, q, wrong, 1, src, "synthetic", f"{q} {wrong}"))
    if len(ans) > 2 and not flipped:
        hits = [s for s in sentences(ctx) if ans.lower() in s.lower() and len(s.split()) <= 40]
        if hits:
            sent = rng.choice(hits)
            out.append(_pair(win, q, sent, 0, src, "extractive", f"{q} {sent}"))
            neg = perturb(sent, ctx, rng, pool)
            if neg:
                out.append(_pair(win, q, neg[0], 1, src, "synthetic-long", f"{q} {neg[0]}"))
    return out


def dialogue_pairs(ok: dict[str, object], bad: dict[str, object] | None, rng: random.Random,
                   pool: list[str]) -> list[Pair]:
    ctx, p, resp = str(ok["context"] or ""), str(ok["prompt"]), str(ok["output"]).strip()
    win = split_windows(ctx)
    src = "halueval-dialogue"
    out = [_pair(win, p, resp, 0, src, "ok")]
    if bad is not None:
        out.append(_pair(win, p, str(bad["output"]).strip(), 1, src, "halueval"))
    neg = perturb(resp, ctx, rng, pool)
    if neg:
        out.append(_pair(win, p, neg[0], 1, src, "synthetic"))
    return out


def summary_pairs(ok: dict[str, object], bad: dict[str, object] | None, rng: random.Random,
                  pool: list[str]) -> list[Pair]:
    doc, p = str(ok["context"] or ""), str(ok["prompt"])
    low = doc.lower()
    win = split_windows(doc)
    src = "halueval-summarization"
    out: list[Pair] = []
    for sent in sentences(str(ok["output"])):
        if novel_mentions(sent, low):
            continue  # the reference summary itself goes beyond the document here
        out.append(_pair(win, p, sent, 0, src, "ok"))
        neg = perturb(sent, doc, rng, pool)
        if neg and rng.random() < 0.8:
            out.append(_pair(win, p, neg[0], 1, src, "synthetic"))
    if bad is not None:
        for sent in sentences(str(bad["output"])):
            if novel_mentions(sent, low):
                out.append(_pair(win, p, sent, 1, src, "halueval-novel"))
    return out


_BUILDERS = {"halueval-qa": qa_pairs, "halueval-dialogue": dialogue_pairs, "halueval-summarization": summary_pairs}


def build_pairs(rows: list[dict[str, object]], seed: int) -> list[Pair]:
    """All candidate pairs from HaluEval rows (before balancing)."""
    rng = random.Random(seed)
    pool = sorted({e for r in rows[:4000] for e in entities(str(r.get("context") or ""))[:5]})
    out: list[Pair] = []
    for ok, bad in _group(rows):
        out.extend(_BUILDERS[str(ok["source"])](ok, bad, rng, pool))
    return out


def _right_claims(rows: list[dict[str, object]], rng: random.Random,
                  skip: str = "") -> list[tuple[dict[str, object], str]]:
    """The right answers, dialogue responses and summary sentences that name nothing their context
    lacks, each with its row, shuffled; none from the source ``skip``."""
    claims: list[tuple[dict[str, object], str]] = []
    for ok, _ in _group(rows):
        if ok["source"] == skip:
            continue
        out = str(ok["output"]).strip()
        found = sentences(out) if ok["source"] == "halueval-summarization" else [out]
        low = str(ok["context"] or "").lower()
        claims.extend((ok, c) for c in found if not novel_mentions(c, low))
    rng.shuffle(claims)
    return claims


def name_swap_pairs(rows: list[dict[str, object]], n: int, seed: int) -> list[Pair]:
    """``n`` pairs, half of them supported: a right qa answer, dialogue response or summary sentence
    that names something its context gives, and the same claim with that name replaced by a name of
    another context, of the same shape, that this context never mentions (:func:`~veracity.training.synth.swap_name`,
    what ``veracity eval --ood`` measures as ``ood-name``)."""
    rng = random.Random(seed)
    pool = NamePool(str(r["context"] or "") for r in rows if not r["is_hallucination"])
    claims = _right_claims(rows, rng)
    pairs: list[Pair] = []
    for ok, claim in claims:
        if len(pairs) >= n:
            break
        ctx, prompt, src = str(ok["context"] or ""), str(ok["prompt"]), str(ok["source"])
        swapped = swap_name(claim, ctx, prompt, pool, rng)
        if swapped is None:
            continue
        win = split_windows(ctx)
        asked = f"{prompt} " if src == "halueval-qa" else ""  # qa pairs find their window with the question
        pairs.append(_pair(win, prompt, claim, 0, src, "name-kept", asked + claim))
        pairs.append(_pair(win, prompt, swapped, 1, src, "name-swapped", asked + swapped))
    return pairs


_AUX_PHRASE = re.compile(r"\b(is|was|are|were|has|have|had|can|will|would|could|should|did|does|do)\s+(?!not\b|never\b)([a-z]+)\b")
_WORD = re.compile(r"[a-z]{4,}")


def negation_pairs(rows: list[dict[str, object]], n: int, seed: int) -> list[Pair]:
    """``n`` pairs, four per right dialogue response or summary sentence whose context sentence
    states it with the same verb ("has played"): the claim against its context (supported), the
    claim negated ("has not played", not supported), both negated (supported), and only the context
    negated (not supported). A negation is evidence of a hallucination only where one side has it;
    the synthetic negatives (:func:`~veracity.training.synth.negate`) negate only the claim, which
    teaches a negated claim to look unsupported wherever it stands."""
    rng = random.Random(seed)
    claims = _right_claims(rows, rng, skip="halueval-qa")  # qa: short answers, few verbs
    pairs: list[Pair] = []
    for ok, claim in claims:
        if len(pairs) >= n:
            break
        ctx, prompt, src = str(ok["context"] or ""), str(ok["prompt"]), str(ok["source"])
        negated = _negate_both(claim, ctx)
        if negated is None:
            continue
        claim_not, ctx_not = negated
        win, win_not = split_windows(ctx), split_windows(ctx_not)
        pairs.append(_pair(win, prompt, claim, 0, src, "negation-none"))
        pairs.append(_pair(win, prompt, claim_not, 1, src, "negation-in-claim"))
        pairs.append(_pair(win_not, prompt, claim_not, 0, src, "negation-kept"))
        pairs.append(_pair(win_not, prompt, claim, 1, src, "negation-in-evidence"))
    return pairs[:n]


def _negate_both(claim: str, context: str) -> tuple[str, str] | None:
    """``claim`` and ``context`` with the same auxiliary and verb ("was named") negated in the claim
    and in the context sentence that states the claim (half its words or more); ``None`` without one."""
    words = set(_WORD.findall(claim.lower()))
    if len(words) < 3:
        return None
    for m in _AUX_PHRASE.finditer(claim.lower()):
        phrase = re.compile(rf"\b{m.group(1)}\s+{m.group(2)}\b", re.IGNORECASE)
        for sent in _SENT.split(context):
            hit = phrase.search(sent)
            if hit is None or len(words & set(_WORD.findall(sent.lower()))) * 2 < len(words):
                continue
            at = context.find(sent)
            cut = at + hit.start() + len(m.group(1))
            claim_cut = m.start() + len(m.group(1))
            return claim[:claim_cut] + " not" + claim[claim_cut:], context[:cut] + " not" + context[cut:]
    return None


def record_pairs(n: int, seed: int, schemas: Sequence[Schema] = TRAIN_SCHEMAS) -> list[Pair]:
    """Pairs from ``n`` synthetic records (:mod:`veracity.training.records`): a right and a wrong
    answer for each, so the labels are balanced and the lengths matched."""
    out: list[Pair] = []
    for r in generate(n, seed, schemas):
        out.append(_pair(split_windows(r.context), r.prompt, r.claim, r.label, "records", r.kind, f"{r.prompt} {r.claim}"))
    return out


def _bin(n: int) -> int:
    return next(i for i, b in enumerate(LENGTH_BINS) if n <= b)


def balance_lengths(pairs: Iterable[Pair], seed: int, slack: float = 1.15) -> list[Pair]:
    """Per source and claim-length bin, keep at most ``slack`` x the minority label's count."""
    rng = random.Random(seed)
    cells: dict[tuple[str, int, int], list[Pair]] = defaultdict(list)
    for p in pairs:
        cells[(p.source, _bin(p.claim_words), p.label)].append(p)
    out: list[Pair] = []
    for (src, b, label), items in sorted(cells.items()):
        other = len(cells.get((src, b, 1 - label), []))
        cap = int(other * slack) + 5
        rng.shuffle(items)
        out.extend(items[:cap])
    return out


def sample(pairs: list[Pair], per_source: dict[str, int], seed: int) -> list[Pair]:
    """At most ``per_source[source]`` pairs of each source, shuffled."""
    rng = random.Random(seed)
    by: dict[str, list[Pair]] = defaultdict(list)
    for p in pairs:
        by[p.source].append(p)
    out: list[Pair] = []
    for src, items in sorted(by.items()):
        rng.shuffle(items)
        out.extend(items[: per_source.get(src, len(items))])
    rng.shuffle(out)
    return out
