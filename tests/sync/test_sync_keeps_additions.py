"""A mirror planner sync updates keeps what the user added to it in their calendar app.

When a mirrored meeting moved, its mirror was written anew as a whole (Google
``events.update``, a CalDAV PUT of a fresh VEVENT, a Graph PATCH of the note, reminder and
sensitivity too): the colour, reminders, alarms, a note, categories, an attachment and other
apps' properties the user had given it were gone after the next sync. An addition the planner
does not write leaves the mirror the planner's (it still follows its meeting); the update
changes only what the planner writes (time, title, place, busy, status, its mark) and keeps
the rest. Google (the fake) and Outlook (the fake Graph) as targets with their real client
libraries, CalDAV as a real Radicale.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from icalendar import Calendar as ICalendar

from planner.model import Event
from planner.render.sync import sync_table
from planner.sync.marks import mirror_id
from tests.fakes.google_server import event_to_google
from tests.fakes.graph_server import event_to_graph
from tests.providers.additions import (
    google_added,
    google_kept,
    graph_added,
    graph_kept,
    ical_added,
    ical_kept,
)
from tests.sync.conftest import TZ, World
from tests.sync.test_sync_accounts import google_mirrors, graph_mirrors

pytestmark = pytest.mark.slow


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=TZ)


def setup(world: World) -> dict[str, dict]:
    """A lunch in Google mirrored into Outlook and CalDAV, a board meeting in Outlook
    mirrored into Google; written once."""
    world.caldav_target = world.radicale.make_calendar(f"dst-{uuid.uuid4().hex[:10]}")
    lunch = Event("g-lunch@x", "Client lunch", at(8, 12), at(8, 13))
    board = Event("o-board@x", "Board meeting", at(9, 10), at(9, 11))
    ids = {
        "lunch": world.google.put_event("primary", event_to_google(lunch)),
        "board": world.graph.put_event(event_to_graph(board)),
    }
    world.syncs = [
        {"from": ["o"], "to": "g", "show": "title", "travel": False},
        {"from": ["g"], "to": "o", "show": "title", "travel": False},
        {"from": ["g"], "to": "d", "show": "title", "travel": False},
    ]
    world.run(apply=True)
    return ids


def mirror_object(world: World) -> object:
    (found,) = world.caldav_target.events()
    return found


def add_in_the_calendar_apps(world: World) -> None:
    """What the user does to planner's mirrors: a colour, a reminder, a note, an attachment,
    categories; another app adds its own properties (:mod:`tests.providers.additions`)."""
    (item,) = google_mirrors(world).values()
    world.google.put_event("primary", google_added(item))
    (item,) = graph_mirrors(world).values()
    world.graph.put_event(graph_added(item))
    found = mirror_object(world)
    name = found.url.path.rsplit("/", 1)[-1]
    world.radicale.put(world.caldav_target, name, ical_added(found.data))


def move_the_meetings(world: World, ids: dict[str, dict]) -> None:
    """The lunch moves to 13:00, the board meeting to 11:00."""
    lunch = dict(ids["lunch"], start={"dateTime": at(8, 13).isoformat()})
    lunch["end"] = {"dateTime": at(8, 14).isoformat()}
    world.google.put_event("primary", lunch)
    zone = "Europe/Berlin"
    board = dict(ids["board"], start={"dateTime": "2026-12-09T11:00:00", "timeZone": zone})
    board["end"] = {"dateTime": "2026-12-09T12:00:00", "timeZone": zone}
    world.graph.put_event(board)


def test_a_mirror_moves_and_keeps_what_the_user_and_other_apps_added(world):
    ids = setup(world)
    add_in_the_calendar_apps(world)
    move_the_meetings(world, ids)
    result = world.run(apply=True)
    # an addition is no change of what the mirror shows: it is still planner's, and moves
    assert sorted((c.action, c.target) for t in result.targets for c in t.changes) == [
        ("update", "d"),
        ("update", "g"),
        ("update", "o"),
    ]

    (google,) = google_mirrors(world).values()
    assert google["start"]["dateTime"].startswith("2026-12-09T11:00")
    assert google_kept(google)
    assert google["visibility"] == "private"  # as planner wrote it first
    assert google["extendedProperties"]["private"]["plannerSyncKey"] == mirror_id("o", "o-board@x")
    assert world.google.count("events.update") == 0 and world.google.count("events.patch") == 1

    (outlook,) = graph_mirrors(world).values()
    assert outlook["start"]["dateTime"].startswith("2026-12-08T13:00")
    assert graph_kept(outlook)

    text = mirror_object(world).data
    (vevent,) = ICalendar.from_ical(text).walk("VEVENT")
    assert vevent.decoded("DTSTART") == at(8, 13)
    assert ical_kept(text)
    assert str(vevent["CLASS"]) == "PRIVATE"  # as planner wrote it first

    # and the next run finds every mirror as it wrote it: nothing to write
    again = world.run(apply=True)
    assert [c for t in again.targets for c in t.changes] == []


def test_a_dry_run_says_it_moves_the_mirrors_and_writes_nothing(world):
    ids = setup(world)
    add_in_the_calendar_apps(world)
    move_the_meetings(world, ids)
    google_before, graph_before = world.google_writes(), world.graph_writes()
    caldav_before = mirror_object(world).data
    result = world.run()
    assert not result.applied
    moves = {
        (c.target, c.action, c.event.start.isoformat()) for t in result.targets for c in t.changes
    }
    assert moves == {
        ("g", "update", "2026-12-09T11:00:00+01:00"),
        ("o", "update", "2026-12-08T13:00:00+01:00"),
        ("d", "update", "2026-12-08T13:00:00+01:00"),
    }
    table = sync_table(result, TZ, width=160)
    assert "3 to update" in table and "Board meeting" in table and "Client lunch" in table
    assert (world.google_writes(), world.graph_writes()) == (google_before, graph_before)
    assert mirror_object(world).data == caldav_before


def test_a_mirror_changed_by_the_user_in_what_planner_writes_is_still_left_alone(world):
    """The rule stays: a mirror the user retitled is theirs, additions or not."""
    ids = setup(world)
    add_in_the_calendar_apps(world)
    (item,) = graph_mirrors(world).values()
    world.graph.put_event(dict(item, subject="Client lunch – Tantris"))
    move_the_meetings(world, ids)
    result = world.run(apply=True)
    changes = {(c.target, c.action) for t in result.targets for c in t.changes}
    assert ("o", "leave") in changes and ("o", "update") not in changes
    (outlook, *_rest) = [
        m for m in world.graph.all_events() if m.get("subject") == "Client lunch – Tantris"
    ]
    assert outlook["start"]["dateTime"].startswith("2026-12-08T12:00")
