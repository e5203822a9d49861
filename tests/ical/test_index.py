"""The event index: unchanged sources are not parsed again, changes show up on the next run, a
damaged index is rebuilt. Small generated calendars; a spy counts the real parser's calls."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import planner.ical.reader
import planner.ical.reading
from planner.config.schema import SourceConfig
from planner.errors import CalendarReadError
from planner.ical import index as index_module
from planner.ical.index import EventIndex, widen
from planner.ical.payload import DecodeError, decode_events, encode_events
from planner.model import Attendee, Busy, Event, Geo, Response, Status
from planner.store import Store
from providers.base import ProviderContext, create
from tests.locations import ROOT, TESTS

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 12, 7, tzinfo=TZ)
END = datetime(2026, 12, 14, tzinfo=TZ)
DATA = TESTS / "data" / "ics"
REAL = ROOT.parent / "shared" / "fixtures" / "real" / "ics"
HOUR_AGO = 3600


def vevent(
    uid: str, day: int, title: str, hour: int = 10, extra: str = "", month: str = "202612"
) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:{month}{day:02}T{hour:02}0000\r\n"
        f"DTEND;TZID=Europe/Berlin:{month}{day:02}T{hour + 1:02}0000\r\n"
        f"SUMMARY:{title}\r\n{extra}END:VEVENT\r\n"
    )


def calendar(*events: str) -> bytes:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//planner tests//index//EN\r\n"
    return (head + "".join(events) + "END:VCALENDAR\r\n").encode()


WEEKLY = vevent(
    "weekly@test",
    1,
    "Jour fixe",
    14,
    "RRULE:FREQ=WEEKLY;COUNT=6\r\nEXDATE;TZID=Europe/Berlin:20261215T140000\r\n",
)


def write(path: Path, data: bytes, *, age: int = HOUR_AGO) -> None:
    """Write ``data`` with an mtime ``age`` seconds in the past (a file edited a while ago)."""
    path.write_bytes(data)
    moment = datetime.now().timestamp() - age
    os.utime(path, (moment, moment))


@pytest.fixture
def parses(monkeypatch):
    """The sources read, in order: by the real parser, or without it (VEVENTs that are all
    plain, planner.ical.reading)."""
    calls: list[str] = []
    real = planner.ical.reader.read
    real_plain = planner.ical.reading.read_if_plain

    def spy(data, source, *args, **kwargs):
        calls.append(source)
        return real(data, source, *args, **kwargs)

    def plain_spy(data, source, *args, **kwargs):
        found = real_plain(data, source, *args, **kwargs)
        if found is not None:
            calls.append(source)
        return found

    monkeypatch.setattr(planner.ical.reader, "read", spy)
    monkeypatch.setattr(planner.ical.reading, "read_if_plain", plain_spy)
    return calls


def provider(store, options, warnings=None, tz=TZ, name="work"):
    sink = warnings if warnings is not None else []
    context = ProviderContext(
        tz=tz,
        user_emails=frozenset({"me@planner.test"}),
        store_factory=lambda: store,
        warn=sink.append,
    )
    return create(SourceConfig(name, "ics", options), context)


def titles(store, options, start=START, end=END, **kwargs):
    return [e.title for e in provider(store, options, **kwargs).events(start, end)]


# ---------------------------------------------------------------------------------------------
# Payload


def sample_events() -> list[Event]:
    me = Attendee("me@planner.test", "Me", Response.ACCEPTED)
    return [
        Event(
            uid="a@test",
            title="Kick-off – München",
            start=datetime(2026, 12, 7, 10, tzinfo=TZ),
            end=datetime(2026, 12, 7, 11, 30, tzinfo=ZoneInfo("Europe/London")),
            location="Leopoldstraße 10",
            description="Agenda\nZiele",
            organizer=me,
            attendees=(me, Attendee("room@x.example", "Raum", is_resource=True, optional=True)),
            conference_links=("https://zoom.us/j/1",),
            status=Status.TENTATIVE,
            busy=False,
            series_id="a@test",
            calendar="work",
            url="https://example.org/a",
            geo=Geo(48.1, 11.5),
            hints=(("X-MICROSOFT-SKYPETEAMSMEETINGURL", "https://teams.example/x"),),
            source="/tmp/a.ics",
            self_response=Response.ACCEPTED,
        ),
        Event(
            uid="b@test",
            title="Legacy zone",
            start=datetime(2026, 12, 8, 9, tzinfo=timezone(timedelta(hours=-5), "Eastern")),
            end=datetime(2026, 12, 8, 10, tzinfo=timezone(timedelta(hours=-5), "Eastern")),
            availability=Busy.OUT_OF_OFFICE,  # issue 17: the busy status round-trips
        ),
        Event(
            uid="c@test",
            title="Messe",
            start=datetime(2026, 12, 9, tzinfo=TZ),
            end=datetime(2026, 12, 10, tzinfo=TZ),
            all_day=True,
        ),
        Event(
            uid="d@test",
            title="Fall back",  # the second 02:30 of the DST change
            start=datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=TZ),
            end=datetime(2026, 10, 25, 3, 30, tzinfo=TZ),
        ),
    ]


def test_payload_round_trip_keeps_every_field_and_zone():
    events = sample_events()
    back = decode_events(encode_events(events))
    assert back == events
    for before, after in zip(events, back, strict=True):
        for attr in ("start", "end"):
            old, new = getattr(before, attr), getattr(after, attr)
            assert (new.isoformat(), new.tzname()) == (old.isoformat(), old.tzname())
    assert back[0].start.tzinfo is TZ or back[0].start.tzinfo == TZ
    assert back[0].end.tzinfo == ZoneInfo("Europe/London")


def test_payload_text_is_the_standard_librarys_and_odd_text_round_trips():
    """orjson writes and reads the payload: the text is json.dumps' compact text, and what
    orjson refuses (a lone surrogate, a broken emoji from a service's JSON; an integer past
    64 bits) is written in ASCII by the standard library, so it can be digested and stored."""
    from planner.ical.payload import compact, parse

    odd = ["\x00\x1f\x7f", "\u2028\u2029", 'a"b\\c/</script>', "Köln 東京 🙂", 0.1, 48.137, 0]
    for value in [*odd[:-1], {"k": odd[:-1], "n": None, "t": True}]:
        assert compact(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        assert parse(compact(value)) == value
    for value in (2**70, "\ud800 lone", {"Köln": ["\udcff"]}):
        assert compact(value).isascii() and parse(compact(value)) == value
    events = [replace(e, title=e.title + " \udcff\x01\u2028") for e in sample_events()]
    assert decode_events(encode_events(events)) == events


def test_a_payload_of_the_old_format_is_not_decoded():
    """Format 1 had no busy status: such a payload is rebuilt, never read without it."""
    payload = json.loads(encode_events(sample_events()))
    payload["format"] = 1
    with pytest.raises(DecodeError):
        decode_events(json.dumps(payload))


def test_occurrences_of_a_series_share_one_template():
    first = sample_events()[0]
    series = [
        first.__class__(**{**_fields(first), "start": first.start + timedelta(weeks=n)})
        for n in range(20)
    ]
    payload = json.loads(encode_events(series))
    assert len(payload["templates"]) == 1 and len(payload["occurrences"]) == 20
    assert decode_events(encode_events(series)) == series


def _fields(event: Event) -> dict:
    return {f.name: getattr(event, f.name) for f in dataclasses.fields(event) if f.init}


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "not json",
        "[]",
        '{"format": 99, "zones": [], "templates": [], "occurrences": []}',
        '{"format": 1, "zones": [["mars", 1]], "templates": [], "occurrences": []}',
        '{"format": 1, "zones": [], "templates": [], "occurrences": [[0, "x", 0, "y", 0, 0]]}',
        '{"format": 1, "zones": [["iana", "Europe/Berlin"]], "templates": [[1, 2]],'
        ' "occurrences": [[0, "2026-12-07T10:00:00+01:00", 0, "2026-12-07T11:00:00+01:00", 0, 0]]}',
    ],
)
def test_damaged_payloads_raise_decode_error(payload):
    with pytest.raises(DecodeError):
        decode_events(payload)


def test_widened_window_covers_the_request_with_room_for_later_runs():
    lo, hi = widen(START, END)
    assert lo <= START - timedelta(days=30) and hi >= END + timedelta(days=60)
    assert lo.tzinfo is UTC and lo.hour == 0


# ---------------------------------------------------------------------------------------------
# Files


def test_unchanged_file_is_parsed_once(tmp_path, store, parses):
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Kick-off"), WEEKLY))
    first = provider(store, {"path": str(path)}).events(START, END)
    second = provider(store, {"path": str(path)}).events(START, END)
    assert parses == [str(path)]
    assert second == first and [e.title for e in second] == ["Kick-off", "Jour fixe"]
    assert [e.start.tzinfo for e in second] == [TZ, TZ]


def test_changed_added_and_removed_events_show_up_on_the_next_run(tmp_path, store, parses):
    path = tmp_path / "work.ics"
    options = {"path": str(path)}
    write(path, calendar(vevent("a@t", 8, "Kick-off"), vevent("b@t", 9, "Review")))
    assert titles(store, options) == ["Kick-off", "Review"]
    write(path, calendar(vevent("a@t", 8, "Kick-off moved", 15), vevent("b@t", 9, "Review")))
    events = provider(store, options).events(START, END)
    assert [(e.title, e.start.hour) for e in events] == [("Kick-off moved", 15), ("Review", 10)]
    write(path, calendar(vevent("a@t", 8, "Kick-off"), vevent("b@t", 9, "Review"), WEEKLY))
    assert titles(store, options) == ["Kick-off", "Jour fixe", "Review"]
    write(path, calendar(vevent("b@t", 9, "Review"), WEEKLY))
    assert titles(store, options) == ["Jour fixe", "Review"]
    assert titles(store, options) == ["Jour fixe", "Review"]
    assert len(parses) == 3  # one per version with a changed or new event (see test_incremental)


def test_a_change_within_the_same_second_and_size_is_seen(tmp_path, store, parses):
    """Just-written files are hashed: their mtime may not have moved yet."""
    path = tmp_path / "work.ics"
    options = {"path": str(path)}
    path.write_bytes(calendar(vevent("a@t", 8, "Alpha")))
    stamp = time.time_ns()  # written now by the clock the index reads (a moved one too)
    os.utime(path, ns=(stamp, stamp))
    assert titles(store, options) == ["Alpha"]
    path.write_bytes(calendar(vevent("a@t", 8, "Omega")))  # same size
    os.utime(path, ns=(stamp, stamp))
    assert titles(store, options) == ["Omega"]
    assert len(parses) == 2


def test_a_touched_but_unchanged_file_is_not_parsed_again(tmp_path, store, parses):
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Kick-off")))
    assert titles(store, {"path": str(path)}) == ["Kick-off"]
    write(path, calendar(vevent("a@t", 8, "Kick-off")), age=60)  # new mtime, same content
    assert titles(store, {"path": str(path)}) == ["Kick-off"]
    assert titles(store, {"path": str(path)}) == ["Kick-off"]
    assert len(parses) == 1


def test_a_window_beyond_the_stored_one_reads_the_file_again(tmp_path, store, parses):
    path = tmp_path / "work.ics"
    spring = vevent("s@t", 17, "Spring fair", month="202703")
    write(path, calendar(vevent("a@t", 8, "Kick-off"), WEEKLY, spring))
    assert titles(store, {"path": str(path)}) == ["Kick-off", "Jour fixe"]
    march = (datetime(2027, 3, 15, tzinfo=TZ), datetime(2027, 3, 22, tzinfo=TZ))
    assert titles(store, {"path": str(path)}, *march) == ["Spring fair"]
    shortly_after = (march[0] + timedelta(days=1), march[1] + timedelta(days=1))
    assert titles(store, {"path": str(path)}, *shortly_after) == ["Spring fair"]
    assert len(parses) == 2  # the third window lies inside the second's stored one


def test_zone_user_and_calendar_name_are_part_of_the_key(tmp_path, store, parses):
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Kick-off")))
    provider(store, {"path": str(path)}).events(START, END)
    tokyo = provider(store, {"path": str(path)}, tz=ZoneInfo("Asia/Tokyo")).events(START, END)
    other = provider(store, {"path": str(path)}, name="private").events(START, END)
    assert len(parses) == 3
    assert other[0].calendar == "private" and tokyo[0].calendar == "work"


def test_new_conversion_code_invalidates_the_index(tmp_path, store, parses, monkeypatch):
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Kick-off")))
    provider(store, {"path": str(path)}).events(START, END)
    monkeypatch.setattr(index_module, "code_fingerprint", lambda: "another version")
    provider(store, {"path": str(path)}).events(START, END)
    assert len(parses) == 2


def test_warnings_are_replayed_when_the_index_is_used(tmp_path, store, parses):
    path = tmp_path / "unknown.ics"
    write(path, (DATA / "unknown_tzid.ics").read_bytes())
    window = (datetime(2026, 12, 1, tzinfo=TZ), datetime(2027, 1, 1, tzinfo=TZ))
    cold: list[str] = []
    warm: list[str] = []
    first = provider(store, {"path": str(path)}, cold).events(*window)
    second = provider(store, {"path": str(path)}, warm).events(*window)
    assert first == second and len(parses) == 1
    assert cold == warm and any("Mars/Olympus_Mons" in w for w in warm)


def test_a_broken_file_is_never_indexed(tmp_path, store, parses):
    path = tmp_path / "garbage.ics"
    write(path, (DATA / "garbage.ics").read_bytes())
    for _run in range(2):
        with pytest.raises(CalendarReadError):
            provider(store, {"path": str(path)}).events(START, END)
    assert len(parses) == 2


# ---------------------------------------------------------------------------------------------
# Folders


def test_a_folder_rereads_only_the_changed_file_and_forgets_removed_ones(tmp_path, store, parses):
    folder = tmp_path / "vdir"
    folder.mkdir()
    write(folder / "a.ics", calendar(vevent("a@t", 8, "Alpha")))
    write(folder / "b.ics", calendar(vevent("b@t", 9, "Beta")))
    options = {"path": str(folder)}
    assert titles(store, options) == ["Alpha", "Beta"]
    write(folder / "b.ics", calendar(vevent("b@t", 9, "Beta changed")), age=60)
    write(folder / "c.ics", calendar(vevent("c@t", 10, "Gamma")))
    assert titles(store, options) == ["Alpha", "Beta changed", "Gamma"]
    (folder / "a.ics").unlink()
    assert titles(store, options) == ["Beta changed", "Gamma"]
    assert titles(store, options) == ["Beta changed", "Gamma"]
    names = [Path(p).name for p in parses]
    assert names == ["a.ics", "b.ics", "b.ics", "c.ics"]
    units = [row[0] for row in store.conn.execute("SELECT unit FROM event_index")]
    assert sorted(json.loads(u)[1].rsplit("/", 1)[1] for u in units) == ["b.ics", "c.ics"]


# ---------------------------------------------------------------------------------------------
# A damaged index is rebuilt, never trusted


@pytest.fixture
def indexed(tmp_path, parses):
    """A calendar file and a state database that already indexes it."""
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Kick-off"), WEEKLY))
    db = tmp_path / "state.sqlite3"
    opened = Store(db)
    assert titles(opened, {"path": str(path)}) == ["Kick-off", "Jour fixe"]
    opened.close()
    parses.clear()
    return path, db


def titles_in(db: Path, path: Path) -> list[str]:
    opened = Store(db)
    try:
        return titles(opened, {"path": str(path)})
    finally:
        opened.close()


def damage(db: Path, *statements: str) -> None:
    conn = sqlite3.connect(db)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


@pytest.mark.parametrize(
    "statements",
    [
        ["UPDATE event_index SET payload = substr(payload, 1, 40)"],
        ["UPDATE event_index SET payload = replace(payload, '\"iana\"', '\"mars\"')"],
        ["UPDATE event_index SET validators = 'nonsense'"],
        ["UPDATE event_index SET window_start = 'yesterday'"],
        ["UPDATE event_index SET warnings = '{\"a\": 1}'"],
        ["UPDATE event_index SET payload = 42"],
    ],
    ids=["truncated", "bad-zone", "validators", "window", "warnings", "not-text"],
)
def test_a_damaged_entry_is_rebuilt(indexed, parses, statements):
    path, db = indexed
    damage(db, *statements)
    assert titles_in(db, path) == ["Kick-off", "Jour fixe"]
    assert titles_in(db, path) == ["Kick-off", "Jour fixe"]
    assert len(parses) == 1  # rebuilt once, then trusted again


def test_a_foreign_table_of_the_same_name_is_dropped(indexed, parses):
    path, db = indexed
    damage(db, "DROP TABLE event_index", "CREATE TABLE event_index (id INTEGER, stuff BLOB)")
    assert titles_in(db, path) == ["Kick-off", "Jour fixe"]
    assert titles_in(db, path) == ["Kick-off", "Jour fixe"]
    assert len(parses) == 1


def test_another_schema_version_rebuilds_the_table(indexed, parses):
    path, db = indexed
    damage(db, "UPDATE schema_versions SET version = 0 WHERE name = 'event_index'")
    assert titles_in(db, path) == ["Kick-off", "Jour fixe"]
    assert len(parses) == 1


def test_a_state_file_that_is_not_sqlite_is_moved_aside_and_rebuilt(indexed, parses, caplog):
    path, db = indexed
    for extra in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        extra.unlink(missing_ok=True)
    db.write_bytes(b"this is no database\n" * 200)
    assert titles_in(db, path) == ["Kick-off", "Jour fixe"]
    assert titles_in(db, path) == ["Kick-off", "Jour fixe"]
    assert len(parses) == 1
    assert db.with_name(db.name + ".broken").exists()
    assert "damaged" in caplog.text


def test_a_read_only_database_degrades_to_parsing(tmp_path, parses, caplog):
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Kick-off")))
    memory = Store(":memory:")
    memory.conn.execute("PRAGMA query_only = ON")
    index = EventIndex(memory)
    assert index.lookup("x", "y") is None
    assert titles(memory, {"path": str(path)}) == ["Kick-off"]
    assert titles(memory, {"path": str(path)}) == ["Kick-off"]
    assert len(parses) == 2 and "event index" in caplog.text


# ---------------------------------------------------------------------------------------------
# URLs


class _Server:
    """Serves one calendar with optional ETag/Last-Modified and honours conditional requests."""

    def __init__(self) -> None:
        self.body = b""
        self.etag = ""
        self.last_modified = ""
        self.requests: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(dict(self.headers))
                match = server.etag and self.headers.get("If-None-Match") == server.etag
                since = self.headers.get("If-Modified-Since")
                if match or (server.last_modified and since == server.last_modified):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar")
                self.send_header("Content-Length", str(len(server.body)))
                if server.etag:
                    self.send_header("ETag", server.etag)
                if server.last_modified:
                    self.send_header("Last-Modified", server.last_modified)
                self.end_headers()
                self.wfile.write(server.body)

            def log_message(self, *args):
                return None

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/private-k3y/cal.ics"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    running = _Server()
    yield running
    running.close()


def test_etag_gives_304_and_the_index_is_used(server, store, parses):
    server.body, server.etag = calendar(vevent("a@t", 8, "Kick-off")), '"v1"'
    assert titles(store, {"url": server.url}) == ["Kick-off"]
    assert titles(store, {"url": server.url}) == ["Kick-off"]
    assert server.requests[1]["If-None-Match"] == '"v1"' and len(parses) == 1
    server.body, server.etag = calendar(vevent("a@t", 8, "Kick-off"), WEEKLY), '"v2"'
    assert titles(store, {"url": server.url}) == ["Kick-off", "Jour fixe"]
    assert len(parses) == 2
    units = [row[0] for row in store.conn.execute("SELECT unit FROM event_index")]
    assert units and all("k3y" not in unit for unit in units)


def test_last_modified_gives_304_and_the_index_is_used(server, store, parses):
    server.body = calendar(vevent("a@t", 8, "Kick-off"))
    server.last_modified = "Tue, 01 Dec 2026 10:00:00 GMT"
    assert titles(store, {"url": server.url}) == ["Kick-off"]
    assert titles(store, {"url": server.url}) == ["Kick-off"]
    assert server.requests[1]["If-Modified-Since"] == server.last_modified
    assert len(parses) == 1


def test_without_validators_the_same_body_is_recognised_by_its_hash(server, store, parses):
    server.body = calendar(vevent("a@t", 8, "Kick-off"))
    assert titles(store, {"url": server.url}) == ["Kick-off"]
    assert titles(store, {"url": server.url}) == ["Kick-off"]
    assert len(parses) == 1 and len(server.requests) == 2
    server.body = calendar(vevent("a@t", 8, "Kick-off"), WEEKLY)
    assert titles(store, {"url": server.url}) == ["Kick-off", "Jour fixe"]
    assert len(parses) == 2


# ---------------------------------------------------------------------------------------------
# Same events either way, lean warm start


def indexed_equals_parsed(store, path: Path, start: datetime, end: datetime) -> None:
    cold: list[str] = []
    warm: list[str] = []
    parsed = provider(store, {"path": str(path)}, cold).events(start, end)
    reused = provider(store, {"path": str(path)}, warm).events(start, end)
    assert reused == parsed and cold == warm
    for a, b in zip(parsed, reused, strict=True):
        assert (a.start.isoformat(), a.end.isoformat()) == (b.start.isoformat(), b.end.isoformat())
        if isinstance(a.start.tzinfo, ZoneInfo):  # others come back as fixed offsets
            assert (a.start.tzinfo, a.end.tzinfo) == (b.start.tzinfo, b.end.tzinfo)
        assert (a.start.utcoffset(), a.end.utcoffset()) == (b.start.utcoffset(), b.end.utcoffset())


@pytest.mark.parametrize(
    "name", sorted(p.name for p in DATA.glob("*.ics") if "garbage" not in p.name)
)
def test_index_gives_the_same_events_as_parsing_for_test_files(tmp_path, store, name):
    path = tmp_path / name
    write(path, (DATA / name).read_bytes())
    wide = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2030, 1, 1, tzinfo=UTC))
    indexed_equals_parsed(store, path, *wide)


def test_index_gives_the_same_events_as_parsing_for_real_files(tmp_path, store):
    files = sorted(REAL.glob("*.ics")) if REAL.is_dir() else []
    if not files:
        pytest.skip(f"real-world fixtures not found in {REAL} (shared/ is beside the repo in CI)")
    wide = (datetime(2016, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
    for source in files:
        path = tmp_path / source.name
        write(path, source.read_bytes())
        indexed_equals_parsed(store, path, *wide)


def test_a_warm_run_imports_no_icalendar(tmp_path):
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Kick-off"), WEEKLY))
    script = f"""
import sys
from datetime import datetime
from zoneinfo import ZoneInfo
from planner.config.schema import SourceConfig
from planner.errors import CalendarReadError
from providers.base import ProviderContext, create
from tests.locations import ROOT, TESTS
tz = ZoneInfo("Europe/Berlin")
context = ProviderContext(tz=tz)
events = create(SourceConfig("work", "ics", {{"path": {str(path)!r}}}), context).events(
    datetime(2026, 12, 7, tzinfo=tz), datetime(2026, 12, 14, tzinfo=tz))
print(len(events), "icalendar" in sys.modules, "recurring_ical_events" in sys.modules)
"""
    env = dict(os.environ, PLANNER_DATA_DIR=str(tmp_path / "data"))
    runs = [
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.stdout.split() for r in runs] == [["2", "True", "True"], ["2", "False", "False"]], [
        r.stderr for r in runs
    ]


# ---------------------------------------------------------------------------------------------
# Classifications beside the index


@pytest.fixture
def classified(monkeypatch):
    """The events the real classifier was called for."""
    import planner.judge.mode

    calls: list[str] = []
    real = planner.judge.mode.classify

    def spy(event):
        calls.append(event.title)
        return real(event)

    monkeypatch.setattr(planner.judge.mode, "classify", spy)
    return calls


def test_classifications_are_remembered_and_equal_the_classifier(store, classified):
    from planner.judge.cache import classify_all
    from planner.judge.mode import classify

    events = sample_events()
    first = classify_all(events, store)
    again = classify_all(events, store)
    assert first == again == {e.key: classify(e) for e in events}
    assert len(classified) == 2 * len(events)  # once by classify_all, once by the check above


def test_a_changed_event_new_rules_or_another_language_classify_again(
    store, classified, monkeypatch
):
    from planner import i18n
    from planner.judge import cache as index_modes

    events = sample_events()
    first = index_modes.classify_all(events, store)
    moved = [replace(events[0], location="https://zoom.us/j/2", hints=()), *events[1:]]
    result = index_modes.classify_all(moved, store)
    assert classified[len(events) :] == [events[0].title]  # same key, new content
    assert result[moved[0].key] != first[events[0].key]
    i18n.set_language("de")
    index_modes.classify_all(events, store)
    i18n.set_language("en")
    monkeypatch.setattr(index_modes, "classifier_fingerprint", lambda language: "new rules")
    index_modes.classify_all(events, store)
    assert len(classified) == 1 + 3 * len(events)  # first run, German, new rules


def test_damaged_classification_rows_are_classified_again(store, classified):
    from planner.judge.cache import classify_all

    events = sample_events()
    expected = classify_all(events, store)
    store.conn.execute("UPDATE classify_cache SET mode = 'teleport' WHERE rowid = 1")
    store.conn.execute("UPDATE classify_cache SET evidence = 'nonsense' WHERE rowid = 2")
    store.conn.commit()
    assert classify_all(events, store) == expected
    assert len(classified) == len(events) + 2
    store.conn.execute("DROP TABLE classify_cache")
    store.conn.execute("CREATE TABLE classify_cache (x INTEGER)")
    store.conn.commit()
    assert classify_all(events, store) == expected
    assert classify_all(events, store) == expected
    assert len(classified) == 2 * len(events) + 2


def test_a_calendar_moved_to_another_file_forgets_the_old_one(tmp_path, store, parses):
    old, new = tmp_path / "old.ics", tmp_path / "new.ics"
    write(old, calendar(vevent("a@t", 8, "Alpha")))
    write(new, calendar(vevent("b@t", 9, "Beta")))
    assert titles(store, {"path": str(old)}) == ["Alpha"]
    assert titles(store, {"path": str(new)}) == ["Beta"]
    assert titles(store, {"path": str(old)}, name="other") == ["Alpha"]
    units = sorted(json.loads(row[0]) for row in store.conn.execute("SELECT unit FROM event_index"))
    assert units == [["file", str(new), "work"], ["file", str(old), "other"]]


def test_a_database_of_another_program_is_moved_aside_untouched(tmp_path, parses, caplog):
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Kick-off")))
    db = tmp_path / "state.sqlite3"
    damage(db, "CREATE TABLE kv (id INTEGER, blob BLOB)", "INSERT INTO kv VALUES (1, x'00')")
    before = db.read_bytes()
    assert titles_in(db, path) == ["Kick-off"]
    assert titles_in(db, path) == ["Kick-off"]
    assert len(parses) == 1 and "damaged" in caplog.text
    assert db.with_name(db.name + ".broken").read_bytes() == before


def test_a_database_locked_by_another_run_is_left_alone(indexed, parses, caplog):
    path, db = indexed
    write(path, calendar(vevent("a@t", 8, "Changed")), age=60)
    other = sqlite3.connect(db)
    other.execute("BEGIN EXCLUSIVE")
    try:
        opened = Store(db)
        opened.conn.execute("PRAGMA busy_timeout = 50")
        assert titles(opened, {"path": str(path)}) == ["Changed"]
        opened.close()
    finally:
        other.rollback()
        other.close()
    assert "rebuilding" not in caplog.text
    assert titles_in(db, path) == ["Changed"]
    assert len(parses) == 2  # the locked run could not save; the next one did
