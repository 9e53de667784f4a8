"""A tiny, hand-built checker model for testing the runtime without a trained model.

It has the shipped model's interface (BERT-style inputs ``input_ids``, ``attention_mask``,
``token_type_ids`` → one logit) and a rule simple enough to predict: the logit is
``4 * (share of claim tokens that are "wrong") - 1 - 8 * (share of evidence tokens that are
"green")``: a claim full of "wrong" is a hallucination unless its evidence window is
"green", and any other claim is supported. The tokenizer is a word-level one with
BERT's pair template.
"""

from __future__ import annotations

import json
from pathlib import Path

from veracity.judges.checker import INPUT_FORMAT

WORDS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "wrong", "the", "sky", "is", "blue", "grass", "green", "it", "was"]
WRONG_ID = WORDS.index("wrong")


def _tokenizer(path: Path) -> None:
    from tokenizers import Tokenizer, normalizers, pre_tokenizers, processors
    from tokenizers.models import WordLevel

    tok = Tokenizer(WordLevel({w: i for i, w in enumerate(WORDS)}, unk_token="[UNK]"))
    tok.normalizer = normalizers.Lowercase()
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    tok.save(str(path))


def _graph(path: Path) -> None:
    import onnx
    from onnx import TensorProto, helper

    n = helper.make_node
    nodes = [
        n("Cast", ["token_type_ids"], ["seg"], to=TensorProto.FLOAT),
        n("Equal", ["input_ids", "wrong_id"], ["is_wrong_b"]),
        n("Cast", ["is_wrong_b"], ["is_wrong"], to=TensorProto.FLOAT),
        n("Mul", ["is_wrong", "seg"], ["wrong_in_claim"]),
        n("ReduceSum", ["wrong_in_claim", "axis"], ["wrong_count"], keepdims=1),
        n("ReduceSum", ["seg", "axis"], ["claim_len"], keepdims=1),
        n("Div", ["wrong_count", "claim_len"], ["share"]),
        n("Mul", ["share", "four"], ["scaled"]),
        n("Sub", ["scaled", "one"], ["base"]),
        n("Cast", ["attention_mask"], ["mask"], to=TensorProto.FLOAT),
        n("Sub", ["mask", "seg"], ["ev"]),
        n("Equal", ["input_ids", "green_id"], ["is_green_b"]),
        n("Cast", ["is_green_b"], ["is_green"], to=TensorProto.FLOAT),
        n("Mul", ["is_green", "ev"], ["green_in_ev"]),
        n("ReduceSum", ["green_in_ev", "axis"], ["green_count"], keepdims=1),
        n("ReduceSum", ["ev", "axis"], ["ev_len"], keepdims=1),
        n("Div", ["green_count", "ev_len"], ["green_share"]),
        n("Mul", ["green_share", "eight"], ["relief"]),
        n("Sub", ["base", "relief"], ["logits"]),
    ]
    ints = [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "seq"])
            for name in ("input_ids", "attention_mask", "token_type_ids")]
    inits = [helper.make_tensor("wrong_id", TensorProto.INT64, [], [WRONG_ID]),
             helper.make_tensor("axis", TensorProto.INT64, [1], [1]),
             helper.make_tensor("green_id", TensorProto.INT64, [], [WORDS.index("green")]),
             helper.make_tensor("four", TensorProto.FLOAT, [], [4.0]),
             helper.make_tensor("eight", TensorProto.FLOAT, [], [8.0]),
             helper.make_tensor("one", TensorProto.FLOAT, [], [1.0])]
    out = helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 1])
    model = helper.make_model(helper.make_graph(nodes, "tiny_checker", ints, [out], inits),
                              opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def build(directory: Path, temperature: float = 1.0, threshold: float = 0.5, bias: float = 0.0) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    _tokenizer(directory / "tokenizer.json")
    _graph(directory / "model.onnx")
    config = {"format_version": 1, "input_format": INPUT_FORMAT, "max_length": 32,
              "output": "logit", "temperature": temperature, "threshold": threshold,
              "bias": bias}
    (directory / "config.json").write_text(json.dumps(config))
    return directory
