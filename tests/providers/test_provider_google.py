"""The Google provider through the real google-api-python-client against the local fake server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.config import from_mapping
from planner.errors import (
    AuthError,
    ConfigError,
    NotOursError,
    NotSupportedError,
    ProviderError,
)
from planner.meet.slots import working_places
from planner.model import Attendee, Busy, Event, Response
from planner.store import Store
from providers.base import ProviderContext, create
from providers.google import GoogleProvider
from providers.google_auth import token_path
from providers.google_map import to_event, to_google
from tests.fakes.google_server import FakeGoogle, event_to_google
from tests.locations import ROOT
from tests.providers.additions import google_added, google_kept
from tests.providers.contract import (
    TZ,
    WINDOW_END,
    WINDOW_START,
    Additions,
    ProviderContract,
    at,
    seed_events,
)
from tests.providers.hold_contract import EditHold

REAL = ROOT.parent / "shared" / "fixtures" / "real" / "google"
WIDE_START = datetime(2000, 1, 1, tzinfo=TZ)
WIDE_END = datetime(2030, 1, 1, tzinfo=TZ)


@pytest.fixture
def fake():
    with FakeGoogle() as server:
        yield server


@pytest.fixture
def store(tmp_path):
    db = Store(tmp_path / "state.sqlite3")
    yield db
    db.close()


class Harness:
    """Builds providers the way the CLI does: a validated config entry plus a token file."""

    def __init__(self, fake: FakeGoogle, store: Store) -> None:
        self.fake = fake
        self.store = store
        self.warnings: list[str] = []
        self.sleeps: list[float] = []
        self.made: list[GoogleProvider] = []

    def context(self) -> ProviderContext:
        return ProviderContext(
            tz=TZ,
            user_emails=frozenset({"user@planner.test"}),
            store_factory=lambda: self.store,
            warn=self.warnings.append,
        )

    def source(self, **options):
        entry = {
            "name": "g",
            "provider": "google",
            "api_url": self.fake.url,
            "token_uri": self.fake.token_uri,
            **options,
        }
        return from_mapping({"calendars": [entry]}, "<test>").calendars[0]

    def provider(self, *, token: bool = True, write: bool = False, **options) -> GoogleProvider:
        source = self.source(write=write, **options)
        context = self.context()
        path = token_path(source, context)
        if token and not path.exists():
            self.fake.write_token(path, write=write)
        provider = create(source, context)
        assert isinstance(provider, GoogleProvider)
        provider.client.sleep = self.sleeps.append
        provider.client.jitter = lambda: 0.5
        self.made.append(provider)
        return provider


@pytest.fixture
def harness(fake, store):
    h = Harness(fake, store)
    yield h
    for provider in h.made:
        provider.close()


def list_requests(fake: FakeGoogle) -> list:
    return [r for r in fake.requests if r.kind == "events.list"]


# -- the shared contract -------------------------------------------------------------------------
class TestGoogleContract(ProviderContract):
    @pytest.fixture
    def make_provider(self, harness):
        def make(events):
            harness.fake.seed("primary", events)
            provider = harness.provider(write=True)
            mode = token_path(provider.source, provider.context).stat().st_mode & 0o777
            assert mode == 0o600
            return provider

        return make

    @pytest.fixture
    def additions(self, harness) -> Additions:
        items = harness.fake.calendar("primary").items

        def add(provider, marked):
            harness.fake.put_event("primary", google_added(items[marked.id]))

        return Additions(add, lambda provider, marked: google_kept(items[marked.id]))

    hold_reader = "find_by_uid"  # the events.list whose etag the delete sends as If-Match

    @pytest.fixture
    def edit_hold(self, harness) -> EditHold:
        """The hold retitled in Google Calendar: a new summary and a new etag."""

        def edit(provider, uid, title):
            items = harness.fake.calendar("primary").items
            (item,) = [
                i for i in items.values() if i.get("iCalUID") == uid and i["status"] != "cancelled"
            ]
            harness.fake.put_event("primary", {**item, "summary": title})

        return edit


# -- mapping of real-world Google JSON -----------------------------------------------------------
def real(name: str):
    path = REAL / name
    if not path.exists():
        pytest.skip(f"real-world fixtures not found at {REAL} (shared/ is not beside the repo)")
    return json.loads(path.read_text(encoding="utf-8"))


def items_of(data) -> list[dict]:
    if isinstance(data, dict) and "items" in data:
        return data["items"]
    return list(data.values()) if isinstance(data, dict) else data


def serve(harness: Harness, name: str, skip: tuple[str, ...] = ()) -> dict[str, Event]:
    """Serve a fixture file from the fake server and read it back through the provider."""
    data = real(name)
    named = data if isinstance(data, dict) and "items" not in data else {}
    for key, item in named.items() if named else enumerate(items_of(data)):
        if key not in skip:
            harness.fake.put_event("primary", item)
    provider = harness.provider()
    return {e.hint("google.id"): e for e in provider.events(WIDE_START, WIDE_END)}


def test_gdata_items_map_onto_the_model(harness):
    found = serve(harness, "gdata-provider__gcalItems.json", skip=("valarm_default_override",))
    simple = found["go6ijb0b46hlpbu4eeu92njevo"]
    # a local dateTime without offset is read in its own timeZone
    assert simple.start == datetime(2006, 6, 10, 18, tzinfo=ZoneInfo("Europe/Berlin"))
    assert simple.busy is False and simple.title == "New Event" and simple.location == "Hard Drive"
    assert simple.organizer == Attendee(
        "organizer@example.com", "Eggs P. Seashell", Response.ACCEPTED
    )
    assert simple.self_response is Response.ACCEPTED  # the organizer is the user ("self")
    people = {a.email: a for a in simple.attendees}
    assert people["attendee@example.com"].optional
    assert people["attendee@example.com"].response is Response.TENTATIVE
    assert people["attendee2@example.com"].is_resource
    assert simple.url == "https://example.com/calendar/event?eid=eventhash"
    assert simple.uid == "go6ijb0b46hlpbu4eeu92njevo@google.com"

    meet = found["swpefnfloqssxjdlbpyqlyqddb"]  # no iCalUID: the id stands in
    assert meet.all_day and meet.uid == "swpefnfloqssxjdlbpyqlyqddb"
    assert meet.start == datetime(2006, 6, 10, tzinfo=TZ) and meet.duration == timedelta(days=1)
    assert meet.conference_links == ("https://meet.google.com/aaa-bbbb-ccc",)
    assert meet.hint("google.conferenceSolution") == "Hangouts"
    assert meet.hint("google.conferenceSolutionKey") == "hangoutsMeet"
    assert meet.hint("google.entryPointType") == "video"

    instance = found["osndfnwejrgnejnsdjfwegjdfr_20060626"]
    assert instance.series_id == "osndfnwejrgnejnsdjfwegjdfr" and instance.is_recurring
    open_end = found["uasfsingergnenedfwiefefgjk"]  # endTimeUnspecified
    assert open_end.start == open_end.end == datetime.fromisoformat("2006-06-10T01:02:03Z")
    assert "osndfnwejrgnejnsdjfwegjdfr" not in found  # masters (singleEvents=true)
    # out of office and focus time are no meetings, but they hold the user's time (issue 17)
    away, focus = found["neirjgnensdjfknsjeggsdngrf"], found["lsdfosdbsdhfsderornsdjfsdf"]
    assert away.busy_status is Busy.OUT_OF_OFFICE and away.busy
    assert away.hint("google.eventType") == "outOfOffice"
    assert focus.busy_status is Busy.BUSY and focus.hint("google.eventType") == "focusTime"
    others = set(found) - {away.hint("google.id"), focus.hint("google.id")}
    assert all(found[k].hint("google.eventType") == "default" for k in others)


def test_gdata_tasks_are_never_events():
    data = real("gdata-provider__gcalItems.json")
    context = ProviderContext(tz=TZ)
    for name in ("simple_task", "deleted_task", "needs_action"):
        assert to_event(data[name], context, source="g", calendar_id="primary") is None, name


def test_compass_captures(harness):
    timed = serve(harness, "compass__gcal.timed.json")
    stan = timed["kjatossbl8ctt7ub64363pibek"]
    assert stan.location == "PH" and stan.description == "Sign Lease and pick apartment"
    assert stan.start == datetime.fromisoformat("2012-10-26T13:00:00-06:00")
    assert stan.start.tzinfo == TZ  # handed out in the user's zone
    allday = serve(harness, "compass__gcal.allday.json")["1evdi8c1s5knlt5ofhncl654u9"]
    assert allday.all_day and allday.busy is False
    assert allday.start == datetime(2022, 2, 22, tzinfo=TZ)


def test_modified_instance_and_cancelled_tombstones(harness):
    found = serve(harness, "compass__single.instance-1.json")
    assert list(found) == ["68k0p6ackplecqs9fuvbs1fju0_20250324T123000Z"]  # master left out
    moved = found["68k0p6ackplecqs9fuvbs1fju0_20250324T123000Z"]
    assert moved.title == "🍽️ Dishes (Modified)"
    assert moved.start == datetime.fromisoformat("2025-03-24T12:30:00-05:00")
    assert moved.series_id == "68k0p6ackplecqs9fuvbs1fju0"
    context = ProviderContext(tz=TZ)
    for item in real("compass__gcal.cancelled.json"):
        assert to_event(item, context, source="g", calendar_id="primary") is None


def test_auto_meeting_offsets_win_over_contradicting_zone_names(harness):
    data = real("auto-meeting__events.testadata.json")
    found = serve(harness, "auto-meeting__events.testadata.json")
    for item in data:
        event = found[item["id"]]
        assert event.start == datetime.fromisoformat(item["start"]["dateTime"])
        assert event.uid == item["iCalUID"]
    sauna = next(e for e in found.values() if e.title == "Sauna")
    assert sauna.location == "Ahveniston Toimintapuisto Olympiakatu 18-20"


def test_recurring_instances_and_a_deleted_one(harness):
    data = real("compass__gcal.recurring.json")
    for item in data:
        harness.fake.put_event("primary", item)
    first = harness.provider().events(WIDE_START, WIDE_END)
    instances = [i for i in data if "recurringEventId" in i]
    assert len(first) == len(instances) == 10
    assert {e.series_id for e in first} == {"15chil19v5nskedvmo93ei4nl8"}
    harness.fake.delete_event("primary", instances[3]["id"])
    second = harness.provider().events(WIDE_START, WIDE_END)
    assert len(second) == 9
    assert instances[3]["id"] not in {e.hint("google.id") for e in second}
    assert "syncToken" in list_requests(harness.fake)[-1].query


# -- paging and incremental sync -----------------------------------------------------------------
def numbered(count: int, day: int = 8) -> list[Event]:
    return [
        Event(
            uid=f"n{i}@planner.test",
            title=f"Meeting {i}",
            start=at(day, 8 + i),
            end=at(day, 8 + i, 30),
        )
        for i in range(count)
    ]


def test_all_pages_are_read_including_short_and_empty_ones(harness):
    harness.fake.seed("primary", numbered(7))
    harness.fake.page_sizes = [2, 0, 1]
    events = harness.provider().events(WINDOW_START, WINDOW_END)
    assert [e.title for e in events] == [f"Meeting {i}" for i in range(7)]
    requests = list_requests(harness.fake)
    assert len(requests) == 7  # pages of 2, 0, 1, 2, 0, 1, 1
    assert all("pageToken" in r.query for r in requests[1:])
    first = requests[0].query
    assert first["singleEvents"] == ["true"] and first["timeZone"] == ["Europe/Berlin"]
    assert "syncToken" not in first and "timeMin" in first and "timeMax" in first


def test_second_run_over_three_unchanged_calendars_costs_three_requests(harness):
    ids = ["primary", "team@group.calendar.google.com", "family@group.calendar.google.com"]
    for number, calendar_id in enumerate(ids):
        harness.fake.seed(calendar_id, numbered(3, day=8 + number))
    harness.fake.page_sizes = [2]
    first = harness.provider(calendars=ids).events(WINDOW_START, WINDOW_END)
    assert len(first) == 9
    before = len(list_requests(harness.fake))
    assert before == 6  # two pages per calendar
    second = harness.provider(calendars=ids).events(WINDOW_START, WINDOW_END)  # a new run
    requests = list_requests(harness.fake)[before:]
    assert len(requests) == 3
    assert all("syncToken" in r.query and "timeMin" not in r.query for r in requests)
    assert [e.key for e in second] == [e.key for e in first]
    assert {e.hint("google.calendarId") for e in second} == set(ids)


def test_changes_arrive_through_the_sync_token(harness):
    harness.fake.seed("primary", numbered(3))
    harness.provider().events(WINDOW_START, WINDOW_END)
    moved = numbered(3)[1]
    item = event_to_google(moved)
    item.update(
        summary="Moved",
        start={"dateTime": at(9, 15).isoformat()},
        end={"dateTime": at(9, 16).isoformat()},
    )
    harness.fake.put_event("primary", item)
    harness.fake.delete_event("primary", event_to_google(numbered(3)[0])["id"])
    harness.fake.seed(
        "primary", [Event(uid="new@planner.test", title="New", start=at(10, 9), end=at(10, 10))]
    )
    events = harness.provider().events(WINDOW_START, WINDOW_END)
    assert [(e.title, e.start) for e in events] == [
        ("Meeting 2", at(8, 10)),
        ("Moved", at(9, 15)),
        ("New", at(10, 9)),
    ]


def test_gone_sync_token_triggers_a_clean_full_sync(harness):
    harness.fake.seed("primary", numbered(3))
    harness.provider().events(WINDOW_START, WINDOW_END)
    # meanwhile an event vanishes without a tombstone reaching us, and the token expires
    gone = event_to_google(numbered(3)[2])["id"]
    del harness.fake.calendar("primary").items[gone]
    harness.fake.invalidate_sync_tokens()
    events = harness.provider().events(WINDOW_START, WINDOW_END)
    assert [e.title for e in events] == ["Meeting 0", "Meeting 1"]
    kinds = [("syncToken" in r.query, "timeMin" in r.query) for r in list_requests(harness.fake)]
    assert kinds[-2:] == [(True, False), (False, True)]  # 410, then a full read
    assert harness.fake.count("events.list") == 3


def test_a_window_outside_the_synced_range_reads_again(harness):
    harness.fake.seed("primary", numbered(2))
    provider = harness.provider(sync_past_days=7, sync_future_days=7)
    provider.events(WINDOW_START, WINDOW_END)
    later = WINDOW_START + timedelta(days=60)
    assert provider.events(later, later + timedelta(days=7)) == []
    assert "timeMin" in list_requests(harness.fake)[-1].query
    count = harness.fake.count("events.list")
    again = provider.events(WINDOW_START, WINDOW_END)  # the union of both ranges is kept
    assert len(again) == 2 and harness.fake.count("events.list") == count  # fresh in this run
    assert len(harness.provider().events(WINDOW_START, WINDOW_END)) == 2  # the next run
    assert "syncToken" in list_requests(harness.fake)[-1].query


def test_one_run_syncs_each_calendar_once(harness):
    harness.fake.seed("primary", numbered(2))
    provider = harness.provider()
    provider.events(WINDOW_START, WINDOW_END)
    provider.working_locations(WINDOW_START, WINDOW_END)
    provider.events(WINDOW_START + timedelta(days=1), WINDOW_END)
    assert harness.fake.count("events.list") == 1


# -- working locations ---------------------------------------------------------------------------
def test_working_locations_are_hints_not_meetings(harness):
    home = {
        "id": "wloc00001",
        "eventType": "workingLocation",
        "summary": "Home",
        "start": {"date": "2026-12-08"},
        "end": {"date": "2026-12-09"},
        "workingLocationProperties": {"type": "homeOffice", "homeOffice": {}},
    }
    office = {
        "id": "wloc00002",
        "eventType": "workingLocation",
        "summary": "Office",
        "start": {"dateTime": "2026-12-09T08:00:00+01:00"},
        "end": {"dateTime": "2026-12-09T18:00:00+01:00"},
        "workingLocationProperties": {
            "type": "officeLocation",
            "officeLocation": {"label": "Munich HQ"},
        },
    }
    for item in (home, office):
        harness.fake.put_event("primary", item)
    harness.fake.seed("primary", numbered(1))
    provider = harness.provider()
    found = provider.events(WINDOW_START, WINDOW_END)
    where = [e for e in found if e.busy_status is Busy.WORKING_ELSEWHERE]
    assert [e.title for e in found if e not in where] == ["Meeting 0"]
    assert [(e.title, e.location, e.busy) for e in where] == [
        ("Home", "home", False),  # not busy: proposals may use the time
        ("Office", "Munich HQ", False),
    ]
    assert working_places(found, TZ) == {date(2026, 12, 8): "home", date(2026, 12, 9): "Munich HQ"}
    assert provider.working_locations(WINDOW_START, WINDOW_END) == {
        date(2026, 12, 8): "home",
        date(2026, 12, 9): "Munich HQ",
    }


# -- free/busy -----------------------------------------------------------------------------------
def test_free_busy_with_per_calendar_errors(harness):
    fake = harness.fake
    fake.busy["anna@example.com"] = [(at(8, 9), at(8, 10)), (at(20, 9), at(20, 10))]
    fake.free_busy_errors["ghost@example.com"] = "notFound"
    fake.too_big_groups.add("everyone@example.com")
    emails = ["anna@example.com", "ghost@example.com", "everyone@example.com", "bob@example.com"]
    result = harness.provider().free_busy(emails, WINDOW_START, WINDOW_END)
    assert result["anna@example.com"][0].start == at(8, 9)
    assert len(result["anna@example.com"]) == 1 and result["anna@example.com"][0].end == at(8, 10)
    assert result["bob@example.com"] == []
    # unknown is no error and no warning per person (issue 17): the answer names them
    assert "ghost@example.com" not in result and "everyone@example.com" not in result
    assert result.unknown == {
        "ghost@example.com": "external",
        "everyone@example.com": "groupTooBig",
    }
    assert harness.warnings == []
    assert harness.fake.count("freebusy") == 1


def test_free_busy_refused_names_the_scope_to_grant(harness):
    harness.fake.fail("freebusy", 403, "insufficientPermissions")
    with pytest.raises(NotSupportedError, match="does not allow free/busy") as caught:
        harness.provider().free_busy(["anna@example.com"], WINDOW_START, WINDOW_END)
    assert "auth/calendar.freebusy" in caught.value.hint


def test_free_busy_of_a_group_joins_its_members(harness):
    fake = harness.fake
    fake.groups["sales@example.com"] = ["anna@example.com", "bob@example.com"]
    fake.busy["anna@example.com"] = [(at(8, 9), at(8, 10))]
    fake.busy["bob@example.com"] = [(at(7, 15), at(7, 16)), (at(8, 9), at(8, 10))]
    result = harness.provider().free_busy(["sales@example.com"], WINDOW_START, WINDOW_END)
    assert [(i.start, i.end) for i in result["sales@example.com"]] == [
        (at(7, 15), at(7, 16)),
        (at(8, 9), at(8, 10)),
    ]
    assert harness.warnings == []


def test_free_busy_asks_in_batches_of_fifty(harness):
    emails = [f"p{i}@example.com" for i in range(120)]
    result = harness.provider().free_busy(emails, WINDOW_START, WINDOW_END)
    assert set(result) == set(emails) and harness.fake.count("freebusy") == 3


# -- writing -------------------------------------------------------------------------------------
HOLD = Event(
    uid="hold-1@planner.test",
    title="Lunch with ACME",
    start=at(11, 12),
    end=at(11, 13, 30),
    location="Café Luitpold",
    attendees=(Attendee("anna@example.com", "Anna"),),
)


def test_invitation_is_inserted_by_its_ical_uid_alone_and_a_retry_finds_it(harness):
    """Issue 17: events.insert gets the iCalUID alone (never ``id`` too); a retry meets 409 and
    finds the event by its iCalUID."""
    provider = harness.provider(write=True)
    first = provider.create_event(HOLD, send_updates=True)
    second = provider.create_event(HOLD, send_updates=True)
    assert first == second
    inserts = harness.fake.inserts
    assert [i["sendUpdates"] for i in inserts] == ["all"]
    assert harness.fake.count("events.insert") == 2
    lookups = [r for r in harness.fake.requests if r.kind == "events.list"]
    # each write first asks whether the iCalUID is someone else's (issue 26); the 409 of the
    # retry looks the event up once more
    assert [r.query.get("iCalUID") for r in lookups] == [[HOLD.uid]] * 3
    body = inserts[0]["body"]
    assert "id" not in body and body["iCalUID"] == HOLD.uid
    assert body["extendedProperties"] == {"private": {"plannerUid": HOLD.uid}}
    assert body["attendees"] == [{"email": "anna@example.com", "displayName": "Anna"}]
    assert body["start"] == {"dateTime": "2026-12-11T12:00:00+01:00", "timeZone": "Europe/Berlin"}
    found = [e for e in provider.events(WINDOW_START, WINDOW_END) if e.uid == HOLD.uid]
    assert len(found) == 1 and found[0].location == "Café Luitpold"


def test_hold_is_imported_under_its_ical_uid_and_twice_is_once(harness):
    provider = harness.provider(write=True)
    first = provider.create_event(HOLD)
    second = provider.create_event(HOLD)  # a retry: the hold there is patched, not imported
    assert first == second
    assert harness.fake.count("events.import") == 1 and harness.fake.count("events.insert") == 0
    assert harness.fake.count("events.patch") == 1
    assert all("id" not in body and body["iCalUID"] == HOLD.uid for body in harness.fake.imports)
    found = [e for e in provider.events(WINDOW_START, WINDOW_END) if e.uid == HOLD.uid]
    assert len(found) == 1


def test_a_hold_changed_between_the_read_and_the_patch_is_refused(harness, monkeypatch):
    """A hold written again is patched with ``If-Match`` of the etag read just before: the
    user's change in between (412) is refused, not written over."""
    provider = harness.provider(write=True)
    provider.create_event(HOLD)
    read = provider._hold_there

    def read_then_the_user_edits(uid):
        there = read(uid)
        harness.fake.put_event("primary", dict(there, colorId="5"))  # a new etag
        return there

    monkeypatch.setattr(provider, "_hold_there", read_then_the_user_edits)
    later = HOLD.start + timedelta(hours=1)
    with pytest.raises(NotOursError, match="was changed in the calendar"):
        provider.create_event(replace(HOLD, start=later, end=HOLD.end + timedelta(hours=1)))
    (item,) = harness.fake.calendar("primary").items.values()
    assert item["colorId"] == "5" and item["start"] == to_google(HOLD, TZ)["start"]


def test_a_hold_found_by_its_private_property_when_the_ical_uid_differs(harness):
    provider = harness.provider(write=True)
    item = provider.client.execute(
        provider.client.service()
        .events()
        .import_(calendarId="primary", body=dict(to_google(HOLD, TZ), iCalUID="other@x")),
        "test",
    )
    assert provider.find_by_uid(HOLD.uid)["id"] == item["id"]  # the second key


def test_read_only_calendar_refuses_to_write(harness):
    provider = harness.provider(write=False)
    assert provider.can_write is False
    with pytest.raises(NotSupportedError, match="write = true"):
        provider.create_event(HOLD)
    assert harness.fake.count("events.insert") == 0


def test_write_needs_a_grant_with_the_events_scope(harness, fake):
    source = harness.source(write=True)
    fake.write_token(token_path(source, harness.context()), write=False)
    provider = harness.provider(write=True)
    with pytest.raises(AuthError, match="planner auth google"):
        provider.create_event(HOLD)


# -- faults --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (503, "backendError"),
        (500, "internalError"),
        (429, "rateLimitExceeded"),
        (403, "rateLimitExceeded"),
        (403, "userRateLimitExceeded"),
    ],
)
def test_transient_errors_are_retried_with_growing_backoff(harness, status, reason):
    harness.fake.seed("primary", numbered(1))
    harness.fake.fail("events.list", status, reason, times=3)
    events = harness.provider().events(WINDOW_START, WINDOW_END)
    assert len(events) == 1
    assert harness.sleeps == [1.5, 2.5, 4.5]  # 2**n plus the (fixed) jitter
    assert harness.fake.count("events.list") == 4


def test_retry_after_is_honoured(harness):
    harness.fake.fail("freebusy", 429, "rateLimitExceeded", retry_after="7")
    harness.provider().free_busy(["a@example.com"], WINDOW_START, WINDOW_END)
    assert harness.sleeps == [7.0]


def test_retries_are_bounded(harness):
    harness.fake.fail("events.list", 503, "backendError", times=10)
    with pytest.raises(ProviderError, match=r"'g'.*after 5 tries \(503 backendError\)"):
        harness.provider().events(WINDOW_START, WINDOW_END)
    assert harness.fake.count("events.list") == 5 and len(harness.sleeps) == 4


def test_missing_calendar_is_one_clear_line(harness):
    with pytest.raises(ProviderError) as info:
        harness.provider(calendars=["nope@group.calendar.google.com"]).events(
            WINDOW_START, WINDOW_END
        )
    text = str(info.value)
    assert "'g'" in text and "nope@group.calendar.google.com" in text and "404" in text
    assert "\n" not in text and harness.sleeps == []


def test_forbidden_is_not_retried(harness):
    harness.fake.fail("events.list", 403, "forbidden")
    with pytest.raises(AuthError, match="403 forbidden"):
        harness.provider().events(WINDOW_START, WINDOW_END)
    assert harness.sleeps == []


def test_unreachable_server_names_the_url(harness, fake):
    provider = harness.provider()
    url = fake.url
    fake.stop()
    with pytest.raises(ProviderError, match="cannot be reached") as info:
        provider.events(WINDOW_START, WINDOW_END)
    assert url in str(info.value) and len(harness.sleeps) == 4


# -- configuration -------------------------------------------------------------------------------
def test_the_leads_config_entry_works_with_a_token_file(harness, fake, tmp_path):
    fake.seed("primary", seed_events())
    secrets = fake.write_client_secrets(tmp_path / "client.json")
    text = f"""
[[calendars]]
name = "g"
provider = "google"
calendars = ["primary"]
api_url = "{fake.url}"
token_uri = "{fake.token_uri}"
client_secrets = "{secrets}"
"""
    import tomllib

    source = from_mapping(tomllib.loads(text), "<test>").calendars[0]
    context = ProviderContext(tz=TZ)  # the default store in the (temporary) data dir
    fake.write_token_for("g")
    provider = create(source, context)
    try:
        assert len(provider.events(WINDOW_START, WINDOW_END)) == 5
        assert provider.list_calendars()[0].primary
    finally:
        provider.close()
        context.store.close()
    assert token_path(source, context).parent == Path(os.environ["PLANNER_DATA_DIR"]) / "tokens"


def test_bad_options_are_reported_together():
    entry = {"name": "g", "provider": "google", "api_url": "ftp://x", "calendars": [], "timeout": 0}
    with pytest.raises(ConfigError) as info:
        from_mapping({"calendars": [entry]}, "<test>")
    text = str(info.value)
    assert "'api_url'" in text and "'calendars'" in text and "'timeout'" in text


def test_importing_the_provider_loads_no_google_library():
    code = (
        "import sys, providers.google, providers.google_auth, providers.google_map;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('googleapiclient', 'google', 'google_auth_oauthlib', 'httplib2', 'requests')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert out.stdout.strip() == "[]"
