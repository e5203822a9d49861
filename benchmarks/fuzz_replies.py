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
import sys
from pathlib import Path

from benchmarks.fuzz_loop import fuzz


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

        def one() -> tuple[str | None, float, bytes, str]:
            container, data = fuzzing.build(rng)
            problem, seconds = fuzzing.run(container, data)
            return problem, seconds, data, f"{container}, "
    else:
        from tests.config import fuzzing  # type: ignore[no-redef]

        base = fuzzing.seed()

        def one() -> tuple[str | None, float, bytes, str]:
            text = fuzzing.mutate(base, rng)
            problem, seconds = fuzzing.run(text)
            return problem, seconds, text.encode("utf-8", "surrogateescape"), ""

    raised = "exceptions" if args.target == "replies" else "exceptions outside PlannerError"
    return fuzz(one, args.runs, fuzzing.SLOW_SECONDS, args.save, args.target, raised)


if __name__ == "__main__":
    sys.exit(main())
