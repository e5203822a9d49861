"""Reading every configured calendar into one list (planner.calendar.sources): a meeting that two
calendars hold counts once, the first calendar wins, and the events come back in time order."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.calendar.listing import list_all
from planner.calendar.sources import age, context_for, open_providers, read_events
from planner.config import Config, SourceConfig, from_mapping
from planner.model import Event

TZ = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 12, 7, tzinfo=TZ)


def _event(uid: str, hour: int, title: str) -> Event:
    start = MONDAY.replace(hour=hour)
    return Event(uid=uid, title=title, start=start, end=start + timedelta(hours=1))


def _config(first: list[Event], second: list[Event]) -> Config:
    data = {"user": {"email": "me@planner.test", "timezone": "Europe/Berlin"}}
    sources = (
        SourceConfig("work", "memory", {"events": first}),
        SourceConfig("shared", "memory", {"events": second}),
    )
    return replace(from_mapping(data, "<test>"), calendars=sources)


def test_a_meeting_in_two_calendars_is_read_once_and_the_first_calendar_wins():
    config = _config(
        [_event("b", 14, "Review (work)"), _event("a", 9, "Breakfast")],
        [_event("b", 14, "Review (shared copy)"), _event("c", 11, "Call")],
    )
    providers = open_providers(config, context_for(config))
    events = read_events(providers, MONDAY, MONDAY + timedelta(days=1))
    assert [e.title for e in events] == ["Breakfast", "Call", "Review (work)"]


def test_the_listing_names_every_configured_calendar():
    config = _config([_event("a", 9, "Breakfast")], [])
    rows = list_all(config, context_for(config))
    assert [name for name, _found in rows] == ["work", "shared"]
    assert all(isinstance(found, list) for _name, found in rows)


def test_ages_are_said_in_the_largest_whole_unit():
    assert age(timedelta(minutes=5)) != age(timedelta(hours=3))
    assert "5" in age(timedelta(minutes=5))
    assert "3" in age(timedelta(hours=3))
    assert "2" in age(timedelta(days=2, hours=1))
