"""A calendar of plain VEVENTs read without icalendar (planner.ical.reading.read_if_plain)
gives what the reader gives (issue 31): the same events, lines, warnings and budget, for each
VEVENT of real exports, of the project's files and of mutated calendars read on its own with
its file's context, as a changed VEVENT is read again; and a run that reads only such a
change imports neither icalendar nor recurring-ical-events nor x-wr-timezone."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from planner.errors import CalendarReadError
from planner.ical import pieces, plain, reader
from planner.ical.parsing import decode
from planner.ical.reading import Options, read_if_plain
from planner.store import Store
from tests.ical.conftest import generated_calendar
from tests.ical.test_incremental import strict
from tests.ical.test_index import END, START, WEEKLY, calendar, provider, vevent, write
from tests.ical.test_plain import BERLIN, OWN_FILES, REAL_FILES, WIDE, _calendar

WEEK = (datetime(2026, 11, 23, tzinfo=BERLIN), datetime(2026, 11, 30, tzinfo=BERLIN))
ZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Custom Zone\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n"
    "TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
)


def outcome(reading) -> tuple:
    return (
        [repr(e) for e in reading.events],
        reading.lines,
        reading.steps_left,
        reading.left_out,
        reading.plain,
    )


def agree_piece_by_piece(data: bytes, window=WIDE, steps: int = 12_345) -> int:
    """Each VEVENT of ``data`` read with its file's context both ways agrees wherever it is
    read without icalendar; how many were. Only where the context alone is read without a
    warning, as in a file the incremental reader reads in part (read whole without one)."""
    said: list[str] = []
    cut = pieces.cut(decode(data, "f.ics", said.append))
    if cut is None or said:
        return 0
    options = Options(BERLIN, "cal", frozenset({"me@example.org"}))
    try:
        reader.read(cut.calendar([])[0], "f.ics", window, options, said.append)
    except CalendarReadError:
        return 0
    if said:
        return 0
    last = len(cut.pieces) - 1
    read_so = 0
    for number, piece in enumerate(cut.pieces):
        if not pieces.check(piece, number == last):
            continue
        small, _starts = cut.calendar([number])
        fast: list[str] = []
        found = read_if_plain(small, "f.ics", window, options, fast.append, steps)
        if found is None:
            continue
        slow: list[str] = []
        expected = reader.read(small, "f.ics", window, options, slow.append, steps)
        assert (outcome(found), fast) == (outcome(expected), slow), f"VEVENT {number}"
        read_so += 1
    return read_so


@pytest.mark.skipif(not REAL_FILES, reason="real-world fixtures not found")
@pytest.mark.parametrize("path", REAL_FILES, ids=[p.name for p in REAL_FILES])
def test_each_vevent_of_a_real_export_reads_the_same(path: Path) -> None:
    agree_piece_by_piece(path.read_bytes())


@pytest.mark.parametrize("path", OWN_FILES, ids=[p.name for p in OWN_FILES])
def test_each_vevent_of_a_project_file_reads_the_same(path: Path) -> None:
    agree_piece_by_piece(path.read_bytes())


def test_each_vevent_of_a_generated_calendar_reads_the_same() -> None:
    data = generated_calendar(years=1, meetings=200)
    assert agree_piece_by_piece(data) > 100
    assert agree_piece_by_piece(data, WEEK) > 0


@pytest.mark.parametrize("seed", range(0, 400, 100))
def test_each_mutated_vevent_reads_the_same(seed: int) -> None:
    """The mutated VEVENTs of test_plain (many of them in files that warn, or that do not cut
    into pieces: those are read whole), each with the context of its file: a zone named by
    IANA and one only the file defines (a VEVENT in it is left to icalendar)."""
    read_so = 0
    for number in range(seed, seed + 100):
        data = _calendar(number)
        read_so += agree_piece_by_piece(data) + agree_piece_by_piece(data, WEEK)
    assert read_so > 0


@pytest.mark.parametrize(
    "text",
    [
        ZONE
        + vevent("a@t", 8, "Zone of the file", extra="").replace("Europe/Berlin", "Custom Zone"),
        vevent("a@t", 8, "Series", extra="RRULE:FREQ=DAILY;COUNT=2\r\n"),
        vevent("a@t", 8, "Twice") + vevent("a@t", 9, "Twice"),
        "X-WR-TIMEZONE:America/New_York\r\n" + vevent("a@t", 8, "Calendar zone"),
    ],
    ids=["file-zone", "series", "shared-uid", "x-wr-timezone"],
)
def test_what_is_not_plain_is_left_to_the_reader(text: str) -> None:
    data = calendar(text)
    assert read_if_plain(data, "f.ics", WIDE, Options(BERLIN)) is None
    assert reader.read(data, "f.ics", WIDE, Options(BERLIN)).events


def test_a_text_that_warns_as_it_is_decoded_is_left_to_the_reader_and_warned_about_once():
    data = calendar(vevent("a@t", 8, "Caf\u00e9")).replace("Caf\u00e9".encode(), b"Caf\xe9")
    said: list[str] = []
    assert read_if_plain(data, "f.ics", WIDE, Options(BERLIN), said.append) is None
    assert said == []
    reader.read(data, "f.ics", WIDE, Options(BERLIN), said.append)
    assert len(said) == 1 and "Windows-1252" in said[0]


def test_nothing_is_read_without_icalendar_when_the_plain_path_is_off() -> None:
    data = calendar(vevent("a@t", 8, "Plain"))
    assert read_if_plain(data, "f.ics", WIDE, Options(BERLIN)) is not None
    before, plain.ENABLED = plain.ENABLED, False
    try:
        assert read_if_plain(data, "f.ics", WIDE, Options(BERLIN)) is None
    finally:
        plain.ENABLED = before


# ---------------------------------------------------------------------------------------------
# A run that reads only a changed plain VEVENT

RUN = """
import pickle, sys
from datetime import datetime
from zoneinfo import ZoneInfo
from planner.config.schema import SourceConfig
from providers.base import ProviderContext, create
tz = ZoneInfo("Europe/Berlin")
said = []
context = ProviderContext(tz=tz, user_emails=frozenset({"me@planner.test"}), warn=said.append)
events = create(SourceConfig("work", "ics", {"path": sys.argv[1]}), context).events(
    datetime(2026, 12, 7, tzinfo=tz), datetime(2026, 12, 14, tzinfo=tz))
loaded = [m for m in ("icalendar", "recurring_ical_events", "x_wr_timezone") if m in sys.modules]
sys.stdout.buffer.write(pickle.dumps((events, said, loaded)))
"""
BERLIN_ZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n"
    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
)


def _run(path: Path, data_dir: Path) -> tuple[list, list[str], list[str]]:
    env = dict(os.environ, PLANNER_DATA_DIR=str(data_dir))
    done = subprocess.run([sys.executable, "-c", RUN, str(path)], env=env, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    return pickle.loads(done.stdout)


@pytest.mark.parametrize(
    ("edited", "parsed"),
    [
        (vevent("e3@t", 9, "Meeting 3, moved", 16), False),
        (
            vevent("e3@t", 9, "Meeting 3, in the file's zone", 16).replace(
                "Europe/Berlin", "Custom Zone"
            ),
            True,
        ),
    ],
    ids=["plain", "in-a-zone-only-the-file-defines"],
)
def test_a_run_that_reads_only_a_changed_plain_event_imports_no_icalendar(
    tmp_path: Path, edited: str, parsed: bool
) -> None:
    """The edited case of benchmarks/bench_week.py in small: a file with its zones and a
    series is read whole once; an edited plain VEVENT is then read again without importing
    icalendar, and the events are those of reading the new file whole (a VEVENT that needs the
    file's own zone is read with icalendar, as before)."""
    path = tmp_path / "work.ics"
    others = [vevent(f"e{i}@t", 7 + i % 5, f"Meeting {i}", 9 + i % 8) for i in range(8)]
    zones = BERLIN_ZONE + ZONE
    write(path, calendar(zones, *others, WEEKLY))
    first, said, loaded = _run(path, tmp_path / "data")
    assert "icalendar" in loaded and not said and len(first) == 9
    others[3] = edited
    write(path, calendar(zones, *others, WEEKLY), age=60)
    events, said, loaded = _run(path, tmp_path / "data")
    assert loaded == (["icalendar", "recurring_ical_events", "x_wr_timezone"] if parsed else [])
    fresh = Store(tmp_path / "fresh.sqlite3")
    try:
        warnings: list[str] = []
        whole = provider(fresh, {"path": str(path)}, warnings).events(START, END)
    finally:
        fresh.close()
    if parsed:  # a zone of the file's own comes back from the index as its offset
        events, whole = (
            [(e, e.start.isoformat()) for e in events],
            [(e, e.start.isoformat()) for e in whole],
        )
    else:
        events, whole = strict(events), strict(whole)
    assert events == whole and said == warnings == []
    assert any(e[0].title.startswith("Meeting 3,") for e in events)
