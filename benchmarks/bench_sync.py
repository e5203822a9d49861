"""How long planner sync takes to plan a busy fortnight, without the network.

Generates N events over 14 days in three calendars (every third in person at one of a dozen
places around Munich, some free, declined, tentative or private), then prints the median of
several runs of: choosing and building the mirrors for two two-way targets, computing the
travel legs (classification included), and planning against targets that already hold the
result (the settled run, which must plan nothing).

    python benchmarks/bench_sync.py [N] [RUNS]      # defaults: 3000 events, 5 runs
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.config import default_config
from planner.judge.mode import classify
from planner.meet.travel_time import travel_model
from planner.model import Event, Geo, Response, Status
from planner.sync.mirrors import mirrors
from planner.sync.plan import plan_target
from planner.sync.travel import legs, travel_blocks
from providers.base import MarkedEvent, SyncMark

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 12, 7, tzinfo=TZ)
PLACES = [Geo(48.10 + i * 0.01, 11.50 + (i % 4) * 0.03) for i in range(12)]


def generate(count: int, seed: int = 7) -> dict[str, list[Event]]:
    rng = random.Random(seed)
    calendars: dict[str, list[Event]] = {"g": [], "o": [], "c": []}
    for n in range(count):
        start = START + timedelta(days=rng.randrange(14), minutes=rng.randrange(7 * 4, 20 * 4) * 15)
        place = PLACES[rng.randrange(len(PLACES))] if n % 3 == 0 else None
        event = Event(
            f"bench-{n}@planner.test",
            f"Meeting {n}",
            start,
            start + timedelta(minutes=rng.choice((30, 45, 60, 90))),
            location=f"Office {n % 12}, München" if place else "https://zoom.us/j/1",
            geo=place,
            busy=rng.random() > 0.05,
            status=Status.TENTATIVE if rng.random() < 0.05 else Status.CONFIRMED,
            self_response=Response.DECLINED if rng.random() < 0.03 else None,
            hints=(("CLASS", "PRIVATE"),) if rng.random() < 0.1 else (),
        )
        calendars[rng.choice("goc")].append(event)
    return calendars


def median(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    calendars = generate(count)
    everything = [e for found in calendars.values() for e in found]
    model = travel_model(default_config())

    def wanted():
        return {
            "g": mirrors(calendars["o"] + calendars["c"], "oc", "g", "title"),
            "o": mirrors(calendars["g"] + calendars["c"], "gc", "o", "busy"),
        }

    def travel():
        return legs(
            everything,
            mode_of=lambda e: classify(e).mode,
            locate=lambda e: e.geo,
            home=PLACES[0],
            minutes=model.minutes,
            tz=TZ,
        )

    found = wanted()
    found["g"] += travel_blocks(travel(), "g")
    window = (START, START + timedelta(days=14))
    settled = {
        target: [MarkedEvent(w.event.uid, SyncMark(w.key, w.digest), w.event) for w in items]
        for target, items in found.items()
    }

    def plan():
        result = [plan_target(t, found[t], settled[t], window=window) for t in found]
        assert all(not p.changes for p in result)

    print(f"{count} events, {sum(len(v) for v in found.values())} wanted, median of {runs} runs")
    print(f"mirrors        {median(runs, wanted) * 1000:8.1f} ms")
    print(f"travel legs    {median(runs, travel) * 1000:8.1f} ms  ({len(travel())} legs)")
    print(f"settled plan   {median(runs, plan) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
