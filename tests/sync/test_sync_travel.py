"""Acceptance: "Travel" blocks around meetings in person (issue 21), written into Google (fake)
from Outlook (fake Graph) and CalDAV (Radicale) meetings."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from planner.config import default_config
from planner.ical.writing import event_to_ics
from planner.meet.geo import locate_offline
from planner.meet.travel_time import travel_model
from planner.model import Event, Geo
from planner.sync.marks import travel_id
from tests.fakes.graph_server import event_to_graph
from tests.sync.conftest import TZ
from tests.sync.test_sync_accounts import google_mirrors

pytestmark = pytest.mark.slow

OFFICE = Geo(48.1600, 11.5860)  # Schwabing
LUNCH = Geo(48.1235, 11.5480)  # across town
OFFICE_TEXT = "Office, Leopoldstraße 10, 80802 München"
HOME_TEXT = "Unterhaching"


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 8, hour, minute, tzinfo=TZ)


def lunch(start: datetime, location: str, geo: Geo | None) -> bytes:
    found = Event("c-lunch@x", "Lunch with Jana", start, start + timedelta(minutes=90))
    return event_to_ics(
        Event(found.uid, found.title, found.start, found.end, location=location, geo=geo)
    )


def travel_blocks(world) -> dict[str, tuple[datetime, datetime]]:
    found = {}
    for key, item in google_mirrors(world).items():
        if key.startswith("travel:"):
            assert item["summary"] == "Travel"
            start = datetime.fromisoformat(item["start"]["dateTime"]).astimezone(TZ)
            end = datetime.fromisoformat(item["end"]["dateTime"]).astimezone(TZ)
            found[key] = (start, end)
    return found


def test_lunch_across_town_between_office_meetings_gets_travel_blocks(world):
    for uid, title, hour in (("o-team@x", "Team meeting", 9), ("o-review@x", "Project review", 15)):
        meeting = Event(uid, title, at(hour), at(hour + 1), location=OFFICE_TEXT, geo=OFFICE)
        world.graph.put_event(event_to_graph(meeting))
    world.radicale.put(
        world.caldav, "c-lunch.ics", lunch(at(12), "Trattoria, Sendlinger Straße 20", LUNCH)
    )
    world.user = {"home": HOME_TEXT}
    world.syncs = [{"from": ["o", "c"], "to": "g", "show": "title", "travel": True}]
    model = travel_model(default_config())
    across = timedelta(minutes=model.minutes(OFFICE, LUNCH))
    home = locate_offline(HOME_TEXT, "DE").geo
    commute = timedelta(minutes=model.minutes(home, OFFICE))
    assert across >= timedelta(minutes=20) and commute >= timedelta(minutes=20)

    world.run(apply=True)
    assert travel_blocks(world) == {
        travel_id("o-team@x", "before"): (at(9) - commute, at(9)),
        travel_id("c-lunch@x", "before"): (at(12) - across, at(12)),
        travel_id("c-lunch@x", "after"): (at(13, 30), at(13, 30) + across),
        travel_id("o-review@x", "after"): (at(16), at(16) + commute),
    }

    # the lunch moves half an hour: its blocks move with it
    world.radicale.put(
        world.caldav, "c-lunch.ics", lunch(at(12, 30), "Trattoria, Sendlinger Straße 20", LUNCH)
    )
    world.run(apply=True)
    blocks = travel_blocks(world)
    assert blocks[travel_id("c-lunch@x", "before")] == (at(12, 30) - across, at(12, 30))
    assert blocks[travel_id("c-lunch@x", "after")] == (at(14), at(14) + across)

    # the lunch becomes a video call: its blocks go, the commute stays
    world.radicale.put(world.caldav, "c-lunch.ics", lunch(at(12, 30), "https://zoom.us/j/93", None))
    world.run(apply=True)
    assert set(travel_blocks(world)) == {
        travel_id("o-team@x", "before"),
        travel_id("o-review@x", "after"),
    }
    writes = world.google_writes()
    world.run(apply=True)
    assert world.google_writes() == writes  # settled: nothing more to write


def test_two_addresses_in_one_town_known_only_by_the_town_get_a_travel_block(world):
    """Issue 26, travel in town: offline, both street addresses land at Hamburg's centre; the
    way between them is still [travel] in_town_minutes, never a 0-minute leg that is dropped.
    The same address twice is no way at all."""
    first = "Elbwerk AG, Jungfernstieg 7, 20354 Hamburg"
    second = "Hafenlogistik GmbH, Große Elbstraße 145, 22767 Hamburg"
    assert locate_offline(first, "DE").geo == locate_offline(second, "DE").geo  # no street
    for uid, title, hour, where in (
        ("o-a@x", "Workshop Elbwerk", 9, first),
        ("o-b@x", "Status Hafenlogistik", 14, second),
        ("o-c@x", "Nachbesprechung Hafenlogistik", 16, second),
    ):
        world.graph.put_event(
            event_to_graph(Event(uid, title, at(hour), at(hour + 1), location=where))
        )
    world.syncs = [{"from": ["o"], "to": "g", "travel": True}]
    world.run(apply=True)
    blocks = travel_blocks(world)
    in_town = timedelta(minutes=default_config()["travel"]["in_town_minutes"])
    assert in_town == timedelta(minutes=20)
    assert blocks[travel_id("o-b@x", "before")] == (at(14) - in_town, at(14))
    assert set(blocks) == {travel_id("o-b@x", "before")}  # the same place twice: no way
