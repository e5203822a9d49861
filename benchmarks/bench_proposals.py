"""Benchmark: proposals for 20 counterparts over 4 weeks, 30 busy calendars, 5,000 venues.

Prints the median of 5 runs (after one warm-up run, whose time is printed too: it includes
loading the offline city and postal-code data once per process) and exits non-zero when the
median is over the budget of 1 s.

    python benchmarks/bench_proposals.py [--runs 5] [--budget 1.0]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.config import default_config
from planner.meet.proposals import Proposer
from planner.meet.venues import Catalog, Venue, VenueKind
from planner.model import Event, Geo, Interval, Purpose

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2027, 3, 1, tzinfo=TZ)  # a Monday
END = START + timedelta(weeks=4)
CENTER = Geo(48.137, 11.575)
HOURS = [
    "Mo-Fr 08:00-18:00; Sa 09:00-14:00",
    "Mo-Su 11:00-23:00",
    "Tu-Su 17:00-01:00",
    "Mo-Fr 07:30-19:00; Sa,Su 09:00-17:00; PH off",
    "24/7",
    "Mo-Sa 10:00-22:00; Su off",
    "Mo-Fr 11:30-14:30,17:30-23:00",
    "",
]
PLACES = [
    "Leopoldstraße 10, 80802 München",
    "Messe München",
    "Nürnberg",
    "Augsburg",
    "80331 München",
    "https://teams.microsoft.com/l/meetup-join/1",
    "",
]


def make_venues(rng: random.Random, count: int) -> list[Venue]:
    kinds = list(VenueKind)
    return [
        Venue(
            f"Venue {i}",
            kinds[i % len(kinds)],
            CENTER.lat + rng.uniform(-0.12, 0.12),
            CENTER.lon + rng.uniform(-0.18, 0.18),
            address=f"Straße {i}, 80331 München",
            opening_hours=rng.choice(HOURS),
            tags=frozenset(rng.sample(["quiet", "wifi", "private_room"], rng.randint(0, 2))),
        )
        for i in range(count)
    ]


def make_events(rng: random.Random, calendars: int) -> list[Event]:
    events = []
    for cal in range(calendars):
        day = START
        while day < END:
            if day.weekday() < 5:  # ~8 events a day across all 30 calendars
                for n in range(rng.choices([0, 1, 2], weights=[75, 20, 5])[0]):
                    start = day.replace(hour=rng.randint(8, 17), minute=rng.choice([0, 15, 30]))
                    place = rng.choice(PLACES)
                    events.append(
                        Event(
                            f"c{cal}-{day:%m%d}-{n}",
                            "Termin",
                            start,
                            start + timedelta(minutes=rng.choice([30, 45, 60, 90])),
                            location=place,
                            calendar=f"cal{cal}",
                            busy=rng.random() > 0.1,
                        )
                    )
            day += timedelta(days=1)
    return events


def make_counterparts(rng: random.Random, count: int) -> list[dict]:
    purposes = [Purpose.FIRST_CONTACT, Purpose.DEAL_CLOSING, "networking", Purpose.ROUTINE]
    people = []
    for i in range(count):
        busy = []
        for _ in range(rng.randint(5, 30)):
            start = START + timedelta(days=rng.randint(0, 27), hours=rng.randint(8, 18))
            busy.append(Interval(start, start + timedelta(minutes=rng.choice([30, 60, 120]))))
        place = Geo(CENTER.lat + rng.uniform(-0.08, 0.08), CENTER.lon + rng.uniform(-0.1, 0.1))
        people.append({"purpose": purposes[i % len(purposes)], "busy": busy, "place": place})
    return people


def run(events, config, catalog, counterparts) -> int:
    proposer = Proposer(events, config, catalog)
    found = 0
    for person in counterparts:
        found += len(
            proposer.propose(
                START,
                END,
                purpose=person["purpose"],
                counterpart_busy=person["busy"],
                counterpart_place=person["place"],
                count=3,
            )
        )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=1.0, help="seconds for the median")
    args = parser.parse_args()
    rng = random.Random(42)
    config = default_config(user={"home": "80331 München"})
    venues = make_venues(rng, 5000)
    events = make_events(rng, 30)
    counterparts = make_counterparts(rng, 20)
    print(
        f"{len(events)} events in 30 calendars, {len(venues)} venues, "
        f"{len(counterparts)} counterparts, 4 weeks"
    )
    times, cpu = [], []
    for index in range(args.runs + 1):
        catalog = Catalog(venues, TZ)  # fresh: no opening hours cached between runs
        began, began_cpu = time.perf_counter(), time.process_time()
        found = run(events, config, catalog, counterparts)
        elapsed = time.perf_counter() - began
        if index == 0:
            print(f"warm-up run (loads offline geodata once): {elapsed:.3f} s, {found} proposals")
        else:
            times.append(elapsed)
            cpu.append(time.process_time() - began_cpu)
    median = statistics.median(times)
    print(f"runs: {', '.join(f'{t:.3f}' for t in times)} s")
    print(
        f"median of {args.runs}: {median:.3f} s wall, {statistics.median(cpu):.3f} s CPU "
        f"(budget {args.budget:.2f} s wall)"
    )
    return 0 if median <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
