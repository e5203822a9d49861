"""Fuzz the iCalendar reader with mutations of real files (see tests/ical/fuzzing.py).

    .venv/bin/python -m benchmarks.fuzz_calendar --runs 20000 [--seed 1] [--save DIR]

Prints the number of inputs, those that raised anything but a PlannerError, those slower than
2 s, the median and slowest times and the peak memory. Exit status 1 when there were findings;
``--save DIR`` writes each finding to DIR (calendar-finding-N) for minimising into
tests/ical/fuzz_corpus/.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from benchmarks.fuzz_loop import fuzz
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

    def one() -> tuple[str | None, float, bytes, str]:
        name, data = rng.choice(files)
        mutated = mutate(data, rng)
        problem, seconds = read(mutated, name, wide=rng.random() < 0.05)
        return problem, seconds, mutated, f"{name}, "

    return fuzz(
        one, args.runs, SLOW_SECONDS, args.save, "calendar", "exceptions outside PlannerError"
    )


if __name__ == "__main__":
    sys.exit(main())
