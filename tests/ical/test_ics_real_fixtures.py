"""Real-world calendar files from other projects (../shared/fixtures/real/ics, see SOURCES.md).

Every file must load; for several, concrete facts are checked. Skipped where the folder is absent.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.ical.reader import events_from_ics
from planner.model import Status
from tests.locations import ROOT

REAL = ROOT.parent / "shared" / "fixtures" / "real" / "ics"
FILES = sorted(REAL.glob("*.ics")) if REAL.is_dir() else []
BERLIN = ZoneInfo("Europe/Berlin")

pytestmark = pytest.mark.skipif(
    not FILES, reason=f"real-world fixtures not found in {REAL} (shared/ is beside the repo in CI)"
)


def load(name, *, start=datetime(1990, 1, 1, tzinfo=UTC), end=datetime(2040, 1, 1, tzinfo=UTC)):
    warnings: list[str] = []
    events = events_from_ics(
        (REAL / name).read_bytes(),
        source=name,
        tz=BERLIN,
        start=start,
        end=end,
        calendar="real",
        warn=warnings.append,
    )
    return events, warnings


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_real_file_loads_over_a_wide_window(path):
    events, warnings = load(path.name)
    assert all(e.start.tzinfo is not None and e.end >= e.start for e in events)
    assert [e.start for e in events] == sorted(e.start for e in events)
    assert all(w.startswith(path.name) for w in warnings)


def test_radicale_2151_moved_override_occurs_at_its_moved_time_in_berlin():
    events, warnings = load("Radicale__event_issue2151.ics")
    starts = [e.start for e in events]
    assert datetime(2026, 1, 30, 10, 30, tzinfo=BERLIN) in starts
    assert datetime(2026, 1, 30, 11, tzinfo=BERLIN) not in starts
    assert datetime(2026, 1, 23, 11, tzinfo=BERLIN) in starts
    assert date(2026, 4, 3) not in {s.date() for s in starts}  # EXDATE without TZID
    assert all(e.series_id == e.uid for e in events) and warnings == []
    assert events[0].start.tzinfo == ZoneInfo("Europe/Berlin")  # "W. Europe Standard Time"
    assert events[0].hint("X-MICROSOFT-SKYPETEAMSMEETINGURL") == "REDACTED"
    assert '"OnlineMeetingProvider":3' in events[0].hint("X-MICROSOFT-ONLINEMEETINGINFORMATION")


def test_khal_windows_zone_name_wins_over_its_wrong_vtimezone():
    (event,), _ = load("khal__tz_windows_format.ics")
    assert event.start.tzinfo == ZoneInfo("Pacific/Auckland")
    assert event.start == datetime(2019, 11, 20, 13, tzinfo=ZoneInfo("Pacific/Auckland"))


def test_node_ical_ms_timezones_map_and_the_broken_quoted_tzid_warns():
    events, warnings = load("node-ical__ms_timezones.ics")
    zones = {getattr(e.start.tzinfo, "key", None) for e in events}
    assert {"Europe/Berlin", "America/Los_Angeles"} <= zones
    assert len(warnings) == 1 and warnings[0].startswith("node-ical__ms_timezones.ics:145:")
    assert "W. Europe Standard Time:20200609T090000" in warnings[0]
    assert datetime(2020, 6, 9, 9, tzinfo=BERLIN) in {e.start for e in events}


def test_office_2012_legacy_display_name_zones():
    events, _ = load("node-ical__Office-2012-owa.ics")
    by_title = {e.title.strip(): e for e in events}
    assert by_title["TEST Syd"].start == datetime(
        2020, 10, 28, 13, 30, tzinfo=ZoneInfo("Australia/Sydney")
    )
    assert by_title["TEST"].start == datetime(
        2020, 10, 28, 13, 30, tzinfo=ZoneInfo("America/New_York")
    )


def test_cdo_rrule_with_spaces_is_repaired_and_custom_vtimezone_used():
    events, warnings = load("icalendar__issue_165_missing_event.ics")
    assert len(warnings) == 1 and "RRULE" in warnings[0]
    assert events[0].start == datetime(2015, 7, 3, 8, tzinfo=UTC)  # 10:00 at GMT+2 in July
    assert all(e.start.weekday() < 5 for e in events)
    assert events[-1].start.date() == date(2015, 7, 22) and len(events) == 14  # UNTIL inclusive
    assert len({e.uid for e in events}) == 1 and events[0].uid.endswith("@planner.derived")


def test_non_ascii_tzid_with_trailing_space_uses_its_vtimezone():
    (event,), warnings = load("Radicale__event_issue2172.ics")
    assert event.start.utcoffset() == timedelta(hours=2) and warnings == []
    assert event.location == "Stadtwerkstatt"


def test_malformed_alarm_does_not_hide_the_events():
    events, _ = load("khal__non_dst_error.ics")
    assert [e.start for e in events] == [
        datetime(2023, 2, 3, 15, 15, tzinfo=ZoneInfo("Europe/Brussels")),
        datetime(2023, 2, 6, 9, 50, tzinfo=ZoneInfo("Europe/Brussels")),
    ]


def test_cancelled_override_and_cancel_method_are_dropped():
    events, _ = load("python-recurring-ical-events__issue_18_cancel_status.ics")
    assert len(events) == 2
    assert load("nylas-sync-engine__google_cancelled2.ics")[0] == []


def test_apple_statuses():
    events, _ = load("node-ical__tentative-apple-calendar.ics")
    assert {e.title: e.status for e in events} == {
        "Tentative": Status.TENTATIVE,
        "Confirmed": Status.CONFIRMED,
        "No Status": Status.CONFIRMED,
    }


def test_apple_structured_location_gives_geo():
    events, _ = load("icalendar__x_location.ics", end=datetime(2016, 11, 1, tzinfo=UTC))
    assert events and events[0].geo is not None
    assert round(events[0].geo.lat, 3) == 52.383 and round(events[0].geo.lon, 3) == 7.528


def test_google_series_stays_at_local_time_across_dst():
    events, _ = load("python-recurring-ical-events__issue_48_daylight_aware_repeats.ics")
    lisbon = ZoneInfo("Europe/Lisbon")
    hours = {e.start.astimezone(lisbon).hour for e in events}
    assert len(hours) == 1


def test_all_day_moved_override_from_exchange():
    events, _ = load("node-ical__exchange_whole_day_moved_recurrence.ics")
    assert all(e.all_day and e.end - e.start == timedelta(days=1) for e in events)


def test_rfc_7986_event_without_dtstart_is_skipped_with_a_warning():
    events, warnings = load("icalendar__rfc_7986_conferences.ics")
    assert events == [] and len(warnings) == 1 and "DTSTART" in warnings[0]
