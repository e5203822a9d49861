"""QA G #3: a mirror the user changed (only its title) stopped following its meeting. When the
organiser moved the meeting, no mirror was made for the new time (the target showed the user
free during it), and the stale copy was read as a meeting of the user's: mirrored onward as a
phantom "Busy" and counted twice in the week. The copy stays the user's (never written over),
but it no longer stands for the meeting: the meeting gets a mirror for its new time, the plan
says so in one line, and the copy is neither mirrored onward nor counted as a meeting.

CalDAV (a real Radicale) is the source, Google (fake) the target of its mirrors, Outlook (fake
Graph) the target of Google's busy time, as in the tester's setup."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.api import read_events
from planner.flows.once import pairs
from planner.ical.writing import event_to_ics
from planner.model import Event
from planner.render.sync import sync_table
from planner.sync.standins import MOVED
from tests.sync.conftest import TZ, World

pytestmark = pytest.mark.slow

PLACE = "Marienplatz 1, 80331 München"


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=TZ)


def google_items(world: World) -> list[dict]:
    return [
        i for i in world.google.calendar("primary").items.values() if i.get("status") != "cancelled"
    ]


def changes(result, target: str) -> list[tuple[str, str, datetime]]:
    return sorted((c.action, c.event.title, c.event.start) for t in result.targets
                  if t.target == target for c in t.changes)  # fmt: skip


def retitled_then_moved(world: World) -> Event:
    workshop = Event("c-ws@x", "Client workshop Acme", at(8, 10), at(8, 12), location=PLACE)
    world.radicale.put(world.caldav, "ws.ics", event_to_ics(workshop))
    world.syncs = [
        {"from": ["c"], "to": "g", "show": "title_and_place", "travel": False},
        {"from": ["g"], "to": "o", "show": "busy", "travel": False},
    ]
    world.run(apply=True)
    (mirror,) = google_items(world)
    world.google.put_event("primary", dict(mirror, summary="Acme workshop (bring laptop)"))
    moved = Event("c-ws@x", "Client workshop Acme", at(8, 14), at(8, 16), location=PLACE)
    world.radicale.put(world.caldav, "ws.ics", event_to_ics(moved))
    return moved


def test_a_moved_meeting_gets_a_mirror_beside_the_users_changed_copy(world: World):
    retitled_then_moved(world)
    result = world.run()
    assert changes(result, "g") == [
        ("create", "Client workshop Acme", at(8, 14)),
        ("leave", "Acme workshop (bring laptop)", at(8, 10)),
    ]
    # Outlook gets no phantom "Busy 10:00-12:00" of the stale copy (Google's mirrors are
    # planner's own, never mirrored onward)
    assert changes(result, "o") == []
    line = ("your changed copy of 'Acme workshop (bring laptop)' is at Tue 8 Dec 10:00–12:00, "
            "the meeting is now at Tue 8 Dec 14:00–16:00")  # fmt: skip
    assert line in " ".join(sync_table(result, TZ, width=200).split())
    (leave,) = [c.to_json(TZ) for t in result.targets for c in t.changes if c.action == "leave"]
    assert leave["meeting_now"]["start"] == "2026-12-08T14:00:00+01:00"

    world.run(apply=True)
    titles = sorted((i["summary"], i["start"]["dateTime"][11:16]) for i in google_items(world))
    assert titles == [("Acme workshop (bring laptop)", "10:00"), ("Client workshop Acme", "14:00")]
    again = world.run(apply=True)
    assert [c.action for t in again.targets for c in t.changes] == ["leave"]

    # the week counts the workshop once: the copy is the user's, counted as the meeting
    read = read_events(world.config(), at(8, 0), at(9, 0), store=world.store)
    copy = next(e for e in read if e.title == "Acme workshop (bring laptop)")
    assert pairs(read)[copy.key].why == MOVED


def test_a_cancelled_meetings_changed_copy_is_named_and_not_mirrored_onward(world: World):
    retitled_then_moved(world)
    world.run(apply=True)
    world.caldav.event_by_uid("c-ws@x").delete()
    result = world.run()
    assert changes(result, "g") == [
        ("delete", "Client workshop Acme", at(8, 14)),
        ("leave", "Acme workshop (bring laptop)", at(8, 10)),
    ]
    assert changes(result, "o") == []  # no "Busy" at 10:00 for the copy
    table = " ".join(sync_table(result, TZ, width=200).split())
    assert "its meeting is no longer there (cancelled or moved away)" in table


def test_a_copy_the_user_moved_while_the_meeting_stayed_is_theirs(world: World):
    """Your changes win: a copy the user moved themselves stands for their own busy time;
    no second mirror at the meeting's time comes back."""
    workshop = Event("c-ws@x", "Client workshop Acme", at(8, 10), at(8, 12), location=PLACE)
    world.radicale.put(world.caldav, "ws.ics", event_to_ics(workshop))
    world.syncs = [{"from": ["c"], "to": "g", "show": "title", "travel": False}]
    world.run(apply=True)
    (mirror,) = google_items(world)
    later = {"dateTime": at(8, 15).isoformat()}, {"dateTime": at(8, 17).isoformat()}
    world.google.put_event("primary", dict(mirror, start=later[0], end=later[1]))
    result = world.run()
    assert [(c.action, c.outdated) for t in result.targets for c in t.changes] == [("leave", False)]
