"""Telling a network failure apart (offline, busy, an error answer) through the real client
libraries against loopback servers, and one line per service per run, kept for status."""

from __future__ import annotations

import logging
import threading
from datetime import UTC
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.request import urlopen

import pytest

from planner.online import outages
from planner.online.failure import BUSY, ERROR, OFFLINE, describe
from planner.store import Store
from tests.fakes.unreachable import Hanging, refused_url


@pytest.fixture(autouse=True)
def fresh_run():
    outages.reset()
    yield
    outages.reset()


class _Status(BaseHTTPRequestHandler):
    status = 503

    def do_GET(self) -> None:
        self.send_response(self.status)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def answering():
    servers = []

    def start(status: int) -> str:
        handler = type("H", (_Status,), {"status": status})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


def failure_of(call):
    with pytest.raises(Exception) as caught:  # any client library's own exception
        call()
    return describe(caught.value, timeout=1)


def test_urllib_refused_hanging_busy_and_error_answers(answering):
    refused = failure_of(lambda: urlopen(refused_url(), timeout=1))
    assert (refused.kind, refused.detail) == (OFFLINE, "connection refused")
    with Hanging() as hanging:
        silent = failure_of(lambda: urlopen(hanging.url, timeout=1))
    assert (silent.kind, silent.detail) == (BUSY, "did not answer within 1 s")
    busy = failure_of(lambda: urlopen(answering(503), timeout=1))
    assert busy.kind == BUSY and busy.detail.startswith("HTTP 503")
    error = failure_of(lambda: urlopen(answering(404), timeout=1))
    assert error.kind == ERROR and error.detail.startswith("HTTP 404")
    assert "offline" in refused.explained() and "busy" in busy.explained()


def test_requests_through_geopy_refused_and_hanging():
    from planner.meet.nominatim import GeocodeError, Nominatim

    client = Nominatim(refused_url(), "planner-tests/0.1", None, min_interval=0, timeout=1)
    with pytest.raises(GeocodeError) as caught:
        client.search("Pariser Platz")
    assert caught.value.failure.kind == OFFLINE
    assert "offline, or the server is down" in str(caught.value)
    with Hanging() as hanging:
        client = Nominatim(hanging.url, "planner-tests/0.1", None, min_interval=0, timeout=1)
        with pytest.raises(GeocodeError) as caught:
            client.search("Pariser Platz")
        assert hanging.count == 1  # one try, no retries
    assert caught.value.failure.kind == BUSY and "did not answer" in str(caught.value)


def test_one_line_per_service_per_run_and_status_keeps_since(tmp_path, caplog):
    store = Store(tmp_path / "state.sqlite3")
    error = ConnectionRefusedError(111, "Connection refused")
    with caplog.at_level(logging.WARNING, logger="planner"):
        first = outages.failed(
            "geocoding", "Geocoding (X)", error, fallback="offline data", store=store, tz=UTC
        )
        again = outages.failed("geocoding", "Geocoding (X)", error, store=store, tz=UTC)
    assert again is first and not outages.usable("geocoding")
    assert [r.getMessage() for r in caplog.records] == [first.line("offline data", UTC)]
    assert "Geocoding (X) is offline since" in first.line("", UTC)
    outages.reset()  # the next run: asked again, and still offline since the first failure
    assert outages.usable("geocoding")
    later = outages.failed("geocoding", "Geocoding (X)", error, store=store, tz=UTC)
    assert later.since == first.since
    assert [o.service for o in outages.stored(store)] == ["geocoding"]
    outages.succeeded("geocoding", store)
    assert outages.stored(store) == []


def test_a_provider_failing_free_busy_is_asked_once_and_counts_as_unknown():
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from planner.errors import ProviderError
    from planner.meet.freebusy import FreeBusyLookup
    from tests.meet.test_freebusy import Counting

    class Down(Counting):
        def free_busy(self, emails, start, end):
            self.asked.append(list(emails))
            try:
                raise ConnectionRefusedError(111, "Connection refused")
            except ConnectionRefusedError:
                raise ProviderError("calendar 'g' cannot be reached") from None

    provider = Down("g", {})
    start = datetime(2026, 12, 7, tzinfo=ZoneInfo("Europe/Berlin"))
    lookup = FreeBusyLookup([provider], tz=ZoneInfo("Europe/Berlin"))
    assert lookup(["a@x.example"], start, start + timedelta(days=7)) is None
    assert lookup(["b@x.example"], start, start + timedelta(days=7)) is None
    assert provider.asked == [["a@x.example"]]
    [outage] = outages.outages()
    assert outage.service == "free-busy:g" and outage.failure.kind == OFFLINE


def test_a_free_busy_outage_is_said_in_the_users_zone_as_status_says_it(tmp_path, caplog):
    """QA report E, finding 6: free/busy said "fails since 18:01" (the machine's clock, UTC)
    where status and the other services said 19:01 (the user's, Europe/Berlin). A zone far
    from any machine's: the line can only be right when it is converted to the user's."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from planner.errors import ProviderError
    from planner.meet.freebusy import FreeBusyLookup
    from tests.meet.test_freebusy import Counting

    class Failing(Counting):
        def free_busy(self, emails, start, end):
            raise ProviderError("HTTP 500 Injected fault")

    far = ZoneInfo("Pacific/Kiritimati")  # UTC+14
    store = Store(tmp_path / "state.sqlite3")
    start = datetime(2026, 12, 7, tzinfo=far)
    before = datetime.now(far)
    with caplog.at_level(logging.WARNING, logger="planner"):
        FreeBusyLookup([Failing("g", {})], tz=far, store=store)(
            ["a@x.example"], start, start + timedelta(days=7)
        )
    [message] = [r.getMessage() for r in caplog.records]
    [kept] = outages.stored(store)
    assert message.startswith("Free/busy of calendar 'g' fails since ")
    assert kept.line("", far) in message  # status says the same time
    shown = datetime.strptime(message.split(" since ")[1][:16], "%Y-%m-%d %H:%M")
    assert abs(shown - before.replace(tzinfo=None, second=0, microsecond=0)) <= timedelta(minutes=2)
