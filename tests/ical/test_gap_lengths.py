"""A meeting written into the hour the clocks skip keeps the length it was written with, and
the user is told once what it was read as (planner/ical/wallclock.py ``resolve``).

The bug: 02:30–03:30 Europe/Berlin on 28 March 2027 (the clocks go 02:00 → 03:00) was read
03:30–03:30, each time alone: the start as RFC 5545 §3.3.5 says (the offset before the gap),
the end as the existing 03:30. Mirrors, travel blocks and the week's hours all took that
meeting of no length, and nothing was said. Both readers (plain VEVENTs, icalendar's) and
series, zones of one hour's, half an hour's and a quarter-offset's gap, a file's own
VTIMEZONE; the repeated hour in autumn; times written in UTC around the change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.ical import plain
from planner.ical.payload import decode_events, encode_events
from planner.ical.reader import events_from_ics
from planner.ical.wallclock import between, is_ambiguous, is_gap

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
BERLIN = ZoneInfo("Europe/Berlin")


def vevent(uid: str, start: str, end: str = "", *, tzid: str = "Europe/Berlin", extra: str = ""):
    zone = f";TZID={tzid}" if tzid else ""
    ending = f"DTEND{zone}:{end}\r\n" if end else ""
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20270101T000000Z\r\nDTSTART{zone}:{start}\r\n"
        f"{ending}{extra}SUMMARY:Call {uid}\r\nEND:VEVENT\r\n"
    )


def read(*parts: str, head: str = HEAD, window=(datetime(2027, 1, 1, tzinfo=UTC), None)):
    said: list[str] = []
    start, end = window
    events = events_from_ics(
        head + "".join(parts) + "END:VCALENDAR\r\n",
        source="night.ics",
        tz=BERLIN,
        start=start,
        end=end or start + timedelta(days=366),
        warn=said.append,
    )
    return events, said


@pytest.fixture(params=["plain", "icalendar"])
def reader(request, monkeypatch):
    """Both readers: plain VEVENTs without icalendar, and icalendar's (as a series is read)."""
    monkeypatch.setattr(plain, "ENABLED", request.param == "plain")
    return request.param


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def minutes(event) -> int:
    return int(between(event.start, event.end).total_seconds() // 60)


@pytest.mark.parametrize(
    ("tzid", "start", "end", "instant", "length", "shown"),
    [
        # Berlin: 02:00 → 03:00; the start at the offset before the gap, +01:00
        ("Europe/Berlin", "20270328T023000", "20270328T033000", utc(2027, 3, 28, 1, 30), 60,
         "03:30–04:30 CEST"),
        # New York: 02:00 → 03:00 at -05:00
        ("America/New_York", "20270314T023000", "20270314T033000", utc(2027, 3, 14, 7, 30), 60,
         "03:30–04:30 EDT"),
        # Lord Howe: a gap of half an hour, 02:00 → 02:30 at +10:30
        ("Australia/Lord_Howe", "20271003T021000", "20271003T024000", utc(2027, 10, 2, 15, 40),
         30, "02:40–03:10 +11"),
        # Chatham: a quarter-hour offset, 02:45 → 03:45 at +12:45
        ("Pacific/Chatham", "20270926T030000", "20270926T040000", utc(2027, 9, 25, 14, 15), 60,
         "04:00–05:00 +1345"),
        # a start in the gap and an end after it: the whole 90 minutes, from the start's instant
        ("Europe/Berlin", "20270328T023000", "20270328T040000", utc(2027, 3, 28, 1, 30), 90,
         "03:30–05:00 CEST"),
    ],
)  # fmt: skip
def test_a_meeting_that_starts_in_the_gap_keeps_its_length(
    reader, tzid, start, end, instant, length, shown
):
    (event,), said = read(vevent("gap", start, end, tzid=tzid))
    assert event.start.astimezone(UTC) == instant  # RFC 5545 §3.3.5: the offset before
    assert minutes(event) == length  # not 0 (nor 30): the length written
    assert event.start.tzinfo == ZoneInfo(tzid)  # shown in its own zone
    assert said == [
        f"night.ics:4: 'Call gap': {start[9:11]}:{start[11:13]} does not exist in {tzid} on "
        f"{event.start.date().isoformat()} (the clocks go forward); read as {shown}, "
        f"{length} min as written"
    ]


def test_a_duration_from_a_start_in_the_gap_is_real_time(reader):
    (event,), said = read(vevent("dur", "20270328T023000", extra="DURATION:PT45M\r\n"))
    assert (event.start, event.end) == (
        datetime(2027, 3, 28, 3, 30, tzinfo=BERLIN),
        datetime(2027, 3, 28, 4, 15, tzinfo=BERLIN),
    )
    assert len(said) == 1 and "read as 03:30–04:15 CEST, 45 min as written" in said[0]


def test_an_end_in_the_gap_is_read_with_the_offset_before_it(reader):
    """01:30–02:30: the end is 03:30 CEST, an hour after 01:30 CET, as written; said."""
    (event,), said = read(vevent("end", "20270328T013000", "20270328T023000"))
    assert event.start.astimezone(UTC) == utc(2027, 3, 28, 0, 30)
    assert event.end.astimezone(UTC) == utc(2027, 3, 28, 1, 30)
    assert event.end.strftime("%H:%M %Z") == "03:30 CEST"
    assert said == [
        "night.ics:4: 'Call end': 02:30 does not exist in Europe/Berlin on 2027-03-28 (the "
        "clocks go forward); read as 01:30 CET–03:30 CEST, 60 min as written"
    ]


def test_the_event_index_gives_back_the_same_meeting(reader):
    events, _said = read(vevent("gap", "20270328T023000", "20270328T033000"))
    again = decode_events(encode_events(events))
    assert [(e.start.isoformat(), e.end.isoformat()) for e in again] == [
        ("2027-03-28T03:30:00+02:00", "2027-03-28T04:30:00+02:00")
    ]


def test_a_daily_series_keeps_its_hour_on_the_gap_night():
    series = vevent(
        "daily", "20270326T023000", "20270326T033000", extra="RRULE:FREQ=DAILY;COUNT=4\r\n"
    )
    events, said = read(series)
    assert [(f"{e.start:%d %H:%M}", minutes(e)) for e in events] == [
        ("26 02:30", 60), ("27 02:30", 60), ("28 03:30", 60), ("29 02:30", 60),
    ]  # fmt: skip
    assert len(said) == 1 and "on 2027-03-28" in said[0]  # the one night it concerns


def test_a_gap_night_outside_the_read_window_is_not_mentioned(reader):
    events, said = read(
        vevent("gap", "20270328T023000", "20270328T033000"),
        window=(datetime(2027, 4, 1, tzinfo=UTC), datetime(2027, 5, 1, tzinfo=UTC)),
    )
    assert events == [] and said == []


CUSTOM_ZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Mitteleuropa (eigene)\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nDTSTART:19810329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19961027T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZNAME:CET\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
)


@pytest.mark.parametrize("tzid", ["Europe/Berlin", "Mitteleuropa (eigene)"])
def test_a_zone_the_file_defines_reads_like_the_iana_name(reader, tzid):
    (event,), said = read(
        CUSTOM_ZONE + vevent("own", "20270328T023000", "20270328T033000", tzid=tzid)
    )
    assert (event.start.astimezone(UTC), event.end.astimezone(UTC)) == (
        utc(2027, 3, 28, 1, 30),
        utc(2027, 3, 28, 2, 30),
    )
    assert len(said) == 1 and "read as 03:30–04:30 CEST, 60 min as written" in said[0]


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("20270328T003000Z", "20270328T013000Z"),  # 01:30–03:00 on the wall, across the jump
        ("20270328T013000Z", "20270328T023000Z"),  # 03:30–04:30 CEST
        ("20271031T003000Z", "20271031T013000Z"),  # the first 02:30 to the second
    ],
)
def test_times_written_in_utc_around_a_change_are_instants(reader, start, end):
    (event,), said = read(vevent("utc", start, end, tzid=""))
    assert minutes(event) == 60
    assert said == []


def test_the_first_of_two_0230s_is_taken_and_said(reader):
    """RFC 5545: a repeated wall time is its first occurrence; 02:30 to 03:30 then spans the
    repeated hour, two hours: which the writer meant cannot be known, so it is said."""
    (event,), said = read(vevent("fold", "20271031T023000", "20271031T033000"))
    assert event.start.isoformat() == "2027-10-31T02:30:00+02:00"
    assert minutes(event) == 120
    assert said == [
        "night.ics:4: 'Call fold': 02:30 occurs twice in Europe/Berlin on 2027-10-31 (the "
        "clocks go back); read as the first: 02:30 CEST–03:30 CET, 120 min"
    ]


def test_the_second_0230_as_a_google_export_writes_it_is_read_exactly(reader):
    """A calendar with X-WR-TIMEZONE writes UTC, converted into its zone on reading: those are
    instants, nothing to assume and nothing said. A series whose first meeting runs from the
    first 02:30 to the second was read with no length at all (end minus start on the wall)."""
    head = HEAD + "X-WR-TIMEZONE:Europe/Berlin\r\n"
    events, said = read(
        vevent("second", "20271031T013000Z", "20271031T023000Z", tzid=""),
        vevent("series", "20271031T003000Z", "20271031T013000Z", tzid="",
               extra="RRULE:FREQ=DAILY;COUNT=2\r\n"),
        head=head,
    )  # fmt: skip
    found = {(e.uid, e.start.astimezone(UTC)): minutes(e) for e in events}
    assert found == {
        ("second", utc(2027, 10, 31, 1, 30)): 60,
        ("series", utc(2027, 10, 31, 0, 30)): 60,
        ("series", utc(2027, 11, 1, 1, 30)): 60,
    }
    assert said == []


ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham"]


@settings(max_examples=400, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    wall=st.datetimes(min_value=datetime(2027, 1, 1), max_value=datetime(2027, 12, 31)),
    length=st.integers(min_value=1, max_value=600),
)
def test_a_meeting_never_comes_out_shorter_than_nothing_or_empty(zone, wall, length):
    """Any wall start, any positive length written: the start is RFC 5545's instant, the
    meeting takes time, and it is said exactly when a time is skipped or repeated."""
    from planner.ical.wallclock import resolve

    tz = ZoneInfo(zone)
    start = wall.replace(second=0, microsecond=0, fold=0, tzinfo=tz)
    end = (start.replace(tzinfo=None) + timedelta(minutes=length)).replace(tzinfo=tz)
    begin, stop, note = resolve(start, end)
    before = tz.utcoffset(start.replace(tzinfo=None) - timedelta(hours=3))
    if is_gap(start):
        assert begin.astimezone(UTC) == (start.replace(tzinfo=None) - before).replace(tzinfo=UTC)
        assert between(begin, stop) == timedelta(minutes=length)
    else:
        assert begin == start
    assert between(begin, stop) > timedelta(0)
    odd = any(is_gap(m) or is_ambiguous(m) for m in (start, end))
    assert bool(note) == odd


@pytest.mark.parametrize(
    ("start", "written"),
    [
        # a wall time the clocks skip, as Python code may hold it: the instant is written
        (datetime(2027, 3, 28, 2, 30, tzinfo=BERLIN), "DTSTART;TZID=Europe/Berlin:20270328T033000"),
        # the second 02:30: a TZID wall time would be read as the first, so UTC
        (utc(2027, 10, 31, 1, 30).astimezone(BERLIN), "DTSTART:20271031T013000Z"),
        # the first 02:30 too: clients disagree on a repeated wall time
        (utc(2027, 10, 31, 0, 30).astimezone(BERLIN), "DTSTART:20271031T003000Z"),
        (datetime(2027, 3, 28, 10, 0, tzinfo=BERLIN), "DTSTART;TZID=Europe/Berlin:20270328T100000"),
    ],
)
def test_planner_writes_the_instant_it_means(start, written):
    from planner.ical.writing import event_to_ics
    from planner.model import Event

    end = start.astimezone(UTC) + timedelta(hours=1)
    text = event_to_ics(Event("w@planner.test", "w", start, end)).decode()
    assert written in text.splitlines()
    head, _sep, body = text.partition("BEGIN:VEVENT")
    (back,), said = read("BEGIN:VEVENT" + body.replace("END:VCALENDAR\r\n", ""), head=head)
    assert (back.start.astimezone(UTC), back.end.astimezone(UTC)) == (start.astimezone(UTC), end)
    assert said == []
