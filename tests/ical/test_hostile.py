"""Hostile and odd iCalendar input (issue 14): each case failed before the fix."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from planner.ical.reader import events_from_ics

BERLIN = ZoneInfo("Europe/Berlin")
WINDOW = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))


def read(text: str | bytes, **kwargs):
    warnings: list[str] = []
    data = text.encode() if isinstance(text, str) else text
    events = events_from_ics(
        data,
        source="t.ics",
        tz=BERLIN,
        start=WINDOW[0],
        end=WINDOW[1],
        warn=warnings.append,
        **kwargs,
    )
    return events, warnings


def calendar(*parts: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(parts) + "END:VCALENDAR\r\n"


def event(uid: str = "a", tzid: str = "", extra: str = "", day: str = "20260610") -> str:
    tz = f";TZID={tzid}" if tzid else ""
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART{tz}:{day}T100000\r\nDTEND{tz}:{day}T110000\r\n"
        f"SUMMARY:Meeting {uid}\r\n{extra}END:VEVENT\r\n"
    )


def test_leading_whitespace_before_begin_keeps_that_event_and_the_ones_after_it():
    indented = "".join("    " + line + "\r\n" for line in event("a").splitlines())
    events, warnings = read(calendar(indented, event("b")))
    assert sorted(e.uid for e in events) == ["a", "b"]
    assert warnings == []


def test_a_vtimezone_with_two_tzid_lines_costs_only_itself():
    # The Events Calendar (WordPress) writes TZID twice; icalendar raises AttributeError
    vtimezone = (
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\nTZID:Europe/Paris\r\nBEGIN:STANDARD\r\n"
        "DTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    )
    events, warnings = read(calendar(vtimezone, event("a", "Europe/Paris")))
    assert [e.start for e in events] == [datetime(2026, 6, 10, 8, tzinfo=UTC)]
    assert warnings == [
        "t.ics:3: a VTIMEZONE that cannot be read is left out (a property that may occur "
        "once is repeated); the rest of the file is read"
    ]


@pytest.mark.parametrize(
    ("tzid", "zone"),
    [
        ("/Europe/Stockholm", "Europe/Stockholm"),
        ("/freeassociation.sourceforge.net/Tzfile/America/New_York", "America/New_York"),
        ("/mozilla.org/20050126_1/Asia/Tokyo", "Asia/Tokyo"),
        ("europe/lisbon", "Europe/Lisbon"),
        ("Tokyo Standard Time", "Asia/Tokyo"),
        ("PACIFIC STANDARD TIME", "America/Los_Angeles"),
        ('"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"', "Europe/Berlin"),
        ('"(UTC-05:00) Eastern Time (US & Canada)"', "America/New_York"),
    ],
)
def test_tzid_forms_seen_in_the_wild_resolve(tzid, zone):
    events, warnings = read(calendar(event("a", tzid)))
    assert events[0].start == datetime(2026, 6, 10, 10, tzinfo=ZoneInfo(zone))
    assert warnings == []


def test_a_utc_offset_tzid_is_a_fixed_offset():
    events, _warnings = read(calendar(event("a", '"UTC+05:30"')))
    assert events[0].start == datetime(2026, 6, 10, 4, 30, tzinfo=UTC)


def test_an_unknown_tzid_is_named_with_the_zone_used_instead():
    events, warnings = read(calendar(event("a", "Mars/Olympus_Mons")))
    assert events[0].start == datetime(2026, 6, 10, 10, tzinfo=BERLIN)
    assert warnings == ["t.ics:3: unknown time zone 'Mars/Olympus_Mons', read as Europe/Berlin"]


def test_a_geo_with_three_numbers_is_ignored_not_fatal():
    events, _warnings = read(calendar(event("a", extra="GEO:1;2;3\r\n")))
    assert events[0].geo is None


def test_utf16_with_a_broken_surrogate_is_read_with_a_warning():
    data = calendar(event("a")).encode("utf-16") + b"\x00\xd8"
    events, warnings = read(data)
    assert [e.uid for e in events] == ["a"]
    assert warnings and "UTF-16" in warnings[0]


def test_a_megabyte_line_is_skipped_with_its_line_number():
    events, warnings = read(calendar(event("a", extra="DESCRIPTION:" + "x" * 1_100_000 + "\r\n")))
    assert [e.uid for e in events] == ["a"]
    assert any(w.startswith("t.ics:8: skipped a line of 1100012 characters") for w in warnings)


def test_a_hundred_thousand_unclosed_begins_end_quickly():
    began = time.process_time()
    events, warnings = read(calendar(event("a"), "BEGIN:VEVENT\r\n" * 100_000))
    assert [e.uid for e in events] == ["a"]
    assert any("nested more than" in w for w in warnings)
    assert time.process_time() - began < 2


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=SECONDLY",
        "FREQ=MINUTELY;COUNT=1000000000",
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;BYMONTHDAY=31;BYMONTH=2",
        "FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=-30",
        "FREQ=MINUTELY;BYMONTH=2;BYYEARDAY=1",
        "FREQ=HOURLY;BYMINUTE=1,2,3;BYSETPOS=7",
        "FREQ=YEARLY;BYWEEKNO=0",
        "FREQ=MONTHLY;BYDAY=99MO",
    ],
)
def test_a_pathological_rule_is_a_warning_naming_the_event_not_a_hang(rule):
    began = time.process_time()
    text = calendar(event("a", extra=f"RRULE:{rule}\r\n", day="19700101"), event("b"))
    events, warnings = read(text)
    assert time.process_time() - began < 2
    assert "b" in {e.uid for e in events}
    assert any(w.startswith("t.ics:3: 'Meeting a': ") for w in warnings), warnings


def test_more_occurrences_than_the_limit_are_cut_with_a_warning():
    events, warnings = read(calendar(event("a", extra="RRULE:FREQ=DAILY\r\n")), max_occurrences=50)
    assert len(events) == 50
    assert warnings == [
        "t.ics:3: 'Meeting a': more than 50 occurrences in the read window; only the first 50 "
        "are used (raise max_occurrences of the calendar in the config to read more)"
    ]


def test_an_ordinary_long_series_is_left_alone():
    events, warnings = read(calendar(event("a", extra="RRULE:FREQ=DAILY\r\n", day="19900101")))
    assert len(events) == 365 and warnings == []
