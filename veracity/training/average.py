"""Average two checkpoints of the same checker, weight by weight (a "model soup").

    python -m veracity.training.average RUN_A/final RUN_B/final --weight 0.5 --out RUN_C/final

Both must be fine-tunes along one path (stage 3 continued from stage 2, say): the average then
keeps most of what each learnt and sits between them where they disagree. ``--weight`` is
B's share. The result is an ordinary checkpoint (B's config and tokenizer) for
``export-checker`` and ``hfpack``. Needs numpy and safetensors only.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from veracity.training.hfpack import WEIGHTS

_COPY = ("config.json", "tokenizer.json")


def average(a: Path, b: Path, weight: float, out: Path) -> Path:
    """Write ``(1 - weight) * a + weight * b`` (floating tensors; others from ``a``) to ``out``."""
    from safetensors.numpy import load_file, save_file

    if not 0.0 <= weight <= 1.0:
        raise ValueError("--weight is B's share, between 0 and 1")
    sa, sb = load_file(str(a / WEIGHTS)), load_file(str(b / WEIGHTS))
    if sa.keys() != sb.keys() or any(sa[k].shape != sb[k].shape for k in sa):
        raise ValueError(f"{a} and {b} are not checkpoints of the same model")
    mixed = {k: ((1 - weight) * sa[k].astype(np.float64) + weight * sb[k].astype(np.float64)).astype(sa[k].dtype)
             if np.issubdtype(sa[k].dtype, np.floating) else sa[k] for k in sa}
    out.mkdir(parents=True, exist_ok=True)
    save_file(mixed, str(out / WEIGHTS), metadata={"format": "pt"})
    for name in _COPY:
        shutil.copy(b / name, out / name)
    (out / "training.json").write_text(json.dumps({"average_of": [str(a), str(b)], "weight_of_b": weight}, indent=2))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m veracity.training.average", description=__doc__.split("\n")[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--weight", type=float, default=0.5, help="B's share (default 0.5)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    print(f"wrote {average(args.a, args.b, args.weight, args.out) / WEIGHTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
