"""Fuzz the reply reader or the config (see tests/invite/fuzzing.py, tests/config/fuzzing.py).

    .venv/bin/python -m benchmarks.fuzz_replies --target replies --runs 10000 [--seed 1]
    .venv/bin/python -m benchmarks.fuzz_replies --target config --runs 20000 [--seed 1]

Prints the number of inputs, those that raised (replies: anything; config: anything but a
PlannerError), those slower than 2 s of CPU, the median and slowest times and the peak memory.
Exit status 1 when there were findings; ``--save DIR`` writes each finding to DIR.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=("replies", "config"), default="replies")
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save", type=Path, default=None)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    if args.target == "replies":
        from tests.invite import fuzzing

        fuzzing.HEAVY[0] = True  # deeper nesting and more parts than the CI test

        def one() -> tuple[str | None, float, bytes]:
            container, data = fuzzing.build(rng)
            problem, seconds = fuzzing.run(container, data)
            return problem, seconds, data
    else:
        from tests.config import fuzzing  # type: ignore[no-redef]

        base = fuzzing.seed()

        def one() -> tuple[str | None, float, bytes]:
            text = fuzzing.mutate(base, rng)
            problem, seconds = fuzzing.run(text)
            return problem, seconds, text.encode("utf-8", "surrogateescape")

    times: list[float] = []
    crashes = slow = 0
    began = time.monotonic()
    for run in range(args.runs):
        problem, seconds, data = one()
        times.append(seconds)
        if (run + 1) % 500 == 0:  # progress, so that a long run can be followed
            print(f"{run + 1} inputs: {crashes} exceptions, {slow} slow so far", flush=True)
        if problem or seconds > fuzzing.SLOW_SECONDS:
            crashes += problem is not None
            slow += seconds > fuzzing.SLOW_SECONDS
            last = (problem or "").strip().splitlines()[-1:] or ["slow"]
            print(f"run {run} ({seconds:.2f} s): {last[0]}", file=sys.stderr)
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{args.target}-finding-{run}").write_bytes(data)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"{args.target}: {args.runs} inputs, {crashes} exceptions, {slow} over "
        f"{fuzzing.SLOW_SECONDS:.0f} s CPU; median {statistics.median(times) * 1000:.1f} ms, "
        f"slowest {max(times):.2f} s, peak memory {peak} MiB, "
        f"{time.monotonic() - began:.0f} s wall"
    )
    return 1 if crashes or slow else 0


if __name__ == "__main__":
    sys.exit(main())
