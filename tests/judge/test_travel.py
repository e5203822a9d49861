"""Travel items and blockers on the real exports: no meetings, no balance, but the user's
whereabouts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from planner.flows.weekly import build_plan
from planner.ical.reader import events_from_ics
from planner.judge.mode import classify
from planner.judge.relations import Ledger
from planner.judge.travel import destination, is_travel, whereabouts
from planner.model import Event, Mode
from planner.store import Store
from tests.data.judged_events import ME_EMAIL, OWN, OWN_DOMAIN, TZ
from tests.judge.test_relations import config_for

REAL_DIR = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "real" / "ics"


def read(name: str, start: datetime, end: datetime) -> list[Event]:
    path = REAL_DIR / name
    if not path.exists():
        pytest.skip(f"real export {path} not found")
    return events_from_ics(path.read_bytes(), source=name, tz=TZ, start=start, end=end)


def config():
    return config_for(user={"email": ME_EMAIL, "domains": [OWN_DOMAIN]})


def test_the_tv_room_export_counts_no_blocker_in_the_balance():
    events = read(
        "Radicale__event_issue1812.ics",
        datetime(2023, 12, 1, tzinfo=UTC),
        datetime(2024, 2, 1, tzinfo=UTC),
    )
    assert len(events) > 20 and all(e.title == "TV Room" for e in events)
    cfg = config()
    plan = build_plan(
        events,
        cfg,
        date(2024, 1, 8),
        now=datetime(2024, 1, 8, 8, tzinfo=TZ),
        ledger=Ledger.open(Store(":memory:"), cfg),
    )
    assert plan.items, "the week has TV Room evenings"
    assert not any(item.meeting for item in plan.items)
    assert plan.stats.meetings == 0 and plan.stats.minutes == 0
    assert plan.balance is not None and plan.balance.external_minutes == 0
    assert all(share is None for _monday, share in plan.balance.trend)


def test_the_tripit_export_is_travel_and_tells_where_the_user_is():
    events = read(
        "node-ical__tripit-location-escaping.ics",
        datetime(2011, 10, 1, tzinfo=UTC),
        datetime(2012, 2, 1, tzinfo=UTC),
    )
    assert len(events) >= 40
    modes = {classify(e).mode for e in events}
    assert modes == {Mode.TRAVEL}
    where = whereabouts(events, TZ)
    assert where[date(2011, 10, 12)][0] == "South San Francisco, CA"
    assert where[date(2011, 10, 25)][0] == "Santa Barbara, CA"
    assert where[date(2011, 11, 9)][0] == "Redwood City, CA"
    city, geo, evidence = where[date(2011, 10, 11)]
    assert city == "South San Francisco, CA" and geo is not None and "trip" in evidence
    assert date(2011, 10, 20) not in where  # at home between trips
    cfg = config()
    plan = build_plan(
        events,
        cfg,
        date(2011, 10, 10),
        now=datetime(2011, 10, 1, tzinfo=TZ),
        ledger=Ledger.open(Store(":memory:"), cfg),
    )
    assert plan.items and plan.stats.meetings == 0
    assert plan.balance is not None and plan.balance.external_minutes == 0


@pytest.mark.parametrize(
    ("title", "location", "city"),
    [
        ("Flug LH 2034 München → Hamburg", "Flughafen München (MUC)", "Hamburg"),
        ("ICE 597 München → Hamburg", "München Hbf", "Hamburg"),
        ("Train to Berlin (ICE 1004)", "Munich Central Station", "Berlin"),
        ("Check-in: Motel One Hamburg-Alster", "Steindamm 17, 20099 Hamburg", "Hamburg"),
        (
            "Hotel check-in",
            "25hours Hotel Bikini Berlin, Budapester Str. 40, 10787 Berlin",
            "Berlin",
        ),
        ("Check-out: Motel One Hamburg-Alster", "Steindamm 17, 20099 Hamburg", ""),
        (
            "Directions from HAM to Motel One Hamburg-Alster",
            "Steindamm 17, 20099 Hamburg",
            "Hamburg",
        ),
        ("Trip to Lisbon (Web Summit)", "Lisbon, Portugal", "Lisbon"),
    ],
)
def test_destination_of_german_and_english_bookings(title, location, city):
    event = next(e for e, *_labels in OWN if e.title == title and e.location == location)
    assert is_travel(event)
    assert destination(event) == city


def test_a_hotel_stay_covers_its_nights_and_a_flight_its_day_of_arrival():
    stays = [e for e, *_l in OWN if e.title.startswith(("Übernachtung", "Flug LH 2034"))]
    where = whereabouts(stays, TZ)
    assert where[date(2026, 12, 8)][0] == "Hamburg"


@pytest.mark.parametrize(
    "title",
    ["Lunch mit Dr. Weber", "Hotel lobby: coffee with Anna", "Kundenbesuch Müller GmbH", "Blocker"],
)
def test_meetings_and_blockers_are_no_travel(title):
    from tests.data.judged_events import ev

    assert not is_travel(ev(title))


def test_stays_give_the_hours_in_the_other_city_and_skip_the_way_home():
    from planner.judge.travel import stays
    from tests.data.judged_events import ev

    def at(day: int, hour: int) -> datetime:
        return datetime(2026, 12, day, hour, tzinfo=TZ)

    items = [
        ev("Flug LH 2034 München → Hamburg", start=at(8, 7), hours=1.25),
        ev("Check-in: Motel One Hamburg-Alster", "Steindamm 17, 20099 Hamburg", start=at(8, 19)),
        ev("Check-out: Motel One Hamburg-Alster", "Steindamm 17, 20099 Hamburg", start=at(10, 8)),
        ev("Flug LH 2035 Hamburg → München", start=at(10, 9), hours=1.25),
        ev("Lunch mit Dr. Weber", start=at(9, 12)),  # no travel item
    ]
    found = stays(items, home="Leopoldstr. 1, 80802 München")
    assert [(s.city, s.start, s.end) for s in found] == [
        ("Hamburg", at(8, 8) + (at(8, 9) - at(8, 8)) / 4, at(8, 19)),
        ("Hamburg", at(8, 19), at(10, 8)),
    ]
    where = whereabouts(items, TZ, home="Leopoldstr. 1, 80802 München")
    assert {d: c for d, (c, _g, _e) in where.items()} == {
        date(2026, 12, 8): "Hamburg",
        date(2026, 12, 9): "Hamburg",
        date(2026, 12, 10): "Hamburg",
    }
