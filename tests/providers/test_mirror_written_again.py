"""An event planner wrote, written again, changes only what planner writes.

A mirror created again over the one there (a retry whose first answer was lost: Google 409,
CalDAV 412, a Graph ``transactionId`` it knows) was written over as a whole, like an update,
and lost the colour, alarms and note the user had given it. And a Google hold written again
(``events.patch``) did not carry whether it is busy and tentative: a hold made free or
tentative stayed as it was. Real client libraries against the fake Google and Graph and a
real Radicale.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from planner.model import Event, Status
from planner.store import Store
from providers.base import SyncMark, mark_digest
from providers.google_map import hold_patch, mirror_patch
from tests.fakes.google_server import FakeGoogle
from tests.fakes.graph_server import start_graph_server
from tests.providers.additions import (
    google_added,
    google_kept,
    graph_added,
    graph_kept,
    ical_added,
    ical_kept,
)
from tests.providers.contract import TZ, at
from tests.providers.radicale_server import PASSWORD_ENV, radicale_server
from tests.providers.test_provider_caldav import make, new_calendar
from tests.providers.test_provider_google import Harness
from tests.providers.test_provider_outlook import signed_in

pytestmark = pytest.mark.slow

MIRROR = Event("planner-sync-again@planner", "Busy", at(10, 14), at(10, 15))
MARK = SyncMark("mirror:x:again", mark_digest(MIRROR))
RETITLED = replace(MIRROR, title="Lunch")  # same time: the same Graph transactionId
RETITLED_MARK = SyncMark(MARK.key, mark_digest(RETITLED))
HOLD = Event(
    "hold-again@planner.test",
    "Hold: lunch with ACME",
    datetime(2026, 12, 11, 12, tzinfo=TZ),
    datetime(2026, 12, 11, 13, 30, tzinfo=TZ),
    location="Café Luitpold, Brienner Str. 11, 80333 München",
)


@pytest.fixture
def harness(tmp_path):
    with FakeGoogle() as fake:
        store = Store(tmp_path / "state.sqlite3")
        made = Harness(fake, store)
        yield made
        for provider in made.made:
            provider.close()
        store.close()


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    with radicale_server(tmp_path_factory.mktemp("radicale")) as server:
        yield server


def test_a_mirror_google_already_has_is_patched_and_keeps_the_users_additions(harness):
    provider = harness.provider(write=True)
    event_id = provider.create_marked(MIRROR, MARK)
    items = harness.fake.calendar("primary").items
    harness.fake.put_event("primary", google_added(items[event_id]))
    provider.create_marked(RETITLED, RETITLED_MARK)  # 409: the one there is written again
    assert items[event_id]["summary"] == "Lunch" and google_kept(items[event_id])
    assert items[event_id]["extendedProperties"]["private"]["plannerSyncDigest"] == (
        RETITLED_MARK.digest
    )
    assert harness.fake.count("events.update") == 0 and harness.fake.count("events.patch") == 1


def test_a_mirror_google_deleted_is_written_anew(harness):
    provider = harness.provider(write=True)
    event_id = provider.create_marked(MIRROR, MARK)
    harness.fake.delete_event("primary", event_id)
    provider.create_marked(MIRROR, MARK)  # 409 on a cancelled one: events.update revives it
    item = harness.fake.calendar("primary").items[event_id]
    assert item["status"] == "confirmed" and item["summary"] == "Busy"
    assert item["visibility"] == "private" and item["reminders"] == {"useDefault": False}


def test_a_mirror_caldav_already_has_is_merged_and_keeps_the_users_additions(radicale, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, radicale.password)
    calendar = new_calendar(radicale)
    provider = make(radicale, calendars=[str(calendar.url)])
    url = provider.create_marked(MIRROR, MARK)
    name = url.rsplit("/", 1)[-1]
    radicale.put(calendar, name, ical_added(calendar.event_by_url(url).data))
    provider.create_marked(RETITLED, RETITLED_MARK)  # 412: the one there is written again
    text = calendar.event_by_url(url).data
    assert "SUMMARY:Lunch" in text and ical_kept(text)
    assert f"X-PLANNER-SYNC-DIGEST:{RETITLED_MARK.digest}" in text


def test_a_mirror_graph_already_has_is_patched_and_keeps_the_users_additions():
    server = start_graph_server()
    try:
        provider = signed_in(server, write=True)
        event_id = provider.create_marked(MIRROR, MARK)
        calendar = provider.selected_calendars()[0]["id"]
        server.put_event(graph_added(server.events[calendar][event_id]), calendar)
        provider.create_marked(RETITLED, RETITLED_MARK)  # the transactionId Graph knows
        item = server.events[calendar][event_id]
        assert item["subject"] == "Lunch" and graph_kept(item)
        (patch,) = server.requests_to(f"/events/{event_id}", "PATCH")
        assert "body" not in patch.body and "isReminderOn" not in patch.body
    finally:
        server.stop()


def test_a_google_hold_written_again_carries_free_and_tentative_both_ways(harness):
    """``events.patch`` keeps what it is not given: a hold written again as free and
    tentative stayed busy and confirmed."""
    provider = harness.provider(write=True)
    event_id = provider.create_event(HOLD)
    items = harness.fake.calendar("primary").items
    provider.create_event(replace(HOLD, busy=False, status=Status.TENTATIVE))
    assert (items[event_id]["transparency"], items[event_id]["status"]) == (
        "transparent",
        "tentative",
    )
    provider.create_event(HOLD)
    assert (items[event_id]["transparency"], items[event_id]["status"]) == ("opaque", "confirmed")
    assert harness.fake.count("events.patch") == 2


def test_a_google_hold_the_user_made_free_stays_free_while_planners_is_busy_as_before(harness):
    """Carried where the planner's hold changes it, not written over the user's choice."""
    provider = harness.provider(write=True)
    event_id = provider.create_event(HOLD)
    items = harness.fake.calendar("primary").items
    harness.fake.put_event("primary", dict(items[event_id], transparency="transparent"))
    later = replace(HOLD, start=HOLD.start + timedelta(hours=1), end=HOLD.end + timedelta(hours=1))
    provider.create_event(later)
    assert items[event_id]["transparency"] == "transparent"
    assert items[event_id]["start"]["dateTime"].startswith("2026-12-11T13:00")
    provider.create_event(replace(later, status=Status.TENTATIVE))  # the planner's changes
    assert (items[event_id]["transparency"], items[event_id]["status"]) == (
        "transparent",
        "tentative",
    )


def test_the_patches_hold_only_what_planner_writes():
    later = replace(MIRROR, start=MIRROR.start + timedelta(hours=1), location="Tantris")
    patch = mirror_patch(later, MARK, TZ)
    assert set(patch) == {
        "summary",
        "start",
        "end",
        "location",
        "transparency",
        "status",
        "extendedProperties",
    }
    assert patch["extendedProperties"] == {
        "private": {
            "plannerUid": MIRROR.uid,
            "plannerSync": "1",
            "plannerSyncKey": MARK.key,
            "plannerSyncDigest": MARK.digest,
        }
    }
    assert patch["start"] == {
        "date": None,
        "dateTime": "2026-12-10T15:00:00+01:00",
        "timeZone": "Europe/Berlin",
    }
    fields = {"summary", "start", "end", "location", "description", "attendees"}
    assert set(hold_patch(HOLD, TZ)) == fields | {"extendedProperties"}
    private = hold_patch(replace(HOLD, busy=False), TZ)["extendedProperties"]["private"]
    assert private == {"plannerUid": HOLD.uid, "plannerShown": "transparent confirmed"}
    there = {"extendedProperties": {"private": private}}  # written free: now busy again
    assert hold_patch(HOLD, TZ, there)["transparency"] == "opaque"


def test_a_caldav_hold_the_user_made_free_stays_free_while_planners_is_busy_as_before(
    radicale, monkeypatch
):
    """As for Google: TRANSP and STATUS of a hold written again change only where the
    planner's hold changes them (X-PLANNER-SHOWN), not over the user's "free"."""
    monkeypatch.setenv(PASSWORD_ENV, radicale.password)
    calendar = new_calendar(radicale)
    provider = make(radicale, calendars=[str(calendar.url)], write_calendar=str(calendar.url))
    url = provider.create_event(HOLD)
    name = url.rsplit("/", 1)[-1]
    text = calendar.event_by_url(url).data
    assert "X-PLANNER-SHOWN:OPAQUE CONFIRMED" in text
    radicale.put(calendar, name, text.replace("TRANSP:OPAQUE", "TRANSP:TRANSPARENT"))
    later = replace(HOLD, start=HOLD.start + timedelta(hours=1), end=HOLD.end + timedelta(hours=1))
    provider.create_event(later)
    text = calendar.event_by_url(url).data
    assert "TRANSP:TRANSPARENT" in text and "DTSTART;TZID=Europe/Berlin:20261211T130000" in text
    provider.create_event(replace(later, status=Status.TENTATIVE))  # the planner's change
    text = calendar.event_by_url(url).data
    assert "TRANSP:TRANSPARENT" in text and "STATUS:TENTATIVE" in text
    assert "X-PLANNER-SHOWN:OPAQUE TENTATIVE" in text
    provider.create_event(replace(later, busy=False, status=Status.TENTATIVE))
    provider.create_event(later)  # planner's hold busy again: said, whatever the user had
    text = calendar.event_by_url(url).data
    assert "TRANSP:OPAQUE" in text and "STATUS:CONFIRMED" in text


def test_an_outlook_hold_written_again_keeps_the_users_free_and_writes_while_as_read():
    """Graph: a hold written again PATCHes showAs only where the planner's hold changes it
    (the PlannerShown property), with If-Match of the etag read just before."""
    server = start_graph_server()
    try:
        provider = signed_in(server, write=True)
        event_id = provider.create_event(HOLD)
        calendar = provider.selected_calendars()[0]["id"]
        item = server.events[calendar][event_id]
        assert item["showAs"] == "busy"
        server.put_event(dict(item, showAs="free"), calendar)
        later = replace(
            HOLD, start=HOLD.start + timedelta(hours=1), end=HOLD.end + timedelta(hours=1)
        )
        provider.create_event(later)
        item = server.events[calendar][event_id]
        assert item["showAs"] == "free" and item["start"]["dateTime"].startswith("2026-12-11T1")
        (patch,) = server.requests_to(f"/events/{event_id}", "PATCH")
        assert "showAs" not in patch.body and patch.headers.get("if-match")
        provider.create_event(replace(later, status=Status.TENTATIVE))  # the planner's change
        assert server.events[calendar][event_id]["showAs"] == "tentative"
    finally:
        server.stop()
