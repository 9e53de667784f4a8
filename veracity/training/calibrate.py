"""Calibrate the exported checker on dev and measure it the way the runtime uses it.

    python -m veracity.training.calibrate --data DATA_DIR --model veracity/models/checker [--report FILE]

The calibration is fitted on what users see: dev outputs verified by the engine with the
checker alone (claims split, windows chosen and scored as at run time). An output's logit
is its worst claim's (each claim takes the minimum over its best 3 windows), so the
response probability is ``sigmoid(logit / temperature + bias)``: temperature and bias are
fitted by NLL (Platt scaling), and the threshold is the one that maximises balanced
accuracy over the outputs. All three go into the model's ``config.json``, with the ECE
(15 bins) before and after.

The same outputs are then verified with the default judges (checker + rules). Where the
rules judge vetoes (a value or statement the evidence states otherwise), the output's
probability becomes ``max(p, veto_p)``; ``veto_p`` is fitted by NLL on the vetoed outputs
(about how often such a veto was right on dev) and stored as well, so the confidence of
the combined judge is calibrated too.

It also reports diagnostics on claims built by this script (sentences of summaries,
perturbed copies, length-matched qa pairs) with the fitted numbers.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np

from veracity.engine.claims import checkable_claims
from veracity.engine.windows import select_evidence, split_windows
from veracity.evaluation.runner import Prediction, Sample, load_samples, run
from veracity.judges.checker import CONFIG_FILE, NAME_GATE, CheckerJudge, make_pair, sigmoid
from veracity.training.data import LENGTH_BINS, load_rows, novel_mentions, sentences
from veracity.training.synth import perturb
from veracity.training.train import auc

TOP_K = 3


@dataclass
class DevClaim:
    row: str  # id of the dev row (output) it belongs to, or a synthetic id
    source: str
    kind: str  # "output", "sentence", "synthetic", "novel"
    label: int | None  # claim label when known (None: sentence of a hallucinated summary)
    out_label: int
    words: int
    pairs: list[tuple[str, str]]


def claim_of(row: dict[str, Any], claim: str, kind: str, label: int | None, rid: str | None = None) -> DevClaim:
    src, prompt = str(row["source"]), str(row["prompt"])
    search = claim if src == "halueval-summarization" else f"{prompt} {claim}"
    wins = select_evidence(search, split_windows(str(row["context"] or "")), k=TOP_K)
    return DevClaim(rid or str(row["id"]), src, kind, label, int(bool(row["is_hallucination"])),
                    len(claim.split()), [make_pair(w.text, prompt, claim) for w in wins])


def summary_claims(row: dict[str, Any], rng: random.Random, pool: list[str]) -> list[DevClaim]:
    doc, bad = str(row["context"] or ""), bool(row["is_hallucination"])
    out: list[DevClaim] = []
    for i, sent in enumerate(sentences(str(row["output"]))):
        novel = bool(novel_mentions(sent, doc.lower()))
        label = 1 if (bad and novel) else (None if bad else 0)
        out.append(claim_of(row, sent, "novel" if bad and novel else "sentence", label))
        neg = None if bad else perturb(sent, doc, rng, pool)
        if neg:
            out.append(claim_of(row, neg[0], "synthetic", 1, f"{row['id']}-syn{i}"))
    return out


def dev_claims(rows: list[dict[str, Any]], per_source: int, seed: int) -> list[DevClaim]:
    rng = random.Random(seed)
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by[str(r["source"])].append(r)
    pool = sorted({w for r in rows[:2000] for w in str(r.get("context") or "").split() if w[:1].isupper() and len(w) > 3})
    out: list[DevClaim] = []
    for src, items in sorted(by.items()):
        rng.shuffle(items)
        for row in items[:per_source]:
            if src == "halueval-summarization":
                out.extend(summary_claims(row, rng, pool))
            else:
                out.append(claim_of(row, str(row["output"]).strip(), "output", int(bool(row["is_hallucination"]))))
    return out


def ece(p: np.ndarray, y: np.ndarray, bins: int = 15) -> float:
    """Expected calibration error of P(label=1) with equal-width bins."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += m.mean() * abs(p[m].mean() - y[m].mean())
    return float(total)


def balanced_accuracy(p: np.ndarray, y: np.ndarray, thr: float) -> float:
    pred = p >= thr
    return float(0.5 * (pred[y == 1].mean() + (~pred[y == 0]).mean()))


# balanced accuracy is flat near its best on dev; within this much of it, the threshold that
# flags the fewest right answers is taken (a false alarm costs a user's trust in every verdict)
TIE_MARGIN = 0.005


def best_threshold(p: np.ndarray, y: np.ndarray, margin: float = TIE_MARGIN) -> float:
    """The threshold maximising balanced accuracy, or the highest one within ``margin`` of it."""
    cands = np.unique(np.quantile(p, np.linspace(0.01, 0.99, 197)))
    scores = [balanced_accuracy(p, y, t) for t in cands]
    best = max(scores)
    return float(max(t for t, s in zip(cands, scores) if s >= best - margin))


def length_matched(idx: list[int], claims: list[DevClaim], seed: int) -> list[int]:
    """Sub-sample so that each claim-length bin holds as many positives as negatives."""
    rng = random.Random(seed)
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in idx:
        b = next(k for k, e in enumerate(LENGTH_BINS) if claims[i].words <= e)
        cells[(b, int(claims[i].label or 0))].append(i)
    out: list[int] = []
    for b in {k[0] for k in cells}:
        a, c = cells.get((b, 0), []), cells.get((b, 1), [])
        n = min(len(a), len(c))
        out += rng.sample(a, n) + rng.sample(c, n)
    return out


def claim_logits(judge: CheckerJudge, claims: list[DevClaim]) -> np.ndarray:
    """Each claim's logit: the minimum over its evidence windows."""
    flat = [p for c in claims for p in c.pairs]
    raw = judge.logits(flat)
    out, pos = np.zeros(len(claims)), 0
    for i, c in enumerate(claims):
        out[i] = raw[pos : pos + len(c.pairs)].min() if c.pairs else 0.0
        pos += len(c.pairs)
    return out


def summary(p: np.ndarray, y: np.ndarray, thr: float) -> dict[str, float]:
    """Balanced accuracy and AUC; plain accuracy when the group holds one label only."""
    if len(set(y.tolist())) < 2:
        return {"n": int(len(y)), "positives": int(y.sum()), "accuracy": round(float(((p >= thr) == (y == 1)).mean()), 4)}
    return {"n": int(len(y)), "balanced_accuracy": round(balanced_accuracy(p, y, thr), 4),
            "auc": round(auc(p, y), 4), "positives": int(y.sum())}


def output_metrics(claims: list[DevClaim], p: np.ndarray, thr: float) -> dict[str, Any]:
    """Per source, one score per dev output: its worst claim's probability."""
    worst: dict[str, tuple[str, int, float]] = {}
    for c, pc in zip(claims, p):
        if c.kind == "synthetic":
            continue
        prev = worst.get(c.row)
        worst[c.row] = (c.source, c.out_label, max(pc, prev[2]) if prev else pc)
    res: dict[str, Any] = {}
    for src in sorted({v[0] for v in worst.values()}):
        vals = [v for v in worst.values() if v[0] == src]
        res[src] = summary(np.array([v[2] for v in vals]), np.array([v[1] for v in vals]), thr)
    return res


def fit_platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """``(temperature, bias)`` minimising the NLL of sigmoid(z / temperature + bias) (Newton steps)."""
    a, b = 1.0, 0.0
    x = np.stack([z, np.ones_like(z)], axis=1)
    for _ in range(50):
        p = sigmoid(a * z + b)
        grad = x.T @ (p - y)
        hess = (x * (p * (1 - p))[:, None]).T @ x + 1e-6 * np.eye(2)
        step = np.linalg.solve(hess, grad)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-8:
            break
    if a <= 0:  # scores anti-correlated with the labels: nothing to calibrate
        raise SystemExit("the checker's scores do not rise with hallucination on dev; it is not fit for use")
    return float(1.0 / a), float(b)


def dev_samples(samples: list[Sample], per_source: int, seed: int) -> list[Sample]:
    """``per_source`` shuffled samples of each source, leaving out those the engine refuses or has
    nothing to judge in (an output that only asks questions naming nothing). Each source is shuffled
    by its own generator before anything is left out, so a change in what is left out changes no
    other sample's draw."""
    by: dict[str, list[Sample]] = defaultdict(list)
    for s in samples:
        by[s.source].append(s)
    out: list[Sample] = []
    for source, items in sorted(by.items()):
        random.Random(f"{seed}:{source}").shuffle(items)
        out.extend(islice((s for s in items if checkable_claims(s.output, s.prompt)), per_source))
    return out


def _settings(model: Path, threads: int, judges: tuple[str, ...]) -> Any:
    from veracity.config import Settings

    return Settings(judges=judges, checker_model_dir=model, checker_threads=threads, kb_enabled=False)


def raw_predictions(model: Path, samples: list[Sample], threads: int) -> list[Prediction]:
    """Each sample verified by the engine with the checker alone, uncalibrated (T = 1, bias 0):
    its probability is its worst claim's."""
    from tqdm import tqdm

    from veracity.evaluation.predictors import EnginePredictor
    from veracity.factory import build_verifier

    verifier = build_verifier(_settings(model, threads, ("checker",)))
    judge = verifier.judge
    assert isinstance(judge, CheckerJudge)
    judge.temperature, judge.bias = 1.0, 0.0
    preds, _ = run(samples, EnginePredictor(verifier), lambda xs: tqdm(xs, desc="calibrate", mininterval=10))
    return preds


def veto_flags(model: Path, samples: list[Sample], threads: int) -> list[bool]:
    """Whether the rules judge vetoed some claim of each sample (engine with checker + rules)."""
    from tqdm import tqdm

    from veracity.engine.types import Task
    from veracity.factory import build_verifier

    verifier = build_verifier(_settings(model, threads, ("checker", "rules")))
    return [any(c.judge.endswith("+rules") for c in verifier.verify(Task(s.prompt, s.output, s.context)).claims)
            for s in tqdm(samples, desc="vetoes", mininterval=10)]


def fit_veto_p(p: np.ndarray, y: np.ndarray, floor: float) -> float:
    """The veto probability ``v`` minimising the NLL of ``max(p, v)`` over vetoed outputs (grid, step 0.005)."""
    grid = np.arange(max(0.5, floor), 0.99, 0.005)
    nll = [float(-np.mean(y * np.log(np.maximum(p, v)) + (1 - y) * np.log(1 - np.maximum(p, v)))) for v in grid]
    return float(round(grid[int(np.argmin(nll))], 3))


def _logits_and_labels(preds: list[Prediction]) -> tuple[np.ndarray, np.ndarray]:
    """Each output's uncalibrated logit (its worst claim's) and its label."""
    p_raw = np.clip([x.p_hallucination for x in preds], 1e-12, 1 - 1e-12)
    return np.log(p_raw / (1 - p_raw)), np.array([float(x.sample.is_hallucination) for x in preds])


def _by_source(preds: list[Prediction], p: np.ndarray, y: np.ndarray, thr: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for src in sorted({x.sample.source for x in preds}):
        sub = np.array([x.sample.source == src for x in preds])
        out[src] = summary(p[sub], y[sub], thr) | {"ece15": round(ece(p[sub], y[sub]), 4)}
    return out


def calibrate_vetoes(preds: list[Prediction], vetoed: list[bool], rep: dict[str, Any]) -> None:
    """Fit ``veto_p`` and measure the combined judge (checker + rules) on the same outputs."""
    z, y = _logits_and_labels(preds)
    p = sigmoid(z / rep["temperature"] + rep["bias"])
    v = np.array(vetoed)
    veto_p = fit_veto_p(np.clip(p[v], 1e-6, 1 - 1e-6), y[v], rep["threshold"]) if v.any() else None
    rep["veto_p"] = veto_p
    rep["vetoes"] = {"n": int(v.sum()), "right": round(float(y[v].mean()), 4) if v.any() else None}
    comb = np.where(v, np.maximum(p, veto_p or 0.0), p)
    rep["combined_ece15"] = round(ece(comb, y), 4)
    rep["combined_all"] = summary(comb, y, rep["threshold"])
    rep["combined_by_source"] = _by_source(preds, comb, y, rep["threshold"])


def calibrate_outputs(preds: list[Prediction]) -> dict[str, Any]:
    """Fit temperature, bias and threshold on output logits; ECE and balanced accuracy per source."""
    z, y = _logits_and_labels(preds)
    t, b = fit_platt(z, y)
    p = sigmoid(z / t + b)
    thr = best_threshold(p, y)
    rep: dict[str, Any] = {"temperature": round(t, 4), "bias": round(b, 4), "threshold": round(thr, 4),
                           "ece15_before": round(ece(sigmoid(z), y), 4), "ece15_after": round(ece(p, y), 4),
                           "outputs_all": summary(p, y, thr), "outputs_by_source": _by_source(preds, p, y, thr)}
    return rep


def evaluate(claims: list[DevClaim], z: np.ndarray, seed: int, t: float, b: float, thr: float) -> dict[str, Any]:
    """Diagnostics on this script's own dev claims, with the fitted temperature, bias and threshold."""
    lab = [i for i, c in enumerate(claims) if c.label is not None]
    yl = np.array([claims[i].label for i in lab], dtype=float)
    p = sigmoid(z / t + b)
    rep: dict[str, Any] = {"top_k_windows": TOP_K, "claims_ece15": round(ece(p[lab], yl), 4),
                           "claims_all": summary(p[lab], yl, thr), "claims_by_source": {}, "claims_by_kind": {}}
    for key, field in (("claims_by_source", "source"), ("claims_by_kind", "kind")):
        for val in sorted({getattr(claims[i], field) for i in lab}):
            sub = [i for i in lab if getattr(claims[i], field) == val]
            rep[key][val] = summary(p[sub], np.array([claims[i].label for i in sub], dtype=float), thr)
    rep["claim_outputs_by_source"] = output_metrics(claims, p, thr)
    for name, src in (("qa_length_matched", "halueval-qa"), ("dialogue_length_matched", "halueval-dialogue"),
                      ("summarization_claims_length_matched", "halueval-summarization")):
        sub = length_matched([i for i in lab if claims[i].source == src], claims, seed)
        rep[name] = summary(p[sub], np.array([claims[i].label for i in sub], dtype=float), thr) if sub else None
    return rep


def write_config(model_dir: Path, rep: dict[str, Any]) -> bool:
    """Write the calibration into the model's config.json. A name gate fitted to the probabilities
    before is dropped (it could even stand above the new threshold); True when one was."""
    path = model_dir / CONFIG_FILE
    cfg = json.loads(path.read_text())
    dropped = [cfg.pop(key, None) for key in NAME_GATE][0] is not None
    cfg["temperature"], cfg["bias"], cfg["threshold"] = rep["temperature"], rep["bias"], rep["threshold"]
    cfg["veto_p"] = rep.get("veto_p")
    cfg["calibration"] = {"data": f"halueval-dev, {rep['outputs_all']['n']} outputs verified by the engine",
                          "method": "Platt scaling of the worst claim's logit (NLL), threshold: the highest within "
                          f"{TIE_MARGIN} of the best "
                          "balanced accuracy", "aggregation": f"min logit over the top {TOP_K} windows per claim, "
                          "max over claims", "ece15_before": rep["ece15_before"], "ece15_after": rep["ece15_after"],
                          "veto_p": "NLL fit of max(p, veto_p) over the outputs the rules judge vetoes "
                          f"({rep.get('vetoes', {}).get('n')} of them)", "combined_ece15": rep.get("combined_ece15")}
    path.write_text(json.dumps(cfg, indent=2) + "\n")
    return dropped


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m veracity.training.calibrate", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", type=Path, default=Path(__file__).resolve().parent.parent / "models" / "checker")
    ap.add_argument("--per-source", type=int, default=700, help="dev outputs per source")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--report", type=Path, default=None)
    ap.add_argument("--no-write", action="store_true", help="measure only; leave config.json as it is")
    args = ap.parse_args(argv)
    dev = args.data / "halueval-dev.jsonl.gz"
    picked = dev_samples(load_samples(dev), args.per_source, args.seed)
    preds = raw_predictions(args.model, picked, args.threads)
    rep = calibrate_outputs(preds)
    calibrate_vetoes(preds, veto_flags(args.model, [x.sample for x in preds], args.threads), rep)
    claims = dev_claims(load_rows(dev), args.per_source, args.seed)
    judge = CheckerJudge(args.model, threads=args.threads)
    rep["claims"] = evaluate(claims, claim_logits(judge, claims), args.seed, rep["temperature"], rep["bias"],
                             rep["threshold"])
    text = json.dumps(rep, indent=2)
    print(text)
    if args.report:
        args.report.write_text(text + "\n")
    if not args.no_write and write_config(args.model, rep):
        print(f"The name gate was fitted to the calibration before and is dropped; fit it again with: python -m "
              f"veracity.training.name_gate --data {args.data} --model {args.model}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
