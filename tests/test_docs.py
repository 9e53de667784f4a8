"""The README's configuration table lists every setting with its environment variable."""

from __future__ import annotations

from pathlib import Path

from veracity.config import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_with_its_variable() -> None:
    missing = [name for name in Settings.model_fields
               if f"| `{name}` | `VERACITY_{name.upper()}` |" not in README]
    assert not missing, f"README configuration table lacks: {missing}"
