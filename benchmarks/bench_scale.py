"""Unusual and hostile calendars: cost grows in a straight line with what is read, memory stays
bounded (issue 31). Each case is a generated file (``gen_shapes.py``) read by a cold
``python -m planner week --format json`` (a fresh data dir each run, interpreter start
included); medians of ``--runs`` runs of wall and CPU time, and the largest peak memory (GNU
time's ``%M``: the process reading the file; a worker of a parallel parse is smaller).

- the series-count scan: 100, 300, 1,000 and 3,000 daily series (no end, begun 400 days
  before: about 465 occurrences each in the read window); the time per occurrence read must not
  grow (linear), and 3,000 series (1.4 million occurrences) meet ``max_events`` (500,000): the
  earliest are left out with a warning, so memory stays bounded;
- 50,000 single meetings, each with an external counterpart, in the week shown (last week, so
  that the plan is the same whatever the weekday: no proposals for meetings gone by) (target:
  5 s);
- one VEVENT with a weekly and a minutely RRULE (target: 1 s), and four such;
- one VEVENT with three RRULEs and 20,000 RDATEs (the cap holds for every rule);
- one 50 MB VEVENT with 500 attendees of 100 kB each (target: a few seconds).

A hostile file never passes 1 GB. ``--quick`` skips the 3,000-series case.

    python benchmarks/bench_scale.py [--runs 5] [--quick] [--only "50,000"]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_shapes
from timing import Result, load, measure

HERE = Path(__file__).resolve().parent
SERIES = (100, 300, 1000, 3000)
LINEAR = 1.5  # time per occurrence at the largest scan <= 1.5 x at 300 series
WEEK_S = 5.0
TWO_RULES_S = 1.0
HUGE_S = 5.0
HOSTILE_MB = 1024
CONFIG = """[user]
email = "me@mycorp.example"
timezone = "Europe/Berlin"
domains = ["mycorp.example"]
home = "München"

[[calendars]]
name = "shapes"
provider = "ics"
path = "{path}"
"""


class Case:
    """One generated calendar in a folder of its own, and its measurements."""

    def __init__(self, root: Path, name: str, data: bytes) -> None:
        self.name = name
        self.root = root / name
        self.root.mkdir()
        self.calendar = self.root / "shapes.ics"
        self.calendar.write_bytes(data)
        self.config = self.root / "config.toml"
        self.config.write_text(CONFIG.format(path=self.calendar), encoding="utf-8")
        self.size = len(data)
        self.result: Result | None = None
        self.read = 0  # occurrences read (events in the read window, from one extra run)

    def command(self, week: str) -> list[str]:
        config = str(self.config)
        return [sys.executable, "-m", "planner", "week", "--config", config, "--week", week]

    def run(self, runs: int, week: str, base: dict[str, str]) -> None:
        command = [*self.command(week), "--format", "json"]

        def env(i: int) -> dict[str, str]:
            return dict(base, HOME=str(self.root), PLANNER_DATA_DIR=str(self.root / f"d{i}"))

        self.result = measure(runs, command, env)
        self.read = occurrences_read(self.root / "d0", self.config, env(0))


def occurrences_read(data: Path, config: Path, env: dict[str, str]) -> int:
    """How many occurrences the event index holds for the calendar (one run's reading)."""
    script = (
        "import json, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1])\n"
        "rows = conn.execute('SELECT payload FROM event_index').fetchall()\n"
        "print(sum(len(json.loads(p)['occurrences']) for (p,) in rows))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(data / "state.sqlite3")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return int(done.stdout.strip() or 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="leave out 3,000 series")
    parser.add_argument("--only", default="", help="only the cases whose name holds this")
    args = parser.parse_args()
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    week, last_week = _week(monday), _week(monday - timedelta(days=7))
    compiled = [str(HERE.parent / "planner"), str(HERE.parent / "providers")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *compiled], check=True)
    base = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    base.pop("PLANNER_DATA_DIR", None)
    series = SERIES[:-1] if args.quick else SERIES
    before = monday - timedelta(days=7)  # a week gone by: the same plan whatever the weekday
    makers: list[tuple[str, Callable[[], bytes], str]] = [
        *(
            (f"{n} daily series", lambda n=n: gen_shapes.daily_series(monday, n), week)
            for n in series
        ),
        ("50,000 meetings in one week", lambda: gen_shapes.busy_week(before, 50_000), last_week),
        ("1 VEVENT, weekly + minutely RRULE", lambda: gen_shapes.many_rules(monday, 1), week),
        ("4 VEVENTs, weekly + minutely RRULE", lambda: gen_shapes.many_rules(monday, 4), week),
        ("3 RRULEs + 20,000 RDATEs", lambda: gen_shapes.rules_and_dates(monday), week),
        ("50 MB VEVENT, 500 attendees", lambda: gen_shapes.huge_event(monday), week),
    ]
    makers = [m for m in makers if args.only in m[0]]
    print(f"week {week}; {args.runs} runs each, cold; load {load()}")
    cases = []
    with tempfile.TemporaryDirectory(prefix="planner-bench-scale-") as tmp:
        for number, (label, make, shown) in enumerate(makers):
            case = Case(Path(tmp), f"case{number}", make())
            case.name = label
            case.run(args.runs, shown, base)
            cases.append(case)
            print_row(case, flush=True)
    checks = verdicts(cases, series) if not args.only else []
    for label, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {label}")
    print(f"load after the runs: {load()}")
    return 0 if all(ok for _label, ok in checks) else 1


def _week(monday: date) -> str:
    year, number, _day = monday.isocalendar()
    return f"{year}-W{number:02}"


def print_row(case: Case, flush: bool = False) -> None:
    result = case.result
    assert result is not None
    per = 1e6 * result.median / case.read if case.read else 0.0
    print(
        f"{case.name:<36} {case.size / 1e6:7.1f} MB {case.read:>9,} occ "
        f"{result.median:8.2f} s {result.cpu_median:8.2f} s cpu {per:7.1f} µs/occ "
        f"{result.peak_max:7.0f} MB   wall runs: {', '.join(f'{t:.2f}' for t in result.wall)}",
        flush=flush,
    )


def verdicts(cases: list[Case], series: tuple[int, ...]) -> list[tuple[str, bool]]:
    by_name = {case.name: case for case in cases}
    scan = [by_name[f"{n} daily series"] for n in series]
    cost = [c.result.median / c.read for c in scan if c.result and c.read]
    middle = cost[1] if len(cost) > 1 else cost[0]
    checks = [
        (
            f"series scan: time per occurrence at {series[-1]} series <= {LINEAR} x at 300",
            cost[-1] <= LINEAR * middle,
        ),
        (f"50,000 meetings in one week <= {WEEK_S} s", _median(by_name, "50,000") <= WEEK_S),
        (
            f"weekly + minutely RRULE <= {TWO_RULES_S} s",
            _median(by_name, "1 VEVENT") <= TWO_RULES_S,
        ),
        (f"50 MB VEVENT <= {HUGE_S} s", _median(by_name, "50 MB") <= HUGE_S),
    ]
    capped = by_name["3 RRULEs + 20,000 RDATEs"].read
    checks.append(
        (f"3 RRULEs + 20,000 RDATEs: {capped:,} <= 2,000 occurrences read", capped <= 2000)
    )
    worst = max(cases, key=lambda c: c.result.peak_max if c.result else 0)
    peak = worst.result.peak_max if worst.result else 0
    checks.append(
        (f"peak memory of every case <= {HOSTILE_MB} MB ({worst.name})", peak <= HOSTILE_MB)
    )
    return checks


def _median(by_name: dict[str, Case], prefix: str) -> float:
    case = next(c for name, c in by_name.items() if name.startswith(prefix))
    return case.result.median if case.result else float("inf")


if __name__ == "__main__":
    raise SystemExit(main())
