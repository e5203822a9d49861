"""Occurrences agree with recurring-ical-events on every real fixture it can read (issue 14).

Deliberate differences, documented in README ("Connecting calendars"):
- cancelled occurrences and events (STATUS:CANCELLED) are left out;
- a Windows TZID ("New Zealand Standard Time") is read as its IANA zone even when the file's
  own VTIMEZONE disagrees (Outlook exports carry wrong rules; khal__tz_windows_format.ics);
- a series keeps at most ``max_occurrences`` occurrences in the read window (off here).
Declined and transparent events are read like any other (and judged later), so they agree.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from planner.ical.parsing import forget_custom_zones
from planner.ical.reader import events_from_ics
from tests.ical.fuzzing import REAL

BERLIN = ZoneInfo("Europe/Berlin")
WINDOW = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2030, 1, 1, tzinfo=UTC))
FILES = sorted(REAL.glob("*.ics")) if REAL.is_dir() else []
WINDOWS_TZID_PREFERRED = {"khal__tz_windows_format.ics"}


def _instant(value):
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=BERLIN)).astimezone(UTC)
    return datetime.combine(value, time(), BERLIN).astimezone(UTC)


def theirs(data: bytes) -> set | None:
    forget_custom_zones()  # as planner does for each file: the file's own VTIMEZONEs count
    try:
        cal = icalendar.Calendar.from_ical(data)
        return {
            (str(c["UID"]), _instant(c["DTSTART"].dt))
            for c in recurring_ical_events.of(cal).between(*WINDOW)
            if c.name == "VEVENT" and str(c.get("STATUS", "")).upper() != "CANCELLED"
        }
    except Exception:  # files recurring-ical-events cannot read are not compared
        return None


@pytest.mark.skipif(not FILES, reason="real-world fixtures not found")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_occurrences_agree_with_recurring_ical_events(path):
    data = path.read_bytes()
    expected = theirs(data)
    if expected is None:
        pytest.skip("recurring-ical-events cannot read this file")
    events = events_from_ics(
        data, source=path.name, tz=BERLIN, start=WINDOW[0], end=WINDOW[1],
        warn=lambda message: None, max_occurrences=10**6,
    )  # fmt: skip
    ours = {(e.uid, e.start.astimezone(UTC)) for e in events}
    if path.name in WINDOWS_TZID_PREFERRED:
        assert {uid for uid, _ in ours} == {uid for uid, _ in expected}
        assert len(ours) == len(expected)
    else:
        assert ours == expected
