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


JOURNEYS = [
    # (title, location and coordinates where it leaves, the city it takes the user to)
    ("Flug OS 154 Hamburg → Wien", "Flughafen Hamburg (HAM)", (53.6304, 9.9882), "Wien"),
    ("Flight LH 2001 to London", "Munich Airport Terminal 2", (48.3538, 11.7861), "London"),
    ("ICE 587 Hamburg Hbf → München Hbf", "Hamburg Hbf", (53.5528, 10.0067), "München"),
    ("Zug nach Berlin", "Köln Hbf", (50.9430, 6.9589), "Berlin"),
]


@pytest.mark.parametrize(("title", "where", "leaves", "city"), JOURNEYS)
def test_a_stay_after_a_journey_is_not_where_the_journey_leaves(title, where, leaves, city):
    """Apple Calendar's structured location (and a GEO) of a train or flight is where it
    leaves: the stay it starts is at its destination, never at the departure's coordinates
    (a Vienna trip was placed at Hamburg airport)."""
    from planner.judge.travel import stays
    from planner.model import Geo

    start = datetime(2026, 12, 17, 15, 10, tzinfo=TZ)
    journey = Event(
        "j@planner.test", title, start, start.replace(hour=17), location=where, geo=Geo(*leaves)
    )
    [found] = stays([journey], home="Düsseldorf")
    assert found.city.startswith(city[:4]) and found.geo is None


def test_a_hotels_own_coordinates_are_the_stays():
    from planner.judge.travel import stays
    from planner.model import Geo

    hotel = Event(
        "h@planner.test", "Übernachtung Hotel Sacher",
        datetime(2026, 12, 17, 18, tzinfo=TZ), datetime(2026, 12, 18, 11, tzinfo=TZ),
        location="Philharmoniker Str. 4, 1010 Wien", geo=Geo(48.2039, 16.3694),
    )  # fmt: skip
    [found] = stays([hotel], home="Hamburg")
    assert found.geo == Geo(48.2039, 16.3694)


@pytest.mark.parametrize(
    "title", ["Hotel Bayerischer Hof", "Stay at Motel One Berlin-Alexanderplatz"]
)
def test_hotel_nights_are_no_busy_time_but_a_check_in_is(title):
    """A hotel booked from check-in to check-out says where the user is: its nights, exported
    busy by calendar apps, block no proposal, no counter and no mirror; a check-in or check-out
    item of a few minutes is time taken."""
    from planner.flows.followup_steps import busy_conflicts
    from planner.flows.own_travel import nights
    from planner.judge.travel import is_lodging
    from planner.meet.anchors import anchors_from_events
    from planner.sync.mirrors import mirrorable
    from tests.flows.test_weekly import config

    start = datetime(2026, 12, 14, 15, tzinfo=TZ)
    booked = Event("h@t", title, start, datetime(2026, 12, 16, 11, tzinfo=TZ))
    check_in = Event("c@t", f"Check-in: {title}", start, start.replace(minute=30))
    days = Event("d@t", title, datetime(2026, 12, 14, tzinfo=TZ),
                 datetime(2026, 12, 16, tzinfo=TZ), all_day=True)  # fmt: skip
    assert is_lodging(booked) and is_lodging(days) and not is_lodging(check_in)
    events = [booked, check_in, days]
    assert nights(events) == {booked.key, days.key}
    anchors = anchors_from_events(events, nights=nights(events))
    assert [a.start for a in anchors] == [check_in.start]
    assert not mirrorable(booked) and mirrorable(check_in)
    lunch = (datetime(2026, 12, 15, 12, tzinfo=TZ), datetime(2026, 12, 15, 13, tzinfo=TZ))
    assert busy_conflicts(events, *lunch, "other", config()) == []
