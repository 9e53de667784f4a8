"""Shared CLI plumbing: settings from flags, and errors turned into clean messages."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from veracity.config import Settings, load_settings
from veracity.errors import VeracityError

F = TypeVar("F", bound=Callable[..., Any])


def data_dir_option(f: F) -> F:
    return click.option(
        "--data-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
        help="Data directory (default ./.veracity, or $VERACITY_DATA_DIR).")(f)


def settings_from(**overrides: Any) -> Settings:
    return load_settings(overrides)


def friendly_errors(f: F) -> F:
    """Print VeracityError as `Error: message` with exit code 1 instead of a traceback."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except VeracityError as exc:
            raise click.ClickException(exc.message) from exc

    return wrapper  # type: ignore[return-value]


def curl_example(base_url: str, key: str) -> str:
    return (
        f"curl -s {base_url}/v1/verify/reliability \\\n"
        f"  -H 'Authorization: Bearer {key}' -H 'Content-Type: application/json' \\\n"
        "  -d '{\"prompt\": \"When is the invoice due?\", \"output\": \"The invoice is due on June 12, 2025.\", "
        "\"context\": \"InvID:INV7701B Amt:7116GBP Date:22May25 Due:21Jun25\"}'"
    )
