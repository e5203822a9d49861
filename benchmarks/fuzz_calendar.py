"""Fuzz the iCalendar reader with mutations of real files (see tests/ical/fuzzing.py).

    .venv/bin/python -m benchmarks.fuzz_calendar --runs 20000 [--seed 1] [--save DIR]

Prints the number of inputs, those that raised anything but a PlannerError, those slower than
2 s, the median and slowest times and the peak memory. Exit status 1 when there were findings;
``--save DIR`` writes each finding to DIR for minimising into tests/ical/fuzz_corpus/.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
from pathlib import Path

from tests.ical.fuzzing import HEAVY, SLOW_SECONDS, mutate, read, seeds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save", type=Path, default=None)
    args = parser.parse_args(argv)
    HEAVY[0] = True  # the CI test uses smaller huge lines, nestings and event counts
    rng = random.Random(args.seed)
    files = seeds()
    times: list[float] = []
    crashes = slow = 0
    for run in range(args.runs):
        name, data = rng.choice(files)
        mutated = mutate(data, rng)
        problem, seconds = read(mutated, name, wide=rng.random() < 0.05)
        times.append(seconds)
        if (run + 1) % 500 == 0:  # progress, so that a long run can be followed
            print(f"{run + 1} inputs: {crashes} exceptions, {slow} slow so far", flush=True)
        if problem or seconds > SLOW_SECONDS:
            crashes += problem is not None
            slow += seconds > SLOW_SECONDS
            last = (problem or "").strip().splitlines()[-1:] or ["slow"]
            print(f"run {run} ({name}, {seconds:.2f} s): {last[0]}", file=sys.stderr)
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"finding-{run}.ics").write_bytes(mutated)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"{args.runs} inputs: {crashes} exceptions outside PlannerError, {slow} over "
        f"{SLOW_SECONDS:.0f} s; median {statistics.median(times) * 1000:.1f} ms, slowest "
        f"{max(times):.2f} s, peak memory {peak} MiB"
    )
    return 1 if crashes or slow else 0


if __name__ == "__main__":
    sys.exit(main())
