"""Benchmark: the server's memory while it verifies against many large, distinct contexts.

Starts a real `veracity serve` (default judges) and sends one verification after another,
each with its own context of about ``--kchars`` thousand characters (numbers and years in
every sentence, so the rules judge reads the whole context), and prints the server's
resident memory every ``--every`` requests. Memory should level off: what the judges read
is cached for thousands of windows but only a few whole contexts (engine/textcache.py).

Run by hand: `.venv/bin/python bench/large_contexts.py [--requests 40] [--kchars 300] [--every 10]`.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import httpx
from _server import memory_mib, start_server, stop_server

OUTPUT = "In 1950 the plant made 12,345,678 units. It closed in 1999."


def context(i: int, kchars: int) -> str:
    sentences, size, j = [f"Report {i}."], 0, 0
    while size < kchars * 1000:
        s = f"In {1900 + j % 100} the plant made {j * 7 + i} units."
        sentences.append(s)
        size, j = size + len(s) + 1, j + 1
    return " ".join(sentences)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--kchars", type=int, default=300, help="thousands of characters per context")
    ap.add_argument("--every", type=int, default=10)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        srv = start_server(Path(tmp))
        try:
            judge = httpx.get(srv.url + "/health").json()["judge"]
            print(f"judge: {judge}; {args.requests} requests, each with its own context of {args.kchars}k characters")
            print(f"before: VmRSS {memory_mib(srv.proc.pid):.0f} MB")
            headers = {"Authorization": f"Bearer {srv.admin_key}"}
            with httpx.Client(base_url=srv.url, headers=headers, timeout=600) as c:
                t0 = time.perf_counter()
                for i in range(args.requests):
                    body = {"prompt": "How many units did the plant make?", "output": OUTPUT,
                            "context": context(i, args.kchars)}
                    c.post("/v1/verify/reliability", json=body).raise_for_status()
                    if (i + 1) % args.every == 0:
                        print(f"{i + 1} requests: VmRSS {memory_mib(srv.proc.pid):.0f} MB, "
                              f"{(time.perf_counter() - t0) / (i + 1):.2f} s a request")
            print(f"peak VmHWM {memory_mib(srv.proc.pid, 'VmHWM'):.0f} MB")
        finally:
            stop_server(srv)


if __name__ == "__main__":
    main()
