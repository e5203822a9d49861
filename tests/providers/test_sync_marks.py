"""One rule for what ``planner sync`` wrote: a marked event is the planner's own while it shows
what the planner wrote (its mark's digest), and the user's once they changed it. The same rule
for every way a provider carries the mark: the UID and the listed mark, iCalendar
X-properties (CalDAV, files), Google's private extended properties."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.ical.reader import events_from_ics
from planner.model import Attendee, Event
from providers.base import (
    ProviderContext,
    SyncMark,
    changed_by_user,
    mark_digest,
    mark_of,
    planners_own,
    written_by_sync,
)
from providers.caldav_marked import marked_ics
from providers.google_map import event_id_for, to_event
from providers.google_marked import marked_body

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 12, 8, 10, tzinfo=TZ)
KEY = "travel:5f0c1e2d3a4b5c6d7e8f9a0b:before"
WEEK = {"start": datetime(2026, 12, 7, tzinfo=TZ), "end": datetime(2026, 12, 14, tzinfo=TZ)}


def block(title: str = "Travel") -> Event:
    """A travel block as ``planner sync`` writes it: a derived UID, no people, no place."""
    uid = "planner-sync-0123456789abcdef0123456789abcdef@planner"
    return Event(uid, title, START, START + timedelta(minutes=35), calendar="work")


def written(event: Event) -> SyncMark:
    return SyncMark(KEY, mark_digest(event))


#: what a user does to a block they take over, each alone
EDITS = {
    "title": lambda e: replace(e, title="Zahnarzt Dr. Huber"),
    "time": lambda e: replace(
        e, start=e.start + timedelta(hours=2), end=e.end + timedelta(hours=2)
    ),
    "location": lambda e: replace(e, location="Kunde AG, Leopoldstraße 10, München"),
    "attendees": lambda e: replace(
        e, attendees=(Attendee("jonas.weber@kunde-ag.example", "Jonas Weber"),)
    ),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_an_edited_mark_is_the_users_by_the_listed_mark(edit):
    """As a target lists it (``list_marked``): UID → mark, the way ``planner sync`` reads."""
    event = block()
    own = {event.uid: written(event)}
    assert planners_own(event, own)
    changed = EDITS[edit](event)
    assert written_by_sync(changed, own)  # it still carries the mark ...
    assert not planners_own(changed, own)  # ... but it is the user's now
    assert changed_by_user(changed, own[event.uid])


def test_a_mark_without_a_digest_stays_the_planners():
    """Where no digest can be found (a target that lists UIDs only), a marked event is the
    planner's as it was written: hidden, never doubled."""
    event = EDITS["title"](block())
    assert planners_own(replace(event, uid="AAMkADgraph"), frozenset({"AAMkADgraph"}))
    hinted = replace(event, uid="x@y", hints=(("X-PLANNER-SYNC-KEY", KEY),))
    assert planners_own(hinted) and mark_of(hinted) == SyncMark(KEY, "")
    # but one with people is a meeting of the user's, digest or none
    invited = EDITS["attendees"](hinted)
    assert not planners_own(invited)
    assert not planners_own(EDITS["attendees"](event), frozenset({event.uid}))


def test_a_planner_uid_without_a_mark_is_the_users_meeting():
    """QA G #1: a colleague who uses planner invited the user to one of his mirrors (or the
    user imported an exported one): the copy keeps his UID, not his private mark. It was
    hidden as planner's own, and an offer was booked on top of it."""
    event = block()
    assert not written_by_sync(event) and not planners_own(event)
    invited = replace(
        event,
        organizer=Attendee("bob@acme.example", "Bob"),
        attendees=(Attendee("bob@acme.example", "Bob"), Attendee("user@planner.test", "Anna")),
    )
    assert not planners_own(invited)


def test_an_event_without_a_mark_is_never_the_planners():
    event = replace(block(), uid="meeting-1@kunde-ag.example", title="Travel")
    assert not written_by_sync(event) and not planners_own(event)
    assert mark_of(event) is None


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_the_caldav_and_file_mark_is_read_from_its_x_properties(edit):
    """The object a CalDAV calendar (or a vdir, an export) holds, edited like a calendar app:
    only its text changes, the X-PLANNER-SYNC-KEY and -DIGEST stay."""
    event = block()
    text = marked_ics(event, written(event)).decode()
    (read,) = events_from_ics(text, source="work", tz=TZ, **WEEK)
    assert mark_of(read) == written(event) and planners_own(read)

    changed = EDITS[edit](event)
    text = marked_ics(changed, written(event)).decode()  # the old mark, the new content
    (read,) = events_from_ics(text, source="work", tz=TZ, **WEEK)
    assert mark_of(read) == written(event)
    assert not planners_own(read)


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_the_google_mark_is_read_from_its_private_extended_properties(edit):
    """The event resource Google keeps for what sync wrote; the user edits it in Google
    Calendar, which keeps the private extended properties."""
    event = block()
    context = ProviderContext(tz=TZ)
    item = marked_body(event, event_id_for(event.uid), written(event), TZ)
    read = to_event(item, context, source="work", calendar_id="primary")
    assert read is not None and mark_of(read) == written(event) and planners_own(read)

    changed = EDITS[edit](event)  # the old mark, the new content
    item = marked_body(changed, event_id_for(event.uid), written(event), TZ)
    read = to_event(item, context, source="work", calendar_id="primary")
    assert read is not None and written_by_sync(read)
    assert not planners_own(read)
