"""`veracity serve` and `veracity init`: first admin key, then the server."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from veracity.cli.common import curl_example, data_dir_option, friendly_errors, settings_from
from veracity.config import Settings
from veracity.store import open_store


def ensure_first_key(settings: Settings, base_url: str) -> bool:
    """Create and print an admin key if the store has none; True if one was created."""
    if settings.auth_disabled:
        click.echo("WARNING: development mode (auth_disabled): the server accepts calls without an API key.")
        return False
    store = open_store(settings.store_url)
    try:
        if store.list_keys():
            return False
        key, secret = store.create_key("first admin key", admin=True, plan="enterprise")  # the operator's own key
    finally:
        store.close()
    click.echo(f"Created the first admin API key ({key.id}). It is shown once; store it now:\n\n  {secret}\n")
    click.echo(f"Try it:\n\n{curl_example(base_url, secret)}\n")
    return True


@click.command()
@data_dir_option
@friendly_errors
def init(data_dir: Path | None) -> None:
    """Create the data directory and a first admin key if there is none."""
    settings = settings_from(data_dir=data_dir)
    if not ensure_first_key(settings, f"http://{settings.host}:{settings.port}"):
        click.echo(f"{settings.data_dir} already has API keys: list them with `veracity keys list`.")


@click.command()
@click.option("--host", default=None, help="Bind address (default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default 8000).")
@data_dir_option
@friendly_errors
def serve(host: str | None, port: int | None, data_dir: Path | None) -> None:
    """Serve the HTTP API."""
    import uvicorn

    from veracity.api.app import create_app

    settings = settings_from(host=host, port=port, data_dir=data_dir)
    base = f"http://{settings.host}:{settings.port}"
    if not ensure_first_key(settings, base):
        click.echo(f"Using the API keys in {settings.data_dir} (`veracity keys create` makes another).")
    app = create_app(settings)
    click.echo(f"Veracity {app.version} on {base}: POST {base}/v1/verify/reliability "
               f"(judge: {app.state.verifier.judge.name}; health: {base}/health)")
    logging.basicConfig(level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    uvicorn.run(app, host=settings.host, port=settings.port, log_level=settings.log_level, access_log=False)
