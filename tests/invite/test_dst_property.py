"""Property: in every IANA zone from 1970 to 2037, an invitation of N minutes from a local
start spans exactly N real minutes and starts at the intended instant (the start settled per
RFC 5545 §3.3.5), as read back by icalendar and by vobject (issue 14).

Bounded for CI: every zone once at one of its own offset changes (where the trouble is), and
random zones, starts and durations besides.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

import icalendar
import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.ical.wallclock import add, settle
from planner.invite.invitation import Invitation
from planner.invite.itip import build_ics
from planner.invite.zones import transitions
from planner.model import Attendee

ZONES = sorted(z for z in available_timezones() if z not in ("Factory", "localtime"))
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def check(zone: ZoneInfo, local: datetime, minutes: int, fold: int = 0) -> None:
    start, _note = settle(local.replace(tzinfo=zone), fold=fold)
    end = add(start, timedelta(minutes=minutes))
    inv = Invitation(
        title="Meeting",
        start=start,
        end=end,
        organizer=Attendee("anna@example.com"),
        attendees=(Attendee("bob@example.com"),),
    )
    data = build_ics(inv, stamp=STAMP)
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    first, last = (event[k].dt.astimezone(UTC) for k in ("DTSTART", "DTEND"))
    assert first == start.astimezone(UTC), (zone.key, local, data)
    assert last - first == timedelta(minutes=minutes), (zone.key, local, data)
    # vobject keeps the first VTIMEZONE it saw for a TZID, process-wide; a mail client reads
    # each message afresh
    vars(vobject.icalendar)["__tzidMap"].clear()
    parsed = vobject.readOne(io.StringIO(data.decode()))
    first, last = (v.value.astimezone(UTC) for v in (parsed.vevent.dtstart, parsed.vevent.dtend))
    assert first == start.astimezone(UTC), (zone.key, local, "vobject", data)
    assert last - first == timedelta(minutes=minutes), (zone.key, local, "vobject", data)


@cache
def change_of(key: str) -> datetime | None:
    """A local wall-clock time right at an offset change of zone ``key`` (1970–2037)."""
    zone = ZoneInfo(key)
    for year in (2026, 2000, 1985, 2037):
        span = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
        found = transitions(zone, *span)
        if found:
            return found[0].onset
    return None


@pytest.mark.parametrize("key", ZONES)
def test_every_zone_at_an_offset_change(key):
    onset = change_of(key)
    if onset is None:
        check(ZoneInfo(key), datetime(2026, 6, 1, 9), 60)
        return
    for delta in (timedelta(0), timedelta(minutes=15), timedelta(minutes=-30)):
        for fold in (0, 1):
            check(ZoneInfo(key), onset + delta, 90, fold)


@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))  # fmt: skip
@given(
    key=st.sampled_from(ZONES),
    local=st.datetimes(datetime(1970, 1, 2), datetime(2037, 12, 30)),
    minutes=st.integers(5, 3 * 24 * 60),
    fold=st.integers(0, 1),
)
def test_any_zone_start_and_duration(key, local, minutes, fold):
    check(ZoneInfo(key), local.replace(second=0, microsecond=0), minutes, fold)
