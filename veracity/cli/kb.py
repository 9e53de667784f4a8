"""`veracity kb add|list|remove`: the local knowledge base used in open mode."""

from __future__ import annotations

from pathlib import Path

import click

from veracity.cli.common import data_dir_option, friendly_errors, settings_from
from veracity.searchers.kb import KnowledgeBaseSearcher


def _kb(data_dir: Path | None) -> KnowledgeBaseSearcher:
    s = settings_from(data_dir=data_dir)
    return KnowledgeBaseSearcher(s.data_dir / "kb.sqlite", s.window_words, min(s.window_overlap_words, s.window_words - 1))


@click.group()
def kb() -> None:
    """The local knowledge base: open-mode claims (no context) are checked against it."""


@kb.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@data_dir_option
@friendly_errors
def add(files: tuple[Path, ...], data_dir: Path | None) -> None:
    """Ingest text or markdown FILES (a file added again replaces its earlier copy)."""
    base = _kb(data_dir)
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise click.ClickException(f"{f} is not UTF-8 text: convert it to text or markdown first") from exc
        n = base.add(f.name, text)
        click.echo(f"Added {f.name}: {len(text)} characters in {n} passages.")


@kb.command("list")
@data_dir_option
@friendly_errors
def list_(data_dir: Path | None) -> None:
    """List ingested documents."""
    docs = _kb(data_dir).documents()
    if not docs:
        click.echo("The knowledge base is empty: add documents with `veracity kb add FILE...`.")
    for d in docs:
        click.echo(f"{d.name}\t{d.chars} characters\t{d.windows} passages")


@kb.command("remove")
@click.argument("name")
@data_dir_option
@friendly_errors
def remove(name: str, data_dir: Path | None) -> None:
    """Remove a document by name."""
    if not _kb(data_dir).remove(name):
        raise click.ClickException(f"no document named {name!r}: see `veracity kb list`")
    click.echo(f"Removed {name}.")
