"""``planner sync`` around the nights the clocks change, into a real CalDAV server (Radicale),
Google (fake) and Outlook (fake Graph).

The bug: a meeting written 02:30–03:30 Europe/Berlin on 28 March 2027 (the clocks go
02:00 → 03:00) was mirrored as 03:30–03:30, a block of no length, and its travel block after
it began at 03:30, silently. Now the meeting is 03:30–04:30 CEST wherever it is mirrored, its
travel blocks lie before 03:30 and after 04:30, and what was assumed is said once. The
second 02:30 of the night in October is written as the instant it is (a TZID wall time would
be read as the first, an hour early, and the next run would take the mirror for one the user
moved)."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from planner.config import default_config
from planner.meet.geo import locate_offline
from planner.meet.travel_time import travel_model
from planner.model import Event, Geo
from planner.sync.marks import mirror_id, travel_id
from planner.sync.run import run_sync
from tests.fakes.google_server import event_to_google
from tests.fakes.graph_server import parse_graph_time
from tests.sync.conftest import TZ, World
from tests.sync.test_sync_accounts import google_mirrors, graph_mirrors
from tests.sync.test_sync_failures import caldav_mirrors

pytestmark = pytest.mark.slow

SPRING = datetime(2027, 3, 22, 8, tzinfo=TZ)  # the Monday before the clocks go forward
AUTUMN = datetime(2027, 10, 25, 8, tzinfo=TZ)  # the Monday before they go back
OFFICE = Geo(48.1600, 11.5860)
OFFICE_TEXT = "Office, Leopoldstraße 10, 80802 München"


def night_call(start: str, end: str, *, where: str = "") -> str:
    """A VEVENT as a calendar app writes it: wall times with the zone's name."""
    place = f"LOCATION:{where}\r\nGEO:{OFFICE.lat};{OFFICE.lon}\r\n" if where else ""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:c-night@x\r\nDTSTAMP:20270101T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:{start}\r\nDTEND;TZID=Europe/Berlin:{end}\r\n"
        f"SUMMARY:Night call with Sydney\r\n{place}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def run(world: World, now: datetime):
    result = run_sync(world.config(), world.store, now=now, apply=True)
    assert result.ok, result.to_json(TZ)
    return result


def said(caplog) -> list[str]:
    """What the providers warned of (through the "planner" logger, as the sync runs them)."""
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def changes(result) -> list[tuple[str, str]]:
    return [(c.action, c.target) for t in result.targets for c in t.changes]


def google_span(item: dict) -> tuple[datetime, datetime]:
    start, end = (datetime.fromisoformat(item[k]["dateTime"]) for k in ("start", "end"))
    return start.astimezone(UTC), end.astimezone(UTC)


def graph_span(item: dict) -> tuple[datetime, datetime]:
    start, end = (parse_graph_time(item[k]) for k in ("start", "end"))
    return start.astimezone(UTC), end.astimezone(UTC)


def test_a_meeting_in_the_spring_gap_is_mirrored_with_its_hour_everywhere(world: World, caplog):
    world.caldav_target = world.radicale.make_calendar(f"dst-{uuid.uuid4().hex[:10]}")
    world.radicale.put(
        world.caldav, "c-night.ics", night_call("20270328T023000", "20270328T033000")
    )
    world.syncs = [{"from": ["c"], "to": target, "show": "title"} for target in ("g", "o", "d")]
    result = run(world, SPRING)
    assert sorted(changes(result)) == [("create", "d"), ("create", "g"), ("create", "o")]
    meant = (datetime(2027, 3, 28, 1, 30, tzinfo=UTC), datetime(2027, 3, 28, 2, 30, tzinfo=UTC))
    key = mirror_id("c", "c-night@x")
    assert google_span(google_mirrors(world)[key]) == meant
    assert graph_span(graph_mirrors(world)[key]) == meant
    mirror = caldav_mirrors(world.caldav_target)[key]
    assert (mirror.start.astimezone(UTC), mirror.end.astimezone(UTC)) == meant
    (text,) = [o.data for o in world.caldav_target.events()]
    assert "T023000" not in text  # the instant is written, never the wall time that is not
    notes = [m for m in said(caplog) if "Night call with Sydney" in m]
    assert len(notes) == 1 and "read as 03:30–04:30 CEST, 60 min as written" in notes[0]

    assert changes(run(world, SPRING)) == []  # read back as written: nothing to update


def test_travel_blocks_lie_before_and_after_the_meeting_in_the_gap(world: World):
    world.radicale.put(
        world.caldav,
        "c-night.ics",
        night_call("20270328T023000", "20270328T033000", where=OFFICE_TEXT),
    )
    world.user = {"home": "Unterhaching"}
    world.syncs = [{"from": ["c"], "to": "g", "show": "title", "travel": True}]
    run(world, SPRING)
    home = locate_offline("Unterhaching", "DE").geo
    commute = timedelta(minutes=travel_model(default_config()).minutes(home, OFFICE))
    assert commute >= timedelta(minutes=20)
    blocks = {
        k: google_span(v) for k, v in google_mirrors(world).items() if k.startswith("travel:")
    }
    start = datetime(2027, 3, 28, 1, 30, tzinfo=UTC)  # 03:30 CEST
    assert blocks == {
        travel_id("c-night@x", "before"): (start - commute, start),
        travel_id("c-night@x", "after"): (
            start + timedelta(hours=1),
            start + timedelta(hours=1) + commute,
        ),
    }


def test_the_second_0230_of_the_autumn_night_is_written_as_that_instant(world: World, caplog):
    """From Google (an instant with its offset) into CalDAV and Outlook: each is written the
    instant (CalDAV in UTC, not as a TZID wall time, which reads as the first 02:30), and read
    back from both as the same instant, so the second run changes nothing. (Graph is asked for
    UTC: in the user's zone it wrote the 02:30 without its offset, and which one it meant could
    not be told.)"""
    world.caldav_target = world.radicale.make_calendar(f"dst-{uuid.uuid4().hex[:10]}")
    second = datetime(2027, 10, 31, 1, 30, tzinfo=UTC).astimezone(TZ)  # 02:30 CET
    call = Event("g-late@x", "Late call", second, second + timedelta(hours=1))
    world.google.put_event("primary", event_to_google(call))
    world.syncs = [{"from": ["g"], "to": target, "show": "title"} for target in ("o", "d")]
    assert sorted(changes(run(world, AUTUMN))) == [("create", "d"), ("create", "o")]
    meant = (datetime(2027, 10, 31, 1, 30, tzinfo=UTC), datetime(2027, 10, 31, 2, 30, tzinfo=UTC))
    key = mirror_id("g", "g-late@x")
    mirror = caldav_mirrors(world.caldav_target)[key]
    assert (mirror.start.astimezone(UTC), mirror.end.astimezone(UTC)) == meant
    assert graph_span(graph_mirrors(world)[key]) == meant  # what Outlook was given
    caplog.clear()
    assert changes(run(world, AUTUMN)) == []  # read back as written, from CalDAV and Outlook
    assert not [m for m in said(caplog) if "calendar 'o'" in m], said(caplog)


def test_the_first_0230_written_as_a_wall_time_is_mirrored_as_the_first_and_said(
    world: World, caplog
):
    world.radicale.put(
        world.caldav, "c-night.ics", night_call("20271031T023000", "20271031T033000")
    )
    world.syncs = [{"from": ["c"], "to": "g", "show": "title"}]
    run(world, AUTUMN)
    mirror = google_mirrors(world)[mirror_id("c", "c-night@x")]
    assert google_span(mirror) == (
        datetime(2027, 10, 31, 0, 30, tzinfo=UTC),  # 02:30 CEST, the first (RFC 5545)
        datetime(2027, 10, 31, 2, 30, tzinfo=UTC),  # 03:30 CET
    )
    notes = [m for m in said(caplog) if "Night call with Sydney" in m]
    assert len(notes) == 1 and "occurs twice" in notes[0] and "the first" in notes[0]


def test_an_event_of_no_length_gets_no_mirror():
    """A reminder written with a start only takes no time: its mirror would be a block of no
    length (as the meeting in the gap was), so none is made."""
    from planner.sync.mirrors import mirrors

    at = datetime(2027, 3, 29, 9, tzinfo=TZ)
    reminder = Event("c-remind@x", "Submit report", at, at)
    meeting = Event("c-meet@x", "Review", at, at + timedelta(minutes=30))
    assert [w.event.title for w in mirrors([reminder, meeting], "c", "g", "title")] == ["Review"]
