"""Trips: stays away from home from travel bookings (German and English titles, TripIt),
in-person meetings in another city and events over several days, with their base; checked on
the real calendar exports too."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from planner.config import default_config
from planner.flows.trips import find_trips, short_city
from planner.judge.mode import classify
from planner.meet.geo import Geocoder
from planner.model import Event
from tests.flows.touch_scenario import NOW, TZ, at, meeting, trip

CONFIG = default_config(user={"home": "Leopoldstraße 10, 80802 München"})
LOCATE = Geocoder(CONFIG, None).locate
REAL = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "real" / "ics"


def trips_of(events, start=NOW, days=60):
    modes = {e.key: classify(e) for e in events}
    return find_trips(events, modes, CONFIG, LOCATE, start=start, end=start + timedelta(days=days))


def test_a_flight_and_a_hotel_make_a_trip_until_the_flight_back():
    (found,) = trips_of(trip())
    assert found.city == "Hamburg"
    assert found.base == "An der Alster 72, 20099 Hamburg"
    assert found.start.hour == 8 and found.start.minute == 20  # landed
    assert found.end.weekday() == 3 and found.end.hour == 18  # the flight back leaves
    assert {e.title for e in found.schedule} >= {"Workshop Reederei Nord"}


def test_a_day_trip_to_a_client_covers_that_day_with_the_office_as_base():
    day = NOW.date() + timedelta(days=3)
    visit = meeting("koeln", "Termin Rhein Möbel", at(day, 14), 90, "Domkloster 4, 50667 Köln")
    (found,) = trips_of([visit])
    assert found.city == "Köln" and found.base == "Domkloster 4, 50667 Köln"
    assert found.start == at(day, 0) and found.end == at(day + timedelta(days=1), 0)


def test_a_fair_over_several_days_is_a_trip_with_the_station_as_base():
    first = NOW.date() + timedelta(days=10)
    fair = Event(
        "fair@t",
        "Messe LogiMAT",
        datetime.combine(first, datetime.min.time(), TZ),
        datetime.combine(first + timedelta(days=3), datetime.min.time(), TZ),
        location="Messe Stuttgart, 70629 Stuttgart",
        all_day=True,
    )
    (found,) = trips_of([fair])
    assert found.city == "Stuttgart" and found.base == "Stuttgart Hbf"
    assert (found.end - found.start).days == 3


def test_a_german_train_and_hotel_booking():
    day = NOW.date() + timedelta(days=5)
    events = [
        Event("t1@t", "ICE 597 München → Berlin", at(day, 8), at(day, 12, 30)),
        Event(
            "h1@t",
            "Übernachtung: Hotel am Gendarmenmarkt",
            at(day, 15),
            at(day, 15, 30),
            location="Charlottenstraße 50, 10117 Berlin",
        ),
        Event(
            "h2@t",
            "Hotel am Gendarmenmarkt – Abreise",
            at(day + timedelta(days=1), 10),
            at(day + timedelta(days=1), 10, 30),
            location="Charlottenstraße 50, 10117 Berlin",
        ),
        Event(
            "t2@t",
            "ICE 598 Berlin → München",
            at(day + timedelta(days=1), 17),
            at(day + timedelta(days=1), 21, 30),
        ),
    ]
    (found,) = trips_of(events)
    assert found.city == "Berlin" and found.base == "Charlottenstraße 50, 10117 Berlin"
    assert found.start == at(day, 12, 30) and found.end == at(day + timedelta(days=1), 17)


def test_home_is_no_trip_and_two_cities_are_two_trips():
    day = NOW.date() + timedelta(days=2)
    events = [
        meeting("m", "Lunch", at(day, 12), 60, "Brienner Str. 11, 80333 München"),
        meeting("h", "Hamburg", at(day + timedelta(days=7), 10), 60, "Steindamm 17, 20099 Hamburg"),
        meeting(
            "b", "Berlin", at(day + timedelta(days=8), 10), 60, "Friedrichstraße 1, 10117 Berlin"
        ),
    ]
    assert [t.city for t in trips_of(events)] == ["Hamburg", "Berlin"]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Roadstar 16\n12764 Happyville\nDenmark", "Happyville"),
        ("Open Source Project Tempe (1415 E University Dr. #103A, Tempe, AZ 85281)", "Tempe"),
        ("250 GATEWAY BLVD, South San Francisco, CA", "South San Francisco"),
        ("D-80802 München", "München"),
        ("dijon", "dijon"),
    ],
)
def test_a_town_as_a_person_names_it(text, city):
    assert short_city(text) == city


def _real(name: str) -> list[Event]:
    from planner.ical.reader import events_from_ics

    path = REAL / name
    if not path.exists():
        pytest.skip(f"real exports not present: {REAL}")
    return events_from_ics(
        path.read_bytes(),
        source=name,
        tz=TZ,
        start=datetime(2000, 1, 1, tzinfo=TZ),
        end=datetime(2030, 1, 1, tzinfo=TZ),
        warn=lambda text: None,
    )


def test_a_tripit_export_gives_its_trips_with_the_hotel_as_base():
    events = _real("node-ical__tripit-location-escaping.ics")
    found = trips_of(events, start=datetime(2011, 10, 1, tzinfo=TZ), days=60)
    cities = [t.city for t in found]
    assert "South San Francisco" in cities and "Phoenix" in cities
    sf = found[cities.index("South San Francisco")]
    assert sf.base.startswith("250 GATEWAY BLVD") and sf.start < sf.end


def test_a_trip_in_a_real_export_gets_the_station_as_base():
    events = _real("khal__non_dst_error.ics")
    found = trips_of(events, start=datetime(2023, 1, 1, tzinfo=TZ), days=365)
    # the town as the export writes it; its station found all the same
    assert ("Brussel", "Bruxelles-Midi") in [(t.city, t.base) for t in found]


@pytest.mark.parametrize(
    "name", sorted(p.name for p in REAL.glob("*.ics")) if REAL.exists() else []
)
def test_every_real_export_gives_trips_without_a_crash(name):
    events = _real(name)
    for found in trips_of(events, start=datetime(2000, 1, 1, tzinfo=TZ), days=365 * 30):
        assert found.start < found.end and found.city and "\n" not in found.city


def test_a_hotel_reservation_from_gmail_is_the_base_and_the_days_are_shown_as_days():
    """Bug: a trip with a lunch and a hotel reservation titled "Stay at …" (Gmail's wording)
    started from the restaurant, as the hotel was recognised by a title starting "Hotel" or
    "Check-in" only; and a trip of whole days read "Fri 18 Dec 00:00–00:00"."""
    from planner.render.people import span

    day = NOW.date() + timedelta(days=7)
    hotel = "Grunerstraße 11, 10179 Berlin"
    events = [
        meeting("lunch", "Lunch", at(day, 12), 60, "Borchardt, Französische Str. 47, Berlin"),
        Event("stay@t", "Stay at Motel One Berlin-Alexanderplatz", at(day, 15),
              at(day + timedelta(days=2), 11), location=hotel),
    ]  # fmt: skip
    (found,) = trips_of(events)
    assert found.city == "Berlin" and found.base == hotel
    visit = meeting("koeln", "Termin Rhein Möbel", at(day, 14), 90, "Domkloster 4, 50667 Köln")
    (one_day,) = trips_of([visit])
    assert span(one_day, TZ) == "Mon 7 Dec"
    fair = Event("fair@t", "Messe LogiMAT", at(day, 0), at(day + timedelta(days=3), 0),
                 location="Messe Stuttgart, 70629 Stuttgart", all_day=True)  # fmt: skip
    (three_days,) = trips_of([fair])
    assert span(three_days, TZ) == "Mon 7 Dec – Wed 9 Dec"


@pytest.mark.parametrize(
    "back", ["ICE 1008 München Hbf → Hamburg Hbf", "Rückflug LH 2070 nach Hamburg"]
)
def test_a_trip_with_a_fair_ends_with_the_journey_home_on_the_fairs_last_day(back):
    """A fair's last day ends at midnight, the train home leaves at five: the trip ends with
    the train, and the next trip's flight two days later is no part of it."""
    config = default_config(user={"home": "Hamburg"})
    locate = Geocoder(config, None).locate
    day = NOW.date() + timedelta(days=7)
    events = [
        Event("go@t", "ICE 587 Hamburg Hbf → München Hbf", at(day, 7), at(day, 12, 58)),
        Event("h@t", "Hotel Bayerischer Hof", at(day, 15), at(day + timedelta(days=2), 11),
              location="Promenadeplatz 2-6, 80333 München"),
        Event("fair@t", "Messe: Intralogistik Süd", at(day, 0), at(day + timedelta(days=3), 0),
              location="Messe München, 81829 München", all_day=True),
        Event("back@t", back, at(day + timedelta(days=2), 17, 2), at(day + timedelta(days=2), 23)),
        Event("next@t", "Flug OS 154 Hamburg → Wien", at(day + timedelta(days=3), 15, 10),
              at(day + timedelta(days=3), 16, 45)),
    ]  # fmt: skip
    modes = {e.key: classify(e) for e in events}
    found = find_trips(events, modes, config, locate, start=NOW, end=NOW + timedelta(days=30))
    munich = [t for t in found if t.city in ("München", "Munich")]
    assert len(munich) == 1, [(t.city, t.start, t.end) for t in found]
    assert munich[0].end == at(day + timedelta(days=2), 17, 2)
    assert "Flug OS 154 Hamburg → Wien" not in {e.title for e in munich[0].schedule}


def test_a_hotel_night_written_for_the_whole_day_begins_when_the_flight_lands():
    """Apple and TripIt write a hotel night as an all-day item: the trip (and where the user
    is) begins when the flight there lands, not at midnight while the user is still at home;
    an address written over lines is one line as the trip's base."""
    from planner.judge.travel import stays

    config = default_config(user={"home": "Hamburg"})
    locate = Geocoder(config, None).locate
    day = NOW.date() + timedelta(days=10)
    flight = Event("out@t", "Flug OS 154 Hamburg → Wien", at(day, 15, 10), at(day, 16, 45),
                   location="Flughafen Hamburg (HAM)")  # fmt: skip
    address = "Hotel Sacher\nPhilharmoniker Str. 4\n1010 Wien"
    hotel = Event("h@t", "Übernachtung Hotel Sacher", at(day, 0), at(day + timedelta(days=1), 0),
                  location=address, all_day=True)  # fmt: skip
    back = Event("back@t", "Flug OS 155 Wien → Hamburg", at(day + timedelta(days=1), 18, 15),
                 at(day + timedelta(days=1), 19, 50), location="Flughafen Wien (VIE)")  # fmt: skip
    events = [flight, hotel, back]
    modes = {e.key: classify(e) for e in events}
    (found,) = find_trips(events, modes, config, locate, start=NOW, end=NOW + timedelta(days=30))
    assert found.start == at(day, 16, 45) and found.end == at(day + timedelta(days=1), 18, 15)
    assert "\n" not in found.base and "Philharmoniker Str. 4" in found.base
    assert min(s.start for s in stays(events, home="Hamburg")) == at(day, 16, 45)


@pytest.mark.parametrize(
    ("journey", "hotel_town", "address"),
    [
        ("Zug: Hamburg Hbf → München Hbf (ICE 583)", "Munich",
         "Hotel Bayerischer Hof, Promenadeplatz 2-6, 80333 Munich, Germany"),
        ("Flight OS 132 Hamburg → Vienna", "Wien",
         "Hotel Sacher, Philharmoniker Str. 4, 1010 Wien"),
        ("ICE 1025 Hamburg Hbf - Köln Hbf", "Cologne", "Hyatt Regency, Kennedy-Ufer 2A, Cologne"),
        ("Flug LX 1059 Hamburg (HAM) → Zurich (ZRH)", "Zürich", "Hotel Schweizerhof, 8001 Zürich"),
    ],
)  # fmt: skip
def test_an_all_day_hotel_night_begins_at_the_arrival_in_any_spelling_of_its_town(
    journey, hotel_town, address
):
    """The journey names the town one way (München, Vienna, Köln, Zurich), the hotel another
    (Munich, Wien, Cologne, Zürich): one town all the same, so the trip and where the user is
    begin when the train or flight arrives, not at midnight while they are still at home."""
    from planner.flows.own_travel import own_travel

    config = default_config(user={"home": "Hamburg"})
    locate = Geocoder(config, None).locate
    day = NOW.date() + timedelta(days=10)
    there = Event("out@t", journey, at(day, 7, 1), at(day, 12, 53), location="Hamburg")
    hotel = Event("h@t", f"Hotel {hotel_town}", at(day, 0), at(day + timedelta(days=1), 0),
                  location=address, all_day=True)  # fmt: skip
    events = [there, hotel]
    modes = {e.key: classify(e) for e in events}
    (found,) = find_trips(events, modes, config, locate, start=NOW, end=NOW + timedelta(days=30))
    assert found.start == at(day, 12, 53), found
    # the proposals' days away start at the arrival too (one reading of the stays for both)
    assert own_travel(events, config, locate).whereabouts.get(day) is not None
