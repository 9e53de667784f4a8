"""A compact copy of a checker's Hugging Face export: int8 matrices, everything else fp16.

    python -m veracity.training.hfpack pack   --checkpoint RUN/final --out DIR [--calibrated MODEL_DIR]
    python -m veracity.training.hfpack unpack --packed DIR --out HF_DIR

``pack`` stores each large weight matrix as int8 with one fp32 scale per row (symmetric),
and the other tensors as fp16, beside the checkpoint's ``config.json`` and
``tokenizer.json``: about a quarter of the fp32 size. ``--calibrated`` copies the calibration
(temperature, bias, threshold, veto_p, name_gate, name_p) of an exported, calibrated checker into the config's ``veracity`` section, replacing the one there. ``unpack`` rebuilds an ordinary
Hugging Face checkpoint (fp32 ``model.safetensors``) that ``--judge hf:HF_DIR`` loads.
The project keeps its shipped checker packed this way (``tests/fixtures/checker-hf-int8``)
so the ``hf:`` path is tested on the shipped model's own weights. Needs numpy and
safetensors only.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from veracity.judges.checker import CALIBRATION

WEIGHTS = "model.safetensors"
PACKED = "weights-int8.safetensors"
_SCALE = ".__scale__"
_KEEP = ("config.json", "tokenizer.json")


def pack(checkpoint: Path, out: Path, calibrated: Path | None = None) -> Path:
    from safetensors.numpy import load_file, save_file

    tensors = load_file(str(checkpoint / WEIGHTS))
    packed: dict[str, np.ndarray] = {}
    for name, w in tensors.items():
        if w.dtype == np.float32 and w.ndim == 2 and w.size >= 4096:
            scale = np.maximum(np.abs(w).max(axis=1), 1e-12) / 127.0
            packed[name] = np.clip(np.rint(w / scale[:, None]), -127, 127).astype(np.int8)
            packed[name + _SCALE] = scale.astype(np.float32)
        elif w.dtype == np.float32:
            packed[name] = w.astype(np.float16)
        else:
            packed[name] = w
    out.mkdir(parents=True, exist_ok=True)
    save_file(packed, str(out / PACKED))
    for name in _KEEP:
        shutil.copy(checkpoint / name, out / name)
    if calibrated is not None:
        cal = json.loads((calibrated / "config.json").read_text(encoding="utf-8"))
        cfg = json.loads((out / "config.json").read_text(encoding="utf-8"))
        # the calibration replaces the one packed before whole: a name gate the new one lacks is not kept
        kept = {k: v for k, v in cfg.get("veracity", {}).items() if k not in CALIBRATION}
        cfg["veracity"] = kept | {k: cal[k] for k in CALIBRATION if k in cal}
        (out / "config.json").write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf-8")
    return out / PACKED


def unpack(packed_dir: Path, out: Path) -> Path:
    from safetensors.numpy import load_file, save_file

    packed = load_file(str(packed_dir / PACKED))
    tensors: dict[str, np.ndarray] = {}
    for name, w in packed.items():
        if name.endswith(_SCALE):
            continue
        if name + _SCALE in packed:
            tensors[name] = w.astype(np.float32) * packed[name + _SCALE][:, None]
        elif w.dtype == np.float16:
            tensors[name] = w.astype(np.float32)
        else:
            tensors[name] = w
    out.mkdir(parents=True, exist_ok=True)
    save_file(tensors, str(out / WEIGHTS), metadata={"format": "pt"})
    for name in _KEEP:
        shutil.copy(packed_dir / name, out / name)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m veracity.training.hfpack", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pack", help="checkpoint -> int8 pack")
    p.add_argument("--checkpoint", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--calibrated", type=Path, default=None, help="exported checker whose calibration to copy")
    u = sub.add_parser("unpack", help="int8 pack -> Hugging Face checkpoint")
    u.add_argument("--packed", type=Path, required=True)
    u.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    path = pack(args.checkpoint, args.out, args.calibrated) if args.cmd == "pack" else unpack(args.packed, args.out)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
