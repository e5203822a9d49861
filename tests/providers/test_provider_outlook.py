"""The Outlook provider: real msal and real HTTP against the local fake Microsoft Graph."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import from_mapping
from planner.config.schema import SourceConfig
from planner.errors import AuthError, ConfigError, NotSupportedError, ProviderError
from planner.model import Attendee, Event, Geo, Interval, Response, Status
from providers.base import ProviderContext, create
from providers.graph_events import html_to_text, parse_datetime, to_event, zone_from_name
from providers.outlook import OutlookProvider, transaction_id
from providers.outlook_auth import authorize
from tests.fakes.graph_server import start_graph_server
from tests.locations import ROOT
from tests.providers.additions import graph_added, graph_kept
from tests.providers.contract import (
    ANNA,
    TZ,
    WINDOW_END,
    WINDOW_START,
    Additions,
    ProviderContract,
    at,
    seed_events,
)
from tests.providers.hold_contract import EditHold

REAL = ROOT.parent / "shared" / "fixtures" / "real" / "graph"


@pytest.fixture
def server():
    fake = start_graph_server()
    yield fake
    fake.stop()


def signed_in(server, name="work", warnings=None, **options) -> OutlookProvider:
    """An OutlookProvider pointed at ``server``, signed in through msal's device code flow."""
    source = SourceConfig(name, "outlook", server.source_options(**options))
    warn = warnings.append if warnings is not None else (lambda message: None)
    context = ProviderContext(tz=TZ, warn=warn)
    authorize(source, context, prompt=lambda message: None)
    provider = create(source, context)
    assert isinstance(provider, OutlookProvider)
    return provider


class TestOutlookContract(ProviderContract):
    @pytest.fixture
    def make_provider(self, server):
        def make(events):
            server.seed(events)
            return signed_in(server, write=True)

        return make

    @pytest.fixture
    def additions(self, server) -> Additions:
        def item(marked):
            return next(i for i in server.all_events() if i["id"] == marked.id)

        def add(provider, marked):
            server.put_event(graph_added(item(marked)), provider.selected_calendars()[0]["id"])

        return Additions(add, lambda provider, marked: graph_kept(item(marked)))

    hold_reader = "_hold_item"  # the GET whose @odata.etag the DELETE sends as If-Match

    @pytest.fixture
    def edit_hold(self, server) -> EditHold:
        """The hold retitled in Outlook (found by the Graph id planner remembered): a new
        subject and a new @odata.etag."""

        def edit(provider, uid, title):
            event_id = provider._created_id(uid)
            (item,) = [i for i in server.all_events() if i["id"] == event_id]
            server.put_event({**item, "subject": title}, provider.selected_calendars()[0]["id"])

        return edit


class TestOutlookContractCalendarView(TestOutlookContract):
    """The same contract over plain calendarView (no delta), with Windows zone names."""

    @pytest.fixture
    def make_provider(self, server):
        server.zone_style = "windows"

        def make(events):
            server.seed(events)
            return signed_in(server, write=True, delta=False)

        return make


# --- reading ---------------------------------------------------------------------------------


def test_calendar_view_follows_every_page_and_asks_for_selected_fields(server):
    server.page_size = 2
    server.seed(seed_events())
    provider = signed_in(server, delta=False)
    assert len(provider.events(WINDOW_START, WINDOW_END)) == 5
    views = server.requests_to("/calendarView")
    assert len(views) == 3  # 5 events in pages of 2
    first = views[0]
    assert first.query["startDateTime"] == ["2026-12-06T23:00:00Z"]
    assert "iCalUId" in first.query["$select"][0].split(",")
    assert first.headers["prefer"] == 'outlook.timezone="UTC"'  # one instant per wall time
    assert first.headers["authorization"].startswith("Bearer at-")


def test_windows_zone_names_in_answers_are_understood(server):
    server.zone_style = "windows"
    server.seed(seed_events())
    events = {e.uid: e for e in signed_in(server).events(WINDOW_START, WINDOW_END)}
    assert events["contract-call@planner.test"].start == at(8, 10)
    assert server.requests_to("/calendarView/delta")  # answers did carry Windows names:
    assert zone_from_name("W. Europe Standard Time") == ZoneInfo("Europe/Berlin")


def test_people_status_and_links_are_mapped(server):
    event = Event(
        uid="mapped@planner.test",
        title="Board prep",
        start=at(9, 15),
        end=at(9, 16),
        status=Status.TENTATIVE,
        organizer=Attendee(ANNA, "Anna Berger"),
        attendees=(
            Attendee("bob@acme.example", "Bob", Response.DECLINED),
            Attendee("room-1@acme.example", "Room 1", Response.ACCEPTED, is_resource=True),
            Attendee("cleo@acme.example", "Cleo", Response.TENTATIVE, optional=True),
        ),
        conference_links=("https://teams.microsoft.com/l/meetup-join/abc",),
        geo=Geo(48.15, 11.58),
        location="Leopoldstraße 10",
    )
    server.seed([event])
    (found,) = signed_in(server).events(WINDOW_START, WINDOW_END)
    assert found.status is Status.TENTATIVE and found.busy
    assert found.organizer == Attendee(ANNA, "Anna Berger", Response.ACCEPTED)
    by_mail = {a.email: a for a in found.attendees}
    assert by_mail["bob@acme.example"].response is Response.DECLINED
    assert by_mail["room-1@acme.example"].is_resource
    assert by_mail["cleo@acme.example"].optional
    assert by_mail["cleo@acme.example"].response is Response.TENTATIVE
    assert found.conference_links == ("https://teams.microsoft.com/l/meetup-join/abc",)
    assert found.hint("graph.isOnlineMeeting") == "true"
    assert found.hint("graph.onlineMeetingProvider") == "teamsForBusiness"
    assert found.geo == Geo(48.15, 11.58)
    assert found.self_response is Response.ACCEPTED  # the user organises it
    assert found.calendar == "work"


def test_cancelled_and_working_elsewhere(server):
    cancelled, elsewhere = seed_events()[:2]
    items = server.seed([cancelled, elsewhere])
    items[0]["isCancelled"] = True
    items[1]["showAs"] = "workingElsewhere"
    events = signed_in(server).events(WINDOW_START, WINDOW_END)
    assert [(e.uid, e.busy) for e in events] == [("contract-call@planner.test", False)]


def test_named_calendars_are_read_and_unknown_names_explained(server):
    server.add_calendar("Team", "cal-team")
    server.seed(seed_events()[:1])
    server.seed(seed_events()[1:2], "cal-team")
    provider = signed_in(server, calendars=["team", "cal-default"])
    uids = [e.uid for e in provider.events(WINDOW_START, WINDOW_END)]
    assert uids == ["contract-visit@planner.test", "contract-call@planner.test"]
    calendars = {c.id: c for c in provider.list_calendars()}
    assert calendars["cal-default"].primary and not calendars["cal-team"].primary
    wrong = signed_in(server, name="other", calendars=["Holidays"])
    with pytest.raises(ProviderError, match="'Holidays'.*it has: Calendar, Team"):
        wrong.events(WINDOW_START, WINDOW_END)


# --- delta sync ------------------------------------------------------------------------------


def test_delta_sync_fetches_changes_only_and_applies_removals(server):
    items = server.seed(seed_events())
    signed_in(server).events(WINDOW_START, WINDOW_END)
    full_round = len(server.requests_to("/calendarView/delta"))
    server.remove_event(items[0]["id"])  # contract-visit
    moved = dict(items[1], subject="Weekly sync (moved)")
    server.put_event(moved)
    server.seed([Event("new@planner.test", "New", at(11, 8), at(11, 9))])

    later = signed_in(server)  # a later run: new provider, same state database
    events = {e.uid: e for e in later.events(WINDOW_START, WINDOW_END)}
    incremental = server.requests_to("/calendarView/delta")[full_round:]
    assert [list(r.query) for r in incremental] == [["$deltatoken"]]
    assert "contract-visit@planner.test" not in events
    assert events["contract-call@planner.test"].title == "Weekly sync (moved)"
    assert "new@planner.test" in events
    assert len(events) == 5


def test_expired_delta_link_triggers_a_clean_full_sync(server):
    server.seed(seed_events())
    signed_in(server).events(WINDOW_START, WINDOW_END)
    server.expire_delta_links()
    later = signed_in(server)
    before = len(server.requests_to("/calendarView/delta"))
    events = later.events(WINDOW_START, WINDOW_END)
    assert len(events) == 5
    asked = [list(r.query) for r in server.requests_to("/calendarView/delta")[before:]]
    assert asked[0] == ["$deltatoken"]  # answered 410 SyncStateNotFound
    assert "startDateTime" in asked[1]  # then a new full round
    assert later.events(WINDOW_START, WINDOW_END) == events  # and it keeps working


def test_a_later_window_inside_the_round_costs_one_delta_request(server):
    """Issue 17: windows are whole days with margins, so a window two weeks later (or one that
    starts at "now", a few seconds on) continues the same round instead of starting a new one."""
    server.seed(seed_events())
    provider = signed_in(server)
    provider.events(WINDOW_START, WINDOW_END)
    first = len(server.requests_to("calendarView/delta"))
    two_weeks = timedelta(days=14)
    week_later = provider.events(WINDOW_START + two_weeks, WINDOW_END + two_weeks)
    assert [e.uid for e in week_later] == ["contract-outside@planner.test"]
    seconds_later = provider.events(WINDOW_START + timedelta(seconds=7), WINDOW_END)
    assert len(seconds_later) == 5
    again = server.requests_to("calendarView/delta")[first:]
    assert len(again) == 2 and all("$deltatoken" in r.query for r in again)
    links = "SELECT count(*) FROM kv WHERE namespace = 'graph-delta:work'"
    assert provider.context.store.conn.execute(links).fetchone() == (1,)  # one per calendar


def test_a_window_outside_the_round_widens_it(server):
    server.seed(seed_events())
    provider = signed_in(server, sync_past_days=1, sync_future_days=1)
    provider.events(WINDOW_START, WINDOW_END)
    year_before = timedelta(days=365)
    provider.events(WINDOW_START - year_before, WINDOW_END - year_before)  # a new, wider round
    rounds = [r for r in server.requests_to("calendarView/delta") if "startDateTime" in r.query]
    assert len(rounds) == 2
    assert rounds[1].query["startDateTime"] == ["2025-12-05T23:00:00Z"]  # whole days, widened
    assert rounds[1].query["endDateTime"] == ["2026-12-14T23:00:00Z"]  # the old end kept
    before = len(server.requests_to("calendarView/delta"))
    assert len(provider.events(WINDOW_START, WINDOW_END)) == 5  # the first window: covered
    assert len(server.requests_to("calendarView/delta")) == before + 1


# --- free/busy -------------------------------------------------------------------------------


def busy_item(status: str, start: datetime, end: datetime) -> dict:
    def utc(moment: datetime) -> dict:
        text = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000")
        return {"dateTime": text, "timeZone": "UTC"}

    return {"isPrivate": False, "status": status, "start": utc(start), "end": utc(end)}


def test_free_busy_from_get_schedule(server):
    server.schedules[ANNA] = [
        busy_item("busy", at(8, 9), at(8, 10)),
        busy_item("free", at(8, 11), at(8, 12)),
        busy_item("tentative", at(8, 13), at(8, 14)),
        busy_item("oof", at(9, 0), at(10, 0)),
        busy_item("workingElsewhere", at(10, 9), at(10, 17)),
    ]
    warnings: list[str] = []
    provider = signed_in(server, warnings=warnings)
    result = provider.free_busy([ANNA, "ghost@elsewhere.example"], WINDOW_START, WINDOW_END)
    assert result == {
        ANNA: [
            Interval(at(8, 9), at(8, 10)),
            Interval(at(8, 13), at(8, 14)),
            Interval(at(9, 0), at(10, 0)),
        ]
    }
    assert result.unknown == {"ghost@elsewhere.example": "external"}  # no warning per person
    assert warnings == []
    body = server.requests_to("getSchedule")[0].body
    assert body["schedules"] == [ANNA, "ghost@elsewhere.example"]


def test_free_busy_from_availability_view_alone(server):
    server.schedule_items = False
    server.schedules[ANNA] = [busy_item("busy", at(8, 9), at(8, 10, 30))]
    provider = signed_in(server)
    result = provider.free_busy([ANNA], at(8, 8), at(8, 12))
    assert result == {ANNA: [Interval(at(8, 9), at(8, 10, 30))]}


def test_personal_accounts_have_no_schedules(server):
    server.personal = True
    provider = signed_in(server)
    with pytest.raises(NotSupportedError, match="personal Microsoft accounts"):
        provider.free_busy([ANNA], WINDOW_START, WINDOW_END)
    assert not server.requests_to("getSchedule")


def test_get_schedule_failure_is_not_supported_with_the_code(server):
    server.fail("getSchedule", 500, times=10, code="ErrorInternalServerError")
    provider = signed_in(server)
    waits: list[float] = []
    provider.sleep = waits.append
    with pytest.raises(NotSupportedError, match="ErrorInternalServerError"):
        provider.free_busy([ANNA], WINDOW_START, WINDOW_END)
    assert len(server.requests_to("getSchedule")) == 5  # read-only: retried, but bounded
    assert waits == [1.0, 2.0, 4.0, 8.0]


# --- writing ---------------------------------------------------------------------------------

HOLD = Event(
    uid="hold-1@planner.test",
    title="Lunch with ACME",
    start=at(11, 12),
    end=at(11, 13, 30),
    location="Café Luitpold",
    attendees=(Attendee("bob@acme.example", "Bob"),),
)


def test_meeting_with_updates_lets_graph_send_the_invitations(server):
    provider = signed_in(server, write=True)
    provider.create_event(HOLD, send_updates=True)
    (post,) = server.requests_to("/events", "POST")
    assert post.body["transactionId"] == transaction_id(HOLD)
    assert post.body["attendees"][0]["emailAddress"]["address"] == "bob@acme.example"
    assert post.body["start"] == {"dateTime": "2026-12-11T12:00:00", "timeZone": "Europe/Berlin"}
    assert server.invitations and server.invitations[0][1] == ["bob@acme.example"]


def test_hold_without_updates_has_no_attendees(server):
    provider = signed_in(server, write=True)
    provider.create_event(HOLD)
    (post,) = server.requests_to("/events", "POST")
    assert "attendees" not in post.body and not server.invitations
    (event,) = provider.events(WINDOW_START, WINDOW_END)
    assert event.uid == HOLD.uid and event.location == "Café Luitpold"


def test_throttled_creation_is_retried_without_duplicates(server):
    server.fail("/events", 503, retry_after="7", method="POST")
    provider = signed_in(server, write=True)
    waits: list[float] = []
    provider.sleep = waits.append
    provider.create_event(HOLD)
    provider.create_event(HOLD)
    assert waits == [7.0]
    assert len(server.all_events()) == 1
    txs = {r.body["transactionId"] for r in server.requests_to("/events", "POST")}
    assert txs == {transaction_id(HOLD)}


def test_read_only_calendar_refuses_to_write(server):
    provider = signed_in(server)
    with pytest.raises(NotSupportedError, match="read-only.*write = true"):
        provider.create_event(HOLD)
    assert not server.requests_to("/events", "POST")


def test_missing_write_permission_is_one_clear_line(server):
    provider = signed_in(server, write=True)
    server.tokens.update(dict.fromkeys(server.tokens, "Calendars.Read"))  # consent withdrawn
    with pytest.raises(ProviderError) as caught:
        provider.create_event(HOLD)
    message = str(caught.value)
    assert "403 ErrorAccessDenied" in message and "'work'" in message and "\n" not in message
    assert len(server.requests_to("/events", "POST")) == 1  # 4xx is never repeated


# --- faults ----------------------------------------------------------------------------------


def test_throttling_honours_retry_after_and_backs_off_on_5xx(server):
    server.seed(seed_events())
    server.fail("/calendarView", 429, retry_after="3")
    server.fail("/calendarView", 504, times=2, code="GatewayTimeout")
    provider = signed_in(server, delta=False)
    waits: list[float] = []
    provider.sleep = waits.append
    assert len(provider.events(WINDOW_START, WINDOW_END)) == 5
    assert waits == [3.0, 2.0, 4.0]


def test_persistent_outage_ends_in_one_line_naming_the_calendar(server):
    server.fail("/calendarView", 503, times=100)
    provider = signed_in(server, delta=False)
    provider.sleep = lambda seconds: None
    with pytest.raises(ProviderError) as caught:
        provider.events(WINDOW_START, WINDOW_END)
    assert "calendar 'work'" in str(caught.value) and "503 ServiceUnavailable" in str(caught.value)
    assert len(server.requests_to("/calendarView")) == 5


def test_refused_token_is_an_auth_error_when_no_new_one_is_given(server):
    provider = signed_in(server)
    server.tokens.clear()
    server.refresh_fails = True  # the sign-in service refuses the refresh token too
    before = len(server.requests_to("/oauth2/v2.0/token"))
    with pytest.raises(AuthError, match="planner auth outlook"):
        provider.list_calendars()
    assert len(server.requests_to("/oauth2/v2.0/token")) == before + 1  # asked once


def test_config_validation_names_the_keys():
    entry = {
        "name": "work",
        "provider": "outlook",
        "authority": "http://login.test",
        "auth_flow": "sms",
    }
    with pytest.raises(ConfigError) as caught:
        from_mapping({"calendars": [entry]}, "config.toml")
    text = str(caught.value)
    assert "'client_id' is required" in text and "'auth_flow'" in text


# --- real-world Graph JSON -------------------------------------------------------------------


def real(name: str) -> list[dict]:
    if not REAL.is_dir():
        pytest.skip(f"real-world fixtures not found at {REAL} (shared/ is beside the repo in CI)")
    data = json.loads((REAL / name).read_text(encoding="utf-8-sig"))
    return data.get("value", [data])


def read_back(server, items: list[dict], start: datetime, end: datetime) -> list[Event]:
    for item in items:
        server.put_event(item)
    return signed_in(server).events(start, end)


def test_real_teams_meeting_not_organised_by_the_user(server):
    items = real("botframework-components__GetEventTests__getEventsNotOrganizer.mock.dialog.json")
    (event,) = read_back(
        server, items, datetime(2099, 12, 31, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    )
    assert event.start == datetime(2099, 12, 31, 12, 0, tzinfo=UTC)  # 04:00 Pacific
    assert event.uid == items[0]["iCalUId"]
    assert event.conference_links[0].startswith("https://teams.microsoft.com/l/meetup-join/")
    assert event.hint("graph.onlineMeetingProvider") == "teamsForBusiness"
    assert event.status is Status.TENTATIVE and event.self_response is Response.NEEDS_ACTION
    assert "Microsoft Teams meeting" in event.description and "<div" not in event.description
    assert event.organizer and event.organizer.email == "LidiaH@M365x320864.OnMicrosoft.com"


def test_real_series_occurrence_with_html_body(server):
    items = real("botframework-components__CustomActionTests__getEvents.mock.dialog.json")
    (event,) = read_back(
        server, items, datetime(2020, 9, 11, tzinfo=UTC), datetime(2020, 9, 12, tzinfo=UTC)
    )
    assert event.series_id == items[0]["seriesMasterId"]
    assert event.url.startswith("https://outlook.office365.com/owa/")
    assert event.description.startswith("Project X review meeting")
    assert "Join Microsoft Teams Meeting <https://teams.microsoft.com/l/meetup-join/" in (
        event.description.replace("\n", " ")
    )
    assert event.hint("graph.onlineMeeting.tollNumber") == "+1 469-998-6046"


def test_real_room_meeting_and_online_flag_without_link(server):
    room = real("botframework-components__GetEventTests__getEvent.mock.dialog.json")
    online = real("botframework-components__GetEventTests__getEventsOnlineMeeting.mock.dialog.json")
    online = [dict(online[0], id="other-id", iCalUId="other-uid")]
    events = read_back(
        server, room + online, datetime(2099, 12, 31, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    )
    by_uid = {e.uid: e for e in events}
    in_room = by_uid[room[0]["iCalUId"]]
    assert in_room.location == "Conference Room - Stevens"
    assert in_room.hint("graph.isOnlineMeeting") == "false" and not in_room.conference_links
    assert len(in_room.attendees) == 5
    flagged = by_uid["other-uid"]
    assert flagged.hint("graph.isOnlineMeeting") == "true" and flagged.location == ""


def test_real_multiple_locations_and_hybrid_meeting(server):
    several = real("microsoft-graph-docs__v1.0__user-post-events__ex2_multiple_locations.json")
    hybrid = real("microsoft-graph-docs__v1.0__user-post-events__ex4_teams_online_meeting.json")
    events = read_back(
        server, several + hybrid, datetime(2017, 4, 1, tzinfo=UTC), datetime(2017, 9, 1, tzinfo=UTC)
    )
    by_title = {e.title: e for e in events}
    picnic = by_title["Plan summer company picnic"]
    assert picnic.location == "Conf Room 3; Fourth Coffee; Home Office"
    assert picnic.geo == Geo(47.672, -102.103)
    assert picnic.start == datetime(2017, 8, 30, 18, 0, tzinfo=UTC)  # 11:00 PDT
    brunch = by_title["Let's go brunch"]
    assert brunch.location == "Harry's Bar" and brunch.conference_links


def test_real_all_day_occurrence_and_sparse_instances(server):
    all_day = real("MS365-Calendar__calendar1_event2.json")
    instances = real(
        "microsoft-graph-docs__v1.0__event-list-instances__instances_with_exception.json"
    )
    read = read_back(
        server,
        all_day + instances,
        datetime(2019, 4, 1, tzinfo=TZ),
        datetime(2019, 5, 1, tzinfo=TZ),
    )
    assert [e.title for e in read] == ["Review strategy for Q3"] * 4
    assert all(e.series_id == "AAMkAGUzYRgWAAA=" for e in read)
    (day,) = [to_event(all_day[0], TZ, calendar="work")]
    assert day.all_day and day.start == datetime(2022, 10, 24, tzinfo=TZ)
    assert day.uid == "event2" and day.geo is None and day.location == "Test Location"
    master = real("microsoft-graph-docs__beta__user-post-events__ex3_recurring_series_master.json")
    assert to_event(master[0], TZ, calendar="work").uid.startswith("040000008200E00074C5B7")


def test_real_samples_classify_as_expected(server):
    classify = pytest.importorskip("planner.judge.mode").classify
    teams = real("botframework-components__GetEventTests__getEventsNotOrganizer.mock.dialog.json")
    room = real("botframework-components__GetEventTests__getEvent.mock.dialog.json")
    modes = {
        to_event(i, TZ, calendar="w").title: classify(to_event(i, TZ, calendar="w")).mode
        for i in teams + room
    }
    assert modes["Project Team Meeting"] == "in_person"
    assert modes[teams[0]["subject"]] == "virtual"


# --- small parts -----------------------------------------------------------------------------


def test_transaction_id_is_stable_per_occurrence():
    assert transaction_id(HOLD) == transaction_id(HOLD)
    later = Event(HOLD.uid, HOLD.title, HOLD.start + timedelta(days=1), HOLD.end)
    assert transaction_id(later) != transaction_id(HOLD)


def test_html_to_text_keeps_words_and_links():
    html = (
        "<html><head><style>p {color: red}</style></head><body><p>Hallo&nbsp;Welt</p>"
        "<div><a href='https://zoom.us/j/1'>Join</a><br>Tel</div></body></html>"
    )
    assert html_to_text(html) == "Hallo Welt\nJoin <https://zoom.us/j/1>\nTel"


def test_unknown_zone_name_falls_back_to_the_asked_zone():
    value = {"dateTime": "2026-12-07T10:00:00.0000000", "timeZone": "tzone://Microsoft/Custom"}
    assert parse_datetime(value, TZ) == at(7, 10)


def test_a_toml_config_reaches_the_fake_through_the_helpers(server, monkeypatch):
    """What the CLI tests do: config from TOML-safe values, msal routed by the helper."""
    from tests.fakes.graph_server import config_entry, sign_in, use_loopback_msal

    server.seed(seed_events())
    use_loopback_msal(monkeypatch, server)
    assert sign_in(server, "o365") == "megan@contoso.example"
    config = from_mapping({"calendars": [config_entry(server, "o365")]}, "config.toml")
    (source,) = config.calendars
    assert "http_client" not in source.options
    provider = create(source, ProviderContext(tz=TZ))
    assert len(provider.events(WINDOW_START, WINDOW_END)) == 5


def test_many_people_are_asked_in_batches_of_twenty(server):
    people = [f"p{n}@contoso.example" for n in range(25)]
    for email in people:
        server.schedules[email] = [busy_item("busy", at(8, 9), at(8, 10))]
    result = signed_in(server).free_busy(people, WINDOW_START, WINDOW_END)
    assert list(result) == people
    assert [len(r.body["schedules"]) for r in server.requests_to("getSchedule")] == [20, 5]


def test_unreachable_graph_is_retried_then_one_clear_line(server):
    provider = signed_in(server, graph_url="http://127.0.0.1:9/v1.0")
    waits: list[float] = []
    provider.sleep = waits.append
    with pytest.raises(ProviderError, match="calendar 'work': cannot reach 127.0.0.1:9"):
        provider.list_calendars()
    assert waits == [1.0, 2.0, 4.0, 8.0]


# --- a token Graph refuses ---------------------------------------------------------------------


def test_a_token_graph_refuses_is_renewed_once_and_the_read_goes_on(server):
    """QA E 4: Graph may refuse an access token before it expires (a revoked session,
    continuous access evaluation, clock skew); msal still held it as valid, so every run told
    the user to sign in again until it expired. A 401 now asks for a new token once."""
    server.seed(seed_events())
    provider = signed_in(server)
    server.tokens.clear()  # Graph forgets the access token; the refresh token still works
    before = len(server.requests_to("/oauth2/v2.0/token"))
    assert provider.events(WINDOW_START, WINDOW_END)
    assert len(server.requests_to("/oauth2/v2.0/token")) == before + 1
    provider.close()
