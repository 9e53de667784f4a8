"""What the benchmarks share: a real `veracity serve` (the test suite's own starter, with an
unlimited admin key) and the server's memory from /proc."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_JUDGES = os.environ.get("VERACITY_JUDGES")

from tests.conftest import Server, start_server, stop_server  # noqa: E402

# the test suite pins the rules judge for its wire tests; benchmarks measure what users run
if _JUDGES is None:
    os.environ.pop("VERACITY_JUDGES", None)

__all__ = ["Server", "start_server", "stop_server", "memory_mib"]


def memory_mib(pid: int, field: str = "VmRSS") -> float:
    """A memory line of /proc/PID/status (VmRSS now, VmHWM peak), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")
