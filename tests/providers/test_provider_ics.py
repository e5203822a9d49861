"""The ics provider passes the provider contract from a file, a vdir folder and a local server."""

from __future__ import annotations

import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import icalendar
import pytest

from planner.config.schema import SourceConfig
from planner.errors import CalendarReadError
from planner.ical.writing import event_to_ics, event_to_vevent
from providers.base import ProviderContext, create, provider_class
from providers.ics import IcsProvider
from providers.ics_http import display_url, fetch_url
from tests.locations import TESTS
from tests.providers.contract import TZ, WINDOW_END, WINDOW_START, ProviderContract

DATA = TESTS / "data" / "ics"


def one_calendar(events, name: str = "") -> bytes:
    """All seed events in one VCALENDAR, VEVENTs and VTIMEZONEs written by planner.ical.reader."""
    cal = icalendar.Calendar()
    cal.add("PRODID", "-//planner tests//contract//EN")
    cal.add("VERSION", "2.0")
    if name:
        cal.add("X-WR-CALNAME", name)
    for event in events:
        cal.add_component(event_to_vevent(event))
    cal.add_missing_timezones()
    return cal.to_ical()


def provider_for(options, warnings=None, name="ics-test"):
    sink = warnings if warnings is not None else []
    context = ProviderContext(tz=TZ, user_emails=frozenset({"me@planner.test"}), warn=sink.append)
    return create(SourceConfig(name, "ics", options), context)


class _Server:
    """A threaded HTTP server on 127.0.0.1 serving ``routes`` (path → (status, body))."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes]] = {}
        self.requests: list[dict[str, str]] = []
        routes, requests = self.routes, self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                requests.append(dict(self.headers))
                status, body = routes.get(self.path, (404, b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", "text/calendar; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                return None  # keep test output quiet

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def server():
    with _Server() as running:
        yield running


class TestIcsFileContract(ProviderContract):
    @pytest.fixture
    def make_provider(self, tmp_path):
        def make(events):
            path = tmp_path / "calendar.ics"
            path.write_bytes(one_calendar(events))
            return provider_for({"path": str(path)})

        return make


class TestIcsFolderContract(ProviderContract):
    @pytest.fixture
    def make_provider(self, tmp_path):
        def make(events):
            folder = tmp_path / "vdir"
            folder.mkdir()
            for number, event in enumerate(events):
                (folder / f"{number:03}.ics").write_bytes(event_to_ics(event))
            (folder / "color").write_text("#ff0000")  # vdir metadata, not a calendar
            return provider_for({"path": str(folder)})

        return make


class TestIcsUrlContract(ProviderContract):
    @pytest.fixture
    def make_provider(self, server):
        def make(events):
            server.routes["/private-abc123/basic.ics"] = (200, one_calendar(events))
            return provider_for({"url": server.base + "/private-abc123/basic.ics"})

        return make


def test_provider_is_registered_read_only_and_lazy():
    cls = provider_class("ics")
    assert cls is IcsProvider and cls.can_write is False
    assert set(cls.options) == {"path", "url", "timeout", "max_occurrences", "max_events"}


@pytest.mark.parametrize(
    ("options", "problems"),
    [
        ({"path": "a.ics"}, 0),
        ({"url": "https://example.org/a.ics"}, 0),
        ({}, 1),
        ({"path": "a.ics", "url": "https://example.org/a.ics"}, 1),
    ],
)
def test_exactly_one_of_path_or_url(options, problems):
    assert len(IcsProvider.check_options(options)) == problems


def test_url_option_accepts_http_https_and_webcal_only():
    check = IcsProvider.options["url"].validate
    assert check("webcal://example.org/a.ics") is None
    assert check("https://example.org/a.ics") is None
    assert check("ftp://example.org/a.ics") is not None


def test_calendar_name_comes_from_x_wr_calname(tmp_path):
    path = tmp_path / "work.ics"
    path.write_bytes((DATA / "google_export.ics").read_bytes())
    calendars = provider_for({"path": str(path)}).list_calendars()
    assert [(c.id, c.name, c.timezone, c.writable) for c in calendars] == [
        ("ics-test", "Work (Google)", "Europe/Berlin", False)
    ]


def test_calendar_name_falls_back_to_the_source_name(tmp_path):
    path = tmp_path / "x.ics"
    path.write_bytes((DATA / "recurring_dst.ics").read_bytes())
    assert provider_for({"path": str(path)}).list_calendars()[0].name == "ics-test"


def test_path_expands_the_home_directory(isolated_home):
    (isolated_home / "cal.ics").write_bytes((DATA / "floating_allday.ics").read_bytes())
    provider = provider_for({"path": "~/cal.ics"})
    events = provider.events(WINDOW_START, WINDOW_END)
    assert events and events[0].source == str(isolated_home / "cal.ics")


def test_missing_file_raises_file_not_found_with_a_hint(tmp_path):
    missing = tmp_path / "nope.ics"
    with pytest.raises(CalendarReadError) as caught:
        provider_for({"path": str(missing)}).events(WINDOW_START, WINDOW_END)
    assert caught.value.source == str(missing)
    assert "file not found" in str(caught.value) and "path" in caught.value.hint


def test_garbage_file_raises_with_its_name(tmp_path):
    path = tmp_path / "login.ics"
    path.write_bytes((DATA / "garbage.ics").read_bytes())
    with pytest.raises(CalendarReadError, match=r"login\.ics:1: "):
        provider_for({"path": str(path)}).events(WINDOW_START, WINDOW_END)


def test_folder_with_one_bad_file_loads_the_others_and_warns(tmp_path):
    for name in ("garbage.ics", "thunderbird.ics", "unknown_tzid.ics"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    warnings: list[str] = []
    events = provider_for({"path": str(tmp_path)}, warnings).events(
        datetime(2026, 12, 1, tzinfo=TZ), datetime(2027, 1, 1, tzinfo=TZ)
    )
    assert {e.title for e in events} == {"Lesezeit", "Board call (dial-in)", "Call with Mars base"}
    assert any("garbage.ics:1" in w for w in warnings)
    assert any("unknown_tzid.ics:4" in w and "Mars/Olympus_Mons" in w for w in warnings)


def test_events_carry_calendar_name_and_user_response(tmp_path):
    path = tmp_path / "google.ics"
    path.write_bytes((DATA / "google_export.ics").read_bytes())
    events = provider_for({"path": str(path)}, name="work").events(WINDOW_START, WINDOW_END)
    pitch = next(e for e in events if e.uid == "pitch-google@planner.test")
    assert pitch.calendar == "work" and pitch.self_response is not None


def test_url_is_fetched_once_with_a_user_agent(server):
    server.routes["/cal.ics"] = (200, (DATA / "google_export.ics").read_bytes())
    provider = provider_for({"url": server.base + "/cal.ics"})
    assert provider.list_calendars()[0].name == "Work (Google)"
    assert provider.events(WINDOW_START, WINDOW_END)
    assert len(server.requests) == 1
    assert server.requests[0]["User-Agent"].startswith("planner/")


def test_webcal_urls_are_read_over_https():
    assert (
        fetch_url("webcal://calendar.example.org/x/y.ics") == "https://calendar.example.org/x/y.ics"
    )
    assert fetch_url("WEBCALS://example.org/y.ics") == "https://example.org/y.ics"
    assert fetch_url("http://example.org/y.ics") == "http://example.org/y.ics"


def test_http_error_names_status_and_hides_the_secret_part_of_the_url(server):
    provider = provider_for({"url": server.base + "/private-s3cr3t/basic.ics?token=t0k3n"})
    with pytest.raises(CalendarReadError) as caught:
        provider.events(WINDOW_START, WINDOW_END)
    message = str(caught.value)
    assert "HTTP 404" in message and "url" in caught.value.hint
    assert "s3cr3t" not in message and "t0k3n" not in message
    assert "127.0.0.1" in message and "basic.ics" in message


def test_timeout_becomes_a_calendar_read_error():
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection but never answers
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/slow.ics"
        with pytest.raises(CalendarReadError, match="cannot download"):
            provider_for({"url": url, "timeout": 0.3}).events(WINDOW_START, WINDOW_END)
    finally:
        listener.close()


def test_display_url_drops_credentials_query_and_middle_of_the_path():
    url = "https://user:pw@calendar.google.com/calendar/ical/me%40x.org/private-k3y/basic.ics?a=b"
    assert display_url(url) == "https://calendar.google.com/…/basic.ics"


def test_vdir_folder_takes_its_name_from_the_displayname_file(tmp_path):
    (tmp_path / "a.ics").write_bytes((DATA / "thunderbird.ics").read_bytes())
    (tmp_path / "displayname").write_text("Privat\n", encoding="utf-8")
    assert provider_for({"path": str(tmp_path)}).list_calendars()[0].name == "Privat"


@pytest.mark.parametrize(
    "url,warned",
    [
        ("http://calendar.example.org/team.ics", True),
        ("http://10.0.0.7/cal.ics", True),
        ("http://127.0.0.1:8080/cal.ics", False),
        ("http://[::1]/cal.ics", False),
        ("http://localhost/cal.ics", False),
        ("https://calendar.example.org/team.ics", False),
    ],
)
def test_plain_http_is_warned_about_unless_from_this_machine(url, warned, caplog):
    from providers.ics_http import plain_http

    plain_http(url, url, "hint")
    assert ("plain http://" in caplog.text) is warned


def test_credentials_over_plain_http_are_refused_even_from_this_machine():
    from planner.errors import CalendarReadError
    from providers.ics_http import plain_http

    with pytest.raises(CalendarReadError, match="unencrypted"):
        plain_http("http://me:secret@127.0.0.1/cal.ics", "http://127.0.0.1/cal.ics", "hint")
