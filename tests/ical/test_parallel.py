"""Large .ics files read on several processes give exactly what one process gives."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from planner.ical import parallel
from planner.ical import reader as ical
from tests.ical.conftest import generated_calendar
from tests.locations import ROOT

REAL = ROOT.parent / "shared" / "fixtures" / "real" / "ics"
FILES = sorted(REAL.glob("*.ics")) if REAL.is_dir() else []
BERLIN = ZoneInfo("Europe/Berlin")


def _strict(events):
    """Events with what == on aware datetimes ignores: the zone and the wall time."""
    return [
        (e, e.start.isoformat(), e.start.tzname(), e.end.isoformat(), e.end.tzname())
        for e in events
    ]


def _both(data, name, start, end):
    serial_warnings: list[str] = []
    parallel_warnings: list[str] = []
    args = {"source": name, "tz": BERLIN, "start": start, "end": end, "calendar": "c"}
    serial = ical.events_from_ics(data, warn=serial_warnings.append, **args)
    split = parallel.events_from_ics(data, warn=parallel_warnings.append, workers=2, **args)
    return serial, split, serial_warnings, parallel_warnings


@pytest.fixture(scope="module")
def generated() -> bytes:
    return generated_calendar(years=2, meetings=2400)


def test_a_large_generated_calendar_reads_the_same_on_two_processes(generated, monkeypatch):
    assert len(generated) > parallel.THRESHOLD
    calls = []
    real_run = parallel._run
    monkeypatch.setattr(parallel, "_run", lambda *a: calls.append(1) or real_run(*a))
    monkeypatch.setattr(parallel, "PARALLEL_LINES", 0)  # what icalendar reads: split however small
    start, end = datetime(2025, 11, 1, tzinfo=UTC), datetime(2027, 2, 1, tzinfo=UTC)
    serial, split, serial_warnings, split_warnings = _both(generated, "gen.ics", start, end)
    assert calls == [1]  # the parallel path ran, it did not fall back
    assert len(serial) > 1000
    assert _strict(split) == _strict(serial)
    assert split_warnings == serial_warnings


def test_parts_keep_a_uid_together_and_carry_every_time_zone(generated):
    from planner.ical.layout import scan

    text = generated.decode()
    window = (datetime(2025, 11, 1, tzinfo=UTC), datetime(2027, 2, 1, tzinfo=UTC))
    _header, blocks = scan(text)
    parts = parallel.split(blocks, 2, window)
    assert len(parts) == 2
    uids = [{parallel._uid(b) for b in part if b.name == "VEVENT"} for part in parts]
    assert uids[0] and uids[1] and not uids[0] & uids[1]
    zones = text.count("BEGIN:VTIMEZONE")
    assert all(sum(b.name == "VTIMEZONE" for b in part) == zones for part in parts)
    original = text.splitlines()  # each block keeps its line numbers in the file
    for part in parts:
        assert all(original[b.line - 1 : b.line - 1 + len(b.lines)] == b.lines for b in part)


@pytest.mark.skipif(not FILES, reason=f"real-world fixtures not found in {REAL}")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_real_file_reads_the_same_split_in_two(path, monkeypatch):
    monkeypatch.setattr(parallel, "THRESHOLD", 0)
    start, end = datetime(1990, 1, 1, tzinfo=UTC), datetime(2040, 1, 1, tzinfo=UTC)
    serial, split, serial_warnings, split_warnings = _both(path.read_bytes(), path.name, start, end)
    assert _strict(split) == _strict(serial)
    assert sorted(set(split_warnings)) == sorted(set(serial_warnings))


def test_small_files_and_one_core_stay_serial(monkeypatch):
    monkeypatch.setattr(parallel, "_run", lambda *a: pytest.fail("no pool for a small file"))
    data = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    args = {"source": "s.ics", "tz": BERLIN, "start": datetime(2026, 1, 1, tzinfo=UTC)}
    assert parallel.events_from_ics(data, end=datetime(2027, 1, 1, tzinfo=UTC), **args) == []


def test_plain_events_are_read_in_this_process_and_the_same(monkeypatch):
    """50,000 plain meetings cost less to read here than to send back from a worker: a file
    that is mostly plain is not split, and reads the same."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import gen_shapes
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    data = gen_shapes.busy_week(datetime(2026, 11, 23).date(), 5000)
    assert len(data) > parallel.THRESHOLD
    calls = []
    monkeypatch.setattr(parallel, "_run", lambda *a: calls.append(1))
    start, end = datetime(2026, 11, 23, tzinfo=BERLIN), datetime(2026, 11, 30, tzinfo=BERLIN)
    serial, split, serial_warnings, split_warnings = _both(data, "busy.ics", start, end)
    assert calls == []
    assert len(serial) == 5000
    assert _strict(split) == _strict(serial)
    assert split_warnings == serial_warnings
    options = ical.Options(BERLIN)
    assert parallel.read(data, "busy.ics", (start, end), options, workers=2).plain == 5000
