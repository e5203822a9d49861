"""`planner week` on five years of calendar: cold and warm event index against the floor.

What is timed (wall clock, median of ``--runs`` runs each, every run a fresh subprocess, so
interpreter start and imports are included in *all* of them):

- floor: ``python -c`` that imports icalendar and recurring-ical-events, reads the file,
  ``icalendar.Calendar.from_ical`` and ``recurring_ical_events.of(cal).between(week)``; the
  least any tool that parses the file has to do to show one week;
- cold: ``python -m planner week --config C --week W --format json`` with a fresh, empty data
  dir (no event index, no ledger) for every run;
- warm: the same command in one data dir that an untimed run filled first (file unchanged);
- ``python -m planner --help``.

Wall-clock medians decide PASS/FAIL; CPU-time (user + system of the child) medians are printed
beside them, as they suffer less when other work shares the machine.

The calendar comes from ``gen_calendar.py``: five years ending half a year after this week
(so ``planner week`` for this week reads a year of history, as a user's run does), ~6,000 single
meetings plus weekly series with exceptions in four zones. Everything lives in a temporary
directory. The script prints the medians, the ratios and PASS/FAIL against the targets (cold at
most 1.2 x floor, warm at most 0.1 x floor, --help under 0.3 s) and exits 1 on any FAIL.
``--breakdown`` adds an in-process split of one warm run (not part of the verdict).

    python benchmarks/bench_week.py [--runs 5] [--breakdown]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_calendar import config_text, generate

COLD_TARGET = 1.2
WARM_TARGET = 0.1
HELP_BUDGET = 0.3
FLOOR = """
import sys, datetime
import icalendar, recurring_ical_events
with open(sys.argv[1], "rb") as handle:
    cal = icalendar.Calendar.from_ical(handle.read())
first = datetime.date.fromisoformat(sys.argv[2])
found = recurring_ical_events.of(cal).between(first, first + datetime.timedelta(days=7))
print(len(found))
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of ``command``; a failure stops the benchmark."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} … failed:\n{result.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


@dataclass
class Result:
    """Wall and CPU seconds of each run."""

    wall: list[float]
    cpu: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


def measure(runs: int, command: list[str], env_for: Callable[[int], dict[str, str]]) -> Result:
    pairs = [timed(command, env_for(i)) for i in range(runs)]
    return Result([w for w, _c in pairs], [c for _w, c in pairs])


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--breakdown", action="store_true", help="split one warm run in-process")
    args = parser.parse_args()
    runs = max(args.runs, 1)
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    year, week, _day = monday.isocalendar()
    week_arg = f"{year}-W{week:02}"
    with tempfile.TemporaryDirectory(prefix="planner-bench-week-") as tmp:
        root = Path(tmp)
        calendar = root / "work.ics"
        data = generate(monday + timedelta(days=182))
        calendar.write_bytes(data)
        config = root / "config.toml"
        config.write_text(config_text(calendar), encoding="utf-8")
        print(
            f"calendar: {len(data) / 1e6:.1f} MB, {data.count(b'BEGIN:VEVENT'):,} VEVENTs, "
            f"5 years to {monday + timedelta(days=182)}; week {week_arg}; {runs} runs each; "
            "times include interpreter start"
        )
        base = dict(os.environ, PLANNER_CONFIG=str(config), PYTHONDONTWRITEBYTECODE="1")
        base.pop("PLANNER_DATA_DIR", None)
        floor_cmd = [sys.executable, "-c", FLOOR, str(calendar), monday.isoformat()]
        week_cmd = [sys.executable, "-m", "planner", "week", "--config", str(config)]
        week_cmd += ["--week", week_arg, "--format", "json"]

        def fresh(i: int) -> dict[str, str]:
            return dict(base, PLANNER_DATA_DIR=str(root / f"cold-{i}"), HOME=str(root))

        warm_env = dict(base, PLANNER_DATA_DIR=str(root / "warm"), HOME=str(root))
        floor = measure(runs, floor_cmd, lambda i: dict(base, HOME=str(root)))
        cold = measure(runs, week_cmd, fresh)
        timed(week_cmd, warm_env)  # fills the index and the ledger
        warm = measure(runs, week_cmd, lambda i: warm_env)
        help_cmd = [sys.executable, "-m", "planner", "--help"]
        helped = measure(runs, help_cmd, lambda i: dict(base, HOME=str(root)))
        if args.breakdown:
            breakdown(config, monday, warm_env)
    report = [
        ("floor (icalendar + recurring-ical-events, one week)", floor),
        ("planner week, cold index", cold),
        ("planner week, warm index", warm),
        ("planner --help", helped),
    ]
    print(f"{'':<52} {'wall median':>12} {'x floor':>8} {'cpu median':>11} {'x floor':>8}")
    for label, result in report:
        ratio = f"{result.median / floor.median:8.3f}"
        cpu_ratio = f"{result.cpu_median / floor.cpu_median:8.3f}"
        print(
            f"{label:<52} {result.median:10.3f} s {ratio} {result.cpu_median:9.3f} s {cpu_ratio}"
            f"   wall runs: {', '.join(f'{t:.2f}' for t in result.wall)}"
        )
    checks = [
        (f"cold <= {COLD_TARGET} x floor (wall)", cold.median <= COLD_TARGET * floor.median),
        (f"warm <= {WARM_TARGET} x floor (wall)", warm.median <= WARM_TARGET * floor.median),
        (f"--help < {HELP_BUDGET} s (wall)", helped.median < HELP_BUDGET),
    ]
    for label, ok in checks:
        print(f"{verdict(ok)}  {label}")
    return 0 if all(ok for _label, ok in checks) else 1


def breakdown(config_path: Path, monday: date, env: dict[str, str]) -> None:
    """Where a warm run spends its time, phase by phase, in a subprocess of its own."""
    script = f"""
import time
from datetime import date, datetime
t0 = time.perf_counter()
from planner import api
from planner.judge.mode import classify
from planner.render import render_week
from planner.judge.relations import Ledger
from planner.calendar.sources import context_for
from planner.store import open_store
from planner.meet.venues import catalog_from_config
from planner.weekly import build_plan, read_window
t1 = time.perf_counter()
config = api.load_config({str(config_path)!r})
first = date.fromisoformat({monday.isoformat()!r})
now = datetime.now(config.tz)
store = open_store()
events = api.read_events(config, *read_window(config, first, now), store=store)
t2 = time.perf_counter()
modes = [classify(e) for e in events]
t3 = time.perf_counter()
from planner.judge.cache import classify_all
classify_all(events, store)
tc = time.perf_counter()
classify_all(events, store)
tc2 = time.perf_counter()
context = context_for(config, store)
ledger = Ledger.open(store, config, user_emails=context.user_emails)
tl = time.perf_counter()
from planner.meet.geo import Geocoder
catalog = catalog_from_config(config)
geocoder = Geocoder(config, catalog, store_factory=lambda: store)
modes = classify_all(events, store)
plan = build_plan(events, config, first, now=now, ledger=ledger, catalog=catalog, modes=modes,
                  geocoder=geocoder)
t5 = time.perf_counter()
render_week(plan, "json")
t6 = time.perf_counter()
print(f"  imports            {{t1 - t0:.3f}} s")
print(f"  read events        {{t2 - t1:.3f}} s  ({{len(events)}}; config, index lookup, decode)")
print(f"  classify all       {{t3 - t2:.3f}} s")
print(f"  classify (cached)  {{tc2 - tc:.3f}} s  (planner.judge.cache, as the plan uses it)")
print(f"  plan               {{t5 - tl:.3f}} s  (ledger, purpose, balance, proposals; places and")
print("                                modes from the state database as in planner week)")
print(f"  render json        {{t6 - t5:.3f}} s")
"""
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True)
    print("warm run, in-process breakdown (informational):")
    print(result.stdout.decode() or result.stderr.decode()[-2000:], end="")


if __name__ == "__main__":
    raise SystemExit(main())
