"""Export: weight matrices stored int8, computed in fp32 once onnxruntime has loaded them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from veracity.judges.checker import _load_session
from veracity.training.export import MIN_QUANTISED, quantize

onnx = pytest.importorskip("onnx")


def _fp32_model(path: Path) -> None:
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(3)
    table = rng.normal(size=(128, 64)).astype(np.float32)  # an embedding table: one scale per row
    weight = rng.normal(size=(64, 80)).astype(np.float32) * np.linspace(0.01, 3, 80, dtype=np.float32)  # per column
    bias = rng.normal(size=(80,)).astype(np.float32)  # too small to quantise
    nodes = [helper.make_node("Gather", ["table", "input_ids"], ["embedded"]),
             helper.make_node("MatMul", ["embedded", "weight"], ["projected"]),
             helper.make_node("Add", ["projected", "bias"], ["biased"]),
             helper.make_node("ReduceMean", ["biased"], ["logits"], axes=[1, 2], keepdims=0)]
    graph = helper.make_graph(
        nodes, "tiny", [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch"])],
        [numpy_helper.from_array(table, "table"), numpy_helper.from_array(weight, "weight"),
         numpy_helper.from_array(bias, "bias")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(path))


def test_weights_are_stored_int8_and_computed_in_fp32(tmp_path: Path) -> None:
    src, dst = tmp_path / "fp32.onnx", tmp_path / "int8.onnx"
    _fp32_model(src)
    quantize(src, dst)
    stored = onnx.load(str(dst))
    kinds = {i.name: i.data_type for i in stored.graph.initializer}
    assert kinds["table_int8"] == kinds["weight_int8"] == onnx.TensorProto.INT8
    assert kinds["bias"] == onnx.TensorProto.FLOAT and 80 < MIN_QUANTISED  # small weights stay as they are
    assert [n.op_type for n in stored.graph.node].count("DequantizeLinear") == 2
    assert dst.stat().st_size < src.stat().st_size / 2
    ids = {"input_ids": np.array([[1, 5, 9, 127], [0, 2, 2, 64]], dtype=np.int64)}
    want = _load_session(src, 1).run(None, ids)[0]
    got = _load_session(dst, 1).run(None, ids)[0]
    assert got == pytest.approx(want, abs=0.02)
