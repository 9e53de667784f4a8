"""Choosing the name gate on dev (`python -m veracity.training.name_gate`)."""

from __future__ import annotations

from veracity.training.name_gate import Output, balanced_accuracy, fit


def _outputs() -> list[Output]:
    return [Output("qa", True, False, (0.50,)),  # a hallucination only a name gate at 0.50 or under catches
            Output("qa", False, False, (0.35,)),  # a right answer a gate at 0.35 or under would flag
            Output("qa", True, True, ()), Output("qa", False, False, ()),
            Output("dialogue", True, False, ()), Output("dialogue", False, False, (0.2,))]


def test_the_gate_is_the_highest_of_the_best_and_flags_what_it_reaches() -> None:
    out = _outputs()
    assert balanced_accuracy(out, None) == (1 / 3 + 1) / 2
    assert balanced_accuracy(out, 0.5) == (2 / 3 + 1) / 2 and balanced_accuracy(out, 0.3) == (2 / 3 + 2 / 3) / 2
    rep = fit(out, threshold=0.63)
    assert rep["name_gate"] == 0.5 and rep["newly_flagged"] == 1 and rep["newly_flagged_hallucinations"] == 1.0
    assert isinstance(rep["name_p"], float) and rep["name_p"] > 0.9  # every output it newly flags was a hallucination
    assert rep["by_source"] == {"dialogue": {"without": 0.5, "with": 0.5}, "qa": {"without": 0.75, "with": 1.0}}


def test_no_gate_where_none_would_flag_anything_more_or_under_the_threshold() -> None:
    assert fit([Output("qa", True, True, ()), Output("qa", False, False, ())], threshold=0.63)["name_gate"] is None
    assert fit(_outputs(), threshold=0.45)["name_gate"] == 0.44  # the best gate left under the threshold
