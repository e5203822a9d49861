"""What ``planner sync`` wrote is not read back as the user's own meetings: after a sync into
Google, Outlook and CalDAV, the week, the agenda and the proposals read every meeting once,
from the calendar it was made in (German and English titles, a series, a trip)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest

from planner.calendar.sources import context_for, open_providers, read_events
from planner.ical.writing import event_to_ics
from planner.model import Event
from tests.fakes.google_server import event_to_google
from tests.fakes.graph_server import event_to_graph
from tests.sync.conftest import TZ, World

pytestmark = pytest.mark.slow


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=TZ)


def event(uid: str, title: str, day: int, hour: int, **kw) -> Event:
    return Event(uid, title, at(day, hour), at(day, hour) + timedelta(hours=1), **kw)


def test_mirrors_and_travel_blocks_are_not_read_as_meetings(world: World):
    world.google.put_event(
        "primary",
        event_to_google(event("g-lunch@x", "Mittagessen mit Jonas", 8, 12, location="Tantris")),
    )
    world.graph.put_event(
        event_to_graph(event("o-board@x", "Board meeting", 9, 10, location="Marienplatz 8"))
    )
    series = event_to_ics(event("c-jf@x", "Jour fixe Vertrieb", 7, 9, location="Leopoldstr. 1"))
    series = series.replace(b"BEGIN:VEVENT\r\n", b"BEGIN:VEVENT\r\nRRULE:FREQ=DAILY;COUNT=3\r\n")
    world.radicale.put(world.caldav, "c-jf.ics", series)
    world.user = {"home": "München"}
    world.syncs = [
        {"from": ["o", "c"], "to": "g", "show": "title_and_place"},
        {"from": ["g", "c"], "to": "o", "show": "title"},
    ]
    written = world.run(apply=True)
    assert sum(t.written for t in written.targets) >= 7  # mirrors and travel blocks

    config = world.config()
    providers = open_providers(config, context_for(config, world.store))
    try:
        read = read_events(providers, at(7, 0), at(14, 0))
    finally:
        for provider in providers:
            provider.close()
    titles = Counter(e.title for e in read)
    assert titles == {"Mittagessen mit Jonas": 1, "Board meeting": 1, "Jour fixe Vertrieb": 3}
    assert {e.calendar for e in read} == {"g", "o", "c"}
