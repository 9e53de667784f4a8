"""The out-of-domain set (`veracity eval --ood`): labels, origins and determinism."""

from __future__ import annotations

from veracity.evaluation.perturb import perturbations
from veracity.evaluation.runner import Prediction, Sample, summarise

CTX = "The museum opened on 12 March 2019 and has 40 rooms. It is run by the city."


def samples() -> list[Sample]:
    return [Sample("a-ok", "halueval-qa", "When did it open?", "The museum opened on 12 March 2019 with 40 rooms.", CTX, False),
            Sample("a-bad", "halueval-qa", "When did it open?", "It opened in 1990.", CTX, True),
            Sample("b-ok", "halueval-dialogue", "Who runs it?", "Yes, it is run by the city.", CTX, False),
            Sample("c-ok", "halueval-qa", "Rooms?", "40", None, False)]


def test_variants_of_supported_samples_only_with_their_labels_and_origin() -> None:
    out = {s.id: s for s in perturbations(samples())}
    assert not any(i.startswith(("a-bad", "c-ok")) for i in out)  # hallucinated or context-free: skipped
    assert out["a-ok-untouched"].is_hallucination is False and out["a-ok-untouched"].origin == "halueval-qa"
    for kind in ("number", "date"):
        v = out[f"a-ok-{kind}"]
        assert v.is_hallucination and v.source == f"ood-{kind}" and v.output != samples()[0].output
    assert out["b-ok-negation"].output == "Yes, it is not run by the city." and out["b-ok-negation"].is_hallucination
    assert out["b-ok-yesno"].output.startswith("No,") and out["b-ok-yesno"].origin == "halueval-dialogue"
    assert "b-ok-connector" not in out  # a yes/no answer is not opened with a connector


def test_a_connector_copy_stays_supported_and_keeps_the_facts() -> None:
    out = {s.id: s for s in perturbations(samples())}
    styled = out["a-ok-connector"]
    assert styled.source == "ood-connector" and styled.is_hallucination is False
    connector, rest = styled.output.split(" ", 1)[0], styled.output
    assert connector in ("Additionally,", "Furthermore,", "Moreover,", "It")
    assert rest.endswith("The museum opened on 12 March 2019 with 40 rooms.") or rest.endswith(
        "the museum opened on 12 March 2019 with 40 rooms.")


def test_the_set_is_deterministic() -> None:
    assert list(perturbations(samples(), seed=3)) == list(perturbations(samples(), seed=3))


def test_a_samples_changes_do_not_depend_on_the_samples_before_it() -> None:
    # each sample draws on its own stream: another answer before it, with numbers of its own, moves nothing
    extra = Sample("x-ok", "halueval-qa", "How big?", "It has 12 rooms, 3 halls and 2 shops over 4 floors.", CTX, False)
    alone = {s.id: s.output for s in perturbations(samples()) if s.source in ("ood-number", "ood-date")}
    after = {s.id: s.output for s in perturbations([extra, *samples()]) if s.source in ("ood-number", "ood-date")}
    assert alone and all(after[i] == out for i, out in alone.items())
    assert {s.output for s in perturbations(samples(), seed=3)} != {s.output for s in perturbations(samples(), seed=4)}


def test_a_changed_value_is_marked_stated_where_the_context_gives_the_original() -> None:
    beyond = Sample("d-ok", "halueval-dialogue", "Tell me more.", "It opened in 2015 with 25 rooms.", CTX, False)
    out = {s.id: s for s in perturbations([*samples(), beyond])}
    assert out["a-ok-number"].stated is True and out["a-ok-date"].stated is True  # "40", "12 March 2019"
    assert out["d-ok-number"].stated is False  # neither 2015 nor 25 is in the context
    assert out["b-ok-negation"].stated is None and out["a-ok-connector"].stated is None

    preds = [Prediction(s, s.id != "d-ok-number", 0.9, 1.0) for s in out.values()]
    rows = summarise(preds)
    stated = rows["ood-number (original stated in the context)"]
    assert stated.n == 1 and stated.recall == 1.0 and rows["ood-number"].n == 2 and rows["ood-number"].recall == 0.5
    assert "ood-negation (original stated in the context)" not in rows


def test_a_name_the_context_gives_is_swapped_for_one_it_never_mentions() -> None:
    other = Sample("e-ok", "halueval-qa", "Who built it?", "It was built by Telford.", "The bridge was built by Telford.", False)
    out = {s.id: s for s in perturbations([*samples(), other, Sample(
        "f-ok", "halueval-summarization", "Summarize the document.", "Bridges cross the river at Marlow. It has a bridge.",
        "Marlow is a town on the River Thames, and it has a bridge. Its mayor is Jane Ward.", False)])}
    swapped = out["f-ok-name"]
    assert swapped.source == "ood-name" and swapped.is_hallucination and swapped.origin == "halueval-summarization"
    # the one name the context gives ("Bridges" only opens the sentence) becomes a name of another
    # sample's context that this one never mentions
    assert swapped.output == "Bridges cross the river at Telford. It has a bridge."
    assert "a-ok-name" not in out  # "The museum" names nothing


def test_every_sample_is_grounded_when_its_answer_says_nothing_beyond_the_context() -> None:
    beyond = Sample("d-ok", "halueval-dialogue", "Tell me more.", "It opened in 2015 with 25 rooms.", CTX, False)
    named = Sample("g-ok", "halueval-dialogue", "Who runs it?", "It is run by the city of Leeds.", CTX, False)
    out = {s.id: s for s in perturbations([*samples(), beyond, named])}
    assert out["a-ok-untouched"].grounded is True  # 12 March 2019 and 40 are in the context
    assert out["d-ok-untouched"].grounded is False and out["g-ok-untouched"].grounded is False  # 2015; Leeds
    # the variants of an answer carry its mark: they were made from a supported answer or not
    assert out["a-ok-number"].grounded is True and out["a-ok-connector"].grounded is True
    assert out["d-ok-number"].grounded is False and out["g-ok-negation"].grounded is False
    assert out["a-ok-untouched"].stated is None  # ``stated`` is for the original of a changed value only


def test_the_samples_made_from_supported_answers_get_their_own_rows() -> None:
    beyond = Sample("d-ok", "halueval-dialogue", "Tell me more.", "It opened in 2015 with 25 rooms.", CTX, False)
    out = [s for s in perturbations([*samples(), beyond]) if s.source in ("ood-untouched", "ood-number")]
    # flagged: the untouched answer beyond its context, and the number changed in the supported one
    flagged = {"d-ok-untouched", "a-ok-number"}
    rows = summarise([Prediction(s, s.id in flagged, 0.9, 1.0) for s in out])
    assert rows["ood-untouched"].n == 3 and rows["ood-untouched"].accuracy == 2 / 3
    supported = rows["ood-untouched (from answers the context supports)"]
    assert supported.n == 2 and supported.accuracy == 1.0
    assert rows["ood-number"].recall == 0.5 and rows["ood-number (from answers the context supports)"].recall == 1.0
    assert "ood-untouched (original stated in the context)" not in rows
