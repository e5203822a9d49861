"""The hour the clocks repeat, compared and told in real time.

Python compares two date-times of one zone on the wall clock and ignores ``fold``: on the night
Berlin goes back, 02:45 CEST "comes after" 02:15 CET (half an hour before it), and a meeting
from 02:30 CEST to 02:30 CET (an hour) "lasts no time". Whether an event falls in a window is
decided in real time (:func:`planner.ical.wallclock.within`), by the event index as by the
providers. A note about a file's own VTIMEZONE names it by its TZID and shows UTC offsets where
the zone has no abbreviations.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.ical.payload import decode_events, encode_events
from planner.ical.wallclock import add, within
from planner.model import Event
from tests.ical.test_gap_times import CUSTOM_ZONE, HEAD, vevent

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def _local(zone: ZoneInfo, *parts: int, fold: int = 0) -> datetime:
    return datetime(*parts, tzinfo=zone, fold=fold)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("zone", "day"), [(BERLIN, (2026, 10, 25, 2)), (NEW_YORK, (2026, 11, 1, 1))]
)
def test_within_reads_the_repeated_hour_in_real_time(zone, day):
    first_15 = _local(zone, *day, 15)
    first_45 = _local(zone, *day, 45)
    second_15 = _local(zone, *day, 15, fold=1)
    second_30 = _local(zone, *day, 30, fold=1)
    first_30 = _local(zone, *day, 30)
    # an event in the first of the two hours is not in a window in the second
    assert not within(first_15, first_45, second_15, second_30)
    # and an hour from the first 02:30 to the second is an hour, not an instant
    assert within(first_30, second_30, second_15, _local(zone, *day, 20, fold=1))
    assert within(first_15, first_45, first_30, second_30)


def test_the_event_index_gives_back_what_is_in_the_window_on_the_night_the_clocks_go_back():
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC).astimezone(BERLIN)  # 02:30 CEST
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC).astimezone(BERLIN)  # 02:30 CET
    events = [
        Event(uid="first@t", title="first", start=first, end=add(first, timedelta(minutes=20))),
        Event(uid="second@t", title="second", start=second, end=add(second, timedelta(minutes=20))),
    ]
    payload = encode_events(events)
    window = (
        _local(BERLIN, 2026, 10, 25, 2, 10, fold=1),
        _local(BERLIN, 2026, 10, 25, 2, 40, fold=1),
    )
    assert [e.uid for e in decode_events(payload, *window)] == ["second@t"]
    window = (_local(BERLIN, 2026, 10, 25, 2, 10), _local(BERLIN, 2026, 10, 25, 2, 40))
    assert [e.uid for e in decode_events(payload, *window)] == ["first@t"]


def _warnings(*parts: str) -> list[str]:
    from planner.ical.reader import events_from_ics

    found: list[str] = []
    events_from_ics(
        HEAD + "".join(parts) + "END:VCALENDAR\r\n",
        source="own.ics",
        tz=BERLIN,
        start=datetime(2026, 1, 1, tzinfo=UTC),
        end=datetime(2027, 1, 1, tzinfo=UTC),
        warn=found.append,
    )
    return found


def test_a_note_about_a_files_own_zone_names_it_and_its_offsets():
    fold = vevent("own@t", "Custom Central European", "20261025T020000", "20261025T030000")
    (note,) = _warnings(CUSTOM_ZONE, fold)
    assert "in Custom Central European on 2026-10-25" in note
    assert "02:00 UTC+02:00–03:00 UTC+01:00, 120 min" in note
    assert "?" not in note


def test_a_gap_note_about_a_files_own_zone_names_it():
    gap = vevent("own@t", "Custom Central European", "20260329T023000", "20260329T033000")
    (note,) = _warnings(CUSTOM_ZONE, gap)
    assert "02:30 does not exist in Custom Central European on 2026-03-29" in note
    assert "03:30–04:30 UTC+02:00" in note
