"""The CalDAV provider against a real Radicale server on loopback (started once per module)."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest

from planner import config as config_module
from planner.calendar.listing import list_all
from planner.errors import AuthError, ConfigError, NotOursError, PlannerError, ProviderError
from planner.ical.writing import event_to_ics
from planner.model import Attendee, Calendar, Event, Response
from planner.store import Store
from providers.base import ProviderContext, create
from providers.caldav import CalDavProvider, object_name, server_kind
from providers.caldav_support import ObjectCache, span
from tests.providers.additions import ical_added, ical_kept
from tests.providers.contract import TZ, WINDOW_END, WINDOW_START, Additions, ProviderContract, at
from tests.providers.hold_contract import EditHold
from tests.providers.radicale_server import PASSWORD_ENV, RadicaleServer, radicale_server

pytestmark = pytest.mark.slow

_ids = itertools.count()
_servers: list[RadicaleServer] = []


@pytest.fixture(scope="module")
def radicale(tmp_path_factory) -> RadicaleServer:
    users = {"alice": "wonderland-app-password", "bob": "builder-password"}
    with radicale_server(tmp_path_factory.mktemp("radicale"), users) as server:
        _servers.append(server)
        yield server
        _servers.remove(server)


@pytest.fixture(autouse=True)
def password(radicale, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, radicale.password)
    monkeypatch.delenv("PLANNER_CALDAV_PASSWORD", raising=False)


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    yield store
    store.close()


def new_calendar(server: RadicaleServer, name: str = "Work"):
    """A fresh calendar collection (unique id) for one test."""
    return server.make_calendar(name, cal_id=f"cal{next(_ids)}")


def make(
    dav: RadicaleServer, store: Store | None = None, warnings=None, **options
) -> CalDavProvider:
    source = config_module.SourceConfig("dav", "caldav", dav.provider_options(**options))
    context = ProviderContext(
        tz=TZ,
        store_factory=(lambda: store) if store is not None else None,
        warn=(warnings.append if warnings is not None else ProviderContext(tz=TZ).warn),
    )
    provider = create(source, context)
    assert isinstance(provider, CalDavProvider)
    return provider


def fill(calendar, events: list[Event]) -> None:
    """Store events the way another calendar app would: one PUT per event."""
    server = _servers[-1]
    for event in events:
        server.put(calendar, f"{event.uid}.ics", event_to_ics(event))


class _RadicaleContract(ProviderContract):
    options: dict = {}

    @pytest.fixture
    def make_provider(self, radicale):
        def build(events):
            calendar = new_calendar(radicale)
            fill(calendar, events)
            return make(radicale, calendars=[str(calendar.url)], **self.options)

        return build

    @pytest.fixture
    def additions(self, radicale) -> Additions:
        """An alarm, a colour, categories, a note and another client's X-property, PUT by
        another client."""

        def text(provider, marked):
            dav = provider._write_target().dav
            return dav, dav.event_by_url(dav.url.join(marked.id)).data

        def add(provider, marked):
            dav, data = text(provider, marked)
            radicale.put(dav, marked.id.rsplit("/", 1)[-1], ical_added(data))

        return Additions(add, lambda provider, marked: ical_kept(text(provider, marked)[1]))

    hold_reader = "_get"  # the GET whose ETag the DELETE sends as If-Match

    @pytest.fixture
    def edit_hold(self, radicale) -> EditHold:
        """The hold retitled by another client: its object PUT again with a new SUMMARY."""

        def edit(provider, uid, title):
            from icalendar import Calendar as ICalendar

            dav = provider._write_target().dav
            calendar = ICalendar.from_ical(dav.event_by_url(dav.url.join(object_name(uid))).data)
            for vevent in calendar.walk("VEVENT"):
                vevent.pop("SUMMARY", None)
                vevent.add("SUMMARY", title)
            radicale.put(dav, object_name(uid), calendar.to_ical())

        return edit


class TestSyncedContract(_RadicaleContract):
    """Local copy kept by sync-collection, recurrences expanded locally."""


class TestServerExpandContract(_RadicaleContract):
    """Time-range queries with server-side expansion (Radicale expands correctly)."""

    options = {"sync": False}


class TestLocalExpandContract(_RadicaleContract):
    """Time-range queries without expansion, as for a server of unknown kind."""

    options = {"sync": False, "server": "generic"}


# -- recurrences ------------------------------------------------------------------------------

RECURRING = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//radicale//EN
BEGIN:VEVENT
UID:standup@planner.test
DTSTAMP:20261101T000000Z
DTSTART;TZID=Europe/Berlin:20261207T090000
DTEND;TZID=Europe/Berlin:20261207T091500
RRULE:FREQ=DAILY;COUNT=5
EXDATE;TZID=Europe/Berlin:20261209T090000
SUMMARY:Stand-up
END:VEVENT
BEGIN:VEVENT
UID:standup@planner.test
DTSTAMP:20261101T000000Z
RECURRENCE-ID;TZID=Europe/Berlin:20261210T090000
DTSTART;TZID=Europe/Berlin:20261210T140000
DTEND;TZID=Europe/Berlin:20261210T143000
SUMMARY:Stand-up (moved)
END:VEVENT
END:VCALENDAR
"""


@pytest.mark.parametrize(
    "options",
    [{}, {"sync": False}, {"sync": False, "server": "generic"}],
    ids=["synced-local-expand", "server-expand", "query-local-expand"],
)
def test_recurring_event_comes_back_expanded(radicale, store, options):
    calendar = new_calendar(radicale)
    calendar.add_event(RECURRING)
    provider = make(radicale, store, calendars=[str(calendar.url)], **options)
    events = provider.events(WINDOW_START, WINDOW_END)
    assert [(e.start, e.end, e.title) for e in events] == [
        (at(7, 9), at(7, 9, 15), "Stand-up"),
        (at(8, 9), at(8, 9, 15), "Stand-up"),
        (at(10, 14), at(10, 14, 30), "Stand-up (moved)"),
        (at(11, 9), at(11, 9, 15), "Stand-up"),
    ]
    assert all(e.series_id == "standup@planner.test" for e in events)
    expected_mode = "full" if provider.opts["sync"] else "query"
    assert provider.last_sync[str(calendar.url)].mode == expected_mode


@pytest.mark.parametrize(("server", "expanded"), [("radicale", True), ("generic", False)])
def test_quirks_table_decides_where_recurrences_are_expanded(radicale, store, server, expanded):
    calendar = new_calendar(radicale)
    calendar.add_event(RECURRING)
    provider = make(radicale, store, calendars=[str(calendar.url)], sync=False, server=server)
    [(_, data)] = provider._query(provider._selected()[0], WINDOW_START, WINDOW_END)
    assert ("RRULE" not in data) is expanded
    assert (data.count("RECURRENCE-ID") == 4) is expanded  # one per remaining occurrence


# -- incremental sync -------------------------------------------------------------------------


def _seed(day: int, uid: str, title: str) -> Event:
    return Event(uid=uid, title=title, start=at(day, 10), end=at(day, 11))


def test_incremental_sync_applies_added_changed_and_deleted_events(radicale, store):
    calendar = new_calendar(radicale)
    fill(calendar, [_seed(7, "a@t", "Alpha"), _seed(8, "b@t", "Beta")])
    url = str(calendar.url)

    first = make(radicale, store, calendars=[url])
    assert {e.title for e in first.events(WINDOW_START, WINDOW_END)} == {"Alpha", "Beta"}
    full = first.last_sync[url]
    assert (full.mode, full.changed, full.deleted) == ("full", 2, 0)

    fill(calendar, [_seed(9, "c@t", "Gamma"), _seed(7, "a@t", "Alpha v2")])  # add and change
    calendar.get_event_by_uid("b@t").delete()

    second = make(radicale, store, calendars=[url])
    events = second.events(WINDOW_START, WINDOW_END)
    assert {e.uid: e.title for e in events} == {"a@t": "Alpha v2", "c@t": "Gamma"}
    report = second.last_sync[url]
    assert (report.mode, report.changed, report.deleted) == ("incremental", 2, 1)
    assert report.token and report.token != full.token

    third = make(radicale, store, calendars=[url])
    assert len(third.events(WINDOW_START, WINDOW_END)) == 2
    quiet = third.last_sync[url]
    assert (quiet.mode, quiet.changed, quiet.deleted, quiet.token) == (
        "incremental",
        0,
        0,
        report.token,
    )


def test_invalid_sync_token_falls_back_to_a_full_fetch(radicale, store):
    calendar = new_calendar(radicale)
    fill(calendar, [_seed(7, "a@t", "Alpha")])
    url = str(calendar.url)
    first = make(radicale, store, calendars=[url])
    first.events(WINDOW_START, WINDOW_END)
    key = first._key(first._selected()[0])
    cache = ObjectCache(store)
    cache.apply(key, [("/stale.ics", '"x"', "BEGIN:VCALENDAR\nEND:VCALENDAR")], [], "bogus-token")
    calendar.get_event_by_uid("a@t").delete()
    fill(calendar, [_seed(8, "b@t", "Beta")])

    second = make(radicale, store, calendars=[url])
    assert [e.title for e in second.events(WINDOW_START, WINDOW_END)] == ["Beta"]
    assert second.last_sync[url].mode == "full"
    assert [h.rpartition("/")[2] for h in cache.etags(key)] == ["b@t.ics"]  # stale one gone
    assert cache.token(key) not in (None, "bogus-token")


def test_only_objects_near_the_window_are_read_from_the_local_copy(radicale, store):
    calendar = new_calendar(radicale)
    fill(calendar, [_seed(7, "in@t", "In"), _seed(21, "later@t", "Later")])
    calendar.add_event(RECURRING)
    provider = make(radicale, store, calendars=[str(calendar.url)])
    provider.events(WINDOW_START, WINDOW_END)
    key = provider._key(provider._selected()[0])
    hrefs = {h.rpartition("/")[2] for h, _ in ObjectCache(store).objects(key, at(14, 0), at(15, 0))}
    assert hrefs == {"standup@planner.test.ics"}  # a series is always read; single events not


def test_span_of_objects():
    single = event_to_ics(_seed(7, "a@t", "A")).decode()
    first, last = span(single)
    assert first is not None and last is not None
    assert first < at(7, 10).timestamp() < at(7, 11).timestamp() < last
    assert span(RECURRING)[1] is None  # COUNT is not counted out
    ended = RECURRING.replace("COUNT=5", "UNTIL=20261211T080000Z")
    assert span(ended)[1] == at(11, 9, 15).timestamp() + 86400
    assert span("not a calendar") == (None, None)
    task = "BEGIN:VCALENDAR\nBEGIN:VTODO\nUID:t\nSUMMARY:Task\nEND:VTODO\nEND:VCALENDAR\n"
    assert span(task) == (0.0, 0.0)


# -- writing ----------------------------------------------------------------------------------

HOLD = Event(uid="hold-1@planner.test", title="Hold: lunch", start=at(11, 12), end=at(11, 13))


def test_create_event_twice_leaves_one_object_named_after_the_uid(radicale, store):
    calendar = new_calendar(radicale)
    provider = make(radicale, store, calendars=[str(calendar.url)])
    first = provider.create_event(HOLD)
    second = provider.create_event(HOLD)
    assert first == second and first.endswith("/" + object_name(HOLD.uid))
    objects = calendar.get_objects_by_sync_token(load_objects=True)
    assert len(list(objects)) == 1
    assert "Hold: lunch" in list(objects)[0].data


def test_create_event_updates_an_existing_hold(radicale, store):
    calendar = new_calendar(radicale)
    provider = make(radicale, store, calendars=[str(calendar.url)])
    provider.create_event(HOLD)
    moved = Event(uid=HOLD.uid, title="Hold: dinner", start=at(11, 19), end=at(11, 21))
    provider.create_event(moved)
    events = make(radicale, store, calendars=[str(calendar.url)]).events(WINDOW_START, WINDOW_END)
    assert [(e.title, e.start) for e in events] == [("Hold: dinner", at(11, 19))]


#: what the user adds to a hold in their calendar app that the planner does not model
USERS_OWN = (
    "COLOR:tomato\r\nX-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\r\n"
    "ATTACH:https://files.example/menu.pdf\r\n"
    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Lunch\r\nTRIGGER:-PT45M\r\nEND:VALARM\r\n"
)


def test_a_hold_written_again_keeps_what_the_planner_does_not_write(radicale, store):
    """A full PUT of the hold dropped the user's alarm, colour, attachment and other
    clients' X-properties; only the properties the planner writes change now."""
    calendar = new_calendar(radicale)
    provider = make(radicale, store, calendars=[str(calendar.url)])
    provider.create_event(HOLD)
    text = calendar.event_by_url(calendar.url.join(object_name(HOLD.uid))).data
    radicale.put(
        calendar, object_name(HOLD.uid), text.replace("END:VEVENT", USERS_OWN + "END:VEVENT")
    )
    moved = Event(uid=HOLD.uid, title="Hold: dinner", start=at(11, 19), end=at(11, 21))
    provider.create_event(moved)
    stored = calendar.event_by_url(calendar.url.join(object_name(HOLD.uid))).data
    for kept in ("COLOR:tomato", "X-APPLE-TRAVEL-ADVISORY", "ATTACH:", "TRIGGER:-PT45M"):
        assert kept in stored
    assert stored.count("BEGIN:VEVENT") == 1 and stored.count("SUMMARY") == 1
    events = make(radicale, store, calendars=[str(calendar.url)]).events(WINDOW_START, WINDOW_END)
    assert [(e.title, e.start, e.location) for e in events] == [("Hold: dinner", at(11, 19), "")]


@pytest.mark.parametrize("send_updates", [False, True])
def test_attendees_are_left_to_the_client_unless_updates_are_asked_for(
    radicale, store, send_updates
):
    calendar = new_calendar(radicale)
    provider = make(radicale, store, calendars=[str(calendar.url)])
    invite = Event(
        uid="invite-1@planner.test",
        title="Lunch with ACME",
        start=at(11, 12),
        end=at(11, 13),
        organizer=Attendee("me@planner.example", "Me", Response.ACCEPTED),
        attendees=(Attendee("bob@acme.example", "Bob Stone"),),
    )
    provider.create_event(invite, send_updates=send_updates)
    stored = calendar.get_event_by_uid(invite.uid).data.replace("\r\n ", "")
    assert ("SCHEDULE-AGENT=CLIENT" in stored) is not send_updates
    assert "bob@acme.example" in stored
    events = make(radicale, store, calendars=[str(calendar.url)]).events(WINDOW_START, WINDOW_END)
    assert [a.email for a in events[0].attendees] == ["bob@acme.example"]


class _RacingProvider(CalDavProvider):
    """Someone edits the event on the server between the planner's read and its write."""

    def _get(self, url):
        found = super()._get(url)
        other = self.source.options["_other_client"]
        body = event_to_ics(
            Event(uid=HOLD.uid, title="Edited elsewhere", start=at(11, 8), end=at(11, 9))
        ).decode()
        response = other.put(str(url), body, {"Content-Type": "text/calendar"})
        assert response.status in (200, 201, 204)
        return found


def test_concurrent_change_gives_a_412_conflict_error(radicale, store):
    calendar = new_calendar(radicale)
    options = radicale.provider_options(calendars=[str(calendar.url)])
    options["_other_client"] = radicale.client()
    source = config_module.SourceConfig("dav", "caldav", options)
    provider = _RacingProvider(source, ProviderContext(tz=TZ, store_factory=lambda: store))
    provider.create_event(HOLD)
    with pytest.raises(ProviderError) as caught:
        provider.create_event(HOLD)
    message = str(caught.value)
    assert (
        "412" in message and object_name(HOLD.uid) in message and "run the command again" in message
    )
    assert isinstance(caught.value, ProviderError) and not isinstance(caught.value, AuthError)


def test_uid_living_under_another_name_is_a_clear_error(radicale, store):
    calendar = new_calendar(radicale)
    other = radicale.client()  # another app stored the same UID under a name of its own
    response = other.put(
        str(calendar.url.join("someone-else.ics")),
        event_to_ics(HOLD).decode(),
        {"Content-Type": "text/calendar"},
    )
    assert response.status == 201
    provider = make(radicale, store, calendars=[str(calendar.url)])
    with pytest.raises(NotOursError, match="holds UID hold-1@planner.test, which planner did not"):
        provider.create_event(HOLD)


# -- passwords and errors ---------------------------------------------------------------------


def test_wrong_password_is_an_auth_error_naming_url_user_and_where_to_set_it(radicale, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "not-the-password")
    provider = make(radicale)
    with pytest.raises(AuthError) as caught:
        provider.list_calendars()
    message = str(caught.value)
    assert radicale.url in message and "'alice'" in message
    assert PASSWORD_ENV in message and "keyring set planner-caldav alice" in message
    assert "not-the-password" not in message


def test_missing_password_is_an_auth_error_before_any_request(monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        options = {"url": "http://127.0.0.1:9/", "username": "alice"}
        provider = create(
            config_module.SourceConfig("dav", "caldav", options), ProviderContext(tz=TZ)
        )
        with pytest.raises(
            AuthError, match="no password for user 'alice'.*PLANNER_CALDAV_PASSWORD"
        ):
            provider.list_calendars()
    finally:
        keyring.set_keyring(previous)


class _MemoryKeyring:
    """A real keyring backend (keyring's own base class) holding passwords in a dict."""

    @staticmethod
    def build(passwords: dict[tuple[str, str], str]):
        from keyring.backend import KeyringBackend

        class Backend(KeyringBackend):
            priority = 1

            def get_password(self, service, username):
                return passwords.get((service, username))

            def set_password(self, service, username, password):
                passwords[(service, username)] = password

            def delete_password(self, service, username):
                passwords.pop((service, username), None)

        return Backend()


def test_password_from_the_system_keyring(radicale, store, monkeypatch):
    import keyring

    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(_MemoryKeyring.build({("planner-caldav", "alice"): radicale.password}))
    try:
        calendar = new_calendar(radicale, "Keyring")
        names = {c.name for c in make(radicale, store).list_calendars()}
        assert "Keyring" in names and str(calendar.url)
    finally:
        keyring.set_keyring(previous)


def test_password_in_the_config_file_is_rejected():
    data = {
        "calendars": [
            {"name": "dav", "provider": "caldav", "url": "https://dav.example/", "password": "x"}
        ]
    }
    with pytest.raises(ConfigError, match="key 'password': secrets do not belong"):
        config_module.from_mapping(data, "config.toml")


def test_config_with_credentials_in_url_is_rejected():
    data = {"calendars": [{"name": "dav", "provider": "caldav", "url": "https://a:b@dav.ex/"}]}
    with pytest.raises(ConfigError, match="must not contain a password"):
        config_module.from_mapping(data, "config.toml")


def test_unreachable_server_is_a_provider_error():
    from tests.providers.radicale_server import free_port

    options = {"url": f"http://127.0.0.1:{free_port()}/", "username": "", "timeout": 5}
    provider = create(config_module.SourceConfig("dav", "caldav", options), ProviderContext(tz=TZ))
    with pytest.raises(ProviderError, match="cannot reach CalDAV server http://127.0.0.1"):
        provider.list_calendars()


# -- calendars --------------------------------------------------------------------------------


def test_calendars_option_chooses_by_name_or_url(radicale, store):
    home = new_calendar(radicale, "Home")
    office = new_calendar(radicale, "Office")
    fill(home, [_seed(7, "home@t", "Dentist")])
    fill(office, [_seed(8, "office@t", "Board")])
    by_name = make(radicale, store, calendars=["office"])
    assert [e.title for e in by_name.events(WINDOW_START, WINDOW_END)] == ["Board"]
    by_url = make(radicale, store, calendars=[home.url.path])
    assert [e.title for e in by_url.events(WINDOW_START, WINDOW_END)] == ["Dentist"]
    listed = {c.id: c for c in by_url.list_calendars()}
    assert listed[str(home.url)].extra["selected"] == "True"
    assert listed[str(office.url)].extra["selected"] == "False"
    assert all(c.writable for c in listed.values())


def test_a_calendar_without_a_name_is_chosen_as_the_error_lists_it(radicale, store):
    """A collection made without a display name (as by a client that sets none): the error
    lists it by its path ("user/cal7"), and that, its path with slashes around it and its
    URL each choose it."""
    bare = radicale.principal().make_calendar(cal_id=f"bare{next(_ids)}")
    fill(bare, [_seed(9, "bare@t", "Unnamed board")])
    with pytest.raises(ProviderError) as refused:
        make(radicale, calendars=["nope"]).events(WINDOW_START, WINDOW_END)
    listed = next(n.strip() for n in refused.value.hint.split(":", 1)[1].split(",") if "bare" in n)
    for item in (listed, f"/{listed}/", str(bare.url)):
        chosen = make(radicale, store, calendars=[item])
        assert [e.title for e in chosen.events(WINDOW_START, WINDOW_END)] == ["Unnamed board"]


def test_a_calendar_without_a_name_is_chosen_by_the_last_part_of_its_path(radicale, store):
    """QA: 'write_calendar = "privat"' for .../alice/privat/ (no display name) was "no calendar
    'privat'": the calendar app shows such a calendar by that part of its path."""
    cal_id = f"privat{next(_ids)}"
    bare = radicale.principal().make_calendar(cal_id=cal_id)
    fill(bare, [_seed(10, "privat@t", "Zahnarzt")])
    chosen = make(radicale, store, calendars=[cal_id.upper()], write_calendar=cal_id)
    assert [e.title for e in chosen.events(WINDOW_START, WINDOW_END)] == ["Zahnarzt"]
    assert chosen._write_target().calendar.id == str(bare.url)
    listed = {c.id: c for c in chosen.list_calendars()}
    assert listed[str(bare.url)].extra["selected"] == "True"


def test_a_name_wins_over_a_path_and_two_paths_alike_are_refused():
    from providers.caldav_support import choose, chosen

    def cal(url: str, name: str) -> Calendar:
        return Calendar(id=url, name=name)

    named = cal("https://dav.example/alice/x1/", "privat")
    bare = cal("https://dav.example/alice/privat/", "alice/privat")
    shared = cal("https://dav.example/bob/privat/", "bob/privat")
    assert chosen([bare, named], "Privat") == [named]  # its name, before any path
    assert chosen([bare], "privat") == [bare]
    where = ("dav", "https://dav.example/", "write_calendar")
    with pytest.raises(ProviderError) as refused:
        choose([bare, shared], "privat", where)
    assert "names more than one calendar" in str(refused.value)
    assert "alice/privat" in refused.value.hint
    with pytest.raises(ProviderError, match="no calendar 'other'"):
        choose([bare, shared], "other", where)


def test_unknown_calendar_name_lists_the_existing_ones(radicale):
    new_calendar(radicale, "Existing")
    with pytest.raises(ProviderError, match="no calendar 'Nope'.*option 'calendars'.*Existing"):
        make(radicale, calendars=["Nope"]).events(WINDOW_START, WINDOW_END)


def test_list_all_gives_each_source_its_calendars_or_its_error(radicale, monkeypatch):
    new_calendar(radicale, "Listed")
    monkeypatch.setenv("WRONG_PASSWORD", "nope")
    data = {
        "user": {"timezone": "Europe/Berlin"},
        "calendars": [
            {"name": "good", "provider": "caldav", **radicale.provider_options()},
            {
                "name": "bad",
                "provider": "caldav",
                **radicale.provider_options(password_env="WRONG_PASSWORD"),
            },
        ],
    }
    config = config_module.from_mapping(data, "config.toml")
    result = dict(list_all(config, ProviderContext(tz=TZ)))
    assert isinstance(result["good"], list) and all(isinstance(c, Calendar) for c in result["good"])
    assert "Listed" in {c.name for c in result["good"]}
    assert isinstance(result["bad"], AuthError) and isinstance(result["bad"], PlannerError)


def test_other_users_calendars_are_invisible(radicale, store, monkeypatch):
    new_calendar(radicale, "Alice only")
    monkeypatch.setenv("BOB_PASSWORD", radicale.users["bob"])
    bob = make(radicale, store, username="bob", password_env="BOB_PASSWORD")
    assert "Alice only" not in {c.name for c in bob.list_calendars()}


def test_server_kind_and_object_names():
    assert server_kind("https://caldav.icloud.com/") == "icloud"
    assert server_kind("https://cloud.example.com/remote.php/dav/") == "nextcloud"
    assert server_kind("https://dav.example.org/") == "generic"
    assert server_kind("https://caldav.icloud.com/", "radicale") == "radicale"
    assert object_name("abc-123@host.example") == "abc-123@host.example.ics"
    weird = object_name("a/b c?")
    assert weird.endswith(".ics") and "/" not in weird and weird == object_name("a/b c?")


def test_window_is_half_open(radicale, store):
    calendar = new_calendar(radicale)
    fill(calendar, [_seed(7, "x@t", "X")])
    provider = make(radicale, store, calendars=[str(calendar.url)])
    assert provider.events(at(7, 11), at(7, 12)) == []
    assert provider.events(datetime(2026, 12, 7, 10, 59, tzinfo=TZ), at(7, 12))


def test_config_file_entry_reads_events(radicale, tmp_path):
    calendar = new_calendar(radicale, "From config")
    fill(calendar, [_seed(9, "conf@t", "Configured")])
    path = tmp_path / "config.toml"
    path.write_text(radicale.toml_entry("dav", calendars=["From config"]), encoding="utf-8")
    config = config_module.load(path)
    [source] = config.calendars
    provider = create(source, ProviderContext(tz=TZ))
    assert [e.title for e in provider.events(WINDOW_START, WINDOW_END)] == ["Configured"]
    assert provider.events(WINDOW_START, WINDOW_END)[0].calendar == "dav"  # the entry's name


def test_out_of_office_and_working_elsewhere_keep_their_busy_status(radicale, store):
    """Issue 17: an Outlook-made OOF entry on a CalDAV server blocks time; working elsewhere
    does not. (Radicale hands back the objects as stored.)"""
    from planner.meet.slots import blocks
    from planner.model import Busy

    calendar = new_calendar(radicale)
    for uid, status, transp in (
        ("oof@t", "OOF", "OPAQUE"),
        ("we@t", "WORKINGELSEWHERE", "TRANSPARENT"),
    ):
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
            "BEGIN:VEVENT",
            f"UID:{uid}",
            "DTSTAMP:20261101T000000Z",
            "DTSTART;TZID=Europe/Berlin:20261208T090000",
            "DTEND;TZID=Europe/Berlin:20261208T170000",
            f"SUMMARY:{status}",
            f"TRANSP:{transp}",
            f"X-MICROSOFT-CDO-BUSYSTATUS:{status}",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
        radicale.put(calendar, f"{uid}.ics", "\r\n".join(lines))
    provider = make(radicale, store, calendars=[str(calendar.url)])
    found = {e.uid: e for e in provider.events(WINDOW_START, WINDOW_END)}
    assert found["oof@t"].busy_status is Busy.OUT_OF_OFFICE and blocks(found["oof@t"])
    assert found["we@t"].busy_status is Busy.WORKING_ELSEWHERE and not blocks(found["we@t"])
