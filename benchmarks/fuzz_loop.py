"""The loop of the long fuzz runs (benchmarks/fuzz_calendar.py, benchmarks/fuzz_replies.py):
run every input, report findings as they come and progress every 500 inputs, save findings."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

#: one input: ``(problem or None, CPU seconds, the input's bytes, a label for the report)``
Input = Callable[[], tuple[str | None, float, bytes, str]]


def fuzz(
    one: Input, runs: int, slow_seconds: float, save: Path | None, name: str, raised: str
) -> int:
    """Run ``one`` ``runs`` times; findings (an exception, or slower than ``slow_seconds``)
    are printed to stderr and written to ``save`` as ``name-finding-N``. Prints the summary
    (``raised``: which exceptions count) and returns the exit status: 1 when there were
    findings."""
    began = time.monotonic()
    times: list[float] = []
    crashes = slow = 0
    for run in range(runs):
        problem, seconds, data, label = one()
        times.append(seconds)
        if (run + 1) % 500 == 0:  # progress, so that a long run can be followed
            print(f"{run + 1} inputs: {crashes} exceptions, {slow} slow so far", flush=True)
        if problem or seconds > slow_seconds:
            crashes += problem is not None
            slow += seconds > slow_seconds
            last = (problem or "").strip().splitlines()[-1:] or ["slow"]
            print(f"run {run} ({label}{seconds:.2f} s): {last[0]}", file=sys.stderr)
            if save:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"{name}-finding-{run}").write_bytes(data)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"{name}: {runs} inputs, {crashes} {raised}, {slow} over {slow_seconds:.0f} s CPU; "
        f"median {statistics.median(times) * 1000:.1f} ms, slowest {max(times):.2f} s, "
        f"peak memory {peak} MiB, {time.monotonic() - began:.0f} s wall"
    )
    return 1 if crashes or slow else 0
