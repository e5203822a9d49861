"""Hotel stays written as one timed event from check-in to check-out, as Gmail puts hotel
reservations into Google Calendar ("Stay at Motel One Berlin-Alexanderplatz", Mon 15:00 to
Fri 11:00): one notion of a stay for the kind shown, the user's whereabouts and a trip's
base, whatever the title's wording."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner.judge.travel import is_stay, route, travel_kind, whereabouts
from planner.model import Event
from tests.data.judged_events import TZ

TITLES = [
    "Stay at Motel One Berlin-Alexanderplatz",  # Gmail's hotel reservation
    "Motel One Berlin",
    "Hotel Adlon Kempinski",
    "Check-in: 25hours Hotel Bikini",
    "Airbnb Berlin-Mitte",
    # other apps and languages
    "Übernachtung Hotel Bayerischer Hof",
    "Hotelreservierung: NH Collection Berlin",
    "Aufenthalt im Motel One Berlin",
    "Lodging: Hilton Berlin",  # TripIt
    "Séjour à l'Hôtel de Rome",
    # a hotel chain's name alone, as booking sites and people write it
    "Marriott Berlin",
    "Booking.com: Ibis Berlin Mitte",
    "Meininger Berlin Hauptbahnhof",
    "Holiday Inn Express Berlin City Centre",
    "Steigenberger Hotel Am Kanzleramt",
]


def stay(title: str) -> Event:
    return Event(
        uid="stay@planner.test",
        title=title,
        start=datetime(2026, 12, 14, 15, tzinfo=TZ),
        end=datetime(2026, 12, 18, 11, tzinfo=TZ),
        location="Grunerstraße 11, 10179 Berlin",
    )


@pytest.mark.parametrize("title", TITLES)
def test_a_stay_from_check_in_to_check_out_puts_the_user_there_every_day(title):
    """Bug: "Stay at …" and "Motel One …" were read as a journey that arrives at check-out
    (the user in Berlin only after leaving it), "Hotel …" as a check-in lasting one day."""
    where = whereabouts([stay(title)], TZ, home="Hamburg")
    assert sorted(where) == [date(2026, 12, d) for d in range(14, 19)]
    assert {city for city, _geo, _why in where.values()} == {"Berlin"}


@pytest.mark.parametrize("title", TITLES)
def test_a_stay_is_shown_as_a_hotel_and_is_no_journey(title):
    event = stay(title)
    assert is_stay(event) and travel_kind(event) == "stay"
    assert route(event) == ("", "", "")


@pytest.mark.parametrize(
    "title", ["ICE 597 München → Berlin", "Flug LH 2034 München → Hamburg", "Lunch mit Dr. Weber"]
)
def test_journeys_and_meetings_are_no_stay(title):
    assert not is_stay(stay(title))


@pytest.mark.parametrize("title", ["Marriott Frankfurt", "Ibis Köln Centrum", "Hilton Munich"])
def test_a_chain_name_over_whole_days_is_a_stay(title):
    event = Event(
        uid="allday@planner.test",
        title=title,
        start=datetime(2026, 12, 14, tzinfo=TZ),
        end=datetime(2026, 12, 17, tzinfo=TZ),
        all_day=True,
        location="Grunerstraße 11, 10179 Berlin",
    )
    assert is_stay(event) and travel_kind(event) == "stay"
    assert sorted(whereabouts([event], TZ, home="Hamburg")) == [
        date(2026, 12, d) for d in range(14, 17)
    ]


@pytest.mark.parametrize(
    "title", ["Kaffee im Marriott", "Coffee at the Hilton lobby", "Frühstück Steigenberger"]
)
def test_an_hour_at_a_chain_hotel_with_someone_is_a_meeting_there(title):
    from planner.judge.mode import classify
    from planner.model import Attendee, Mode

    event = Event(
        uid="coffee@planner.test",
        title=title,
        start=datetime(2026, 12, 14, 9, tzinfo=TZ),
        end=datetime(2026, 12, 14, 10, tzinfo=TZ),
        location="Grunerstraße 11, 10179 Berlin",
        organizer=Attendee("me@planner.test", "Me"),
        attendees=(Attendee("anna@kunde.example", "Anna"),),
    )
    assert not is_stay(event)
    assert classify(event).mode is Mode.IN_PERSON


@pytest.mark.parametrize(
    "title",
    [
        "Directions from SFO to Sofitel",
        "Transfer zum Hotel Adlon",
        "Shuttle to the Marriott Marquis",
        "Fahrt nach Hotel Bayerischer Hof",
        "Trajet vers l'hôtel Ibis",
    ],
)
def test_the_way_to_a_hotel_is_a_trip_not_a_stay(title):
    event = Event(
        uid="way@planner.test",
        title=title,
        start=datetime(2026, 12, 14, 15, tzinfo=TZ),
        end=datetime(2026, 12, 14, 16, tzinfo=TZ),
    )
    assert travel_kind(event) == "trip" and not is_stay(event)
