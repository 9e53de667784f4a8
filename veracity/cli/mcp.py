"""`veracity mcp`: standalone MCP (stdio, or `--http`), and `enable|disable|status` of hosted MCP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import httpx

from veracity.cli.common import data_dir_option, friendly_errors, settings_from
from veracity.errors import BackendError, VeracityError
from veracity.mcp.clients import client_configs

DEFAULT_URL = "http://127.0.0.1:8000"


@click.group(invoke_without_command=True)
@click.option("--http", "use_http", is_flag=True, help="Serve streamable HTTP on POST /stream instead of stdio.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Bind address with --http.")
@click.option("--port", type=int, default=3001, show_default=True, help="Port with --http.")
@data_dir_option
@click.pass_context
@friendly_errors
def mcp(ctx: click.Context, use_http: bool, host: str, port: int, data_dir: Path | None) -> None:
    """Serve the MCP tools verify and verify_document (stdio by default), or manage hosted MCP."""
    if ctx.invoked_subcommand is not None:
        return
    from veracity.factory import build_verifier
    from veracity.mcp import standalone
    from veracity.store import open_store

    settings = settings_from(data_dir=data_dir)
    verifier = build_verifier(settings)
    store = open_store(settings.store_url)
    if not use_http:
        standalone.run_stdio(settings, verifier, store)
        return
    import uvicorn

    base = f"http://{host}:{port}"
    click.echo(f"Veracity MCP on {base}{standalone.STREAM_PATH} (API key in `Authorization: Bearer` or "
               f"`x-api-key`; health: {base}/health)")
    uvicorn.run(standalone.http_app(settings, verifier, store), host=host, port=port,
                log_level=settings.log_level, access_log=False)


def _server_options(f: Any) -> Any:
    f = click.option("--key", envvar="VERACITY_API_KEY", default=None,
                     help="API key (default $VERACITY_API_KEY).")(f)
    return click.option("--url", envvar="VERACITY_URL", default=DEFAULT_URL, show_default=True,
                        help="Base URL of the running server (or $VERACITY_URL).")(f)


def _call(method: str, url: str, key: str | None, path: str) -> dict[str, Any]:
    if not key:
        raise click.UsageError("no API key: pass --key or set VERACITY_API_KEY (create one with `veracity keys create`)")
    try:
        r = httpx.request(method, url.rstrip("/") + path, headers={"Authorization": f"Bearer {key}"}, timeout=30)
    except httpx.TransportError as exc:
        raise BackendError(f"cannot reach the server at {url}: {exc}; start it with `veracity serve` "
                           "or pass --url") from exc
    try:
        body: dict[str, Any] = r.json()
    except ValueError:
        body = {}
    if r.status_code != 200:
        message = (body.get("error") or {}).get("message") or r.text[:300]
        raise VeracityError(f"the server answered {r.status_code}: {message}")
    return body


@mcp.command("enable")
@_server_options
@friendly_errors
def enable(url: str, key: str | None) -> None:
    """Create a new MCP token for this API key (the previous one stops working) and print client configs."""
    body = _call("POST", url, key, "/v1/mcp/enable")
    click.echo(f"MCP enabled at {body['url']}. The token is shown once; store it now:\n\n  {body['token']}\n")
    click.echo(client_configs(body["url"], body["token"]))


@mcp.command("disable")
@_server_options
@friendly_errors
def disable(url: str, key: str | None) -> None:
    """Disable MCP for this API key: its token stops working at once."""
    _call("POST", url, key, "/v1/mcp/disable")
    click.echo("MCP disabled: the token no longer works. `veracity mcp enable` makes a new one.")


@mcp.command("status")
@_server_options
@friendly_errors
def status(url: str, key: str | None) -> None:
    """Show whether MCP is enabled for this API key, and the endpoint URL."""
    body = _call("GET", url, key, "/v1/mcp/status")
    if not body["enabled"]:
        click.echo(f"MCP is disabled for this key. Enable it with `veracity mcp enable --url {url}`.")
        return
    click.echo(f"MCP is enabled at {body['url']}. The token was shown once at `veracity mcp enable`; "
               "run it again for a new one. Client configurations:\n")
    click.echo(client_configs(body["url"], "YOUR_MCP_TOKEN"))
