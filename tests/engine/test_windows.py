"""Context windowing and evidence selection."""

from __future__ import annotations

import pytest

from veracity.engine.windows import focus, select_evidence, sentences, split_windows, terms


def test_short_context_is_one_window_with_exact_span() -> None:
    ctx = "  Paris is the capital of France.  "
    [w] = split_windows(ctx)
    assert w.text == "Paris is the capital of France." and ctx[w.span[0]:w.span[1]] == w.text


def test_long_context_windows_overlap_and_cover_everything() -> None:
    ctx = " ".join(f"word{i}" for i in range(1000))
    ws = split_windows(ctx, size_words=100, overlap_words=30)
    assert ws[0].text.startswith("word0 ") and ws[-1].text.endswith("word999")
    for a, b in zip(ws, ws[1:]):
        assert b.span[0] < a.span[1], "consecutive windows must overlap"
    covered = set()
    for w in ws:
        assert ctx[w.span[0]:w.span[1]] == w.text
        covered.update(w.text.split())
    assert len(covered) == 1000


def test_windows_keep_sentence_punctuation_and_numbers_whole() -> None:
    ws = split_windows("It costs 7,116.50 GBP. Done.", size_words=3, overlap_words=1)
    assert ws[0].text == "It costs 7,116.50"
    assert ws[-1].text.endswith("Done.")


@pytest.mark.parametrize(("size", "overlap"), [(0, 0), (10, 10), (10, -1)])
def test_invalid_window_sizes_are_refused(size: int, overlap: int) -> None:
    with pytest.raises(ValueError):
        split_windows("a b c", size, overlap)


def test_select_evidence_finds_the_needle_window() -> None:
    filler = " ".join(f"Sentence {i} is about routine matters." for i in range(500))
    ctx = filler + " The reactor in Dunmore produces 840 megawatts. " + filler
    ws = split_windows(ctx)
    best = select_evidence("How much power does the Dunmore reactor produce?", ws, k=3)
    assert len(best) == 3 and "Dunmore" in best[0].text
    assert best[0].score >= best[1].score >= best[2].score


def test_select_evidence_without_overlap_still_returns_windows() -> None:
    ws = split_windows("alpha beta gamma. delta epsilon.", size_words=2, overlap_words=0)
    assert select_evidence("zeta", ws, k=2) == [ws[0].__class__(**{**ws[0].__dict__, "score": 0.0}),
                                                 ws[1].__class__(**{**ws[1].__dict__, "score": 0.0})]
    assert select_evidence("anything", [], k=3) == []


def test_terms_drop_stop_words_and_keep_numbers() -> None:
    assert terms("The amount is 7,116 GBP and it was paid") == ["amount", "7,116", "gbp", "paid"]


def test_focus_keeps_a_short_passage_whole() -> None:
    assert focus("  A short passage. Two sentences.  ", "anything", max_words=10) == "A short passage. Two sentences."


def test_focus_picks_the_sentences_sharing_words_with_the_claim_in_passage_order() -> None:
    passage = ("The weather was cold. The bridge opened in 1832 after six years of work. Many people came. "
               "Tolls were abolished in 1950. The town has a market on Fridays.")
    out = focus(passage, "The bridge was finished in 1832 and tolls ended in 1950.", max_words=16)
    assert out == "The bridge opened in 1832 after six years of work. Tolls were abolished in 1950."
    assert len(out.split()) <= 16


def test_terms_split_sentences_glued_without_a_space() -> None:
    # two paragraphs joined with no space: "pop" must stay findable, numbers and domains whole
    assert terms("his favourite music is pop.Paolo Maldini") == ["favourite", "music", "pop", "paolo", "maldini"]
    assert terms("rose 3.5 percent at example.com") == ["rose", "3.5", "percent", "example.com"]


def test_focus_finds_a_sentence_glued_to_the_next_paragraph() -> None:
    passage = ("Bayu Sutha (born in Gianyar, Bali 28 May 1977) is an Indonesian footballer who plays as a defender "
               "for the national team, and people call him Bayu. His idol is Paolo Maldini and his favourite music "
               "is pop.Paolo Cesare Maldini (born 26 June 1968) is an Italian former professional footballer who "
               "played as a left back and central defender for AC Milan and the Italy national team.")
    out = focus(passage, "pop", max_words=30, question="What is Bayu Sutha's favorite music genre?")
    assert "favourite music is pop." in out
    assert "Italian former" not in out


def test_focus_reads_the_question_for_an_answer_without_content_words() -> None:
    passage = ("Kasabian are an English rock band formed in Leicester in 1997 by four friends from school. "
               "The weather in Leicester is mild and the city has many parks. "
               "Jawbox was an American alternative rock band from Washington, D.C., United States.")
    out = focus(passage, "no", max_words=34, question="Are Kasabian and Jawbox both from England?")
    assert "Kasabian are an English" in out and "Jawbox was an American" in out
    assert "weather" not in out
    # without the question the answer alone cannot choose, and passage order wins
    assert "Jawbox" not in focus(passage, "no", max_words=34)


def test_focus_cuts_one_long_sentence_around_the_shared_words() -> None:
    sentence = " ".join(["filler"] * 100) + " the Dunmore reactor produces 840 megawatts " + " ".join(["padding"] * 100)
    out = focus(sentence + ".", "Dunmore produces 840 megawatts", max_words=12)
    assert len(out.split()) == 12 and "Dunmore" in out and "840" in out and "megawatts" in out


def test_windows_start_and_end_where_the_context_does() -> None:
    ctx = '  [{"id": "A1", "due": "2025-06-21"}, {"id": "B2", "due": "2025-07-01"}]\n'
    [w] = split_windows(ctx)
    assert w.text == ctx.strip() and ctx[w.span[0]:w.span[1]] == w.text
    ws = split_windows('{"a": "one two three four five six"}', size_words=3, overlap_words=1)
    assert ws[0].text.startswith('{"a"') and ws[-1].text.endswith('six"}')


def test_sentences_are_told_apart_where_glued_but_not_after_an_initial() -> None:
    text = ("Raoul A. Walsh was an American film director. He was born in 1887. "
            "It is based in Washington, D.C. and New York.Puneet Sira is a British director.")
    assert sentences(text) == ["Raoul A. Walsh was an American film director.", "He was born in 1887.",
                               "It is based in Washington, D.C. and New York.", "Puneet Sira is a British director."]
