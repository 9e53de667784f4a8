"""Synthetic negatives are reproducible: the same seed gives the same claims in every process."""

from __future__ import annotations

import os
import subprocess
import sys

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
