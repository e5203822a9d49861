"""How long building the contact ledger from five years of history takes (budget: 0.5 s).

Each run opens a fresh state database in a new temporary data dir (never the user's), opens the
ledger and updates it with the generated (event, mode) pairs; the events are generated before
timing starts and the classifier is not timed. Prints the median of the runs and exits 1 when it
is over budget. A second, informational line times a repeated update that changes nothing.

    python benchmarks/bench_ledger.py [runs]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_history import NOW, bench_config, generate

from planner.judge.relations import Ledger
from planner.store import open_store

BUDGET_SECONDS = 0.5
YEARS = 5


def run_once(pairs: list, config: object) -> tuple[float, float, int]:
    """(build seconds, repeat seconds, meetings in the ledger) in a fresh data dir."""
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as tmp:
        os.environ["PLANNER_DATA_DIR"] = tmp
        since = NOW - timedelta(days=365 * YEARS + 7)
        started = time.perf_counter()
        store = open_store()
        ledger = Ledger.open(store, config)
        ledger.update(pairs, now=NOW, since=since)
        built = time.perf_counter() - started
        started = time.perf_counter()
        result = Ledger.open(store, config).update(pairs, now=NOW, since=since)
        repeated = time.perf_counter() - started
        if result.touched:
            raise SystemExit(f"a repeated update changed the ledger: {result}")
        store.close()
        return built, repeated, len(ledger)


def main(runs: int = 5) -> int:
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as guard:
        os.environ["PLANNER_DATA_DIR"] = guard  # never the user's, not even by accident
        config = bench_config()
        pairs = generate(years=YEARS, end=NOW)
        results = [run_once(pairs, config) for _ in range(runs)]
    build = statistics.median(r[0] for r in results)
    repeat = statistics.median(r[1] for r in results)
    print(
        f"ledger build: median {build:.3f} s over {runs} runs "
        f"({len(pairs):,} events, {results[0][2]:,} meetings counted)"
    )
    print(f"ledger reload + unchanged update: median {repeat:.3f} s")
    if build > BUDGET_SECONDS:
        print(f"over budget: {build:.3f} s > {BUDGET_SECONDS} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
