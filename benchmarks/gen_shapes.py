"""Calendars of unusual and hostile shapes for ``bench_scale.py``, relative to a week's Monday.

- :func:`daily_series`: ``count`` daily series without end, begun 400 days before, each with
  an external counterpart (in organisations of 50 people) at an address;
- :func:`busy_week`: ``count`` single meetings in the week (an organizer, one attendee from
  3,000 people in 200 organisations, a video link in every third);
- :func:`many_rules`: VEVENTs with a weekly and a minutely RRULE begun 20 days before (the
  minutely one alone has more than 100,000 occurrences in a read window);
- :func:`rules_and_dates`: one VEVENT with three RRULEs (minutely, hourly, daily) and 20,000
  RDATEs;
- :func:`huge_event`: one VEVENT of about ``megabytes`` MB: 500 attendees, each with a name of
  ``megabytes * 2,000`` characters (folded at 75 octets).
"""

from __future__ import annotations

from datetime import date, timedelta

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//planner benchmarks//shapes//EN\r\n"
TAIL = "END:VCALENDAR\r\n"
ME = "me@mycorp.example"


def _fold(line: str) -> str:
    parts = [line[:75]] + [" " + line[i : i + 74] for i in range(75, len(line), 74)]
    return "\r\n".join(parts) + "\r\n"


def _meeting(uid: str, day: date, minute: int, extra: str, person: int, organisation: int) -> str:
    """A half-hour meeting of the user's with one external person (``extra``: more lines)."""
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}@shapes\r\nDTSTAMP:20250101T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:{day:%Y%m%d}T{8 + minute // 60 % 10:02}{minute % 60:02}00\r\n"
        f"DURATION:PT30M\r\n{extra}ORGANIZER;CN=Me:mailto:{ME}\r\n"
        f"ATTENDEE;CN=Person {person};PARTSTAT=ACCEPTED:"
        f"mailto:p{person}@org{organisation}.example\r\nEND:VEVENT\r\n"
    )


def daily_series(monday: date, count: int) -> bytes:
    first = monday - timedelta(days=400)
    events = [
        _meeting(
            f"series-{n}",
            first,
            60 * n + n % 60,
            f"RRULE:FREQ=DAILY\r\nSUMMARY:Daily check-in {n}\r\n"
            f"LOCATION:Leopoldstraße {1 + n % 120}\\, 80802 München\r\n",
            n,
            n // 50,
        )
        for n in range(count)
    ]
    return (HEAD + "".join(events) + TAIL).encode()


def busy_week(monday: date, count: int) -> bytes:
    events = []
    for n in range(count):
        link = f"LOCATION:https://zoom.us/j/{10**9 + n}\r\n" if n % 3 == 0 else ""
        day = monday + timedelta(days=n % 5)
        extra = f"SUMMARY:Meeting {n}\r\n{link}"
        events.append(_meeting(f"busy-{n}", day, 60 * (n // 5) + n % 60, extra, n % 3000, n % 200))
    return (HEAD + "".join(events) + TAIL).encode()


def many_rules(monday: date, count: int) -> bytes:
    first = monday - timedelta(days=20)
    events = [
        "BEGIN:VEVENT\r\n"
        f"UID:rules-{n}@shapes\r\nDTSTAMP:20250101T000000Z\r\n"
        f"DTSTART:{first:%Y%m%d}T090000Z\r\nDTEND:{first:%Y%m%d}T100000Z\r\n"
        "RRULE:FREQ=WEEKLY\r\nRRULE:FREQ=MINUTELY\r\n"
        f"SUMMARY:Two rules {n}\r\nEND:VEVENT\r\n"
        for n in range(count)
    ]
    return (HEAD + "".join(events) + TAIL).encode()


def rules_and_dates(monday: date, dates: int = 20_000) -> bytes:
    first = monday - timedelta(days=20)
    rdates = ",".join(f"{first + timedelta(hours=n):%Y%m%dT%H}3000Z" for n in range(dates))
    event = (
        "BEGIN:VEVENT\r\nUID:rules-and-dates@shapes\r\nDTSTAMP:20250101T000000Z\r\n"
        f"DTSTART:{first:%Y%m%d}T090000Z\r\nDTEND:{first:%Y%m%d}T091500Z\r\n"
        "RRULE:FREQ=MINUTELY;INTERVAL=5\r\nRRULE:FREQ=HOURLY\r\nRRULE:FREQ=DAILY\r\n"
        + _fold(f"RDATE:{rdates}")
        + "SUMMARY:Rules and dates\r\nEND:VEVENT\r\n"
    )
    return (HEAD + event + TAIL).encode()


def huge_event(monday: date, megabytes: int = 50, attendees: int = 500) -> bytes:
    name = "N" * (megabytes * 1_000_000 // attendees - 80)
    people = "".join(
        _fold(f"ATTENDEE;CN={name}{n};PARTSTAT=ACCEPTED:mailto:a{n}@big.example")
        for n in range(attendees)
    )
    event = (
        "BEGIN:VEVENT\r\nUID:huge@shapes\r\nDTSTAMP:20250101T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:{monday + timedelta(days=1):%Y%m%d}T100000\r\n"
        f"DURATION:PT1H\r\nSUMMARY:All hands\r\nORGANIZER;CN=Me:mailto:{ME}\r\n"
        + people
        + "END:VEVENT\r\n"
    )
    return (HEAD + event + TAIL).encode()
