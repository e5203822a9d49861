"""A journey's destination and kind from how apps write a route: a hyphen or dash between the
towns (with airport codes in brackets), a train whose number is in the description; so that a
trip begins when the user arrives, not at midnight of the hotel night.

Gap (found by using the product): "Flug LH 1186 Frankfurt (FRA) - Zürich (ZRH)" had no
destination, so the Zürich trip began at 00:00; the DB Navigator entry "Frankfurt(Main)Hbf →
Wien Hbf" with "ICE 27, Wagen 12" below it was a "trip", not a train."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.judge.travel import arrival, destination, travel_kind
from planner.model import Event

TZ = ZoneInfo("Europe/Berlin")
DAY = datetime(2026, 12, 8, 7, 5, tzinfo=TZ)


def journey(title: str, description: str = "", location: str = "") -> Event:
    return Event("j", title, DAY, DAY + timedelta(hours=1), location=location,
                 description=description)  # fmt: skip


@pytest.mark.parametrize(
    ("title", "description", "kind", "there"),
    [
        ("Flug LH 1186 Frankfurt (FRA) - Zürich (ZRH)", "Buchungscode: K7Q2LM", "flight", "Zürich"),
        ("Flight BA 903 London (LHR) – Frankfurt (FRA)", "", "flight", "Frankfurt"),
        ("Vol AF 1418 Paris (CDG) — Berlin (BER)", "", "flight", "Berlin"),
        ("Frankfurt(Main)Hbf → Wien Hbf", "ICE 27, Wagen 12, Platz 55", "train", "Wien"),
        ("München Hbf - Hamburg Hbf", "ICE 598 · Wagen 9 · Platz 41", "train", "Hamburg Hbf"),
        ("Zürich HB – Bern", "IC 8 Richtung Brig, Gleis 31", "train", "Bern"),
        ("Zug München – Berlin", "", "train", "Berlin"),
    ],
)
def test_a_route_gives_the_kind_and_the_destination(title, description, kind, there):
    event = journey(title, description)
    assert travel_kind(event) == kind
    assert destination(event) == there


def test_a_dash_in_a_meeting_title_is_no_route():
    """Only journeys are read as routes: "Workshop - Alpenbank" goes nowhere."""
    assert destination(journey("Workshop - Alpenbank", location="Alpenbank AG")) == ""


def test_the_user_is_there_from_the_landing():
    flight = journey("Flug LH 1186 Frankfurt (FRA) - Zürich (ZRH)")
    night = Event(
        "h", "Hotel Storchen Zürich",
        datetime.combine(date(2026, 12, 8), datetime.min.time(), TZ),
        datetime.combine(date(2026, 12, 9), datetime.min.time(), TZ),
        location="Weinplatz 2, 8001 Zürich", all_day=True,
    )  # fmt: skip
    assert arrival([flight, night], night, "Zürich") == flight.end


@pytest.mark.parametrize(
    ("title", "location", "there"),
    [
        # TripIt / Google "Directions" and hotel items whose address names the town
        ("Directions from SFO to Embassy Suites", "250 Gateway Blvd, South San Francisco, CA 94080",
         "South San Francisco"),
        ("Check-in: Hotel Okura", "Ferdinand Bolstraat 333, 1072 LH Amsterdam, Nederland",
         "Amsterdam"),
        ("Check-in: The Hoxton", "81 Great Eastern Street, London EC2A 3HU, United Kingdom",
         "London"),
        ("Übernachtung: Motel One", "Elisabethstraße 5, 1010 Wien, Österreich", "Wien"),
    ],
)  # fmt: skip
def test_a_stays_town_is_read_from_its_address_as_everywhere(title, location, there):
    """The journeys' own address reader took the street for the town: "250 Gateway Blvd" gave
    "Gateway Blvd", "1072 LH Amsterdam" gave "LH Amsterdam"; addresses are read one way now
    (planner.people.postal)."""
    stay = Event("s", title, DAY, DAY + timedelta(hours=12), location=location)
    assert destination(stay) == there
