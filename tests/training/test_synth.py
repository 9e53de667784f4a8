"""Synthetic negatives are reproducible: the same seed gives the same claims in every process."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from veracity.training.synth import entities, names, negate, past_base

CODE = """
import random
from veracity.training.synth import perturb
doc = ("Anna Berg met Carl Dahl, Eva Frost, Gus Hale and Ida Jones in Oslo, Bergen and Tromso "
       "before the Nordic Trade Fair opened.")
rng = random.Random(5)
print([perturb("Anna Berg met Carl Dahl in Oslo.", doc, rng, ["Paris", "Lima"]) for _ in range(40)])
"""


def test_perturbations_do_not_depend_on_the_hash_seed() -> None:
    outs = {subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3", "4")}
    assert len(outs) == 1 and "Anna" in outs.pop()


@pytest.mark.parametrize(("claim", "negated"), [
    ("The mayor attended the opening of the stadium.",
     {"The mayor did not attend the opening of the stadium.", "The mayor never attended the opening of the stadium."}),
    ("Smith went to Paris in 1990.", {"Smith did not go to Paris in 1990.", "Smith never went to Paris in 1990."}),
    ("They stopped at the border.", {"They did not stop at the border.", "They never stopped at the border."}),
    # no spelling rule for the base form: only "never"
    ("He created a company in 2001.", {"He never created a company in 2001."}),
    # an auxiliary verb is negated first, and a negation is removed before any is added
    ("The injured man was taken to hospital.", {"The injured man was not taken to hospital."}),
    ("The council did not approve the budget.", {"The council did approve the budget."}),
])
def test_negation_reaches_main_verbs_in_the_past(claim: str, negated: set[str]) -> None:
    assert {negate(claim, random.Random(seed)) for seed in range(12)} == negated


def test_words_ending_in_ed_that_are_no_verbs_are_left_alone() -> None:
    assert negate("A hundred people and the retired teacher.", random.Random(0)) is None
    # a word ending in -ed that is no verb, after a word the pattern takes for a subject
    assert {negate("The campaign gathers speed in the north.", random.Random(seed)) for seed in range(8)} == {None}
    assert past_base("created") is None and past_base("admitted") == "admit" and past_base("won") == "win"


def test_a_name_never_spans_a_full_stop() -> None:
    text = "The Thames flows through Marlow. It is in Buckinghamshire. Lisbon"
    assert entities(text) == ["The Thames", "Marlow.", "Buckinghamshire.", "Lisbon"]
    assert names(text) == ["The Thames", "Marlow", "Buckinghamshire", "Lisbon"]
