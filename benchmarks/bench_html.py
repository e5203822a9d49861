"""Rendering the weekly HTML view: the demo week and a crowded synthetic week.

What is timed (in process, ``time.perf_counter``, median of ``--runs`` runs): only
``planner.render.html.week_html`` on a JSON view that is built once beforehand, so calendar
reading and planning (see bench_week.py) are not part of it. The synthetic week has
``--per-day`` meetings on each of its seven days, many of them overlapping, a tenth crossing
midnight and every fifth with two proposals, so the lane layout and the per-day cuts are
exercised. It prints the medians and the size of each page.

    python benchmarks/bench_html.py [--runs 7] [--per-day 40]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

MODES = ("in_person", "virtual", "hybrid", "phone", "unknown")
TZ = ZoneInfo("Europe/Berlin")


def demo_week() -> dict[str, Any]:
    from planner import api
    from planner.render.json import week_to_dict
    from planner.store import Store

    with api.demo_session(date(2026, 12, 7)) as (config, first_day):
        plan = api.plan_week(
            config, first_day, now=api.demo_now(config, first_day), store=Store(":memory:")
        )
    return week_to_dict(plan)


def synthetic_week(per_day: int, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    monday = datetime(2026, 12, 7, tzinfo=TZ)
    events = []
    for day in range(7):
        for n in range(per_day):
            start = monday + timedelta(days=day, minutes=rng.randrange(6 * 60, 21 * 60, 15))
            length = timedelta(minutes=rng.choice((15, 30, 45, 60, 90, 120)))
            if n % 10 == 9:
                start = monday + timedelta(days=day, hours=22, minutes=30)
                length = timedelta(hours=4)
            events.append(_event(f"{day}-{n}", start, length, rng, proposals=n % 5 == 0))
    return {
        "week": {
            "start": monday.isoformat(),
            "end": (monday + timedelta(days=7)).isoformat(),
            "iso_week": "2026-W50",
            "timezone": "Europe/Berlin",
        },
        "events": events,
        "stats": {"meetings": len(events), "hours": 100.0, "external_hours": 60.0},
        "balance": {
            "in_person_share": 0.3,
            "target": 0.3,
            "in_person_hours": 18.0,
            "external_hours": 60.0,
            "trend": [{"week": f"2026-W{w}", "share": rng.random()} for w in range(42, 50)],
        },
        "due_for_visit": [
            {"account": f"client{i}.example", "reason": "Key account: last met long ago"}
            for i in range(5)
        ],
    }


def _event(
    uid: str, start: datetime, length: timedelta, rng: random.Random, proposals: bool
) -> dict[str, Any]:
    offers = [
        {
            "start": (start + timedelta(days=1)).isoformat(),
            "end": (start + timedelta(days=1, minutes=45)).isoformat(),
            "kind": "coffee",
            "venue": {"name": f"Café {uid}", "address": "Marienplatz 1, München"},
        }
        for _ in range(2 if proposals else 0)
    ]
    action = "meet_in_person" if proposals else rng.choice(("keep", None))
    return {
        "uid": f"{uid}@bench",
        "title": f"Meeting {uid} with a rather long title for the block",
        "start": start.isoformat(),
        "end": (start + length).isoformat(),
        "all_day": False,
        "location": "Leopoldstraße 10, München",
        "mode": rng.choice(MODES),
        "meeting": True,
        "recommendation": {"action": action, "reason": "first meeting"} if action else None,
        "proposals": offers,
    }


def median_ms(data: dict[str, Any], runs: int) -> tuple[float, int]:
    from planner.render.html import week_html

    week_html(data)  # warm-up: the stylesheet is read once and cached
    times = []
    size = 0
    for _ in range(runs):
        begin = time.perf_counter()
        size = len(week_html(data))
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--per-day", type=int, default=40)
    args = parser.parse_args()
    for name, data in (
        ("demo week", demo_week()),
        (f"synthetic, {args.per_day}/day", synthetic_week(args.per_day)),
    ):
        ms, size = median_ms(data, args.runs)
        print(f"{name:<24} {len(data['events']):>5} events  {ms:8.1f} ms  {size / 1024:8.1f} KiB")


if __name__ == "__main__":
    main()
