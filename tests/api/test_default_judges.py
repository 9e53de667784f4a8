"""A server on the default judges (the shipped checker, with the rules judge's vetoes) over HTTP."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest

from tests.conftest import SEED_CONTEXT, Server, start_server, stop_server
from veracity.judges.checker import DEFAULT_MODEL_DIR, CheckerJudge

EIFFEL = ("The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, France. "
          "It was completed in 1889 as the entrance arch to the World's Fair.")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("default-judges"), env={"VERACITY_JUDGES": "checker,rules"})
    yield srv
    stop_server(srv)


def _verify(server: Server, prompt: str, output: str, context: str) -> dict[str, object]:
    with server.client() as c:
        r = c.post("/v1/verify/reliability", json={"prompt": prompt, "output": output, "context": context})
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_the_checker_decides_and_says_so(server: Server) -> None:
    good = _verify(server, "Where is the Eiffel Tower?", "The Eiffel Tower is in Paris.", EIFFEL)
    # not "is in Berlin": the rules judge vetoes a name standing where the evidence names another
    bad = _verify(server, "Where is the Eiffel Tower?", "The Eiffel Tower stands in the middle of Berlin.", EIFFEL)
    assert good["verdict"] == "supported" and bad["verdict"] == "hallucination"
    [claim] = bad["claims"]  # type: ignore[misc]
    assert "checker model" in claim["reason"] and claim["evidence"][0]["span"] == [0, len(EIFFEL)]


FILM = ("Harbour Lights is a 2019 drama film about a lighthouse keeper on the Cornish coast. "
        "It was directed by Mara Quint and stars Owen Hale as the keeper.")


def test_a_name_the_context_never_mentions_fails_a_claim_the_checker_only_just_supports(
        server: Server, tmp_path: Path) -> None:
    # the shipped calibration's gate sits just under its threshold (no gate paid on dev), so the gate is
    # read from a copy of the checker whose config.json sets a wider one
    shipped = CheckerJudge()
    assert shipped.name_gate is not None and shipped.name_p is not None
    unsure = _verify(server, "Tell me about Harbour Lights.", "The music was written by Jonas Reeve.", FILM)
    [claim] = unsure["claims"]  # type: ignore[misc]
    p = 1 - float(claim["confidence"])  # type: ignore[arg-type]
    assert unsure["verdict"] == "supported" and 0.2 < p < shipped.name_gate
    model = tmp_path / "checker"
    shutil.copytree(DEFAULT_MODEL_DIR, model)
    config = json.loads((model / "config.json").read_text())
    (model / "config.json").write_text(json.dumps(config | {"name_gate": round(p - 0.05, 4), "name_p": 0.6}))
    gated = start_server(tmp_path / "gated", env={"VERACITY_JUDGES": "checker,rules",
                                                 "VERACITY_CHECKER_MODEL_DIR": str(model)})
    try:
        bad = _verify(gated, "Tell me about Harbour Lights.", "The music was written by Jonas Reeve.", FILM)
        good = _verify(gated, "Tell me about Harbour Lights.", "It was directed by Mara Quint.", FILM)
    finally:
        stop_server(gated)
    [claim] = bad["claims"]  # type: ignore[misc]
    assert bad["verdict"] == "hallucination" and claim["confidence"] == pytest.approx(0.6)
    assert claim["reason"] == 'The claim names "Jonas Reeve", which the context never mentions.'
    assert good["verdict"] == "supported"


def test_a_wrong_date_against_a_record_is_a_hallucination(server: Server) -> None:
    bad = _verify(server, "When is the invoice due?", "The invoice is due on June 12, 2025.", SEED_CONTEXT)
    # the veto's confidence is the calibrated veto probability (or the checker's, if higher)
    veto_p = CheckerJudge().veto_p
    assert veto_p is not None and 0.5 <= veto_p < 0.95
    assert bad["verdict"] == "hallucination" and bad["confidence"] >= veto_p - 1e-9
    assert "21Jun25" in str(bad["explanation"])


def test_the_readme_openai_example_checks_the_answer_against_the_short_record(server: Server) -> None:
    client = openai.OpenAI(api_key=server.admin_key, base_url=f"{server.url}/v1")
    verdicts = {}
    for answer in ("The invoice is due on June 12, 2025.", "The invoice is due on June 21, 2025."):
        completion = client.chat.completions.create(model="verify-reliability", messages=[
            {"role": "system", "content": "Answer from this record: InvID:INV7701B Amt:7116GBP Due:21Jun25"},
            {"role": "user", "content": "When is the invoice due?"},
            {"role": "assistant", "content": answer},
        ])
        verdicts[answer] = json.loads(completion.choices[0].message.content or "{}")["verdict"]
    assert verdicts == {"The invoice is due on June 12, 2025.": "hallucination",
                        "The invoice is due on June 21, 2025.": "supported"}


def test_a_yes_the_policy_states_otherwise_is_caught_through_the_openai_client(server: Server) -> None:
    client = openai.OpenAI(api_key=server.admin_key, base_url=f"{server.url}/v1")
    policy = "Returns policy: unopened items can be returned within 30 days. Opened items cannot be returned."
    found = {}
    for answer in ("Yes.", "No."):
        completion = client.chat.completions.create(model="verify-reliability", messages=[
            {"role": "system", "content": policy},
            {"role": "user", "content": "Can I return opened items?"},
            {"role": "assistant", "content": answer},
        ])
        report = json.loads(completion.choices[0].message.content or "{}")
        found[answer] = (report["verdict"], report["claims"][0]["reason"])
    assert found["Yes."][0] == "hallucination" and "Opened items cannot be returned." in found["Yes."][1]
    assert found["No."][0] == "supported"


def test_a_question_that_names_nothing_is_not_judged_through_the_openai_client(server: Server) -> None:
    client = openai.OpenAI(api_key=server.admin_key, base_url=f"{server.url}/v1")
    knowledge = "Inception is directed by Christopher Nolan. Inception stars Leonardo DiCaprio."
    reports = []
    for answer in ("Do you enjoy cooking?", "Yes, it is directed by Christopher Nolan. Do you enjoy cooking?"):
        completion = client.chat.completions.create(model="verify-reliability", messages=[
            {"role": "system", "content": knowledge},
            {"role": "user", "content": "Do you know who directed Inception?"},
            {"role": "assistant", "content": answer},
        ])
        reports.append(json.loads(completion.choices[0].message.content or "{}"))
    asks, answers = reports  # the checker alone put the chit-chat question at p 0.90 against these facts
    assert (asks["verdict"], asks["is_hallucination"], asks["claims"]) == ("supported", False, [])
    assert "asks questions" in asks["explanation"]
    assert [c["text"] for c in answers["claims"]] == ["Yes, it is directed by Christopher Nolan."]
    assert answers["verdict"] == "supported"


def test_a_missing_model_stops_the_server_at_start_up(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match=r"server exited early(.|\n)*checker config file is missing"):
        start_server(tmp_path / "d", env={"VERACITY_JUDGES": "checker,rules", "VERACITY_CHECKER_MODEL_DIR": str(tmp_path)})
