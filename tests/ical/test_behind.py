"""The event index entry of a large read is written behind by a forked process
(planner/ical/behind.py): the run goes on, the entry is there before anything reads the index
again and when the run ends, it equals the entry written here, and a writer that fails writes
nothing and leaves the next run to read the source again."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config.schema import SourceConfig
from planner.ical import behind
from planner.ical.index import EventIndex
from planner.model import Attendee, Event
from planner.store import Store
from providers.base import ProviderContext, create
from tests.locations import ROOT

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 11, 30, tzinfo=TZ)
pytestmark = pytest.mark.skipif(not behind.possible(), reason="written here: no fork or one core")


def _events(count: int) -> list[Event]:
    return [
        Event(
            uid=f"e{n}@behind",
            title=f"Termin {n}",
            start=START + timedelta(minutes=7 * n),
            end=START + timedelta(minutes=7 * n + 30),
            attendees=(Attendee(f"p{n % 50}@org.example", f"Person {n % 50}"),),
            calendar="work",
        )
        for n in range(count)
    ]


def _rows(path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM event_index ORDER BY unit").fetchall()


def _save(index: EventIndex, unit: str, events: list[Event]) -> None:
    window = (START - timedelta(days=1), START + timedelta(days=99))
    index.save(unit, "scope", "params", {"etag": "x"}, window, ["said"], events, "parts")


def test_a_large_entry_is_written_behind_and_equals_one_written_here(tmp_path, monkeypatch):
    events = _events(behind.FROM_EVENTS)
    behind_store, here_store = Store(tmp_path / "behind.db"), Store(tmp_path / "here.db")
    writers = []
    real = behind.write
    monkeypatch.setattr(behind, "write", lambda *a: writers.append(1) or real(*a))
    _save(EventIndex(behind_store), "u", events)
    assert writers == [1] and behind.pending()
    monkeypatch.setattr(behind, "FROM_EVENTS", len(events) + 1)
    _save(EventIndex(here_store), "u", events)
    assert writers == [1]
    found = EventIndex(behind_store).lookup("u", "params")  # waits for the writer
    assert not behind.pending()
    assert found is not None and found.events(START, START + timedelta(days=99)) == events
    assert _rows(tmp_path / "behind.db") == _rows(tmp_path / "here.db")
    behind_store.close()
    here_store.close()


def test_another_entry_is_read_meanwhile_and_a_new_save_waits(tmp_path):
    store = Store(tmp_path / "state.db")
    index = EventIndex(store)
    _save(index, "small", _events(3))
    _save(index, "large", _events(behind.FROM_EVENTS))
    assert index.lookup("small", "params") is not None and behind.pending(["large"])
    _save(index, "large", _events(5))  # the entry written behind never lands after this one
    assert not behind.pending()
    found = index.lookup("large", "params")
    assert found is not None and len(found.events(START, START + timedelta(days=30))) == 5
    store.close()


def test_a_writer_that_fails_writes_nothing_and_says_so(tmp_path, monkeypatch, caplog):
    store = Store(tmp_path / "state.db")
    index = EventIndex(store)

    def broken(events):
        raise RuntimeError("no encoding today")

    monkeypatch.setattr("planner.ical.index.encode_events", broken)
    with caplog.at_level(logging.DEBUG, logger="planner"):
        _save(index, "large", _events(behind.FROM_EVENTS))
        assert index.lookup("large", "params") is None  # nothing half-written
    assert any("was not written" in r.getMessage() for r in caplog.records)
    store.close()


def test_pruning_a_unit_being_written_waits_for_it(tmp_path):
    store = Store(tmp_path / "state.db")
    index = EventIndex(store)
    _save(index, "large", _events(behind.FROM_EVENTS))
    index.prune("scope", keep=[])
    assert not behind.pending() and _rows(tmp_path / "state.db") == []
    store.close()


def test_a_run_ends_with_the_entry_written(tmp_path):
    """A cold `planner week` of a large file: when the process has ended, the next one reads
    the index (the file is not parsed again)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import gen_shapes
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    ics = tmp_path / "busy.ics"
    ics.write_bytes(gen_shapes.busy_week(START.date(), behind.FROM_EVENTS + 500))
    config = tmp_path / "config.toml"
    config.write_text(
        '[user]\nemail = "me@mycorp.example"\ntimezone = "Europe/Berlin"\n'
        f'[[calendars]]\nname = "busy"\nprovider = "ics"\npath = "{ics}"\n',
        encoding="utf-8",
    )
    env = dict(os.environ, HOME=str(tmp_path), PLANNER_DATA_DIR=str(tmp_path / "data"))
    command = [sys.executable, "-m", "planner", "week", "--config", str(config), "--week"]
    done = subprocess.run(
        [*command, "2026-W49", "--format", "json"], env=env, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    rows = _rows(tmp_path / "data" / "state.sqlite3")
    assert len(rows) == 1 and len(rows[0][7]) > 1_000_000
    context = ProviderContext(
        tz=TZ,
        user_emails=frozenset({"me@mycorp.example"}),
        store_factory=lambda: Store(tmp_path / "data" / "state.sqlite3"),
    )
    source = create(SourceConfig("busy", "ics", {"path": str(ics)}), context)
    import planner.ical.incremental

    real = planner.ical.incremental.read_whole
    try:
        planner.ical.incremental.read_whole = lambda *a: pytest.fail("parsed again")
        events = source.events(START, START + timedelta(days=7))
    finally:
        planner.ical.incremental.read_whole = real
    assert len(events) == behind.FROM_EVENTS + 500


def test_a_writer_held_up_ends_without_writing(tmp_path, monkeypatch):
    """A writer that cannot finish (here: waits for ever) ends after WRITER_SECONDS, writing
    nothing; this process goes on."""
    import time

    monkeypatch.setattr(behind, "WRITER_SECONDS", 1)
    store = Store(tmp_path / "state.db")

    def stuck(conn):
        time.sleep(60)

    started = time.monotonic()
    assert behind.write(tmp_path / "state.db", "stuck", stuck, 1.0)
    behind.wait(["stuck"])
    assert time.monotonic() - started < 30
    store.close()


def test_a_thread_writes_here():
    import threading

    found = []
    worker = threading.Thread(target=lambda: found.append(behind.possible()))
    worker.start()
    worker.join()
    assert found == [False]
