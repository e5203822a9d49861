"""QA G #1: a meeting whose UID begins like planner's mirrors (``planner-sync-…``) but that
carries no mark is the user's meeting. Bob also uses planner and invited the user to one of his
mirrors: Google, Graph and CalDAV hand the user a copy with his UID and without his private
mark. It was left out of the agenda, the week and sync (no mirror, no travel block), and an
offer was then booked on top of it. Now it is read and mirrored like any meeting, in all three
shapes; only what carries the mark (or what the target lists as marked) is planner's own."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from planner.api import read_events
from planner.ical.writing import event_to_ics
from planner.model import Attendee, Event, Response
from tests.fakes.google_server import event_to_google
from tests.fakes.graph_server import event_to_graph
from tests.sync.conftest import TZ, USER, World

pytestmark = pytest.mark.slow

BOB = Attendee("bob@acme.example", "Bob", Response.ACCEPTED)
ME = Attendee(USER, "Anna", Response.ACCEPTED)


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=TZ)


def invitation(name: str, title: str, day: int) -> Event:
    """Bob's mirror as the user's calendar holds his invitation to it: his UID, no mark."""
    uid = f"planner-sync-{uuid.uuid4().hex}@planner"
    return Event(uid, title, at(day, 9), at(day, 12), location="Karlsplatz 1, 80335 München",
                 organizer=BOB, attendees=(BOB, ME), calendar=name)  # fmt: skip


def seed(world: World) -> dict[str, Event]:
    meetings = {
        "g": invitation("g", "Strategy day with Bob", 15),
        "o": invitation("o", "Investor pitch with Bob", 16),
        "c": invitation("c", "Board dinner with Bob", 17),
    }
    world.google.put_event("primary", event_to_google(meetings["g"]))
    world.graph.put_event(event_to_graph(meetings["o"]))
    world.radicale.put(world.caldav, "bob.ics", event_to_ics(meetings["c"]))
    world.caldav_target = world.radicale.make_calendar(f"dst-{uuid.uuid4().hex[:10]}")
    return meetings


def test_an_unmarked_planner_uid_is_read_as_the_users_meeting(world: World):
    meetings = seed(world)
    world.syncs = [{"from": ["g", "o", "c"], "to": "d", "show": "title"}]
    read = read_events(world.config(), at(14, 0), at(19, 0), store=world.store)
    assert {e.title for e in read} >= {e.title for e in meetings.values()}


def test_an_unmarked_planner_uid_is_mirrored(world: World):
    meetings = seed(world)
    world.syncs = [{"from": ["g", "o", "c"], "to": "d", "show": "title"}]
    result = world.run(apply=True)
    created = {c.event.title for t in result.targets for c in t.changes if c.action == "create"}
    assert created == {e.title for e in meetings.values()}
    # and its mirror is planner's own (marked), so a second run writes nothing
    again = world.run(apply=True)
    assert not [c for t in again.targets for c in t.changes]
