"""The embedded checker: a small cross-encoder (ONNX, int8) that scores claim/evidence pairs.

Each pair is ``(focused evidence window, question + claim)``: the window narrowed to the
sentences sharing most words with the claim. The model returns one logit, the log-odds
that the claim is NOT supported by the window. A claim is scored against each of its
evidence windows and is supported if *some* window supports it, so its score is the
minimum over its windows. The probability is ``sigmoid(logit / temperature + bias)``
(fitted on dev); the claim is a hallucination when it reaches the threshold. All three
numbers live in the model directory's ``config.json``.

Runs on onnxruntime and tokenizers only (no torch at run time). The training script
(:mod:`veracity.training`) uses :func:`make_pair` and :func:`encode_pairs` so that
training pairs and run-time pairs are built the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from veracity.engine.normalize import canonical_text
from veracity.engine.spelling import as_evidence_spells
from veracity.engine.tables import readable, rows_about
from veracity.engine.types import ClaimVerdict, Evidence, JudgeInput
from veracity.engine.units import as_evidence_writes
from veracity.engine.windows import focus
from veracity.errors import JudgeError, ModelLoadError

INPUT_FORMAT = "focused evidence|question [SEP] claim v3 (canonical dates and amounts)"
FOCUS_WORDS = 64
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "checker"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "config.json"
_MAX_PROMPT_WORDS = 32
_MAX_CLAIM_WORDS = 96
_FIX = "reinstall the package or re-export it with `python -m veracity.training.export`"


# Sentence openers that link a claim to the previous one and state nothing checkable. LLM
# answers are full of them and HaluEval's hallucinated answers (written by an LLM) even more
# so, which taught the first checker that "Additionally," means "unsupported"; the checker
# never sees them (training and run time alike).
_CONNECTOR = re.compile(
    r"^(?:(?:additionally|furthermore|moreover|however|also|besides|meanwhile|overall|notably|importantly|"
    r"interestingly|surprisingly|similarly|likewise|consequently|therefore|thus|hence|nevertheless|"
    r"nonetheless|finally|lastly|ultimately|indeed|specifically|essentially|in addition|in fact|"
    r"as a result|in conclusion|in summary|in short|in particular|on the other hand|for example|"
    r"for instance|of course|first(?:ly)?|second(?:ly)?|third(?:ly)?)\s*,\s*"
    r"|it(?: is|'s|’s) (?:also )?(?:worth noting|important to note|notable|worth mentioning) that\s+"
    r"|it should (?:also )?be noted that\s+)",
    re.IGNORECASE,
)


def plain_claim(claim: str) -> str:
    """The claim without its leading discourse connectors ("Additionally, it is worth noting that ...")."""
    text = claim.strip()
    while m := _CONNECTOR.match(text):
        rest = text[m.end():]
        if not rest.strip():
            break
        text = rest[:1].upper() + rest[1:]
    return text


def _tail_words(text: str, n: int) -> str:
    parts = text.split()
    return " ".join(parts[-n:]) if len(parts) > n else " ".join(parts)


def _head_words(text: str, n: int) -> str:
    parts = text.split()
    return " ".join(parts[:n]) if len(parts) > n else " ".join(parts)


def format_query(prompt: str | None, claim: str) -> str:
    """The second segment of a pair: the question (last words of the prompt) and the claim
    (its leading connectors dropped, see :func:`plain_claim`)."""
    q = _tail_words(prompt or "", _MAX_PROMPT_WORDS)
    c = _head_words(plain_claim(claim), _MAX_CLAIM_WORDS)
    return f"{q} [SEP] {c}" if q else c


def make_pair(evidence: str, prompt: str | None, claim: str) -> tuple[str, str]:
    """The checker's input for one claim and one evidence window (training and run time alike).

    The window is narrowed to the sentences that share the most words with the claim
    (:func:`~veracity.engine.windows.focus`), so the pair stays short. A measure the focused
    evidence gives only in another unit is written in the claim as the evidence writes it
    (:func:`~veracity.engine.units.as_evidence_writes`: "about 8 km" → "about 5 miles"), and an
    acronym or a percentage it gives only spelled out, as it spells it
    (:func:`~veracity.engine.spelling.as_evidence_spells`: "ET" → "Eastern Time", "50%" → "half").
    """
    claim = canonical_text(claim)
    question = canonical_text(prompt or "")
    query = format_query(question, claim)
    focused = focus(rows_about(canonical_text(readable(evidence)), query), claim, FOCUS_WORDS, query)
    alike = as_evidence_spells(as_evidence_writes(claim, focused), focused)
    return focused, query if alike == claim else format_query(question, alike)


def encode_pairs(tokenizer: Any, pairs: Sequence[tuple[str, str]], max_length: int,
                 pad_multiple: int = 1) -> dict[str, np.ndarray]:
    """Tokenise ``(evidence, query)`` pairs, truncating only the evidence, padded to the longest.

    A query too long to fit beside any evidence (a very long claim) is cut too, rather than
    failing: the batch is then truncated longest-first.
    ``tokenizer`` is a :class:`tokenizers.Tokenizer`; returns int64 arrays
    ``input_ids``, ``attention_mask`` and ``token_type_ids`` of shape ``(n, longest)``.
    """
    tokenizer.no_padding()
    texts = [(e if e.strip() else "-", q) for e, q in pairs]
    try:
        tokenizer.enable_truncation(max_length=max_length, strategy="only_first")
        encs = tokenizer.encode_batch(texts)
    except Exception:  # tokenizers: "Sequence to truncate too short to respect the provided max_length"
        tokenizer.enable_truncation(max_length=max_length, strategy="longest_first")
        encs = tokenizer.encode_batch(texts)
    width = max((len(x.ids) for x in encs), default=1)
    width = -(-width // pad_multiple) * pad_multiple
    ids = np.zeros((len(encs), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    types = np.zeros_like(ids)
    for i, x in enumerate(encs):
        n = len(x.ids)
        ids[i, :n], mask[i, :n], types[i, :n] = x.ids, x.attention_mask, x.type_ids
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -60.0, 60.0)))


def _load_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ModelLoadError(f"checker config file is missing: {path}; {_FIX}")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"checker config file is corrupt: {path} ({exc}); {_FIX}") from exc
    if not isinstance(raw, dict):
        raise ModelLoadError(f"checker config file is corrupt: {path} (not a JSON object); {_FIX}")
    return read_config(raw, f"checker config file {path}", path.parent)


# what calibration writes into a checker's config.json (the optional ones may be absent or null)
NAME_GATE = ("name_gate", "name_p")  # fitted after the rest, on its probabilities (training/name_gate.py)
OPTIONAL_CALIBRATION = ("veto_p", *NAME_GATE)
CALIBRATION = ("max_length", "temperature", "bias", "threshold", *OPTIONAL_CALIBRATION)


def read_config(raw: dict[str, Any], where: str, model: object) -> dict[str, Any]:
    """The calibration in ``raw`` (a checker's config.json, or the ``veracity`` section of an
    ``hf:`` checkpoint's) with its numbers read and checked; ``where`` names it in the message."""
    cfg = dict(raw)
    try:
        cfg["max_length"] = int(raw["max_length"])
        for key in ("temperature", "threshold"):
            cfg[key] = float(raw[key])
        cfg["bias"] = float(raw.get("bias", 0.0))
        for key in OPTIONAL_CALIBRATION:
            cfg[key] = None if raw.get(key) is None else float(raw[key])
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelLoadError(f"{where} is corrupt ({type(exc).__name__}: {exc}); {_FIX}") from exc
    check_config(cfg, where, model)
    return cfg


def check_config(cfg: dict[str, Any], where: str, model: object) -> None:
    """Refuse a calibration out of range or a model trained for another input format (``where``
    names the file in the message; the ONNX checker and ``hf:`` checkpoints share this)."""
    if cfg.get("veto_p") is not None and not 0.5 <= cfg["veto_p"] < 1.0:
        raise ModelLoadError(f"{where} has an invalid veto_p (need 0.5 <= veto_p < 1); {_FIX}")
    if cfg["temperature"] <= 0 or not 0.0 < cfg["threshold"] < 1.0:
        raise ModelLoadError(f"{where} has invalid temperature/threshold; {_FIX}")
    if cfg.get("name_gate") is not None and not 0.0 < cfg["name_gate"] <= cfg["threshold"]:
        raise ModelLoadError(f"{where} has an invalid name_gate (need 0 < name_gate <= threshold); {_FIX}")
    if cfg.get("name_p") is not None and not 0.5 <= cfg["name_p"] < 1.0:
        raise ModelLoadError(f"{where} has an invalid name_p (need 0.5 <= name_p < 1); {_FIX}")
    if cfg.get("input_format", INPUT_FORMAT) != INPUT_FORMAT:
        raise ModelLoadError(f"checker model {model} was trained for input format {cfg['input_format']!r}, "
                             f"this version of Veracity feeds {INPUT_FORMAT!r}; retrain it or {_FIX}")


def _load_tokenizer(path: Path) -> Any:
    from tokenizers import Tokenizer

    if not path.is_file():
        raise ModelLoadError(f"checker tokenizer file is missing: {path}; {_FIX}")
    try:
        return Tokenizer.from_file(str(path))
    except Exception as exc:  # tokenizers raises plain Exception subclasses
        raise ModelLoadError(f"checker tokenizer file is corrupt: {path} ({exc}); {_FIX}") from exc


def _load_session(path: Path, threads: int | None) -> Any:
    import onnxruntime as ort

    if not path.is_file() or path.stat().st_size == 0:
        raise ModelLoadError(f"checker model file is missing or empty: {path}; {_FIX}")
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads or 0
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    # the weights are stored int8 behind DequantizeLinear nodes (training/export.py): with QDQ handling
    # off, onnxruntime folds them into fp32 constants at load, and the model computes in fp32
    opts.add_session_config_entry("session.disable_quant_qdq", "1")
    try:
        return ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own Fail/InvalidProtobuf types
        raise ModelLoadError(f"checker model file is corrupt or unreadable: {path} ({exc}); {_FIX}") from exc


class CheckerJudge:
    """Judge claims against their evidence windows with the embedded ONNX cross-encoder."""

    name = "checker"
    # one pair a run, so that a claim gets the same score whatever else the output says: no padding, no
    # other pairs (the int8 model before the current one quantised activations over a whole batch,
    # and a dev summary's claim moved by 0.17 with its neighbours); it is also faster on the CPU
    batch_size = 1

    def __init__(self, model_dir: Path | None = None, threads: int | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
        self.config = _load_config(self.model_dir / CONFIG_FILE)
        self.tokenizer = _load_tokenizer(self.model_dir / TOKENIZER_FILE)
        self.session = _load_session(self.model_dir / MODEL_FILE, threads)
        self._inputs = {i.name for i in self.session.get_inputs()}
        self._calibrate(self.config)

    def _calibrate(self, config: dict[str, Any]) -> None:
        """Take the calibration of ``config`` (as :func:`read_config` returns it)."""
        self.config = config
        self.max_length: int = config["max_length"]
        self.temperature: float = config["temperature"]
        self.threshold: float = config["threshold"]
        self.bias: float = config["bias"]
        # how often a rules veto was right on dev when combined with this checker (None: the rules' own p)
        self.veto_p: float | None = config["veto_p"]
        # from this probability up, a claim naming something the context never mentions is flagged,
        # with probability name_p (None: never; see judges/combined.py)
        self.name_gate: float | None = config["name_gate"]
        self.name_p: float | None = config["name_p"]

    def logits(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Raw logits (log-odds of NOT supported, before temperature) for ``(evidence, query)`` pairs."""
        out = np.zeros(len(pairs), dtype=np.float64)
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        for k in range(0, len(order), self.batch_size):
            idx = order[k : k + self.batch_size]
            enc = encode_pairs(self.tokenizer, [pairs[i] for i in idx], self.max_length)
            try:
                res = self.session.run(None, {n: v for n, v in enc.items() if n in self._inputs})[0]
            except Exception as exc:  # a failing backend is an error, never a verdict
                raise JudgeError(f"checker model failed to run: {exc}") from exc
            out[idx] = np.asarray(res, dtype=np.float64).reshape(len(idx), -1)[:, 0]
        return out

    def calibrated(self, logits: np.ndarray) -> np.ndarray:
        return sigmoid(np.asarray(logits, dtype=np.float64) / self.temperature + self.bias)

    def score_pairs(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Calibrated probability that each query's claim is NOT supported by its evidence."""
        return self.calibrated(self.logits(pairs)) if pairs else np.zeros(0)

    def judge(self, items: Sequence[JudgeInput]) -> list[ClaimVerdict]:
        """One verdict per item: the claim is supported if some evidence window supports it.

        Windows come best first. Each claim is scored against its best window first; only the
        claims that window does not support are scored against their other windows (the
        verdict is the same as scoring every window, at a third of the cost for claims that
        hold).
        """
        usable = [[k for k, ev in enumerate(item.evidence) if ev.text.strip()] for item in items]
        scored: list[dict[int, float]] = [{} for _ in items]
        self._score(items, [u[:1] for u in usable], scored)
        rest = [u[1:] if s and min(s.values()) >= self.threshold else [] for u, s in zip(usable, scored)]
        self._score(items, rest, scored)
        return [self._verdict(item, s) for item, s in zip(items, scored)]

    def _score(self, items: Sequence[JudgeInput], windows: list[list[int]], scored: list[dict[int, float]]) -> None:
        pairs = [make_pair(items[i].evidence[k].body, items[i].claim.question or items[i].prompt, items[i].claim.text)
                 for i, ks in enumerate(windows) for k in ks]
        probs = iter(self.score_pairs(pairs).tolist())
        for i, ks in enumerate(windows):
            for k in ks:
                scored[i][k] = next(probs)

    def _verdict(self, item: JudgeInput, scored: dict[int, float]) -> ClaimVerdict:
        if not scored:
            return ClaimVerdict(claim=item.claim, verdict="unverifiable", p_hallucination=None, judge=self.name,
                                reason="There is no evidence to check this claim against.")
        best = min(scored, key=lambda k: (scored[k], k))
        p = float(scored[best])
        if p >= self.threshold:
            cited = _most_relevant(item.evidence, list(scored))
            return ClaimVerdict(claim=item.claim, verdict="hallucination", p_hallucination=p, judge=self.name,
                                evidence=(cited,), reason=_reason(False, len(scored), p))
        return ClaimVerdict(claim=item.claim, verdict="supported", p_hallucination=p, judge=self.name,
                            evidence=(item.evidence[best],), reason=_reason(True, len(scored), p))


def _most_relevant(evidence: Sequence[Evidence], usable: list[int]) -> Evidence:
    """The window retrieval ranked highest (the first one on equal scores)."""
    k = max(usable, key=lambda i: (evidence[i].score, -i))
    return evidence[k]


def _reason(supported: bool, n: int, p: float) -> str:
    where = "the evidence passage" if n == 1 else f"one of the {n} evidence passages"
    if supported:
        return f"The checker model finds the claim supported by {where} (probability of hallucination {p:.2f})."
    none = "the evidence passage" if n == 1 else f"any of the {n} evidence passages"
    return f"The checker model finds the claim not supported by {none} (probability of hallucination {p:.2f})."
