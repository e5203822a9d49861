"""Outlook on the nights the clocks change: Graph gives a time as a wall time in the zone the
``Prefer: outlook.timezone`` header asks for, without its offset, so a time in the hour the
clocks repeat could be either. The provider asks for UTC, which names one instant, and shows
every time in the user's zone; getSchedule's availability view counts real time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.model import Event, Interval
from providers.graph_events import to_event
from tests.providers.contract import ANNA
from tests.providers.test_provider_outlook import busy_item, server, signed_in  # noqa: F401

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def _instants(item: Event | Interval) -> tuple[datetime, datetime]:
    """In UTC: Python never finds a time in the repeated hour equal to one in another zone."""
    return item.start.astimezone(UTC), item.end.astimezone(UTC)


def _busy(result: dict[str, list[Interval]]) -> list[tuple[datetime, datetime]]:
    return [_instants(interval) for interval in result[ANNA]]


@pytest.mark.parametrize("delta", [True, False])
@pytest.mark.parametrize("style", ["iana", "windows"])
def test_the_two_half_past_two_on_the_night_berlin_goes_back_stay_apart(server, delta, style):  # noqa: F811
    """02:30 CEST and 02:30 CET on 25 Oct 2026 are an hour apart; the one in the repeated
    hour that ends at 02:00 CET (03:00 wall on a first reading) keeps its half hour."""
    server.zone_style = style
    first, second = _utc(2026, 10, 25, 0, 30), _utc(2026, 10, 25, 1, 30)
    server.seed(
        [
            Event(uid="first@t", title="Erster", start=first, end=first + timedelta(minutes=30)),
            Event(uid="second@t", title="Zweiter", start=second, end=second + timedelta(hours=1)),
        ]
    )
    warnings: list[str] = []
    provider = signed_in(server, warnings=warnings, delta=delta)
    found = {
        e.uid: e for e in provider.events(datetime(2026, 10, 24, tzinfo=BERLIN), _utc(2026, 10, 26))
    }
    assert _instants(found["first@t"]) == (first, first + timedelta(minutes=30))
    assert _instants(found["second@t"]) == (second, second + timedelta(hours=1))
    assert found["second@t"].start.astimezone(BERLIN).tzname() == "CET"
    assert found["second@t"].start.tzinfo == BERLIN  # shown in the user's zone
    assert warnings == []  # nothing to guess, nothing to say
    prefer = {r.headers["prefer"] for r in server.log if r.path.startswith("/v1.0/me/calendars/")}
    assert prefer == {'outlook.timezone="UTC"'}


def test_an_answer_in_a_named_zone_is_still_read_and_shown_in_the_users_zone():
    item = {
        "id": "AAMk1",
        "subject": "Call",
        "start": {"dateTime": "2026-11-01T01:30:00.0000000", "timeZone": "Eastern Standard Time"},
        "end": {"dateTime": "2026-11-01T03:00:00.0000000", "timeZone": "Eastern Standard Time"},
    }
    event = to_event(item, BERLIN, calendar="work")
    assert event is not None and event.start.tzinfo == BERLIN
    # the first 01:30 (EDT), RFC 5545's choice
    assert _instants(event) == (_utc(2026, 11, 1, 5, 30), _utc(2026, 11, 1, 8, 0))


@pytest.mark.parametrize(
    ("zone", "day", "busy_local", "busy_utc"),
    [
        (BERLIN, 25, (9, 10), (_utc(2026, 10, 25, 8), _utc(2026, 10, 25, 9))),  # after CEST→CET
        (NEW_YORK, 1, (9, 10), (_utc(2026, 11, 1, 14), _utc(2026, 11, 1, 15))),  # EDT→EST
    ],
)
def test_availability_view_counts_real_time_across_the_change(
    server,  # noqa: F811
    zone,
    day,
    busy_local,
    busy_utc,
):
    """The view's digits are intervals of real time from ``startTime``: on the day the clocks go
    back, 09:00–10:00 is the 20th and 21st half hour after midnight, not the 18th and 19th."""
    server.schedule_items = False
    month = 10 if zone is BERLIN else 11
    start = datetime(2026, month, day, tzinfo=zone)
    busy = [datetime(2026, month, day, hour, tzinfo=zone) for hour in busy_local]
    server.schedules[ANNA] = [busy_item("busy", *busy)]
    provider = signed_in(server)
    result = provider.free_busy([ANNA], start, start.replace(hour=12))
    assert _busy(result) == [busy_utc]


def test_schedule_items_in_the_repeated_hour_are_the_right_one(server):  # noqa: F811
    second = _utc(2026, 10, 25, 1, 30)  # 02:30 CET
    server.schedules[ANNA] = [busy_item("busy", second, second + timedelta(minutes=30))]
    provider = signed_in(server)
    start = datetime(2026, 10, 25, tzinfo=BERLIN)
    result = provider.free_busy([ANNA], start, start.replace(hour=12))
    assert _busy(result) == [(second, second + timedelta(minutes=30))]
