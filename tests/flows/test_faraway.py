"""Counterparts who live elsewhere: the acceptance scenarios of issue 16, end to end through
``planner.flows.propose.propose_for`` with a calendar in memory and a local fake Overpass and
Nominatim (tests/fakes/osm_server.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import default_config
from planner.config.schema import SourceConfig
from planner.flows.propose import propose_for
from planner.meet.geo import distance_km, lookup_city
from planner.meet.travel_time import THEIRS
from planner.model import Attendee, Event, Purpose
from planner.store import Store
from tests.fakes.osm_server import FakeOsmServer

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 7, 8, 0, tzinfo=TZ)  # Monday of 2026-W50
WEEK = date(2026, 12, 7)
ME = Attendee("me@mycorp.example", "Me")
LENA = "lena.hansen@hafenlogistik.example"
MUNICH = lookup_city("München")
HAMBURG = lookup_city("Hamburg")


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def _event(uid: str, start: datetime, minutes: int, title: str, where: str, *people: str) -> Event:
    return Event(
        uid=uid,
        title=title,
        start=start,
        end=start + timedelta(minutes=minutes),
        location=where,
        organizer=ME,
        attendees=(ME, *(Attendee(p) for p in people)),
    )


HISTORY = [
    # the only trace of where Lena is: her colleague was met at their office in Hamburg
    _event(
        "past@test",
        _at(date(2026, 10, 14), 14),
        90,
        "Kick-off Hafenlogistik",
        "Hafenlogistik GmbH, Am Sandtorkai 50, 20457 Hamburg",
        "jan.peters@hafenlogistik.example",
    ),
]
TRIP = _event(
    "trip@test",
    _at(date(2026, 12, 9), 10),
    90,
    "Workshop Nordwind",
    "Nordwind AG, Großer Burstah 31, 20457 Hamburg",
    "kai@nordwind.example",
)


# Munich–Hamburg is three hours each way from any point between them: beyond the day trip a
# professional takes by default ([travel] longest_journey_minutes); these tests raise the limit
FAR_REACH = {"longest_journey_minutes": 240}


def _config(osm: FakeOsmServer, events: list[Event], *, online: bool = True, travel=None):
    config = default_config(
        user={"email": ME.email, "home": "München", "timezone": "Europe/Berlin"},
        travel=travel or {},
        geo={
            "online": online,
            "user_agent": "planner-tests/0.1",
            "overpass_url": osm.overpass_url,
            "nominatim_url": osm.nominatim_url,
        },
    )
    return replace(config, calendars=(SourceConfig("work", "memory", {"events": events}),))


@pytest.fixture
def osm():
    with FakeOsmServer(("hamburg", "fulda", "münchen")) as fake:
        yield fake


def _propose(osm, events, store, **kwargs):
    return propose_for(
        _config(osm, events, **kwargs),
        store,
        LENA,
        now=NOW,
        first_day=WEEK,
        count=3,
        purpose=Purpose.FIRST_CONTACT,  # flagged as a first contact
    )


def test_counterpart_in_hamburg_is_met_on_the_users_hamburg_trip(osm, tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    result = _propose(osm, [*HISTORY, TRIP], store)
    assert result.purpose is Purpose.FIRST_CONTACT
    assert result.proposals, result.notes
    first = result.proposals[0]
    assert first.start.astimezone(TZ).date() == date(2026, 12, 9)
    assert distance_km(first.venue.geo, HAMBURG.geo) < 10
    assert any("Hamburg that day anyway" in r for r in first.reasons)
    for proposal in result.proposals:
        assert distance_km(proposal.venue.geo, MUNICH.geo) > 100  # never a Munich café
    fetched = osm.count("/api/interpreter")
    assert fetched >= 1
    again = _propose(osm, [*HISTORY, TRIP], store)
    assert [p.venue.name for p in again.proposals] == [p.venue.name for p in result.proposals]
    assert osm.count("/api/interpreter") == fetched  # the second run makes no request


def test_without_a_trip_they_meet_at_a_fair_point_in_between(osm, tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    result = _propose(osm, HISTORY, store, travel=FAR_REACH)
    assert result.proposals, result.notes
    for proposal in result.proposals:
        # three hours each way: a lunch (90 min, up to 2.5 × its length), never a coffee
        assert proposal.kind.value == "lunch", proposal
        venue = proposal.venue
        mine = THEIRS.minutes(MUNICH.geo, venue.geo)  # the default mode: transit
        theirs = THEIRS.minutes(HAMBURG.geo, venue.geo)
        assert abs(mine - theirs) < max(mine, theirs) / 3, (venue.name, mine, theirs)
        assert (
            distance_km(venue.geo, MUNICH.geo) > 100 and distance_km(venue.geo, HAMBURG.geo) > 100
        )
        assert venue.kind.value in (
            "station_lounge",
            "airport_lounge",
            "hotel_lounge",
            "restaurant",
        )
        assert any("Fair meeting point" in r and "estimated" in r for r in proposal.reasons)
        # a day trip: there and back within the working day (09:00-18:00), no 7:45 breakfast
        start, end = proposal.start.astimezone(TZ), proposal.end.astimezone(TZ)
        journey = timedelta(minutes=proposal.travel_minutes[0])
        assert start - journey >= start.replace(hour=9, minute=0), proposal
        assert end + journey <= end.replace(hour=18, minute=0), proposal


def test_offline_without_venues_proposes_the_meeting_point_area(osm, tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    result = _propose(osm, HISTORY, store, online=False, travel=FAR_REACH)
    # the fair meeting point on the way, without a venue known there: the area, and how to get
    # venues there
    assert result.proposals and {p.venue.source for p in result.proposals} == {"area"}
    point = result.proposals[0].venue.name
    assert point in ("Erfurt Hbf", "Fulda", "Leipzig Hbf")
    for proposal in result.proposals:
        assert any("Fair meeting point" in r for r in proposal.reasons)
        assert any(f'planner venues fetch --near "{point}"' in r for r in proposal.reasons)
    assert osm.requests == []


def test_by_default_no_point_three_hours_away_but_what_to_do_instead(osm, tmp_path):
    """Munich–Hamburg: Erfurt or Fulda take three hours each way, out of proportion to a
    first meeting; no proposal, and the note says what to do (issue: Düsseldorf for a coffee
    with someone from London)."""
    result = _propose(osm, HISTORY, Store(tmp_path / "state.sqlite3"), online=False)
    assert result.proposals == []
    (note,) = [n for n in result.notes if "fair meeting point" in n]
    assert "within 120 min" in note and "Hamburg" in note
    assert "planner trips" in note and "keep it a call" not in note  # no call: in person
    assert "[travel] longest_journey_minutes" in note


def test_offline_trip_day_without_venues_names_the_fetch_command(osm, tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    result = _propose(osm, [*HISTORY, TRIP], store, online=False)
    # no venue known there: the trip day is still proposed, in the area, with the way to venues
    proposal = result.proposals[0]
    assert proposal.start.date() == date(2026, 12, 9)
    assert (proposal.venue.name, proposal.venue.source) == ("Hamburg", "area")
    assert any("planner venues fetch --near Hamburg" in r for r in proposal.reasons)
    assert osm.requests == []


def test_unknown_city_gets_proposals_near_the_user_with_that_reason(osm, tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    result = propose_for(
        _config(osm, [], online=False),
        store,
        "someone@unknown-place.example",
        now=NOW,
        first_day=WEEK,
    )
    assert result.proposals
    for proposal in result.proposals:
        assert distance_km(proposal.venue.geo, MUNICH.geo) < 15
        assert any("city is unknown" in r for r in proposal.reasons)


def test_contacts_show_the_city_with_its_evidence(osm, tmp_path):
    import json

    from planner.flows.session import contacts_report
    from planner.render.contacts import contacts_json, contacts_table

    store = Store(tmp_path / "state.sqlite3")
    rows = contacts_report(_config(osm, HISTORY, online=False), store, now=NOW)
    jan = next(r for r in rows if r.email == "jan.peters@hafenlogistik.example")
    assert jan.city == "Hamburg"
    data = json.loads(contacts_json(rows))["contacts"]
    entry = next(c for c in data if c["email"] == jan.email)
    assert entry["city"] == "Hamburg" and "Am Sandtorkai 50" in entry["city_evidence"][0]
    assert "Hamburg" in contacts_table(rows)


def test_weekly_plan_proposes_the_trip_day_or_says_why_not(osm, tmp_path):
    from planner import api

    call = _event(
        "call@test",
        _at(date(2026, 12, 8), 15),
        30,
        "Kennenlernen Hafenlogistik",
        "https://teams.microsoft.com/l/meetup-join/1",
        LENA,
    )
    events = [*HISTORY, TRIP, call]
    plan = api.plan_week(_config(osm, events), WEEK, now=NOW, store=Store(tmp_path / "on.sqlite3"))
    item = next(i for i in plan.items if i.event.uid == "call@test")
    assert item.proposals[0].start.astimezone(TZ).date() == date(2026, 12, 9)
    assert all(distance_km(p.venue.geo, MUNICH.geo) > 100 for p in item.proposals)
    from planner.render import render_week

    assert "© OpenStreetMap contributors" in render_week(plan, "table")
    assert "attribution" in item.proposals[0].to_json()["venue"]
    offline = api.plan_week(
        _config(osm, events, online=False), WEEK, now=NOW, store=Store(tmp_path / "off.sqlite3")
    )
    item = next(i for i in offline.items if i.event.uid == "call@test")
    # the trip day first, in the area: no venue is known there offline
    proposal = item.proposals[0]
    assert proposal.venue.source == "area" and proposal.start.date() == date(2026, 12, 9)
    assert any("planner venues fetch --near Hamburg" in r for r in proposal.reasons)
    assert {p.venue.source for p in item.proposals} == {"area"}


def test_a_day_they_are_in_munich_comes_before_a_meeting_point(osm, tmp_path):
    visit = _event(
        "visit@test",
        _at(date(2026, 12, 10), 9),
        60,
        "Hafenlogistik zu Besuch",
        "Leopoldstraße 10, 80802 München",
        "jan.peters@hafenlogistik.example",
        LENA,
    )
    store = Store(tmp_path / "state.sqlite3")
    result = _propose(osm, [*HISTORY, visit], store, online=False)
    assert result.proposals, result.notes
    first = result.proposals[0]
    assert first.start.astimezone(TZ).date() == date(2026, 12, 10)
    assert distance_km(first.venue.geo, MUNICH.geo) < 15  # the built-in Munich catalog
    assert any("they are in your city that day" in r for r in first.reasons)
    assert osm.requests == []


def test_a_colleague_of_theirs_in_munich_is_no_day_they_are_here(osm, tmp_path):
    """A colleague's lunch in town said nothing of where Lena is: an offer to a Paris client
    put its first option in Frankfurt, "they are in your city that day", "20 min for them"."""
    visit = _event(
        "colleague@test",
        _at(date(2026, 12, 10), 12),
        90,
        "Lunch Jan Peters",
        "Leopoldstraße 10, 80802 München",
        "jan.peters@hafenlogistik.example",
    )
    store = Store(tmp_path / "state.sqlite3")
    result = _propose(osm, [*HISTORY, visit], store, online=False)
    assert not any("they are in your city that day" in r for p in result.proposals
                   for r in p.reasons), result.proposals  # fmt: skip


def test_trips_from_a_travel_plan_feed_in_as_a_plain_mapping(osm, tmp_path):
    """Days away that no in-person meeting shows (a hotel stay) come in as day → place."""
    from planner.flows.meeting_place import MeetRequest, propose_to_meet
    from planner.judge.homes import HomeFinder
    from planner.meet.fetched import VenueSupply
    from planner.meet.geo import Geocoder
    from planner.meet.proposals import Proposer
    from planner.meet.venues import Catalog
    from planner.model import Classification, Mode

    config = _config(osm, [], online=True)
    modes = {HISTORY[0].key: Classification(Mode.IN_PERSON)}
    locate = Geocoder(config).locate
    finder = HomeFinder(HISTORY, {HISTORY[0].key: Mode.IN_PERSON}, config, locate, now=NOW)
    catalog = Catalog([])
    supply = VenueSupply(config, Store(tmp_path / "s.sqlite3"), catalog, NOW)
    proposer = Proposer([], config, catalog, supply=supply)
    end = NOW + timedelta(days=5)
    request = MeetRequest([LENA], NOW, end, Purpose.FIRST_CONTACT, [], 1, now=NOW)
    found, notes = propose_to_meet(
        proposer,
        request,
        events=HISTORY,
        modes=modes,
        homes=finder.home_of,
        supply=supply,
        trips={date(2026, 12, 10): ("Hamburg", HAMBURG.geo)},
    )
    assert found and found[0].start.astimezone(TZ).date() == date(2026, 12, 10), notes
    assert any("Hamburg that day anyway" in r for r in found[0].reasons)
