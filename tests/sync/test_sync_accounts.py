"""Acceptance: two-way Google <-> Outlook sync plus a CalDAV source, against the fake Google
and Graph servers and a real Radicale (issue 21)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from planner.ical.writing import event_to_ics
from planner.model import Attendee, Event, Response, Status
from planner.sync.marks import mirror_id, tag
from tests.fakes.google_server import event_to_google
from tests.fakes.graph_server import event_to_graph
from tests.sync.conftest import TZ, USER, World

pytestmark = pytest.mark.slow


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)


def event(uid: str, title: str, day: int, hour: int, hours: float = 1, **kw) -> Event:
    start = at(day, hour)
    return Event(uid, title, start, start + timedelta(hours=hours), **kw)


def seed(world: World) -> dict[str, str]:
    """User events in all three calendars; returns name -> provider id where it matters."""
    ids = {}
    lunch = world.google.put_event(
        "primary",
        event_to_google(event("g-lunch@x", "Client lunch", 8, 12, 1.5, location="Tantris")),
    )
    ids["g-lunch"] = lunch["id"]
    world.google.put_event("primary", event_to_google(event("g-gym@x", "Gym", 8, 18, busy=False)))
    declined = event(
        "g-declined@x",
        "Vendor pitch",
        9,
        14,
        attendees=(Attendee(USER, response=Response.DECLINED), Attendee("v@vendor.example")),
    )
    world.google.put_event("primary", event_to_google(declined))
    board = world.graph.put_event(
        event_to_graph(event("o-board@x", "Board meeting", 9, 10, location="Room 4"))
    )
    ids["o-board"] = board["id"]
    tentative = world.graph.put_event(
        event_to_graph(event("o-maybe@x", "Maybe: offsite", 10, 9, status=Status.TENTATIVE))
    )
    ids["o-maybe"] = tentative["id"]
    cancelled = event_to_graph(event("o-cancelled@x", "Cancelled review", 10, 15))
    world.graph.put_event(dict(cancelled, isCancelled=True))
    world.radicale.put(
        world.caldav, "c-dentist.ics", event_to_ics(event("c-dentist@x", "Dentist", 11, 9))
    )
    return ids


def google_items(world: World) -> dict[str, dict]:
    cal = world.google.calendar("primary")
    return {i: e for i, e in cal.items.items() if e.get("status") != "cancelled"}


def google_mirrors(world: World) -> dict[str, dict]:
    return {
        e["extendedProperties"]["private"]["plannerSyncKey"]: e
        for e in google_items(world).values()
        if (e.get("extendedProperties") or {}).get("private", {}).get("plannerSync") == "1"
    }


def graph_mirrors(world: World) -> dict[str, dict]:
    found = {}
    for item in world.graph.all_events():
        props = {
            p["id"].rsplit(" ", 1)[-1]: p["value"]
            for p in item.get("singleValueExtendedProperties") or ()
        }
        if props.get("PlannerSync") == "1":
            found[props["PlannerSyncKey"]] = item
    return found


def two_way(world: World) -> None:
    world.syncs = [
        {"from": ["o", "c"], "to": "g", "show": "title", "travel": False},
        {"from": ["g", "c"], "to": "o", "show": "title_and_place", "travel": False},
    ]


def assert_no_mirror_of_a_mirror(world: World) -> None:
    assert not [k for k in google_mirrors(world) if k.startswith(f"mirror:{tag('g')}:")]
    assert not [k for k in graph_mirrors(world) if k.startswith(f"mirror:{tag('o')}:")]
    for item in google_mirrors(world).values():
        assert not item["summary"].startswith("planner-sync")
    # nothing mirrored back: every mirror stands for a user event
    assert all("planner-sync-" not in k for k in [*google_mirrors(world), *graph_mirrors(world)])


def test_dry_run_is_the_default_and_writes_nothing(world):
    seed(world)
    two_way(world)
    result = world.run()
    assert not result.applied
    assert sum(t.count("create") for t in result.targets) == 5
    assert world.google_writes() == 0
    assert world.graph_writes() == 0
    assert google_mirrors(world) == {} and graph_mirrors(world) == {}


def test_two_way_sync_follows_create_move_cancel_and_private(world):
    ids = seed(world)
    two_way(world)
    world.run(apply=True)

    in_google = google_mirrors(world)
    assert set(in_google) == {
        mirror_id("o", "o-board@x"),
        mirror_id("o", "o-maybe@x"),
        mirror_id("c", "c-dentist@x"),
    }
    assert in_google[mirror_id("o", "o-board@x")]["summary"] == "Board meeting"
    assert "location" not in in_google[mirror_id("o", "o-board@x")]  # show = "title"
    assert in_google[mirror_id("o", "o-maybe@x")]["status"] == "tentative"
    in_outlook = graph_mirrors(world)
    assert set(in_outlook) == {
        mirror_id("g", "g-lunch@x"),
        mirror_id("c", "c-dentist@x"),
    }  # not free/declined
    lunch = in_outlook[mirror_id("g", "g-lunch@x")]
    assert lunch["subject"] == "Client lunch" and lunch["location"]["displayName"] == "Tantris"
    assert lunch["start"]["dateTime"].startswith("2026-12-08T12:00")
    assert_no_mirror_of_a_mirror(world)

    # a second run with nothing changed writes nothing
    google_before, graph_before = world.google_writes(), world.graph_writes()
    result = world.run(apply=True)
    assert [c for t in result.targets for c in t.changes] == []
    assert (world.google_writes(), world.graph_writes()) == (google_before, graph_before)

    # move the lunch an hour later: its mirror moves (an update of the same event)
    cal = world.google.calendar("primary")
    moved = dict(cal.items[ids["g-lunch"]])
    moved["start"] = {"dateTime": at(8, 13).isoformat(), "timeZone": "Europe/Berlin"}
    moved["end"] = {"dateTime": at(8, 14, 30).isoformat(), "timeZone": "Europe/Berlin"}
    world.google.put_event("primary", moved)
    world.run(apply=True)
    after = graph_mirrors(world)[mirror_id("g", "g-lunch@x")]
    assert after["id"] == lunch["id"]
    assert after["start"]["dateTime"].startswith("2026-12-08T13:00")
    assert world.graph.requests_to(f"/events/{lunch['id']}", "PATCH")

    # cancel the board meeting: its mirror goes
    world.graph.remove_event(ids["o-board"])
    world.run(apply=True)
    assert mirror_id("o", "o-board@x") not in google_mirrors(world)
    assert set(google_mirrors(world)) == {
        mirror_id("o", "o-maybe@x"),
        mirror_id("c", "c-dentist@x"),
    }

    # make the lunch private: the mirror shows "Busy" and no place
    private = dict(cal.items[ids["g-lunch"]], visibility="private")
    world.google.put_event("primary", private)
    world.run(apply=True)
    lunch = graph_mirrors(world)[mirror_id("g", "g-lunch@x")]
    assert lunch["subject"] == "Busy"
    assert not (lunch.get("location") or {}).get("displayName")
    # the same for a private Outlook event mirrored into Google
    maybe = world.graph.events[world.graph.default_calendar()][ids["o-maybe"]]
    world.graph.put_event(dict(maybe, sensitivity="private"))
    world.run(apply=True)
    assert google_mirrors(world)[mirror_id("o", "o-maybe@x")]["summary"] == "Busy"
    assert_no_mirror_of_a_mirror(world)

    # and a run with nothing changed still writes nothing
    google_before, graph_before = world.google_writes(), world.graph_writes()
    world.run(apply=True)
    assert (world.google_writes(), world.graph_writes()) == (google_before, graph_before)


def test_the_planner_never_writes_to_an_event_it_did_not_create(world):
    ids = seed(world)
    two_way(world)
    world.run(apply=True)
    world.graph.remove_event(ids["o-board"])
    world.run(apply=True)
    world.run(apply=True, undo=True)
    user_google = {ids["g-lunch"]}
    touched = [
        r.path
        for r in world.google.requests
        if r.kind in ("events.update", "events.patch", "events.delete")
    ]
    assert not [p for p in touched if any(i in p for i in user_google)]
    user_graph = {ids["o-maybe"]}
    assert not [
        r
        for r in world.graph.log
        if r.method in ("PATCH", "DELETE") and any(i in r.path for i in user_graph)
    ]


def test_undo_leaves_the_calendars_as_before(world):
    seed(world)
    two_way(world)
    google_before = google_items(world)
    graph_before = {e["id"]: e for e in world.graph.all_events()}
    world.run(apply=True)
    assert google_mirrors(world) and graph_mirrors(world)

    dry = world.run(undo=True)  # --undo without --apply only shows what it would delete
    assert sum(t.count("delete") for t in dry.targets) == 5
    assert google_mirrors(world) and graph_mirrors(world)

    world.run(apply=True, undo=True)
    assert google_items(world) == google_before
    assert {e["id"]: e for e in world.graph.all_events()} == graph_before
    # and the next sync puts the mirrors back, idempotently
    world.run(apply=True)
    assert len(google_mirrors(world)) == 3 and len(graph_mirrors(world)) == 2


def test_a_run_with_nothing_changed_reads_only_the_changes(world):
    """Incremental: a settled run asks Google with its sync token and Graph with its delta link,
    lists each target's marked events once, and writes nothing."""
    seed(world)
    two_way(world)
    world.run(apply=True)
    world.run(apply=True)
    google_seen, graph_seen = len(world.google.requests), len(world.graph.log)
    world.run(apply=True)
    google_run = world.google.requests[google_seen:]
    graph_run = world.graph.log[graph_seen:]
    lists = [r for r in google_run if r.kind == "events.list"]
    assert len(lists) == 2 and len(google_run) == 2
    assert sum("syncToken" in r.query for r in lists) == 1
    assert sum("privateExtendedProperty" in r.query for r in lists) == 1
    graph_gets = [r for r in graph_run if r.method == "GET" and "/v1.0/" in r.path]
    assert all(r.method == "GET" for r in graph_run if "/v1.0/" in r.path)
    assert any("$deltatoken" in r.query for r in graph_gets)
    assert not any(
        r.path.endswith("calendarView/delta") and "startDateTime" in r.query for r in graph_gets
    )
    assert len(graph_gets) <= 4


def test_a_meeting_in_both_calendars_is_not_mirrored_into_either(world):
    """An invitation accepted in Google and in Outlook (same iCalendar UID) is already in both."""
    both = event("shared@acme.example", "Quarterly review", 9, 15)
    world.google.put_event("primary", event_to_google(both))
    world.graph.put_event(event_to_graph(both))
    two_way(world)
    result = world.run(apply=True)
    assert [c for t in result.targets for c in t.changes] == []
    assert google_mirrors(world) == {} and graph_mirrors(world) == {}


def test_caldav_source_event_created_moved_made_private_and_cancelled(world):
    """The CalDAV source through all four changes; its mirrors in Google and Outlook follow."""
    from icalendar import Calendar as ICalendar

    two_way(world)
    dentist = event("c-dentist@x", "Dentist", 11, 9, location="Praxis Dr. Weiß")

    def put(ics: bytes) -> None:
        world.radicale.put(world.caldav, "c-dentist.ics", ics)

    def changed(**props) -> bytes:
        cal = ICalendar.from_ical(event_to_ics(dentist))
        for component in cal.walk("VEVENT"):
            for name, value in props.items():
                component.pop(name, None)
                component.add(name, value)
        return cal.to_ical()

    put(event_to_ics(dentist))
    world.run(apply=True)
    assert google_mirrors(world)[mirror_id("c", "c-dentist@x")]["summary"] == "Dentist"
    assert (
        graph_mirrors(world)[mirror_id("c", "c-dentist@x")]["location"]["displayName"]
        == "Praxis Dr. Weiß"
    )

    put(changed(DTSTART=at(11, 11), DTEND=at(11, 12)))
    world.run(apply=True)
    assert google_mirrors(world)[mirror_id("c", "c-dentist@x")]["start"]["dateTime"].startswith(
        "2026-12-11T11:00"
    )
    assert graph_mirrors(world)[mirror_id("c", "c-dentist@x")]["start"]["dateTime"].startswith(
        "2026-12-11T11:00"
    )

    put(changed(DTSTART=at(11, 11), DTEND=at(11, 12), CLASS="PRIVATE"))
    world.run(apply=True)
    assert google_mirrors(world)[mirror_id("c", "c-dentist@x")]["summary"] == "Busy"
    outlook = graph_mirrors(world)[mirror_id("c", "c-dentist@x")]
    assert outlook["subject"] == "Busy" and not outlook["location"]["displayName"]

    put(changed(DTSTART=at(11, 11), DTEND=at(11, 12), STATUS="CANCELLED"))
    world.run(apply=True)
    assert google_mirrors(world) == {} and graph_mirrors(world) == {}
    assert_no_mirror_of_a_mirror(world)


def test_each_table_mirrors_its_own_number_of_days(world):
    seed(world)
    world.syncs = [
        {"from": ["o", "c"], "to": "g", "days": 3, "travel": False},  # up to Wed 9 Dec 24:00
        {"from": ["g", "c"], "to": "o", "travel": False},
    ]
    world.run(apply=True)
    assert set(google_mirrors(world)) == {mirror_id("o", "o-board@x")}
    assert set(graph_mirrors(world)) == {mirror_id("g", "g-lunch@x"), mirror_id("c", "c-dentist@x")}
