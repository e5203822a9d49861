"""Where someone lives or works, seen from a trip (QA of address books, left open): a place
known only from a meeting's location (a lunch in Paris) is near the trip, but it is not where
the address book says they live or work (Rotterdam); a place of the same or a stronger source
(two addresses in the address book: an office in Hamburg, a home in Lübeck) is shown as theirs
for a trip there."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from planner.flows.keep_in_touch import Circle, PersonDue, Place
from planner.flows.trip_view import _near_trip
from planner.flows.trips import Trip
from planner.judge.homes import BOOKED, SEEN
from planner.model import Geo
from planner.people.person import Person

TZ = ZoneInfo("Europe/Berlin")
ROTTERDAM = Place("Wilhelminakade 909, 3072 AP Rotterdam", "Rotterdam", Geo(51.9, 4.48),
                  "Wilhelminakade 909 in address book nextcloud", BOOKED)  # fmt: skip
PARIS = Place("Café de la Paix, Paris", "Paris", Geo(48.87, 2.33),
              "address in a meeting's location: Café de la Paix, Paris", SEEN)  # fmt: skip
HAMBURG = Place("Speicherstadt 5, 20457 Hamburg", "Hamburg", Geo(53.54, 9.99),
                "Speicherstadt 5 in address book file", BOOKED)  # fmt: skip
LUEBECK = Place("Am Kai 3, 23552 Lübeck", "Lübeck", Geo(53.87, 10.69),
                "Am Kai 3 in address book file", BOOKED)  # fmt: skip


def circle() -> SimpleNamespace:
    found = SimpleNamespace(near_km=50.0, home=None)
    found.nearest = lambda places, geo: Circle.nearest(found, places, geo)  # type: ignore[arg-type]
    found.distance = lambda place: Circle.distance(found, place)  # type: ignore[arg-type]
    return found


def row(*places: Place) -> PersonDue:
    person = Person(key="x@example.org", addresses=("x@example.org",), name="X")
    return PersonDue(person, None, "", places, places[0].city, 400.0,  # type: ignore[arg-type]
                     city_evidence=places[0].evidence)  # fmt: skip


def trip_to(place: Place) -> Trip:
    day = datetime(2026, 12, 9, tzinfo=TZ)
    return Trip(place.city, place.geo, day, day.replace(day=10), place.text, place.geo, ())


def test_a_meeting_place_does_not_say_where_they_live():
    seen = _near_trip(circle(), row(ROTTERDAM, PARIS), trip_to(PARIS))  # type: ignore[arg-type]
    assert seen is not None and seen.places[0] is PARIS  # near the trip: found there
    assert seen.city == "Rotterdam" and seen.city_evidence == ROTTERDAM.evidence


def test_a_second_address_of_the_address_book_is_where_they_are_for_a_trip_there():
    seen = _near_trip(circle(), row(HAMBURG, LUEBECK), trip_to(LUEBECK))  # type: ignore[arg-type]
    assert seen is not None and seen.city == "Lübeck" and seen.city_evidence == LUEBECK.evidence


def test_nobody_is_near_a_trip_none_of_their_places_is_near():
    assert _near_trip(circle(), row(ROTTERDAM), trip_to(LUEBECK)) is None  # type: ignore[arg-type]
