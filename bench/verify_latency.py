"""Benchmark: one verification over HTTP, sequential and with concurrent clients.

Starts a real `veracity serve` (default judges) on a free loopback port with a temporary
data directory, then reports:
- p50/p95 latency of POST /v1/verify/reliability with a ~300-word context and a
  two-sentence output, one client at a time;
- throughput (verifications/s) with 8 concurrent clients;
- the server's resident memory (VmRSS, and peak VmHWM) at the end.

Run by hand: `.venv/bin/python bench/verify_latency.py [--requests 200] [--clients 8] [--seconds 20]`.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
from _server import memory_mib, start_server, stop_server

CONTEXT = " ".join([
    "The Harbour Line opened in March 1998 and runs 42 kilometres between Portmere and Eastwick.",
    "It carries about 61,000 passengers on an average weekday, most of them commuters.",
    "Trains run every 6 minutes at peak times and every 12 minutes in the evening.",
    "The line was extended to the airport in 2011 at a cost of 310 million pounds.",
    "Its depot at Kilnfield maintains a fleet of 28 four-car electric trains built in 2009.",
] * 4)  # about 300 words
OUTPUT = "The Harbour Line opened in March 1998. It carries about 61,000 passengers on an average weekday."


def sequential(url: str, key: str, n: int) -> list[float]:
    body = {"prompt": "Tell me about the Harbour Line.", "output": OUTPUT, "context": CONTEXT}
    times = []
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=60) as c:
        for _ in range(5):
            c.post("/v1/verify/reliability", json=body).raise_for_status()
        for _ in range(n):
            t0 = time.perf_counter()
            c.post("/v1/verify/reliability", json=body).raise_for_status()
            times.append((time.perf_counter() - t0) * 1000)
    return times


def concurrent(url: str, key: str, clients: int, seconds: float) -> tuple[int, int]:
    body = {"prompt": "Tell me about the Harbour Line.", "output": OUTPUT, "context": CONTEXT}
    done, errors = [0], [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=60) as c:
            while time.monotonic() < stop:
                ok = c.post("/v1/verify/reliability", json=body).status_code == 200
                with lock:
                    done[0] += ok
                    errors[0] += not ok

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0], errors[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        srv = start_server(Path(tmp))
        url, key = srv.url, srv.admin_key
        try:
            judge = httpx.get(url + "/health").json()["judge"]
            times = sequential(url, key, args.requests)
            q = statistics.quantiles(times, n=100)
            print(f"judge: {judge}; context {len(CONTEXT.split())} words, output 2 sentences")
            print(f"sequential: n={len(times)} p50={statistics.median(times):.1f} ms p95={q[94]:.1f} ms")
            ok, bad = concurrent(url, key, args.clients, args.seconds)
            print(f"{args.clients} concurrent clients for {args.seconds:.0f} s: {ok / args.seconds:.1f} verifications/s, "
                  f"{bad} errors")
            rss, peak = memory_mib(srv.proc.pid), memory_mib(srv.proc.pid, "VmHWM")
            print(f"server memory: VmRSS {rss:.0f} MB, peak VmHWM {peak:.0f} MB")
        finally:
            stop_server(srv)


if __name__ == "__main__":
    main()
