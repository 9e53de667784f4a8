"""`veracity usage`: calls per day and endpoint, read from the store on the server host."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from veracity.cli.common import data_dir_option, friendly_errors, settings_from
from veracity.store import open_store
from veracity.store.usage import UsageSummaryRow

DAY = 86_400


def _table(rows: list[UsageSummaryRow]) -> list[str]:
    out = [f"{'DAY':<10} {'ENDPOINT':<36} {'REQUESTS':>8} {'ERRORS':>6} {'TOKENS':>9} {'AVG MS':>8} {'HALLUC.':>7}"]
    for r in rows:
        out.append(f"{r.day:<10} {r.endpoint[:36]:<36} {r.requests:>8} {r.errors:>6} {r.total_tokens:>9} "
                   f"{r.avg_latency_ms:>8.1f} {r.hallucinations:>7}")
    total = sum(r.requests for r in rows)
    out.append(f"{'total':<10} {'':<36} {total:>8} {sum(r.errors for r in rows):>6} "
               f"{sum(r.total_tokens for r in rows):>9} {'':>8} {sum(r.hallucinations for r in rows):>7}")
    return out


@click.command()
@click.option("--days", type=click.IntRange(1, 3660), default=30, show_default=True, help="Days back, today included.")
@click.option("--key", "key_id", default=None, help="One key's usage (id from `veracity keys list`); default: all keys.")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON.")
@data_dir_option
@friendly_errors
def usage(days: int, key_id: str | None, as_json: bool, data_dir: Path | None) -> None:
    """Requests, tokens, average latency and hallucinations per day and endpoint."""
    store = open_store(settings_from(data_dir=data_dir).store_url)
    try:
        rows = store.usage_summary(key_id, (int(time.time()) // DAY - (days - 1)) * DAY)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([r.to_wire() for r in rows], indent=2))
    elif not rows:
        click.echo(f"No calls in the last {days} day(s){' for ' + key_id if key_id else ''}.")
    else:
        click.echo("\n".join(_table(rows)))
