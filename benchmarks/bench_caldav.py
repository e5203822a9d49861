"""How long the CalDAV provider takes to read one week from a calendar with years of history.

Starts a real Radicale on loopback, fills one calendar with N generated events (single events
spread over three years, every 20th a weekly series) and prints the median of several runs of:
the first (full) sync, a later run with nothing changed (incremental), a run after one change,
and a time-range query without the local copy (server-side expansion).

    python benchmarks/bench_caldav.py [N] [RUNS]      # defaults: 1000 events, 5 runs
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.config.schema import SourceConfig
from planner.store import Store
from providers.base import ProviderContext, create
from tests.providers.radicale_server import radicale_server

TZ = ZoneInfo("Europe/Berlin")
WEEK = datetime(2026, 12, 7, tzinfo=TZ)


def ics(index: int) -> str:
    start = datetime(2024, 1, 1, 8, tzinfo=TZ) + timedelta(hours=19 * index)
    rule = "RRULE:FREQ=WEEKLY;COUNT=80\n" if index % 20 == 0 else ""
    return (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//bench//EN\nBEGIN:VEVENT\n"
        f"UID:bench-{index}@planner.test\nDTSTAMP:20240101T000000Z\n"
        f"DTSTART:{start.astimezone(ZoneInfo('UTC')):%Y%m%dT%H%M%SZ}\n"
        f"DTEND:{(start + timedelta(hours=1)).astimezone(ZoneInfo('UTC')):%Y%m%dT%H%M%SZ}\n"
        f"{rule}SUMMARY:Meeting {index}\nLOCATION:Room {index % 7}\nEND:VEVENT\nEND:VCALENDAR\n"
    )


def median_ms(runs: int, setup: Callable[[], object], action: Callable[[object], object]) -> float:
    times = []
    for _ in range(runs):
        state = setup()
        begin = time.perf_counter()
        action(state)
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def main(count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, radicale_server(Path(tmp) / "radicale") as server:
        os.environ[server.password_env] = server.password
        calendar = server.make_calendar("Bench", cal_id="bench")
        client = server.client()
        for index in range(count):
            url = str(calendar.url.join(f"bench-{index}.ics"))
            client.put(url, ics(index), {"Content-Type": "text/calendar"})

        def provider(store: Store, **options: object) -> object:
            opts = server.provider_options(calendars=["Bench"], **options)
            return create(
                SourceConfig("bench", "caldav", opts),
                ProviderContext(tz=TZ, store_factory=lambda: store),
            )

        def read(p: object) -> None:
            p.events(WEEK, WEEK + timedelta(days=7))  # type: ignore[attr-defined]

        def fresh() -> object:
            return provider(Store(Path(tmp) / f"s{time.perf_counter_ns()}.sqlite3"))

        warm = Store(Path(tmp) / "warm.sqlite3")
        read(provider(warm))
        counter = iter(range(10**6))

        def changed() -> object:
            body = ics(1).replace("Meeting 1", f"Meeting 1 v{next(counter)}")
            client.put(
                str(calendar.url.join("bench-1.ics")), body, {"Content-Type": "text/calendar"}
            )
            return provider(warm)

        print(f"calendar: {count} objects on Radicale; median of {runs} runs, one week read")
        print(f"first run (full sync)         {median_ms(runs, fresh, read):8.1f} ms")
        print(
            f"later run, nothing changed    {median_ms(runs, lambda: provider(warm), read):8.1f} ms"
        )
        print(f"later run, one object changed {median_ms(runs, changed, read):8.1f} ms")
        query = median_ms(runs, lambda: provider(warm, sync=False), read)
        print(f"no local copy (server expand) {query:8.1f} ms")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*(args + [1000, 5][len(args) :]))
