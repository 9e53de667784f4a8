"""`veracity batch`: run a JSONL file locally, or submit and follow batches on a server."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import click
import httpx

from veracity.cli.common import data_dir_option, friendly_errors, settings_from

_FINAL = ("completed", "failed", "expired", "cancelled")


@click.group()
def batch() -> None:
    """Verify many requests at once: locally (`run`) or on a server (`submit`, `status`, ...)."""


@batch.command("run")
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", "-o", "output_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="JSONL file the output and error lines are appended to.")
@click.option("--concurrency", type=click.IntRange(1, 64), default=4, show_default=True, help="Lines run at once.")
@click.option("--resume", is_flag=True, help="Skip the custom_ids OUT already holds (after a crash or Ctrl-C).")
@data_dir_option
@friendly_errors
def run(input_path: Path, output_path: Path, concurrency: int, resume: bool, data_dir: Path | None) -> None:
    """Run a batch input file in process, without a server."""
    from tqdm import tqdm

    from veracity.batches.local import Summary, run_file

    bar: Any = None

    def start(total: int, skipped: int) -> None:
        nonlocal bar
        bar = tqdm(total=total, initial=skipped, unit="line", desc="verifying", dynamic_ncols=True)

    def tick(s: Summary) -> None:
        bar.set_postfix(done=s.completed, failed=s.failed, refresh=False)
        bar.update(1)

    try:
        summary = run_file(settings_from(data_dir=data_dir), input_path, output_path, concurrency, resume, tick, start)
    finally:
        if bar is not None:
            bar.close()
    _print_summary(summary, output_path)


def _print_summary(s: Any, output_path: Path) -> None:
    click.echo(f"\n{'requests':<24}{s.completed + s.failed + s.skipped:>8}")
    click.echo(f"{'completed':<24}{s.completed:>8}\n{'failed':<24}{s.failed:>8}\n{'skipped (resume)':<24}{s.skipped:>8}")
    if s.by_source:
        click.echo(f"\n{'source':<24}{'verified':>9}{'hallucination rate':>20}")
        for source, (n, bad) in sorted(s.by_source.items()):
            click.echo(f"{source:<24}{n:>9}{bad / n:>19.1%} ")
    click.echo(f"\nResults in {output_path}")


# -- against a server -------------------------------------------------------------------------
def _server_options(f: Any) -> Any:
    f = click.option("--url", envvar="VERACITY_URL", default="http://127.0.0.1:8000", show_default=True,
                     help="Server base URL (or $VERACITY_URL).")(f)
    return click.option("--key", envvar="VERACITY_API_KEY", default=None,
                        help="API key (or $VERACITY_API_KEY).")(f)


def _client(url: str, key: str | None) -> httpx.Client:
    if not key:
        raise click.ClickException("no API key: pass --key or set VERACITY_API_KEY (create one with "
                                   "`veracity keys create`)")
    return httpx.Client(base_url=url.rstrip("/"), headers={"Authorization": f"Bearer {key}"}, timeout=300)


def _call(client: httpx.Client, method: str, path: str, **kw: Any) -> Any:
    try:
        resp = client.request(method, path, **kw)
    except httpx.TransportError as exc:
        raise click.ClickException(f"cannot reach {client.base_url}: {exc}; is `veracity serve` running?") from exc
    if resp.status_code >= 400:
        try:
            message = resp.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = resp.text[:300]
        raise click.ClickException(f"{resp.status_code}: {message}")
    return resp.json()


def _show(b: dict[str, Any]) -> None:
    c = b["request_counts"]
    click.echo(f"{b['id']}  {b['status']:<11} {c['completed']} completed, {c['failed']} failed of {c['total']}"
               f"  output={b.get('output_file_id')} errors={b.get('error_file_id')}")
    for e in (b.get("errors") or {}).get("data", []):
        click.echo(f"  line {e.get('line')}: {e['message']}" if e.get("line") else f"  {e['message']}")


@batch.command("submit")
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--endpoint", default="/v1/verify/reliability", show_default=True, help="The batch's endpoint.")
@click.option("--wait", is_flag=True, help="Poll until the batch ends; exit status 1 unless it completed.")
@_server_options
def submit(input_path: Path, endpoint: str, wait: bool, url: str, key: str | None) -> None:
    """Upload INPUT.jsonl and create a batch; prints the batch id on the last line."""
    with _client(url, key) as client, input_path.open("rb") as fh:
        f = _call(client, "POST", "/v1/files", files={"file": (input_path.name, fh)}, data={"purpose": "batch"})
        b = _call(client, "POST", "/v1/batches", json={"input_file_id": f["id"], "endpoint": endpoint,
                                                       "completion_window": "24h"})
        while wait and b["status"] not in _FINAL:
            time.sleep(1)
            b = _call(client, "GET", f"/v1/batches/{b['id']}")
        _show(b)
        click.echo(b["id"])
    if wait and b["status"] != "completed":
        raise SystemExit(1)  # a script waiting on the batch learns that it did not complete


@batch.command("status")
@click.argument("batch_id")
@_server_options
def status(batch_id: str, url: str, key: str | None) -> None:
    """Show one batch."""
    with _client(url, key) as client:
        _show(_call(client, "GET", f"/v1/batches/{batch_id}"))


@batch.command("list")
@click.option("--limit", type=click.IntRange(1, 100), default=20, show_default=True)
@click.option("--after", default=None, help="Batch id: list the ones before it (the next page).")
@_server_options
def list_(limit: int, after: str | None, url: str, key: str | None) -> None:
    """List your batches, newest first."""
    with _client(url, key) as client:
        page = _call(client, "GET", "/v1/batches", params={"limit": limit, **({"after": after} if after else {})})
        for b in page["data"]:
            _show(b)
        if page["has_more"]:
            click.echo(f"more: --after {page['last_id']}")


@batch.command("cancel")
@click.argument("batch_id")
@_server_options
def cancel(batch_id: str, url: str, key: str | None) -> None:
    """Cancel a batch (running requests finish; the rest go to the error file)."""
    with _client(url, key) as client:
        _show(_call(client, "POST", f"/v1/batches/{batch_id}/cancel"))


@batch.command("download")
@click.argument("batch_id")
@click.option("--output", "-o", "output_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where the output lines go; error lines go to the same name with .errors.jsonl.")
@_server_options
def download(batch_id: str, output_path: Path, url: str, key: str | None) -> None:
    """Download a batch's output and error files."""
    with _client(url, key) as client:
        b = _call(client, "GET", f"/v1/batches/{batch_id}")
        if not b.get("output_file_id") and not b.get("error_file_id"):
            raise click.ClickException(f"batch {batch_id} is {b['status']} and has no files yet: wait, or check "
                                       "`veracity batch status`")
        targets = [(b.get("output_file_id"), output_path),
                   (b.get("error_file_id"), output_path.with_suffix(".errors.jsonl"))]
        for file_id, path in targets:
            if file_id:
                _stream_to(client, f"/v1/files/{file_id}/content", path)
                click.echo(f"{path}")


def _stream_to(client: httpx.Client, path: str, target: Path) -> None:
    with client.stream("GET", path) as resp:
        if resp.status_code >= 400:
            raise click.ClickException(f"{resp.status_code} downloading {path}")
        with target.open("wb") as fh:
            for chunk in resp.iter_bytes():
                fh.write(chunk)


@batch.command("export")
@click.argument("batch_id")
@click.option("--output", "-o", "output_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@data_dir_option
@friendly_errors
def export(batch_id: str, output_path: Path, data_dir: Path | None) -> None:
    """On the server host: write a batch's finished results from the store (after a failed output write)."""
    from veracity.store import open_store

    store: Any = open_store(settings_from(data_dir=data_dir).store_url)
    try:
        if store.get_batch(batch_id) is None:
            raise click.ClickException(f"no batch {batch_id} in this data directory")
        with output_path.open("w", encoding="utf-8") as fh:
            n = sum(1 for r in store.iter_results(batch_id) if fh.write(json.dumps(r.payload) + "\n"))
    finally:
        store.close()
    click.echo(f"{n} results written to {output_path}")

