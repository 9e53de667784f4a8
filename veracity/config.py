"""Settings: defaults < TOML file < ``VERACITY_*`` environment variables < CLI flags.

The file is ``$VERACITY_CONFIG`` if set, else ``<data_dir>/veracity.toml`` if present.
Every option is listed (with its default) in the README's Configuration table and by
``veracity config show``.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from veracity.errors import ConfigError
from veracity.limits.plans import PlanLimits, all_plans

ENV_PREFIX = "VERACITY_"
SECRET_WORDS = ("key", "secret", "password", "token")


class Settings(BaseModel):
    """The effective configuration of one Veracity process."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    data_dir: Path = Field(Path(".veracity"), description="Where the database, files and knowledge base live.")
    host: str = Field("127.0.0.1", description="Address `veracity serve` binds to.")
    port: int = Field(8000, ge=1, le=65535, description="Port `veracity serve` listens on.")
    database_url: str | None = Field(None, description="Store URL; default sqlite:///<data_dir>/veracity.db.")
    judges: tuple[str, ...] = Field(("checker", "rules"), description="Judges combined, by name, comma-separated: checker, rules, llm, hf:PATH (see Judges).")
    checker_model_dir: Path | None = Field(None, description="Checker model directory; default: the shipped one.")
    checker_threads: int = Field(0, ge=0, description="onnxruntime threads for the checker (0: its default).")
    unverifiable_is_hallucination: bool = Field(True, description="Count `unverifiable` as a hallucination.")
    window_words: int = Field(150, ge=16, le=2000, description="Context window size, in words.")
    window_overlap_words: int = Field(50, ge=0, description="Overlap between context windows, in words.")
    evidence_per_claim: int = Field(3, ge=1, le=20, description="Best windows each claim is judged against.")
    kb_enabled: bool = Field(True, description="Use the local knowledge base (`veracity kb add`) in open mode.")
    max_body_bytes: int = Field(8_000_000, ge=1024, description="Largest request body accepted (413 above).")
    max_output_chars: int = Field(100_000, ge=1, description="Longest `output` accepted (400 above).")
    max_messages: int = Field(500, ge=1, description="Most `messages` a conversation may hold (400 above).")
    max_json_depth: int = Field(64, ge=2, le=500, description="Deepest nesting of a JSON request body (400 above).")
    default_plan: str = Field("trial", description="Plan of new API keys when `--plan` is not given (see Plans).")
    plans: dict[str, PlanLimits] = Field(default_factory=dict, description="Custom plans: TOML `[veracity.plans.NAME]` tables, or JSON in the variable (see Plans).")
    inflight_lease_seconds: float = Field(300.0, gt=0, description="A request slot left by a crashed process is freed after this many seconds.")
    max_file_bytes: int = Field(200_000_000, ge=1024, description="Largest file accepted by `POST /v1/files` (413 above).")
    batch_concurrency: int = Field(4, ge=1, le=64, description="Batch requests the server runs at the same time.")
    mcp_max_document_chars: int = Field(200_000, ge=1, description="Longest `documentContent` the MCP tool `verify_document` accepts (a tool error above).")
    auth_disabled: bool = Field(False, description="Development mode: serve without API keys. Never in production.")
    log_level: str = Field("info", description="Log level of the server.")
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint of the LLM judge (e.g. http://localhost:11434/v1).")
    llm_api_key: str | None = Field(None, description="API key of the LLM judge's endpoint.")
    llm_model: str | None = Field(None, description="Model name the LLM judge asks for.")
    llm_timeout: float = Field(60.0, gt=0, description="Seconds before an LLM judge call is a failure.")
    llm_max_retries: int = Field(2, ge=0, le=10, description="Retries (with back-off) on 429/5xx/unparseable answers.")
    upstream_base_url: str | None = Field(None, description="OpenAI-compatible endpoint the chat proxy forwards to (default: llm_base_url).")
    upstream_api_key: str | None = Field(None, description="API key for the upstream endpoint (default: llm_api_key).")
    upstream_timeout: float = Field(120.0, gt=0, description="Seconds before an upstream call is a 504.")
    search_provider: str | None = Field(None, description="Web search provider for open mode: `brave`, or none.")
    search_base_url: str | None = Field(None, description="Endpoint of the web search provider (default: the provider's).")
    search_api_key: str | None = Field(None, description="API key of the web search provider.")
    search_results: int = Field(5, ge=1, le=20, description="Web results fetched per claim.")

    @field_validator("judges", mode="before")
    @classmethod
    def _split_judges(cls, v: Any) -> Any:
        if isinstance(v, str):
            return tuple(p.strip() for p in v.split(",") if p.strip())
        return v

    @field_validator("plans", mode="before")
    @classmethod
    def _plans_json(cls, v: Any) -> Any:
        if isinstance(v, str):
            try:
                return json.loads(v or "{}")
            except ValueError as exc:
                raise ValueError(f"not valid JSON ({exc}): write e.g. {{\"mine\": {{\"rpm\": 5}}}}") from exc
        return v

    @model_validator(mode="after")
    def _known_default_plan(self) -> Settings:
        if self.default_plan not in all_plans(self.plans):
            raise ValueError(f"default_plan {self.default_plan!r} is not a plan: use one of "
                             f"{', '.join(sorted(all_plans(self.plans)))}")
        return self

    @property
    def store_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'veracity.db'}"

    def masked(self) -> dict[str, Any]:
        """The settings as plain values with secrets hidden, for `veracity config show`."""
        out: dict[str, Any] = {}
        for name, value in self.model_dump(mode="json").items():
            if value is not None and any(w in name for w in SECRET_WORDS):
                value = "****"
            elif name.endswith("_url") and isinstance(value, str):
                value = _mask_url(value)
            out[name] = value
        out["store_url"] = _mask_url(self.store_url)
        return out


def _mask_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":****@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def _from_env(env: Mapping[str, str]) -> dict[str, str]:
    fields = Settings.model_fields
    out: dict[str, str] = {}
    for name in fields:
        key = ENV_PREFIX + name.upper()
        if key in env:
            out[name] = env[key]
    return out


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from exc
    return dict(data.get("veracity", data))


def load_settings(overrides: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Build the effective settings; ``overrides`` (CLI flags) win over everything."""
    env = os.environ if env is None else env
    over = {k: v for k, v in (overrides or {}).items() if v is not None}
    from_env = _from_env(env)
    data_dir = Path(over.get("data_dir") or from_env.get("data_dir") or ".veracity")
    file_path = Path(env["VERACITY_CONFIG"]) if env.get("VERACITY_CONFIG") else data_dir / "veracity.toml"
    values: dict[str, Any] = {}
    if file_path.is_file():
        values.update(_read_file(file_path))
    elif env.get("VERACITY_CONFIG"):
        raise ConfigError(f"config file {file_path} not found: fix VERACITY_CONFIG or create the file")
    values.update(from_env)
    values.update(over)
    try:
        return Settings(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        if not field:
            raise ConfigError(f"invalid settings: {first['msg']} (fix the environment or the config file)") from exc
        raise ConfigError(f"invalid setting {field!r}: {first['msg']} (set VERACITY_{field.upper()} or fix the config file)") from exc
