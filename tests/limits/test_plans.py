"""Plans: the built-in limits, custom plans from the TOML file and from JSON in the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.config import load_settings
from veracity.errors import ConfigError, InvalidRequest
from veracity.limits.plans import BUILTIN_PLANS, check_plan_name, limits_of


def test_builtin_plans_have_the_documented_limits() -> None:
    trial, core, scale = BUILTIN_PLANS["trial"], BUILTIN_PLANS["core"], BUILTIN_PLANS["scale"]
    assert (trial.rpm, trial.concurrent, trial.max_context_tokens, trial.max_batch_lines) == (30, 20, 32_000, 1_000)
    assert (core.rpm, core.concurrent, core.max_context_tokens) == (600, 100, 100_000)
    assert scale.rpm == 1_200
    assert BUILTIN_PLANS["enterprise"].model_dump() == {"rpm": None, "concurrent": None, "max_context_tokens": None,
                                                        "max_batch_lines": None}


def test_custom_plan_from_toml_table(tmp_path: Path) -> None:
    (tmp_path / "veracity.toml").write_text("[veracity]\ndefault_plan = \"mine\"\n\n"
                                            "[veracity.plans.mine]\nrpm = 5\nconcurrent = 2\n")
    settings = load_settings(env={"VERACITY_DATA_DIR": str(tmp_path)})
    assert settings.default_plan == "mine"
    mine = limits_of("mine", settings.plans, settings.default_plan)
    assert (mine.rpm, mine.concurrent, mine.max_context_tokens) == (5, 2, None)


def test_custom_plan_from_json_env_and_unknown_key_plan_falls_back_to_default() -> None:
    settings = load_settings(env={"VERACITY_PLANS": '{"tiny": {"rpm": 1}, "trial": {"rpm": 3}}'})
    assert limits_of("tiny", settings.plans, settings.default_plan).rpm == 1
    assert limits_of("trial", settings.plans, settings.default_plan).rpm == 3  # a built-in plan overridden
    assert limits_of("gone", settings.plans, settings.default_plan).rpm == 3  # falls back to default_plan (trial)


@pytest.mark.parametrize("env", [{"VERACITY_PLANS": "{not json"}, {"VERACITY_PLANS": '{"x": {"rpm": 0}}'},
                                 {"VERACITY_PLANS": '{"x": {"rps": 1}}'}, {"VERACITY_DEFAULT_PLAN": "nope"}])
def test_bad_plan_settings_are_config_errors(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        load_settings(env=env)


def test_unknown_plan_name_lists_the_known_ones() -> None:
    with pytest.raises(InvalidRequest) as exc:
        check_plan_name("gold", {})
    assert "core, enterprise, scale, trial" in exc.value.message and exc.value.param == "plan"
