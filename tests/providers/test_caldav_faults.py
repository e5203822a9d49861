"""CalDAV when the server is busy or says odd things (issue 26), against a real Radicale behind a
loopback proxy that answers chosen requests with 429 or 503 itself:

- writes (PUT, DELETE) are retried on 429 and 503 as ``Retry-After`` says, else after 1, 2, 4
  and 8 seconds, like Google and Graph writes; a server that stays busy is one line saying so,
  never "check the 'url'";
- a calendar whose name holds a control character no longer makes the whole account
  unreadable (XML 1.0 cannot carry it; the server writes it anyway).
"""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner import config as config_module
from planner.cli import main
from planner.errors import ProviderError
from planner.model import Event
from providers.base import MarkedEvent, ProviderContext, SyncMark
from providers.caldav import CalDavProvider
from tests.providers.radicale_server import RadicaleServer, radicale_server

pytestmark = pytest.mark.slow

TZ = ZoneInfo("Europe/Berlin")
HOLD = Event(
    uid="hold-busy@planner.test",
    title="Lunch",
    start=datetime(2026, 12, 9, 12, tzinfo=TZ),
    end=datetime(2026, 12, 9, 13, tzinfo=TZ),
)


class FaultyProxy:
    """Forwards every request to ``target``, except that the next ones of a method may be
    answered here with a status (and a ``Retry-After``)."""

    def __init__(self, target: str) -> None:
        self.target = urlsplit(target)
        self.faults: dict[str, list[tuple[int, str | None]]] = {}
        self.seen: list[tuple[str, int]] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                queued = proxy.faults.get(self.command) or []
                if queued:
                    status, retry_after = queued.pop(0)
                    proxy.seen.append((self.command, status))
                    self.send_response(status)
                    if retry_after is not None:
                        self.send_header("Retry-After", retry_after)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                conn = http.client.HTTPConnection(proxy.target.hostname, proxy.target.port)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                conn.request(self.command, self.path, body, headers)
                answer = conn.getresponse()
                data = answer.read()
                proxy.seen.append((self.command, answer.status))
                self.send_response(answer.status)
                for key, value in answer.getheaders():
                    if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                conn.close()

            do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_OPTIONS = _any
            do_POST = do_MKCALENDAR = do_PROPPATCH = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def fail(self, method: str, status: int, retry_after: str | None = None, times: int = 1):
        self.faults.setdefault(method, []).extend([(status, retry_after)] * times)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def radicale(tmp_path_factory) -> Iterator[RadicaleServer]:
    with radicale_server(tmp_path_factory.mktemp("radicale")) as server:
        yield server


@pytest.fixture
def proxy(radicale, monkeypatch) -> Iterator[FaultyProxy]:
    monkeypatch.setenv(radicale.password_env, radicale.password)
    faulty = FaultyProxy(radicale.url)
    yield faulty
    faulty.close()


_names = iter(range(10_000))


def provider_behind(proxy: FaultyProxy, radicale: RadicaleServer, store, waits: list[float]):
    number = next(_names)
    radicale.make_calendar(f"Busy {number}", cal_id=f"busy{number}")
    options = radicale.provider_options(calendars=[f"Busy {number}"], url=proxy.url)
    options["sleep"] = waits.append
    source = config_module.SourceConfig("dav", "caldav", options)
    return CalDavProvider(source, ProviderContext(tz=TZ, store_factory=lambda: store))


class TestBusyServerWrites:
    @pytest.mark.parametrize(
        ("status", "retry_after", "waits"),
        [(503, "7", [7.0, 7.0]), (429, None, [1.0, 2.0]), (503, None, [1.0, 2.0]),
         (429, "120", [60.0, 60.0])],
    )  # fmt: skip
    def test_a_put_is_sent_again_until_the_server_takes_it(
        self, proxy, radicale, store, status, retry_after, waits
    ):
        waited: list[float] = []
        provider = provider_behind(proxy, radicale, store, waited)
        provider._write_target()  # discovery before the faults
        proxy.fail("PUT", status, retry_after, times=2)
        url = provider.create_event(HOLD)
        assert waited == waits
        assert [s for m, s in proxy.seen if m == "PUT"] == [status, status, 201]
        assert url.endswith("hold-busy@planner.test.ics")
        assert [e.title for e in provider.events(HOLD.start, HOLD.end)] == ["Lunch"]

    def test_a_server_that_stays_busy_is_one_line_about_the_server(self, proxy, radicale, store):
        waited: list[float] = []
        provider = provider_behind(proxy, radicale, store, waited)
        provider._write_target()
        proxy.fail("PUT", 503, times=10)
        with pytest.raises(ProviderError) as caught:
            provider.create_event(HOLD)
        message = str(caught.value)
        assert waited == [1.0, 2.0, 4.0, 8.0]
        assert "busy or unavailable (HTTP 503)" in message and "\n" not in message
        assert "'url'" not in message

    def test_a_delete_is_retried_too(self, proxy, radicale, store):
        waited: list[float] = []
        provider = provider_behind(proxy, radicale, store, waited)
        mirror = Event("planner-sync-busy@planner", "Busy", HOLD.start, HOLD.end)
        provider.create_marked(mirror, SyncMark("mirror:x:y", "d"))
        (found,) = provider.list_marked()
        proxy.fail("DELETE", 503, "3")
        provider.delete_marked(MarkedEvent(found.id, found.mark, found.event))
        assert waited == [3.0] and provider.list_marked() == []

    def test_a_busy_read_is_not_blamed_on_the_url(self, proxy, radicale, store):
        provider = provider_behind(proxy, radicale, store, [])
        proxy.fail("PROPFIND", 503, "1", times=20)
        with pytest.raises(ProviderError) as caught:
            provider.events(HOLD.start, HOLD.end)
        assert "busy or unavailable" in str(caught.value) and "'url'" not in str(caught.value)


class TestControlCharacterInACalendarName:
    def test_every_command_still_reads_the_account(self, radicale, monkeypatch, tmp_path):
        monkeypatch.setenv(radicale.password_env, radicale.password)
        number = next(_names)
        radicale.make_calendar(f"Plain {number}", cal_id=f"plain{number}")
        radicale.make_calendar("Odd", cal_id=f"odd{number}")
        props = next(radicale.root.rglob(f"odd{number}/.Radicale.props"))
        data = json.loads(props.read_text(encoding="utf-8"))
        data["D:displayname"] = "Work\x1b]0;owned\x07\x00"  # what another client stored
        props.write_text(json.dumps(data), encoding="utf-8")
        config = tmp_path / "config.toml"
        config.write_text(
            '[user]\nemail = "alice@planner.test"\n' + radicale.toml_entry("dav"), encoding="utf-8"
        )
        for args in (["calendars"], ["agenda"], ["week", "--week", "2026-W50"]):
            result = CliRunner().invoke(main, [*args, "--config", str(config)])
            assert result.exit_code == 0, result.output
            assert "\x1b" not in result.output and "\x07" not in result.output
        listing = CliRunner().invoke(main, ["calendars", "--config", str(config)])
        assert f"Plain {number}" in listing.output and "Work" in listing.output


def test_a_server_that_is_down_is_named_as_such(monkeypatch):
    """QA E 7: 'cannot reach CalDAV server …: ConnectionError' said nothing the other services
    do not say in words ('connection refused: offline, or the server is down')."""
    import socket

    from planner.config.schema import SourceConfig

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("QA_CALDAV_PASSWORD", "pw")
    options = {"url": f"http://127.0.0.1:{port}/dav/", "username": "u"}
    source = SourceConfig("down", "caldav", {**options, "password_env": "QA_CALDAV_PASSWORD"})
    provider = CalDavProvider(source, ProviderContext(tz=ZoneInfo("Europe/Berlin")))
    with pytest.raises(ProviderError) as caught:
        provider.events(datetime(2026, 12, 7), datetime(2026, 12, 14))
    assert "connection refused: offline, or the server is down" in str(caught.value)
    assert "ConnectionError" not in str(caught.value)
