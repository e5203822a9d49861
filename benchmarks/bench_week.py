"""`planner week` against the floor, khal, and its own history: one table, with targets.

What is timed (wall clock, median of ``--runs`` runs each, every run a fresh subprocess, so
interpreter start and imports are included in *all* of them):

- floor: ``python -c`` that imports icalendar and recurring-ical-events, reads the file,
  ``icalendar.Calendar.from_ical`` and ``recurring_ical_events.of(cal).between(week)``; the
  least any tool that parses the file has to do to show one week;
- khal: ``khal list`` of the same week from khal's own SQLite cache (khal is installed into
  ``--khal-venv`` when missing; the calendar is split into a vdir; one untimed run first
  builds khal's cache and loads its imports);
- cold: ``python -m planner week --config C --week W --format json`` with a fresh, empty data
  dir (no event index, no ledger) for every run;
- warm: the same command in one data dir that an untimed run filled first (file unchanged);
- one event edited: warm, then before each run the title of one meeting of the week is changed
  (a different text each time, as a calendar app saves it); the line a last edit prints with
  ``--verbose`` says how many events were read again;
- URL calendar unchanged: the calendar served by a local HTTP server on 127.0.0.1 with an ETag
  that does not change, warm (two untimed runs); the server counts requests, 304 answers and
  body bytes sent during the timed runs (no byte sent: nothing downloaded, nothing parsed);
- ``python -m planner --help`` against ``python -c "import click"``;
- demo: ``python -m planner week --demo --format json`` after one untimed run.

The project's modules are byte-compiled first, as ``pip install`` leaves them.
Peak memory is the child's maximum resident set size (GNU time's ``%M``; worker processes
of a parallel parse are not added, each is smaller than the main one). With ``--years 1,5,10,20``
the same generator makes calendars of that many years (1,200 single meetings a year, the same
series) and cold and warm are timed on each: warm must not grow with history beyond the
look-back window. ``--install-size`` installs the project (``pip install .``, no extras) into a
fresh venv and measures its site-packages.

Wall-clock medians decide PASS/FAIL; CPU-time (user + system of the child) medians are printed
beside them, as they suffer less when other work shares the machine. Exit status 1 on a FAIL.
``--breakdown`` adds an in-process split of one warm run (not part of the verdict).

    python benchmarks/bench_week.py [--runs 5] [--years 1,5,10,20] [--install-size]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from changes import Editor, Served
from gen_calendar import config_text, generate
from khal_setup import ensure_khal, list_command, write_config, write_vdir
from timing import Result, load, measure, timed

HERE = Path(__file__).resolve().parent
WARM_FLOOR = 0.04  # warm <= 0.04 x floor
WARM_KHAL = 0.3  # warm <= 0.3 x khal list
COLD_FLOOR = 0.5  # cold <= 0.5 x floor
EDIT_FLOOR = 0.1  # one event edited <= 0.1 x floor
URL_FLOOR = 0.05  # unchanged URL calendar (304) <= 0.05 x floor
WARM_GROWTH = 1.3  # warm on the longest history <= 1.3 x warm on five years
PEAK_MB = 250  # peak memory of a cold run on the longest history
HELP_CLICK = 2.5  # --help <= 2.5 x python -c "import click"
DEMO_S = 1.0  # planner week --demo, warm
INSTALL_MB = 250  # site-packages of pip install . into a fresh venv
MEETINGS_A_YEAR = 1200
FLOOR = """
import sys, datetime
import icalendar, recurring_ical_events
with open(sys.argv[1], "rb") as handle:
    cal = icalendar.Calendar.from_ical(handle.read())
first = datetime.date.fromisoformat(sys.argv[2])
found = recurring_ical_events.of(cal).between(first, first + datetime.timedelta(days=7))
print(len(found))
"""


@dataclass
class Setup:
    """A generated calendar with its config in a directory of its own."""

    root: Path
    calendar: Path
    config: Path
    data: bytes
    years: int


def make_setup(root: Path, years: int, end: date) -> Setup:
    root.mkdir(parents=True, exist_ok=True)
    calendar = root / "work.ics"
    data = generate(end, years=years, meetings=MEETINGS_A_YEAR * years)
    calendar.write_bytes(data)
    config = root / "config.toml"
    config.write_text(config_text(calendar), encoding="utf-8")
    return Setup(root, calendar, config, data, years)


class Bench:
    """The commands of one benchmark run and their environments."""

    def __init__(self, runs: int, monday: date, base: dict[str, str]) -> None:
        self.runs = runs
        self.monday = monday
        year, week, _day = monday.isocalendar()
        self.week_arg = f"{year}-W{week:02}"
        self.base = base

    def env(self, setup: Setup, data_dir: str) -> dict[str, str]:
        return dict(
            self.base,
            PLANNER_CONFIG=str(setup.config),
            HOME=str(setup.root),
            PLANNER_DATA_DIR=str(setup.root / data_dir),
        )

    def week_cmd(self, setup: Setup) -> list[str]:
        return [
            sys.executable,
            "-m",
            "planner",
            "week",
            "--config",
            str(setup.config),
            "--week",
            self.week_arg,
            "--format",
            "json",
        ]

    def floor(self, setup: Setup) -> Result:
        command = [sys.executable, "-c", FLOOR, str(setup.calendar), self.monday.isoformat()]
        return measure(self.runs, command, lambda i: dict(self.base, HOME=str(setup.root)))

    def cold(self, setup: Setup) -> Result:
        return measure(self.runs, self.week_cmd(setup), lambda i: self.env(setup, f"cold-{i}"))

    def warm(self, setup: Setup) -> Result:
        env = self.env(setup, "warm")
        timed(self.week_cmd(setup), env)  # fills the index and the ledger
        return measure(self.runs, self.week_cmd(setup), lambda i: env)

    def khal(self, setup: Setup, venv: Path) -> Result:
        khal = ensure_khal(venv)
        write_vdir(setup.data, setup.root / "vdir")
        config = write_config(setup.root, setup.root / "vdir", "Europe/Berlin")
        command = list_command(khal, config, self.monday.isoformat())
        env = dict(self.base, HOME=str(setup.root))
        timed(command, env)  # khal's cache, and its imports once
        return measure(self.runs, command, lambda i: env)

    def edited(self, setup: Setup) -> tuple[Result, str]:
        """Warm, then one meeting of the week edited before each run (a copy of the calendar);
        and what a last edit, run with --verbose, says was read again."""
        copy = _copy(setup, "edited", lambda config: config)
        env = self.env(copy, "data")
        for _ in range(2):
            timed(self.week_cmd(copy), env)  # fills the index, then keeps the output
        editor = Editor(copy.calendar, self.monday)

        def edit_then(i: int) -> dict[str, str]:
            editor.edit()
            return env

        result = measure(self.runs, self.week_cmd(copy), edit_then)
        editor.edit()
        told = subprocess.run([*self.week_cmd(copy), "--verbose"], env=env, capture_output=True)
        said = [line for line in told.stderr.decode().splitlines() if "changed since" in line]
        return result, said[-1].split(": ", 2)[-1] if said else "nothing said"

    def served(self, setup: Setup) -> tuple[Result, tuple[int, int, int]]:
        """The calendar at a URL with an ETag that does not change: warm, then timed; and the
        requests, 304 answers and body bytes the server saw during the timed runs."""
        server = Served(setup.data)
        try:
            copy = _copy(
                setup,
                "served",
                lambda config: config.replace(
                    f'path = "{setup.root / "served" / "work.ics"}"', f'url = "{server.url}"'
                ),
            )
            env = self.env(copy, "data")
            for _ in range(2):
                timed(self.week_cmd(copy), env)  # downloads and reads once, then keeps
            before = server.counts()
            result = measure(self.runs, self.week_cmd(copy), lambda i: env)
            after = server.counts()
        finally:
            server.close()
        return result, (after[0] - before[0], after[1] - before[1], after[2] - before[2])

    def simple(self, command: list[str], setup: Setup, warm_up: bool = False) -> Result:
        env = self.env(setup, "simple")
        if warm_up:
            timed(command, env)
        return measure(self.runs, command, lambda i: env)


def _copy(setup: Setup, name: str, change: Callable[[str], str]) -> Setup:
    """The calendar and config of ``setup`` in a folder of their own (``change`` edits the
    config text)."""
    root = setup.root / name
    root.mkdir()
    calendar = root / "work.ics"
    calendar.write_bytes(setup.data)
    config = root / "config.toml"
    config.write_text(change(config_text(calendar)), encoding="utf-8")
    return Setup(root, calendar, config, setup.data, setup.years)


def install_size(root: Path) -> float:
    """MB of site-packages after ``pip install .`` (no extras) into a fresh venv."""
    venv = root / "install-venv"
    source = root / "source"  # a clean copy: a stale build/ in the tree would be installed too
    skip = shutil.ignore_patterns(".*", "build", "*.egg-info", "__pycache__", "tests")
    shutil.copytree(HERE.parent, source, ignore=skip)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(source)]
    subprocess.run(pip, check=True, capture_output=True)
    site = next((venv / "lib").glob("python*/site-packages"))
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--years", default="5", help="histories to time, e.g. 1,5,10,20")
    parser.add_argument("--khal-venv", type=Path, default=HERE / ".khal-venv")
    parser.add_argument("--no-khal", action="store_true", help="leave khal out")
    parser.add_argument("--install-size", action="store_true", help="pip install . and du")
    parser.add_argument("--breakdown", action="store_true", help="split one warm run in-process")
    args = parser.parse_args()
    years = sorted({int(y) for y in args.years.split(",")} | {5})
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    # bytecode as an installed package has it (pip compiles at install); none is written later
    compiled = [str(HERE.parent / "planner"), str(HERE.parent / "providers")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *compiled], check=True)
    base = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    base.pop("PLANNER_DATA_DIR", None)
    bench = Bench(max(args.runs, 1), monday, base)
    with tempfile.TemporaryDirectory(prefix="planner-bench-week-") as tmp:
        root = Path(tmp)
        setups = {y: make_setup(root / f"{y}y", y, monday + timedelta(days=182)) for y in years}
        five = setups[5]
        print(
            f"calendar: {len(five.data) / 1e6:.1f} MB, {five.data.count(b'BEGIN:VEVENT'):,} "
            f"VEVENTs, 5 years to {monday + timedelta(days=182)}; week {bench.week_arg}; "
            f"{bench.runs} runs each; times include interpreter start; load {load()}"
        )
        rows = main_table(bench, five, args, root)
        curve = {y: (bench.cold(s), bench.warm(s)) for y, s in setups.items() if y != 5}
        curve[5] = (rows["cold"], rows["warm"])
        if args.breakdown:
            breakdown(five.config, monday, bench.env(five, "warm"))
    checks = print_main(rows)
    checks += print_curve(curve, setups)
    for label, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {label}")
    print(f"load after the runs: {load()}")
    return 0 if all(ok for _label, ok in checks) else 1


def main_table(bench: Bench, five: Setup, args: argparse.Namespace, root: Path) -> dict:
    rows: dict[str, Result | float | None] = {"floor": bench.floor(five)}
    rows["khal"] = None if args.no_khal else bench.khal(five, args.khal_venv)
    rows["cold"] = bench.cold(five)
    rows["warm"] = bench.warm(five)
    rows["edited"], rows["edited_said"] = bench.edited(five)
    rows["url"], rows["url_counts"] = bench.served(five)
    rows["help"] = bench.simple([sys.executable, "-m", "planner", "--help"], five)
    rows["click"] = bench.simple([sys.executable, "-c", "import click"], five)
    demo = [sys.executable, "-m", "planner", "week", "--demo", "--format", "json"]
    rows["demo"] = bench.simple(demo, five, warm_up=True)
    rows["install"] = install_size(root) if args.install_size else None
    return rows


LABELS = {
    "floor": "floor (icalendar + recurring-ical-events, one week)",
    "khal": "khal list, same week (khal's SQLite cache)",
    "cold": "planner week, cold index",
    "warm": "planner week, warm index",
    "edited": "planner week, one event edited since",
    "url": "planner week, URL calendar unchanged (ETag)",
    "help": "planner --help",
    "click": 'python -c "import click"',
    "demo": "planner week --demo (warm)",
}


def print_main(rows: dict) -> list[tuple[str, bool]]:
    floor: Result = rows["floor"]
    print(
        f"{'':<52} {'wall median':>12} {'x floor':>8} {'cpu median':>11} {'x floor':>8}"
        f" {'peak MB':>8}"
    )
    for key, label in LABELS.items():
        result = rows[key]
        if result is None:
            print(f"{label:<52} {'not measured':>12}")
            continue
        print(
            f"{label:<52} {result.median:10.3f} s {result.median / floor.median:8.3f} "
            f"{result.cpu_median:9.3f} s {result.cpu_median / floor.cpu_median:8.3f} "
            f"{result.peak_max:8.0f}   wall runs: {', '.join(f'{t:.2f}' for t in result.wall)}"
        )
    requests, not_modified, body = rows["url_counts"]
    print(f"  edited: {rows['edited_said']}")
    print(
        f"  URL: {requests} requests in the timed runs, {not_modified} answered 304, "
        f"{body:,} body bytes sent (so {body:,} bytes parsed)"
    )
    install = rows["install"]
    size = f"{install:.0f} MB" if install is not None else "not measured (--install-size)"
    print(f"{'site-packages of pip install . (fresh venv)':<52} {size:>12}")
    warm, cold, khal = rows["warm"].median, rows["cold"].median, rows["khal"]
    checks = [
        (f"warm <= {WARM_FLOOR} x floor", warm <= WARM_FLOOR * floor.median),
        (f"cold <= {COLD_FLOOR} x floor", cold <= COLD_FLOOR * floor.median),
        (
            f"one event edited <= {EDIT_FLOOR} x floor",
            rows["edited"].median <= EDIT_FLOOR * floor.median,
        ),
        (f"unchanged URL <= {URL_FLOOR} x floor", rows["url"].median <= URL_FLOOR * floor.median),
        ("unchanged URL: 0 bytes downloaded or parsed", body == 0),
        (
            f"--help <= {HELP_CLICK} x import click",
            rows["help"].median <= HELP_CLICK * rows["click"].median,
        ),
        (f"demo <= {DEMO_S} s", rows["demo"].median <= DEMO_S),
    ]
    if khal is not None:
        checks.append((f"warm <= {WARM_KHAL} x khal list", warm <= WARM_KHAL * khal.median))
    if install is not None:
        checks.append((f"site-packages <= {INSTALL_MB} MB", install <= INSTALL_MB))
    return checks


def print_curve(curve: dict, setups: dict) -> list[tuple[str, bool]]:
    if len(curve) < 2:
        return []
    print(
        f"\n{'history':<10} {'file MB':>8} {'VEVENTs':>8} {'cold s':>8} {'cold cpu':>9}"
        f" {'cold MB':>8} {'warm s':>8} {'warm cpu':>9} {'warm MB':>8} {'warm x 5y':>10}"
    )
    warm5 = curve[5][1]
    for years in sorted(curve):
        cold, warm = curve[years]
        data = setups[years].data
        print(
            f"{years:>3} years  {len(data) / 1e6:8.1f} {data.count(b'BEGIN:VEVENT'):8,} "
            f"{cold.median:8.3f} {cold.cpu_median:9.3f} {cold.peak_max:8.0f} "
            f"{warm.median:8.3f} {warm.cpu_median:9.3f} {warm.peak_max:8.0f} "
            f"{warm.median / warm5.median:10.2f}"
        )
    longest = max(curve)
    cold_long, warm_long = curve[longest]
    return [
        (
            f"warm {longest}y <= {WARM_GROWTH} x warm 5y",
            warm_long.median <= WARM_GROWTH * warm5.median,
        ),
        (f"peak memory cold {longest}y <= {PEAK_MB} MB", cold_long.peak_max <= PEAK_MB),
    ]


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
from planner.flows.weekly import build_plan, read_window
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
