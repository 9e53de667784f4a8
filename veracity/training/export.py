"""Export a fine-tuned checker checkpoint to the shipped ONNX (int8) model directory.

    python -m veracity.training.export --checkpoint DIR --out veracity/models/checker

Writes ``model.onnx`` (its weight matrices stored as int8, one scale per output channel, behind
``DequantizeLinear`` nodes that onnxruntime folds back into fp32 weights when it loads the model:
the activations stay fp32, see :func:`quantize`), ``tokenizer.json`` and
``config.json`` (temperature 1 and threshold 0.5 until
:mod:`veracity.training.calibrate` fits them on dev). Needs the ``train`` extra.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from veracity.judges.checker import CONFIG_FILE, INPUT_FORMAT, MODEL_FILE, TOKENIZER_FILE

INPUT_NAMES = ["input_ids", "attention_mask", "token_type_ids"]


def default_config(max_length: int) -> dict[str, Any]:
    return {
        "format_version": 1,
        "input_format": INPUT_FORMAT,
        "max_length": max_length,
        "output": "logit",
        "label": "probability that the claim is NOT supported by the evidence window",
        "aggregation": "min over the claim's evidence windows",
        "temperature": 1.0,
        "threshold": 0.5,
        "base_model": "all-MiniLM-L6-v2 (Apache-2.0)",
    }


def export_fp32(checkpoint: Path, path: Path) -> None:
    """Trace the sequence classifier to ONNX with dynamic batch and sequence axes."""
    import torch
    from transformers import AutoModelForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(str(checkpoint)).eval()
    model.config.return_dict = False
    dummy = tuple(torch.ones((2, 16), dtype=torch.long) for _ in INPUT_NAMES)
    axes = {n: {0: "batch", 1: "sequence"} for n in INPUT_NAMES} | {"logits": {0: "batch"}}
    with torch.no_grad():
        torch.onnx.export(model, dummy, str(path), input_names=INPUT_NAMES, output_names=["logits"],
                          dynamic_axes=axes, opset_version=17, dynamo=False)


MIN_QUANTISED = 4096  # smaller weights (biases, layer norms) stay fp32


def quantize(src: Path, dst: Path) -> None:
    """Store the weight matrices of ``src`` as int8 (symmetric, one scale per output channel: per
    column of a MatMul's weight, per row of an embedding table), each behind a ``DequantizeLinear``.

    The file is a quarter of the fp32 one (23.7 MB), and the model computes in fp32: onnxruntime folds
    the dequantised weights into constants when the runtime loads it with QDQ handling off
    (:func:`veracity.judges.checker._load_session`). The int8 model this replaced also quantised the
    activations, over each whole input tensor, at run time (``quantize_dynamic``): its logits were 0.48
    from the fp32 model's on average (up to 4.0) on dev pairs, and a pair's score moved with the other
    pairs of its batch. Weights alone are 0.02 away.
    """
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(src))
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    axes: dict[str, int] = {}
    for node in graph.node:
        if node.op_type == "MatMul" and node.input[1] in inits:
            axes.setdefault(node.input[1], 1)  # [in, out]: a scale per column
        elif node.op_type == "Gather" and node.input[0] in inits:
            axes.setdefault(node.input[0], 0)  # [vocabulary, hidden]: a scale per row
    dequantise = []
    for name, axis in axes.items():
        w = numpy_helper.to_array(inits[name]).astype(np.float32)
        if w.ndim != 2 or w.size < MIN_QUANTISED:
            continue
        peak = np.abs(w).max(axis=1 - axis)
        scale = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
        q = np.clip(np.round(w / np.expand_dims(scale, 1 - axis)), -127, 127).astype(np.int8)
        graph.initializer.remove(inits[name])
        graph.initializer.extend([numpy_helper.from_array(q, f"{name}_int8"),
                                  numpy_helper.from_array(scale, f"{name}_scale"),
                                  numpy_helper.from_array(np.zeros(scale.shape, np.int8), f"{name}_zero")])
        dequantise.append(helper.make_node("DequantizeLinear", [f"{name}_int8", f"{name}_scale", f"{name}_zero"],
                                           [name], name=f"{name}_dequantise", axis=axis))
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend([*dequantise, *nodes])
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))


def export(checkpoint: Path, out: Path, max_length: int, keep_fp32: Path | None = None) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        export_fp32(checkpoint, fp32)
        if keep_fp32 is not None:
            shutil.copy(fp32, keep_fp32)
        quantize(fp32, out / MODEL_FILE)
    shutil.copy(checkpoint / TOKENIZER_FILE, out / TOKENIZER_FILE)
    (out / CONFIG_FILE).write_text(json.dumps(default_config(max_length), indent=2) + "\n")
    return out / MODEL_FILE


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m veracity.training.export", description=__doc__.split("\n")[0])
    ap.add_argument("--checkpoint", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "models" / "checker")
    ap.add_argument("--max-length", type=int, default=None, help="default: the checkpoint's training length")
    ap.add_argument("--keep-fp32", type=Path, default=None, help="also save the fp32 ONNX file here")
    args = ap.parse_args(argv)
    if args.max_length is None:
        cfg = json.loads((args.checkpoint / "config.json").read_text(encoding="utf-8"))
        args.max_length = int(cfg.get("veracity", {}).get("max_length", 256))
    path = export(args.checkpoint, args.out, args.max_length, args.keep_fp32)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
