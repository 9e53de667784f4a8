"""`veracity keys create|list|revoke`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from veracity.cli.common import data_dir_option, friendly_errors, settings_from
from veracity.limits.plans import check_plan_name
from veracity.store import open_store


def _when(ts: int | None) -> str:
    return "-" if ts is None else dt.datetime.fromtimestamp(ts, dt.timezone.utc).strftime("%Y-%m-%d %H:%M")


@click.group()
def keys() -> None:
    """Create, list and revoke API keys (stored hashed; a key is shown once)."""


@keys.command("create")
@click.option("--name", default="api key", show_default=True, help="A label to recognise the key by.")
@click.option("--admin/--no-admin", default=False, show_default=True, help="Admin keys may manage keys.")
@click.option("--plan", default=None, help="Plan of the key: trial, core, scale, enterprise or a configured one "
              "(default: the default_plan setting).")
@data_dir_option
@friendly_errors
def create(name: str, admin: bool, plan: str | None, data_dir: Path | None) -> None:
    """Create a key; the key itself is printed alone on the last line."""
    settings = settings_from(data_dir=data_dir)
    plan = check_plan_name(plan or settings.default_plan, settings.plans)
    store = open_store(settings.store_url)
    key, secret = store.create_key(name, admin=admin, plan=plan)
    click.echo(f"Created {'admin ' if admin else ''}key {key.id} ({name}, plan {plan}). Store it now: it is not "
               "shown again.", err=False)
    click.echo(secret)


@keys.command("list")
@data_dir_option
@friendly_errors
def list_(data_dir: Path | None) -> None:
    """List keys (never the secrets)."""
    store = open_store(settings_from(data_dir=data_dir).store_url)
    rows = store.list_keys()
    if not rows:
        click.echo("No API keys yet: create one with `veracity keys create`.")
        return
    click.echo(f"{'ID':<29} {'NAME':<20} {'PREFIX':<8} {'ADMIN':<5} {'PLAN':<10} {'CREATED':<16} STATUS")
    for k in rows:
        status = "active" if k.active else f"revoked {_when(k.revoked_at)}"
        click.echo(f"{k.id:<29} {k.name[:20]:<20} {k.prefix:<8} {'yes' if k.admin else 'no':<5} {k.plan:<10} "
                   f"{_when(k.created_at):<16} {status}")


@keys.command("revoke")
@click.argument("key_id")
@data_dir_option
@friendly_errors
def revoke(key_id: str, data_dir: Path | None) -> None:
    """Revoke a key by id: it is refused at once."""
    store = open_store(settings_from(data_dir=data_dir).store_url)
    key = store.revoke_key(key_id)
    click.echo(f"Revoked {key.id} ({key.name}).")
