"""Load benchmark: N concurrent clients on loopback against POST /v1/verify/reliability.

Starts its own `veracity serve` on a fresh data directory with an enterprise (unlimited) key,
so deliberate 429s do not dominate (they are still counted and reported), warms up, then runs
for ``--seconds``. Reports throughput, p50/p99 latency, errors (anything but 200 and 429),
and the server's resident memory before and after (growth must stay under 10 %).

    .venv/bin/python bench/load.py --clients 200 --seconds 60
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx
from _server import memory_mib, start_server, stop_server

BODY = {"prompt": "When is the invoice due?", "output": "The invoice amount is 7,116 GBP. It is due on 21 June 2025.",
        "context": "InvID:INV7701B Co:OptiTech Client:Acme Amt:7116GBP Date:22May25 Due:21Jun25 Terms:N30 Ref:PO451C"}


async def client(http: httpx.AsyncClient, until: float, latencies: list[float], statuses: Counter[int]) -> None:
    while time.monotonic() < until:
        t0 = time.perf_counter()
        try:
            r = await http.post("/v1/verify/reliability", json=BODY)
            statuses[r.status_code] += 1
        except httpx.HTTPError as exc:
            statuses[-1] += 1
            print("transport error:", type(exc).__name__, file=sys.stderr)
            continue
        latencies.append(time.perf_counter() - t0)


async def run(url: str, key: str, clients: int, seconds: float) -> tuple[list[float], Counter[int], float]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {key}"}, limits=limits,
                                 timeout=120) as http:
        latencies: list[float] = []
        statuses: Counter[int] = Counter()
        t0 = time.monotonic()
        await asyncio.gather(*(client(http, t0 + seconds, latencies, statuses) for _ in range(clients)))
        return latencies, statuses, time.monotonic() - t0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--warmup", type=float, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        srv = start_server(Path(tmp), env={"VERACITY_LOG_LEVEL": "warning"})
        try:
            asyncio.run(run(srv.url, srv.admin_key, args.clients, args.warmup))
            before = memory_mib(srv.proc.pid)
            latencies, statuses, elapsed = asyncio.run(run(srv.url, srv.admin_key, args.clients, args.seconds))
            after = memory_mib(srv.proc.pid)
        finally:
            stop_server(srv)
    errors = sum(n for s, n in statuses.items() if s not in (200, 429))
    report = {"clients": args.clients, "seconds": round(elapsed, 1), "requests": sum(statuses.values()),
              "throughput_rps": round(len(latencies) / elapsed, 1), "p50_ms": round(pct(latencies, 0.50), 1),
              "p99_ms": round(pct(latencies, 0.99), 1), "status_counts": dict(statuses), "errors": errors,
              "rate_limited_429": statuses.get(429, 0), "rss_mib_before": round(before, 1),
              "rss_mib_after": round(after, 1), "rss_growth_pct": round((after / before - 1) * 100, 1)}
    print(json.dumps(report, indent=2))
    if errors or report["rss_growth_pct"] > 10:
        raise SystemExit("FAIL: errors, or memory grew by more than 10 %")


if __name__ == "__main__":
    main()
