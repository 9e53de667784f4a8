"""Backend registry: judges and searchers by name, built-ins and third-party alike.

A plugin package exposes a factory ``build(settings) -> Judge`` (or ``Searcher``) in the
``veracity.judges`` (or ``veracity.searchers``) entry-point group; Veracity's own
backends are registered the same way in its ``pyproject.toml``, and listed here too so
that a source checkout without installed metadata still finds them.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from veracity.config import Settings
from veracity.engine.protocols import Judge, Searcher
from veracity.errors import ConfigError

Factory = Callable[[Settings], Any]


def build_rules_judge(settings: Settings) -> Judge:
    from veracity.judges.rules import RulesJudge

    return RulesJudge()


def build_checker_judge(settings: Settings) -> Judge:
    from veracity.judges.checker import CheckerJudge

    return CheckerJudge(settings.checker_model_dir, settings.checker_threads or None)


def build_kb_searcher(settings: Settings) -> Searcher:
    from veracity.searchers.kb import KnowledgeBaseSearcher

    return KnowledgeBaseSearcher(settings.data_dir / "kb.sqlite")


def build_llm_judge(settings: Settings) -> Judge:
    from veracity.judges.llm import build_llm_judge as build

    return build(settings)


def build_web_searcher(settings: Settings) -> Searcher:
    from veracity.searchers.web import build_web_searcher as build

    return build(settings)


BUILTIN_JUDGES: dict[str, Factory] = {"rules": build_rules_judge, "checker": build_checker_judge, "llm": build_llm_judge}
BUILTIN_SEARCHERS: dict[str, Factory] = {"kb": build_kb_searcher, "web": build_web_searcher}


def _registry(group: str, builtins: dict[str, Factory]) -> dict[str, Factory]:
    found = dict(builtins)
    for ep in entry_points(group=group):
        if ep.name not in found:
            found[ep.name] = ep.load()
    return found


def judge_factory(name: str) -> Factory:
    registry = _registry("veracity.judges", BUILTIN_JUDGES)
    if name.startswith("hf:"):
        from veracity.judges.hf import build_hf_judge

        return lambda s: build_hf_judge(name[3:], s)
    if name not in registry:
        raise ConfigError(f"unknown judge {name!r}: choose one of {', '.join(sorted(registry))} or hf:PATH")
    return registry[name]


def searcher_factory(name: str) -> Factory:
    registry = _registry("veracity.searchers", BUILTIN_SEARCHERS)
    if name not in registry:
        raise ConfigError(f"unknown searcher {name!r}: choose one of {', '.join(sorted(registry))}")
    return registry[name]
