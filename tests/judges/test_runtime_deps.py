"""The runtime needs no torch: verifying with the default judges imports neither torch nor transformers."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from veracity.config import load_settings
from veracity.engine.types import Task
from veracity.factory import build_verifier
settings = load_settings({"data_dir": sys.argv[1]}, env={})
report = build_verifier(settings).verify(Task("Due?", "The invoice is due on June 12, 2025.", "Due:21Jun25"))
assert report.verdict == "hallucination", report
heavy = sorted(m for m in ("torch", "transformers", "tensorflow", "jax") if m in sys.modules)
print("judges=" + ",".join(settings.judges), "heavy=" + ",".join(heavy))
"""


def test_default_verification_imports_no_training_framework(tmp_path: object) -> None:
    out = subprocess.run([sys.executable, "-c", CODE, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("heavy="), out.stdout
