"""The embedded checker's runtime, on a tiny hand-built model (tests/judges/tiny_checker.py),
and the shipped model where one is shipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.judges.tiny_checker import build
from veracity.engine.claims import split_claims
from veracity.engine.protocols import Judge
from veracity.engine.types import Claim, Evidence, JudgeInput
from veracity.errors import JudgeError, ModelLoadError
from veracity.judges.checker import DEFAULT_MODEL_DIR, CheckerJudge, format_query, make_pair, plain_claim
from veracity.judges.combined import CombinedJudge
from veracity.judges.rules import RulesJudge

CASES_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "checker_cases.jsonl"
CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
SHIPPED = (DEFAULT_MODEL_DIR / "model.onnx").is_file()
needs_shipped = pytest.mark.skipif(not SHIPPED, reason="no trained checker model is shipped yet (see the README)")


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("tiny") / "checker")


@pytest.fixture(scope="module")
def judge(tiny_dir: Path) -> CheckerJudge:
    return CheckerJudge(tiny_dir, threads=1)


def _item(claim: str, *windows: str, prompt: str = "") -> JudgeInput:
    ev = tuple(Evidence(text=t, source="context", span=(0, len(t)), score=float(len(windows) - k))
               for k, t in enumerate(windows))
    # the claim as the engine makes it: a short answer reads with its question
    [made] = split_claims(claim, prompt) or [Claim(text=claim, span=(0, len(claim)))]
    return JudgeInput(prompt=prompt, claim=made, evidence=ev, mode="rag", context="\n\n".join(windows))


def test_satisfies_judge_protocol(judge: CheckerJudge) -> None:
    assert isinstance(judge, Judge) and judge.name == "checker"


def test_verdicts_follow_the_model_and_the_threshold(judge: CheckerJudge) -> None:
    bad, good = judge.judge([_item("wrong wrong wrong", "the sky is blue"), _item("the sky is blue", "the sky is blue")])
    assert bad.verdict == "hallucination" and bad.p_hallucination is not None and bad.p_hallucination > 0.5
    assert good.verdict == "supported" and good.p_hallucination is not None and good.p_hallucination < 0.5
    assert bad.reason.endswith(".") and bad.evidence[0].text == "the sky is blue"


def test_a_claim_is_supported_if_some_window_supports_it(judge: CheckerJudge) -> None:
    [v] = judge.judge([_item("wrong wrong wrong", "the sky is blue", "green green green", "it was blue")])
    assert v.verdict == "supported" and v.evidence[0].text == "green green green"


def test_a_hallucination_cites_the_best_ranked_window(judge: CheckerJudge) -> None:
    [v] = judge.judge([_item("wrong wrong", "it was blue", "the sky is blue")])
    assert v.verdict == "hallucination" and v.evidence[0].text == "it was blue"


def test_temperature_and_threshold_come_from_the_config(tmp_path: Path) -> None:
    strict = CheckerJudge(build(tmp_path / "strict", temperature=2.0, threshold=0.2))
    [v] = strict.judge([_item("the sky is blue", "the sky is blue")])
    logit = strict.logits([("the sky is blue", format_query("", "the sky is blue"))])[0]
    assert v.p_hallucination == pytest.approx(1 / (1 + np.exp(-logit / 2.0)))
    assert v.verdict == "hallucination"  # p ≈ 0.38 is over the strict threshold 0.2


def test_the_calibration_bias_shifts_the_probability(tmp_path: Path) -> None:
    shifted = CheckerJudge(build(tmp_path / "shifted", temperature=2.0, bias=-3.0))
    [v] = shifted.judge([_item("the sky is blue", "the sky is blue")])
    logit = shifted.logits([("the sky is blue", format_query("", "the sky is blue"))])[0]
    assert v.p_hallucination == pytest.approx(1 / (1 + np.exp(-(logit / 2.0 - 3.0))))
    assert v.verdict == "supported"


def test_a_model_trained_for_another_input_format_is_refused(tiny_dir: Path, tmp_path: Path) -> None:
    model_dir = _copy(tiny_dir, tmp_path)
    cfg = json.loads((model_dir / "config.json").read_text())
    (model_dir / "config.json").write_text(json.dumps(cfg | {"input_format": "evidence|claim v0"}))
    with pytest.raises(ModelLoadError, match="input format"):
        CheckerJudge(model_dir)


def test_batch_matches_single_calls(judge: CheckerJudge) -> None:
    items = [_item(c, "the sky is blue", "green grass") for c in ("wrong", "the sky", "wrong wrong is", "blue")] * 12
    batched = judge.judge(items)
    single = [judge.judge([i])[0] for i in items]
    assert [(v.verdict, round(v.p_hallucination or 0, 6)) for v in batched] == \
        [(v.verdict, round(v.p_hallucination or 0, 6)) for v in single]


@needs_shipped
def test_a_claim_scores_the_same_whatever_else_the_output_says() -> None:
    # the int8 model quantises activations over its whole input: batched, a pair's score moved with the
    # other pairs and their padding; each pair runs alone
    passage = ("The Harbour Line opened in March 1998 and runs 42 kilometres between Portmere and Eastwick. "
               "It carries about 61,000 passengers on an average weekday, most of them commuters, and its trains "
               "run every 6 minutes at peak times. The line was extended to the airport in 2011.")
    claims = ["The line opened in 1998.", "Trains run every 6 minutes at peak times, and the line, which most "
              "commuters between Portmere and Eastwick use on weekdays, was extended to the airport in 2011 "
              "after a long public debate about its cost and route.", "It carries 61,000 passengers a day."]
    checker = CheckerJudge(threads=1)
    together = checker.judge([_item(c, passage, prompt="Tell me about the line.") for c in claims])
    alone = [checker.judge([_item(c, passage, prompt="Tell me about the line.")])[0] for c in claims]
    assert [v.p_hallucination for v in together] == [v.p_hallucination for v in alone]


def test_no_evidence_is_unverifiable(judge: CheckerJudge) -> None:
    empty = JudgeInput(prompt="Who won?", claim=Claim(text="Maria won.", span=(0, 10)), evidence=(), mode="open")
    for verdict in judge.judge([empty, _item("Maria won.", "   ")]):
        assert verdict.verdict == "unverifiable" and verdict.p_hallucination is None and verdict.evidence == ()
    assert judge.judge([]) == []


def test_long_evidence_is_truncated_not_rejected(judge: CheckerJudge) -> None:
    probs = judge.score_pairs([("the sky is blue " * 500, format_query("Summarise.", "wrong wrong wrong wrong"))])
    assert probs.shape == (1,) and probs[0] > 0.5


def test_a_claim_longer_than_the_window_is_cut_not_an_error(judge: CheckerJudge) -> None:
    long_claim = " ".join(["wrong"] * 40)  # 40 tokens of claim in a 32-token model input
    [v] = judge.judge([_item(long_claim, "the sky is blue")])
    assert v.verdict == "hallucination"


def _copy(src: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(src, tmp_path / "copy"))


@pytest.mark.parametrize("name", ["model.onnx", "tokenizer.json", "config.json"])
def test_missing_file_raises_model_load_error(tiny_dir: Path, tmp_path: Path, name: str) -> None:
    model_dir = _copy(tiny_dir, tmp_path)
    (model_dir / name).unlink()
    with pytest.raises(ModelLoadError, match=name.replace(".", r"\.")) as err:
        CheckerJudge(model_dir)
    assert "veracity.training.export" in str(err.value) and isinstance(err.value, JudgeError)


@pytest.mark.parametrize("name", ["model.onnx", "tokenizer.json", "config.json"])
def test_corrupt_file_raises_model_load_error(tiny_dir: Path, tmp_path: Path, name: str) -> None:
    model_dir = _copy(tiny_dir, tmp_path)
    (model_dir / name).write_bytes(b"\x00\x01 this is not a valid file \xff" * 10)
    with pytest.raises(ModelLoadError, match=name.replace(".", r"\.")):
        CheckerJudge(model_dir)


@pytest.mark.parametrize(("config", "error"), [
    ('{"max_length": 64, "temperature": "warm", "threshold": 0.5}', "ValueError"),
    ('{"max_length": 64, "threshold": 0.5}', "KeyError"),
    ('{"max_length": 64, "temperature": 1.0, "threshold": 0.5, "name_p": [0.6]}', "TypeError"),
    ('[1, 2]', "not a JSON object"),
])
def test_a_config_with_a_wrong_field_is_named_at_load(tiny_dir: Path, tmp_path: Path, config: str,
                                                      error: str) -> None:
    model_dir = _copy(tiny_dir, tmp_path)
    (model_dir / "config.json").write_text(config)
    with pytest.raises(ModelLoadError, match=r"config\.json") as err:
        CheckerJudge(model_dir)
    assert "corrupt" in str(err.value) and error in str(err.value) and "veracity.training.export" in str(err.value)


def test_truncated_or_empty_model_file_raises_model_load_error(tiny_dir: Path, tmp_path: Path) -> None:
    model_dir = _copy(tiny_dir, tmp_path)
    data = (model_dir / "model.onnx").read_bytes()
    (model_dir / "model.onnx").write_bytes(data[: len(data) // 3])
    with pytest.raises(ModelLoadError, match=r"model\.onnx"):
        CheckerJudge(model_dir)
    (model_dir / "model.onnx").write_bytes(b"")
    with pytest.raises(ModelLoadError, match=r"model\.onnx"):
        CheckerJudge(model_dir)


def test_the_default_location_without_a_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="missing"):
        CheckerJudge(tmp_path / "nowhere")


@needs_shipped
def test_shipped_files_exist() -> None:
    for name in ("model.onnx", "tokenizer.json", "config.json", "MODEL_CARD.md"):
        assert (DEFAULT_MODEL_DIR / name).is_file(), name
    assert (DEFAULT_MODEL_DIR / "model.onnx").stat().st_size < 30_000_000


@needs_shipped
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_shipped_model_fixed_cases(case: dict[str, object]) -> None:
    checker = CheckerJudge(threads=1)
    # a case marked checker+rules is decided the default way: the rules judge may overrule the checker
    judge: Judge = (CombinedJudge(checker, [RulesJudge()], checker.veto_p, checker.name_gate, checker.name_p)
                    if case.get("judges") == "checker+rules" else checker)
    [verdict] = judge.judge([_item(str(case["claim"]), *case["evidence"], prompt=str(case["prompt"]))])  # type: ignore[misc]
    assert verdict.verdict == case["expected"], (verdict.p_hallucination, checker.threshold)


@pytest.mark.parametrize(("claim", "plain"), [
    ("Additionally, the tower opened in 1889.", "The tower opened in 1889."),
    ("Furthermore , it is worth noting that prices rose.", "Prices rose."),
    ("It’s also worth mentioning that Paris is large.", "Paris is large."),
    ("In addition, However, the vote failed.", "The vote failed."),
    ("Thus far the river has risen.", "Thus far the river has risen."),  # no comma: part of the claim
    ("Secondhand shops are open.", "Secondhand shops are open."),
    ("Moreover,", "Moreover,"),  # nothing left to check: kept as it is
    # an answer word is no connector: it answers the question ("No, Jeffrey Nachmanoff wrote it." denies
    # what was asked) and may be all the answer holds ("No, he wasn't.")
    ("No, sale items can only be exchanged.", "No, sale items can only be exchanged."),
])
def test_leading_connectors_never_reach_the_checker(claim: str, plain: str) -> None:
    assert plain_claim(claim) == plain
    assert format_query("Tell me.", claim) == f"Tell me. [SEP] {plain}"


def test_a_connector_does_not_change_the_score(judge: CheckerJudge) -> None:
    plain, styled = judge.judge([_item("wrong wrong wrong", "the sky is blue"),
                                 _item("Additionally, wrong wrong wrong", "the sky is blue")])
    assert plain.p_hallucination == styled.p_hallucination


def test_the_pair_reads_the_question_when_the_answer_names_nothing() -> None:
    # a yes/no answer shares no word with its evidence: the question picks the sentences
    passage = " ".join([
        "Kasabian are an English rock band formed in Leicester in 1997 by four friends from school.",
        *["The city of Leicester has a market, many parks and a long history of trade in wool."] * 4,
        "Jawbox was an American alternative rock band from Washington, D.C., United States, formed in 1989 by J. Robbins.",
    ])
    evidence, query = make_pair(passage, "Are Kasabian and Jawbox both from England?", "No.")
    assert "Kasabian are an English" in evidence and "Jawbox was an American" in evidence
    assert query == "Are Kasabian and Jawbox both from England? [SEP] No."


@pytest.mark.parametrize(("claim", "evidence", "query"), [
    ("The trail is about 8 km long.", "The trail runs 5 miles to the harbour.", "The trail is about 5 miles long."),
    ("It opened in the 1990s.", "It opened in 1998.", "It opened in 1998."),
    # given as the claim gives it, or not at all: the claim is read as it is
    ("The trail is 8 km long.", "The trail runs 8 km, or 5 miles, to the harbour.", "The trail is 8 km long."),
    ("The trail is about 12 km long.", "The trail runs 5 miles to the harbour.", "The trail is about 12 km long."),
])
def test_the_pair_writes_a_measure_as_the_evidence_does(claim: str, evidence: str, query: str) -> None:
    assert make_pair(evidence, "", claim) == (evidence, query)
