"""Plain VEVENTs screened and read on two processes give exactly what one process gives
(planner/ical/parallel.py, ``_apart``): the events, their order, the warnings, the events left
out beyond ``max_events``, and a UID that two slices name (only one process can tell which
of its blocks is read plain)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.ical import parallel
from planner.ical import reader as ical
from planner.ical.reading import Options
from tests.ical.test_parallel import FILES, _strict

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 2, tzinfo=BERLIN)
WINDOW = (START - timedelta(days=2), START + timedelta(days=40))
HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//apart//EN\r\n"


def _event(n: int, uid: str | None = None, extra: str = "") -> str:
    day = START + timedelta(days=n % 30, minutes=15 * (n % 40))
    zone = ("Europe/Berlin", "America/New_York", "Asia/Tokyo")[n % 3]
    return (
        f"BEGIN:VEVENT\r\nUID:{uid or f'ev-{n}@apart'}\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART;TZID={zone}:{day:%Y%m%dT%H%M%S}\r\nDURATION:PT45M\r\n"
        f"SUMMARY:Termin {n} mit Kundin / call {n}\r\n{extra}"
        f"ATTENDEE;CN=Person {n % 70};PARTSTAT=TENTATIVE:mailto:p{n % 70}@org{n % 9}.example\r\n"
        "END:VEVENT\r\n"
    )


def _calendar(events: list[str]) -> bytes:
    return (HEAD + "".join(events) + "END:VCALENDAR\r\n").encode()


def _read(data: bytes, workers: int, max_events: int = 500_000):
    said: list[str] = []
    options = Options(BERLIN, "c", frozenset({"me@example.com"}), 2000, max_events)
    reading = parallel.read(data, "apart.ics", WINDOW, options, said.append, workers=workers)
    return reading, said


@pytest.fixture
def small_apart(monkeypatch):
    """The slices from a handful of VEVENTs on (the real threshold is thousands)."""
    monkeypatch.setattr(parallel, "PLAIN_APART", 4)
    monkeypatch.setattr(parallel, "THRESHOLD", 0)


def _same(data: bytes, max_events: int = 500_000, serial: bool = True):
    """The reading in slices equals the reading of all plain VEVENTs in this process, and
    (``serial``) the serial reader's."""
    two, two_said = _read(data, 2, max_events)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parallel, "PLAIN_APART", 10**9)
        here, here_said = _read(data, 2, max_events)
        one, one_said = _read(data, 1, max_events)
    compared = [(here, here_said), (one, one_said)] if serial else [(here, here_said)]
    for reading, said in compared:
        assert _strict(two.events) == _strict(reading.events)
        assert two.lines == reading.lines
        assert (two.left_out, two.steps_left) == (reading.left_out, reading.steps_left)
        assert two_said == said
    assert two.plain == here.plain
    return two, two_said


def test_thousands_of_plain_events_are_read_in_two_processes_alike(monkeypatch, tmp_path):
    slices = tmp_path / "slices"
    real = parallel._screened

    def screened(near, job):
        with slices.open("a") as out:  # also from the worker process
            out.write(f"{os.getpid()} {len(near)}\n")
        return real(near, job)

    monkeypatch.setattr(parallel, "_screened", screened)
    count = parallel.PLAIN_APART + 500
    reading, said = _same(_calendar([_event(n) for n in range(count)]))
    assert reading.plain == count and len(reading.events) == count
    # some of the Berlin meetings fall into 02:00–03:00 on 29 March, the hour the clocks skip:
    # each is said once, by the slice that read it, as one process says it (_same)
    assert said and all("(the clocks go forward)" in message for message in said)
    done = [line.split() for line in slices.read_text().splitlines()]
    assert len({pid for pid, _n in done}) == 2  # two processes
    assert sorted(int(n) for _pid, n in done) == sorted(
        [round(count * parallel.HERE), count - round(count * parallel.HERE)]
    )


def test_a_uid_in_two_slices_is_screened_by_one_process(small_apart):
    """The same UID at both ends of the file: neither block is plain to the serial screen
    (it reads a UID's blocks together), so the slices' readings are not taken."""
    events = [_event(n) for n in range(12)]
    events[0] = _event(0, uid="twice@apart")
    events[-1] = _event(11, uid="twice@apart")
    reading, _said = _same(_calendar(events))
    assert "twice@apart" in {e.uid for e in reading.events}  # read by icalendar, as one process
    assert reading.plain == 10


def test_an_escaped_uid_and_a_series_in_another_slice_are_one_uid(small_apart):
    """A plain block and a series whose UID is the same once unescaped, far apart: one UID,
    read as the serial reader reads it, on one core or two, in slices or not (the parts of
    icalendar's reading are cut by the UID as it reads, not as it is written)."""
    events = [_event(n) for n in range(12)]
    events[1] = _event(1, uid=r"a\,b@apart")
    events[10] = _event(10, uid="a,b@apart", extra="RRULE:FREQ=DAILY;COUNT=3\r\n")
    reading, _said = _same(_calendar(events))
    found = [e for e in reading.events if e.uid == "a,b@apart"]
    assert len(found) == 1 and "RRULE" not in events[1]  # the first written, as icalendar reads


@pytest.mark.parametrize(
    ("written", "series"),
    [
        (r"a\,b@apart", "a,b@apart"),
        ("a;b@apart", r"a\;b@apart"),
        ("zeile\\n@apart", "zeile\\\\n@apart"),
        (
            "ein-sehr-langer-uid-der-gefaltet-wird@apart",
            "ein-sehr-langer-uid-der-gefaltet-wird@apart",
        ),
    ],
    ids=["comma", "semicolon", "backslash", "folded"],
)
def test_a_uid_written_two_ways_is_read_alike_by_every_reader(small_apart, written, series):
    events = [_event(n) for n in range(12)]
    events[2] = _event(2, uid=written)
    events[9] = _event(9, uid=series, extra="RRULE:FREQ=DAILY;COUNT=2\r\n")
    if written == series:  # the UID line folded after its first characters
        events[9] = events[9].replace(f"UID:{series}", f"UID:{series[:10]}\r\n {series[10:]}")
    _same(_calendar(events))


def test_broken_events_are_said_as_one_process_says_them(small_apart):
    events = [_event(n) for n in range(12)]
    broken = "DTSTART:20260303T100000Z\r\nDTEND:20260303T090000Z\r\nSTATUS:CANCELLED\r\n"
    events[3] = (
        events[3]
        .replace("DURATION:PT45M\r\n", "")
        .replace("DTSTART;TZID=", "X-OLD-START;TZID=")
        .replace("BEGIN:VEVENT\r\n", "BEGIN:VEVENT\r\n" + broken)
    )
    events[9] = events[9].replace("DURATION:PT45M", "DURATION:P99999999W")  # past year 9999
    reading, said = _same(_calendar(events))
    assert len(said) == 1 and "skipped a broken event" in said[0]
    assert len(reading.events) == 10  # the cancelled one and the broken one are not events


def test_the_latest_events_are_kept_beyond_max_events_as_one_process_keeps_them(small_apart):
    reading, said = _same(_calendar([_event(n) for n in range(40)]), max_events=25)
    assert len(reading.events) == 25 and reading.left_out == 15
    assert said == []  # the caller tells (once, after every part): Reading.tell


@pytest.mark.skipif(not FILES, reason="real-world fixtures not found")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_real_file_reads_the_same_with_plain_slices(path, small_apart):
    options = Options(BERLIN, "c", frozenset(), 2000, 500_000)
    window = (datetime(1990, 1, 1, tzinfo=UTC), datetime(2040, 1, 1, tzinfo=UTC))
    said_one: list[str] = []
    said_two: list[str] = []
    data = path.read_bytes()
    one = ical.read(data, path.name, window, options, said_one.append)
    two = parallel.read(data, path.name, window, options, said_two.append, workers=2)
    assert _strict(two.events) == _strict(one.events)
    assert sorted(set(said_two)) == sorted(set(said_one))
