"""A wall time the clocks skip is read as the instant RFC 5545 gives it (the UTC offset before
the gap) and shown as that instant's wall time on the first read as on every later one (the
event index gives back instants): 02:30 on the night Berlin goes forward is 03:30 CEST, never
"02:30+01:00". Single events (the quick reader), series (icalendar and recurring-ical-events),
zones whose gap is an hour or half an hour; a repeated hour keeps its first occurrence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.ical.payload import decode_events, encode_events
from planner.ical.reader import events_from_ics

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"


def vevent(uid: str, tzid: str, start: str, end: str, extra: str = "") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART;TZID={tzid}:{start}\r\nDTEND;TZID={tzid}:{end}\r\n{extra}"
        f"SUMMARY:{uid}\r\nEND:VEVENT\r\n"
    )


def read(*events: str, tz: str = "Europe/Berlin"):
    text = HEAD + "".join(events) + "END:VCALENDAR\r\n"
    zone = ZoneInfo(tz)
    return events_from_ics(
        text,
        source="gap.ics",
        tz=zone,
        start=datetime(2026, 1, 1, tzinfo=UTC),
        end=datetime(2027, 1, 1, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("tzid", "wall", "shown", "offset"),
    [
        ("Europe/Berlin", "20260329T023000", "03:30", timedelta(hours=2)),
        ("America/New_York", "20260308T021500", "03:15", timedelta(hours=-4)),
        ("Australia/Lord_Howe", "20261004T021000", "02:40", timedelta(hours=11)),
    ],
)
def test_a_start_in_the_gap_is_the_instant_it_means(tzid, wall, shown, offset):
    end = wall[:9] + "050000"
    (event,) = read(vevent("gap@t", tzid, wall, end), tz=tzid)
    assert event.start.strftime("%H:%M") == shown
    assert event.start.utcoffset() == offset
    # the same instant RFC 5545 gives it: the offset before the gap
    naive = datetime.strptime(wall, "%Y%m%dT%H%M%S")
    before = ZoneInfo(tzid).utcoffset(naive - timedelta(hours=3))
    assert event.start.astimezone(UTC) == (naive - before).replace(tzinfo=UTC)


def test_the_first_read_shows_what_the_event_index_gives_back():
    events = read(
        vevent("gap@t", "Europe/Berlin", "20260329T023000", "20260329T040000"),
        vevent("fold@t", "Europe/Berlin", "20261025T023000", "20261025T033000"),
    )
    again = decode_events(encode_events(events))
    assert [(e.start.isoformat(), e.end.isoformat()) for e in again] == [
        (e.start.isoformat(), e.end.isoformat()) for e in events
    ]
    fold = next(e for e in events if e.uid == "fold@t")
    assert fold.start.isoformat() == "2026-10-25T02:30:00+02:00"  # the first of the two 02:30


def test_a_daily_series_through_the_gap_night():
    series = vevent(
        "daily@t",
        "Europe/Berlin",
        "20260327T023000",
        "20260327T031500",
        "RRULE:FREQ=DAILY;COUNT=4\r\n",
    )
    starts = [e.start.strftime("%d %H:%M %z") for e in read(series)]
    assert starts == ["27 02:30 +0100", "28 02:30 +0100", "29 03:30 +0200", "30 02:30 +0200"]


CUSTOM_ZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Custom Central European\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nDTSTART:19810329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19961027T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
)


def test_a_gap_time_in_a_zone_the_file_defines_itself():
    # a VTIMEZONE of the file's own (not an IANA name) becomes a zone that does not tell the
    # two sides of a gap apart by ``fold``; the gap is still found and read as the instant
    events = read(CUSTOM_ZONE + vevent("own@t", "Custom Central European", *GAP_NIGHT))
    assert events[0].start.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert events[0].start.strftime("%H:%M") == "03:30"


GAP_NIGHT = ("20260329T023000", "20260329T040000")


@pytest.mark.parametrize(
    "zone",
    ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kolkata"],
)
def test_is_gap_is_what_a_round_trip_through_utc_says(zone):
    from planner.ical.wallclock import is_gap

    tz = ZoneInfo(zone)
    moment, seen = datetime(2011, 1, 1, tzinfo=tz), 0
    while moment.year < 2012:  # every quarter hour of a year, both folds (Apia skipped a day)
        for fold in (0, 1):
            wall = moment.replace(fold=fold)
            back = wall.astimezone(UTC).astimezone(tz).replace(tzinfo=None, fold=0)
            expected = back != wall.replace(tzinfo=None, fold=0)
            assert is_gap(wall) == expected, wall
            seen += expected
        moment += timedelta(minutes=15)
    assert seen > 0 or zone == "Asia/Kolkata"
