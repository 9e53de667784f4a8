"""The `veracity` command."""

from __future__ import annotations

import json
from pathlib import Path

import click

from veracity import __version__
from veracity.cli.batch import batch
from veracity.cli.check import check
from veracity.cli.common import data_dir_option, friendly_errors, settings_from
from veracity.cli.eval import eval_
from veracity.cli.kb import kb
from veracity.cli.keys import keys
from veracity.cli.mcp import mcp
from veracity.cli.serve import init, serve
from veracity.cli.train import export_checker, train_checker
from veracity.cli.usage import usage


@click.group()
@click.version_option(__version__, prog_name="veracity")
def cli() -> None:
    """Veracity: check whether what an LLM said is true."""


@cli.group()
def config() -> None:
    """Inspect the effective configuration."""


@config.command("show")
@data_dir_option
@friendly_errors
def config_show(data_dir: Path | None) -> None:
    """Print the effective settings (secrets masked)."""
    click.echo(json.dumps(settings_from(data_dir=data_dir).masked(), indent=2))


for command in (serve, init, check, keys, kb, eval_, train_checker, export_checker, mcp, batch, usage):
    cli.add_command(command)
