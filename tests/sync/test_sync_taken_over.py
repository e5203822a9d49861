"""A mirror or travel block the user took over in Google, Outlook or a CalDAV calendar (retitled,
moved, given a place and guests) is their own meeting now: the week reads it, and sync mirrors
it like any busy time, while the planner's untouched ones stay out as before. Two calendars
that mirror each other do not pass a taken-over event back and forth (the fake Google and
Graph, a real Radicale; German and English titles)."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import pytest

from planner.calendar.sources import context_for, open_providers, read_events
from planner.ical.writing import event_to_ics
from planner.model import Event, Geo
from tests.fakes.google_server import event_to_google
from tests.fakes.graph_server import event_to_graph
from tests.sync.conftest import TZ, World

pytestmark = pytest.mark.slow

MINUTES_25 = timedelta(minutes=25)
OFFICE = Geo(48.1600, 11.5860)
CAFE = Geo(48.1235, 11.5480)


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=TZ)


def event(uid: str, title: str, day: int, hour: int, **kw: Any) -> Event:
    return Event(uid, title, at(day, hour), at(day, hour) + timedelta(hours=1), **kw)


def read(world: World) -> list[Event]:
    """What ``planner week`` and ``planner agenda`` read from the three calendars."""
    config = world.config()
    providers = open_providers(config, context_for(config, world.store))
    try:
        return read_events(providers, at(7, 0), at(14, 0))
    finally:
        for provider in providers:
            provider.close()


def google_marked(world: World, title: str) -> dict[str, Any]:
    """The event sync wrote into the Google calendar under ``title``."""
    (item,) = [
        i
        for i in world.google.calendar("primary").items.values()
        if i.get("summary") == title
        and ((i.get("extendedProperties") or {}).get("private") or {}).get("plannerSync")
    ]
    return item


def graph_marked(world: World, title: str) -> list[dict[str, Any]]:
    """The events sync wrote into the Outlook calendar under ``title``."""
    return [
        i
        for i in world.graph.all_events()
        if i.get("subject") == title and i.get("singleValueExtendedProperties")
    ]


def changes(result, action: str) -> list[str]:
    return sorted(c.event.title for t in result.targets for c in t.changes if c.action == action)


def setup(world: World) -> None:
    cafe = "Café Luitpold, Brienner Str. 11, 80333 München"
    lunch = event("g-lunch@x", "Mittagessen mit Jonas", 8, 12, location=cafe, geo=CAFE)
    world.google.put_event("primary", event_to_google(lunch))
    office = "Office, Leopoldstraße 10, 80802 München"
    board = event("o-board@x", "Board meeting", 9, 10, location=office, geo=OFFICE)
    world.graph.put_event(event_to_graph(board))
    world.radicale.put(
        world.caldav,
        "c-review.ics",
        event_to_ics(event("c-review@x", "Quartalsreview", 10, 9, location="Leopoldstr. 1")),
    )
    world.caldav_target = world.radicale.make_calendar(f"dst-{uuid.uuid4().hex[:10]}")
    world.user = {"home": "Unterhaching"}
    world.syncs = [  # Google and Outlook mirror each other; both go to the CalDAV calendar "d"
        {"from": ["o", "c"], "to": "g", "show": "title_and_place", "travel": False},
        {"from": ["g", "c"], "to": "o", "show": "title", "travel": False},
        {"from": ["g", "o"], "to": "d", "show": "title"},
    ]
    world.run(apply=True)


def take_over(world: World) -> None:
    """What the user does in their calendar apps, one service each."""
    board = google_marked(world, "Board meeting")  # retitled and moved in Google Calendar
    world.google.put_event(
        "primary",
        dict(
            board,
            summary="Zahnarzt Dr. Huber",
            start={"dateTime": at(9, 15).isoformat(), "timeZone": "Europe/Berlin"},
            end={"dateTime": at(9, 16).isoformat(), "timeZone": "Europe/Berlin"},
        ),
    )
    (lunch,) = graph_marked(world, "Mittagessen mit Jonas")  # reused in Outlook: place, guest
    guest = {
        "type": "required",
        "status": {"response": "accepted"},
        "emailAddress": {"address": "jonas.weber@kunde-ag.example", "name": "Jonas Weber"},
    }
    world.graph.put_event(
        dict(
            lunch,
            attendees=[guest],
            location={"displayName": "Tantris, Johann-Fichte-Str. 7, München"},
        )
    )
    travel = [o for o in world.caldav_target.events() if "SUMMARY:Travel" in o.data]
    assert travel, "the CalDAV target holds travel blocks"
    block = travel[0]  # retitled in a CalDAV app: its X-PLANNER-SYNC-* properties stay
    name = block.url.path.rsplit("/", 1)[-1]
    world.radicale.put(
        world.caldav_target, name, block.data.replace("SUMMARY:Travel", "SUMMARY:Taxi zum Kunden")
    )


def test_taken_over_blocks_are_read_as_the_users_and_untouched_ones_are_not(world: World):
    setup(world)
    before = Counter(e.title for e in read(world))
    assert before == {"Mittagessen mit Jonas": 1, "Board meeting": 1, "Quartalsreview": 1}

    take_over(world)
    after = read(world)
    assert Counter(e.title for e in after) == {
        "Mittagessen mit Jonas": 2,  # the meeting in Google, and the one reused in Outlook
        "Board meeting": 1,
        "Quartalsreview": 1,
        "Zahnarzt Dr. Huber": 1,
        "Taxi zum Kunden": 1,
    }
    (reused,) = [e for e in after if e.calendar == "o" and e.title.startswith("Mittagessen")]
    assert reused.location.startswith("Tantris")
    assert [a.email for a in reused.attendees] == ["jonas.weber@kunde-ag.example"]
    (dentist,) = [e for e in after if e.title == "Zahnarzt Dr. Huber"]
    assert (dentist.calendar, dentist.start) == ("g", at(9, 15))
    assert not [e for e in after if e.title in ("Travel", "Busy")]


def test_taken_over_blocks_are_mirrored_once_and_never_back_and_forth(world: World):
    setup(world)
    take_over(world)

    # the next run leaves the three alone and mirrors them like any busy time: as "Busy",
    # for the planner wrote them private and the user left them so
    second = world.run(apply=True)
    assert changes(second, "leave") == [
        "Mittagessen mit Jonas",
        "Taxi zum Kunden",
        "Zahnarzt Dr. Huber",
    ]
    (echo,) = [i for i in graph_marked(world, "Busy") if starts(i, at(9, 15))]  # from Google
    assert [i for i in google_all(world, "Busy") if starts(i, at(8, 12))]  # from Outlook
    in_d = [(e.title, e.start) for e in world_events(world, "d")]
    assert ("Busy", at(9, 15)) in in_d and ("Taxi zum Kunden", at(8, 11) + MINUTES_25) in in_d

    # and then nothing: the mirrors of taken-over events are the planner's own, not mirrored
    writes = world.google_writes(), world.graph_writes()
    third = world.run(apply=True)
    assert changes(third, "create") == changes(third, "update") == changes(third, "delete") == []
    assert (world.google_writes(), world.graph_writes()) == writes

    # a mirror of a taken-over event that is changed in turn stays where it is: were it
    # mirrored back, two calendars that mirror each other would pass it on every run
    world.graph.put_event(dict(echo, subject="Zahnarzt Dr. Huber (Kontrolle)"))
    fourth = world.run(apply=True)
    assert "Zahnarzt Dr. Huber (Kontrolle)" in changes(fourth, "leave")
    assert changes(fourth, "create") == changes(fourth, "update") == []
    assert (world.google_writes(), world.graph_writes()) == writes
    assert Counter(e.title for e in read(world))["Zahnarzt Dr. Huber (Kontrolle)"] == 1


def starts(item: dict[str, Any], moment: datetime) -> bool:
    """Whether a Google or Graph event resource starts at ``moment``."""
    from providers.graph_events import parse_datetime

    value = item["start"]
    if "timeZone" in value and "+" not in value["dateTime"][10:]:
        return parse_datetime(value, TZ) == moment
    return datetime.fromisoformat(value["dateTime"]) == moment


def google_all(world: World, title: str) -> list[dict[str, Any]]:
    items = world.google.calendar("primary").items.values()
    return [i for i in items if i.get("summary") == title and i.get("status") != "cancelled"]


def world_events(world: World, name: str) -> list[Event]:
    """Every event of calendar ``name`` as its provider reads it, the planner's included."""
    from providers.base import create

    config = world.config()
    (source,) = [c for c in config.calendars if c.name == name]
    provider = create(source, context_for(config, world.store))
    try:
        return provider.events(at(7, 0), at(14, 0))
    finally:
        provider.close()
