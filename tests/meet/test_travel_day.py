"""Travel that fits the day: after a train or a flight a proposal leaves the arrival buffer and
the transfer from the station or airport; before one, the way there and as much to spare; an
address known only by its town is never 0 minutes from a venue; and several proposals vary
over venues, days, kinds and times of day."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import default_config
from planner.flows.own_travel import trip_routes
from planner.judge.travel import route
from planner.meet.geo import Geocoder, distance_km, locate_offline
from planner.meet.hubs import stop_place
from planner.meet.proposals import Proposer
from planner.meet.travel_time import travel_model
from planner.meet.venues import Catalog, Venue, VenueKind
from planner.model import Event, Geo, Purpose

TZ = ZoneInfo("Europe/Berlin")
FRANKFURT_HBF = Geo(50.1071, 8.6636)
MUNICH_AIRPORT = Geo(48.3538, 11.7861)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)


def venue(name: str, kind: VenueKind, lat: float, lon: float) -> Venue:
    return Venue(name, kind, lat, lon, address=f"{name} 1", opening_hours="Mo-Su 06:00-24:00")


CATALOG_FFM = Catalog(
    [
        venue("Margarete", VenueKind.RESTAURANT, 50.1107, 8.6812),  # Römer, 1.3 km from Hbf
        venue("Main Tower Restaurant", VenueKind.RESTAURANT, 50.1125, 8.6720),
        venue("Bockenheimer Café", VenueKind.CAFE, 50.1180, 8.6480),  # 1.7 km
        venue("Sachsenhausen Café", VenueKind.CAFE, 50.1010, 8.6880),
        venue("Westend Café", VenueKind.CAFE, 50.1200, 8.6600),
    ],
    TZ,
)


def config(**changes):
    sections = {
        "user": {"home": "Hamburg", "timezone": "Europe/Berlin"},
        "working_hours": {d: "08:00-20:00" for d in ("monday", "tuesday", "wednesday")},
    }
    return default_config(**{**sections, **changes})


def trip(uid: str, title: str, start: datetime, end: datetime, location: str) -> Event:
    return Event(uid, title, start, end, location=location)


@pytest.mark.parametrize(
    ("title", "location", "where"),
    [
        ("ICE 571 Hamburg Hbf → Frankfurt(Main)Hbf", "Hamburg Hbf", FRANKFURT_HBF),
        ("Zug nach Frankfurt", "Hamburg Hbf", FRANKFURT_HBF),
        ("Train Hamburg -> Frankfurt am Main", "", FRANKFURT_HBF),
        ("Flug LH 2034 HAM → MUC", "", MUNICH_AIRPORT),
        ("Flight to Munich", "Hamburg Airport", MUNICH_AIRPORT),
    ],
)
def test_trips_arrive_at_the_station_or_airport(title, location, where):
    """German and English, trains and flights: the arrival is the hub, an exact position."""
    event = trip("t", title, at(8, 7), at(8, 11), location)
    origin, arrival, how = route(event)
    place = stop_place(arrival, how, locate_offline)
    assert place is not None and place.exact, (origin, arrival, how)
    assert distance_km(place.geo, where) < 0.5


def test_after_the_train_the_transfer_and_the_arrival_buffer_come_first():
    """The issue: a proposal 15 minutes after the train arrived. Now: arrival 10:40, then
    [travel] arrival_buffer_minutes, the transfer from Frankfurt Hbf and the buffer; before the
    return train at 17:00 the way back to the station and as much to spare."""
    cfg = config()
    out = trip("out", "ICE 571 Hamburg Hbf → Frankfurt(Main)Hbf", at(8, 7), at(8, 10, 40), "")
    back = trip("back", "ICE 578 Frankfurt(Main)Hbf → Hamburg Hbf", at(8, 17), at(8, 20, 40), "")
    events = [out, back]
    geocoder = Geocoder(cfg, CATALOG_FFM)
    proposer = Proposer(
        events, cfg, CATALOG_FFM, geocoder=geocoder, routes=trip_routes(events, geocoder.locate)
    )
    found = proposer.propose(
        at(8, 0), at(9, 0), purpose=Purpose.FIRST_CONTACT, near=FRANKFURT_HBF, count=6
    )
    assert found
    model = travel_model(cfg)
    buffers = timedelta(minutes=cfg["travel"]["arrival_buffer_minutes"])
    buffers += timedelta(minutes=cfg["travel"]["buffer_minutes"])
    for proposal in found:
        transfer = timedelta(minutes=model.minutes(FRANKFURT_HBF, proposal.venue.geo))
        assert transfer > timedelta(0)
        assert proposal.start >= at(8, 10, 40) + buffers + transfer, proposal
        assert proposal.end + buffers + transfer <= at(8, 17), proposal
        assert proposal.travel_minutes == (transfer.seconds // 60, transfer.seconds // 60)


def test_without_the_route_the_same_day_would_start_right_after_arrival():
    """The check above can fail: without the trip's route the first coffee starts at 10:55."""
    cfg = config()
    out = trip("out", "ICE 571 Hamburg Hbf → Frankfurt(Main)Hbf", at(8, 7), at(8, 10, 40), "")
    proposer = Proposer([out], cfg, CATALOG_FFM, modes={})
    found = proposer.propose(
        at(8, 0), at(9, 0), purpose=Purpose.FIRST_CONTACT, near=FRANKFURT_HBF, count=6
    )
    assert min(p.start for p in found) < at(8, 11, 30)


def test_an_address_known_only_by_its_town_is_never_zero_minutes_away():
    cfg = config()
    model = travel_model(cfg)
    office = locate_offline("Jungfernstieg 7, 20354 Hamburg")
    client = locate_offline("Große Elbstraße 145, 22767 Hamburg")
    assert office is not None and client is not None and not office.exact
    assert office.geo == client.geo  # both at the town's centre
    assert model.between(office, client) == cfg["travel"]["in_town_minutes"]
    assert model.between(office, office) == 0
    assert model.minutes(office.geo, client.geo) == 0  # exact positions that coincide


def test_six_proposals_for_a_signing_are_varied():
    """The issue: six lunches at the same restaurant. Now at most two at one venue, over
    several days, kinds and parts of the day."""
    cfg = config(working_hours={d: "08:00-20:00" for d in ("monday", "tuesday", "wednesday",
                                                              "thursday", "friday")})  # fmt: skip
    favourite = Venue(
        "Quiet Room", VenueKind.RESTAURANT, 50.1107, 8.6812,
        opening_hours="Mo-Su 07:00-24:00", tags=frozenset({"quiet", "private_room", "favourite"}),
    )  # fmt: skip
    catalog = Catalog([favourite, *CATALOG_FFM.venues], TZ)
    proposer = Proposer([], cfg, catalog)
    found = proposer.propose(
        at(7, 0), at(12, 0), purpose=Purpose.DEAL_CLOSING, near=FRANKFURT_HBF, count=6
    )
    assert len(found) == 6
    venues = Counter(p.venue.name for p in found)
    assert max(venues.values()) <= 2 and len(venues) >= 3, venues
    assert len({p.start.date() for p in found}) >= 4
    assert len({p.kind for p in found}) >= 2
    assert not any(
        a.start < b.end and b.start < a.end for i, a in enumerate(found) for b in found[i + 1 :]
    )
