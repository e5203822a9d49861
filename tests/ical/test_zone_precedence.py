"""A file's own VTIMEZONE definitions win over guesses from a TZID's spelling; exact IANA and
Windows names stay as documented (planner/ical/parsing.py).

Regression (issue 28): a real Google export defines both ``Europe/Lisbon`` and ``Europe/lisbon``
with different rules; the 46 events in ``Europe/lisbon`` were read an hour off because the
lower-case name was resolved to Europe/Lisbon before the file's own definition was looked at.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.ical.test_hostile import calendar, event, read


def vtimezone(tzid: str, standard: str, daylight: str | None = None) -> str:
    """A VTIMEZONE with EU rules (last Sunday of March and October) and the given offsets."""
    parts = [
        f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n",
        f"BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:{daylight or standard}\r\n"
        f"TZOFFSETTO:{standard}\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n",
    ]
    if daylight:
        parts.append(
            f"BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nTZOFFSETFROM:{standard}\r\n"
            f"TZOFFSETTO:{daylight}\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
        )
    return "".join(parts) + "END:VTIMEZONE\r\n"


LISBON = vtimezone("Europe/Lisbon", "+0000", "+0100")
LISBON_LOWER = vtimezone("Europe/lisbon", "+0100", "+0200")  # other rules under another TZID


def utc_starts(text: str) -> dict[str, datetime]:
    events, _warnings = read(text)
    return {e.uid: e.start.astimezone(UTC) for e in events}


def test_google_export_with_lisbon_in_two_spellings():
    text = calendar(
        LISBON,
        LISBON_LOWER,
        *(event(f"upper{d}", "Europe/Lisbon", day=f"202601{d}") for d in (12, 13)),
        *(event(f"lower{d}", "Europe/lisbon", day=f"202601{d}") for d in (12, 13)),
        event("summer", "Europe/lisbon"),  # 10 June: the file's DAYLIGHT +0200
    )
    starts = utc_starts(text)
    assert (
        starts["upper12"]
        == starts["upper13"].replace(day=12)
        == datetime(2026, 1, 12, 10, tzinfo=UTC)
    )
    assert starts["lower12"] == datetime(2026, 1, 12, 9, tzinfo=UTC)  # +01:00, as the file says
    assert starts["lower13"] == datetime(2026, 1, 13, 9, tzinfo=UTC)
    assert starts["summer"] == datetime(2026, 6, 10, 8, tzinfo=UTC)


def test_without_its_own_definition_a_spelling_is_still_resolved():
    starts = utc_starts(calendar(LISBON, event("lower", "Europe/lisbon", day="20260112")))
    assert starts["lower"] == datetime(2026, 1, 12, 10, tzinfo=UTC)  # Europe/Lisbon


@pytest.mark.parametrize(
    ("tzid", "expected_hour"),
    [
        ("W. EUROPE STANDARD TIME", 7),  # a case variant of a Windows name: the file's +0300
        ("/mozilla.org/20050126_1/Europe/Berlin", 7),  # a vendor prefix: the file's +0300
        ("europe/berlin", 7),
        ('"UTC+01:00"', 7),  # looks like an offset, but the file defines it
    ],
)
def test_the_files_definition_wins_over_every_guess(tzid, expected_hour):
    text = calendar(vtimezone(tzid.strip('"'), "+0300"), event("a", tzid, day="20260112"))
    assert utc_starts(text)["a"] == datetime(2026, 1, 12, expected_hour, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tzid", "expected_hour"),
    [
        ("W. Europe Standard Time", 9),  # exact Windows name: the CLDR table wins (Berlin)
        ("Europe/Berlin", 9),  # exact IANA name: tzdata wins
    ],
)
def test_exact_iana_and_windows_names_win_over_a_wrong_definition(tzid, expected_hour):
    text = calendar(vtimezone(tzid, "+0300"), event("a", tzid, day="20260112"))
    assert utc_starts(text)["a"] == datetime(2026, 1, 12, expected_hour, tzinfo=UTC)
