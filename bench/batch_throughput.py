"""Batch throughput: N verify lines through the Batch API of a real `veracity serve`.

    .venv/bin/python bench/batch_throughput.py [--lines 10000] [--concurrency 4]

Starts a server on a fresh data directory (default judges), uploads N lines with the
official `openai` client, waits for the batch, and prints lines/s (create → completed) and
the server's peak resident memory (VmHWM from /proc/PID/status).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import httpx
import openai
from _server import memory_mib, start_server, stop_server

from tests.conftest import SEED_CONTEXT

OUTPUTS = ("The invoice is due on June 12, 2025.", "The invoice amount is 7116 GBP.",
           "The invoice INV7701B was issued by OptiTech to Acme on 22 May 2025.")


def _input(n: int) -> bytes:
    return "".join(json.dumps({"custom_id": f"r{i}", "method": "POST", "url": "/v1/verify/reliability",
                               "body": {"prompt": "Summarise the invoice.", "output": OUTPUTS[i % 3],
                                        "context": SEED_CONTEXT}}) + "\n" for i in range(n)).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    srv = start_server(Path(tempfile.mkdtemp(prefix="veracity-bench-")),
                       env={"VERACITY_BATCH_CONCURRENCY": str(args.concurrency)})
    try:
        client = openai.OpenAI(api_key=srv.admin_key, base_url=srv.url + "/v1", max_retries=0)
        f = client.files.create(file=("bench.jsonl", _input(args.lines)), purpose="batch")
        started = time.perf_counter()
        batch = client.batches.create(input_file_id=f.id, endpoint="/v1/verify/reliability", completion_window="24h")
        while batch.status not in ("completed", "failed", "expired", "cancelled"):
            time.sleep(0.5)
            batch = client.batches.retrieve(batch.id)
        elapsed = time.perf_counter() - started
        counts = batch.request_counts
        print(f"status {batch.status}: {counts.completed} completed, {counts.failed} failed of {counts.total}")
        print(f"{args.lines} lines in {elapsed:.1f}s: {args.lines / elapsed:.1f} lines/s "
              f"(batch_concurrency={args.concurrency}, judge: {httpx.get(srv.url + '/health').json()['judge']})")
        print(f"peak server memory (VmHWM): {memory_mib(srv.proc.pid, 'VmHWM'):.1f} MiB")
    finally:
        stop_server(srv)


if __name__ == "__main__":
    main()
