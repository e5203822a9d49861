"""The town of a written address, as countries write their addresses (planner.people.postal):
one reading for the Place column, the trips and the offline look-up.

Gap (found by using the product): "Dam 1, 1012 JS Amsterdam, Nederland" showed as "Dam 1, JS
Amsterdam"; a London, Warsaw or Lisbon address showed its country as the town ("10 Downing
Street, United Kingdom"); a trip to Prague or Stockholm was named by its street; "'s-Hertogenbosch"
was not found at all."""

from __future__ import annotations

import pytest

from planner.flows.trips import short_city
from planner.meet.geo import lookup_city
from planner.people.postal import town_of
from planner.render.places import short_place

ADDRESSES = [
    # address, its town, the Place column
    ("Dam 1, 1012 JS Amsterdam, Nederland", "Amsterdam", "Dam 1, Amsterdam"),
    ("Dam 1, 1012JS Amsterdam", "Amsterdam", "Dam 1, Amsterdam"),
    ("Hoofdstraat 5, 5211 AB 's-Hertogenbosch", "'s-Hertogenbosch", None),
    ("10 Downing Street, London SW1A 2AA, United Kingdom", "London", "10 Downing Street, London"),
    ("221B Baker Street, London, NW1 6XE", "London", "221B Baker Street, London"),
    ("ul. Marszałkowska 10, 00-590 Warszawa, Polska", "Warszawa", None),
    ("Rua Augusta 100, 1100-053 Lisboa, Portugal", "Lisboa", "Rua Augusta 100, Lisboa"),
    ("Václavské náměstí 1, 110 00 Praha 1", "Praha", "Václavské náměstí 1, Praha"),
    ("Drottninggatan 5, 111 51 Stockholm, Sverige", "Stockholm", None),
    ("350 Fifth Avenue, Suite 1200, New York, NY 10118", "New York", None),
    ("1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA", "Mountain View", None),
    ("100 Queen St W, Toronto, ON M5H 2N2, Canada", "Toronto", "100 Queen St W, Toronto"),
    ("Grafton Street 5, Dublin 2, D02 X285, Ireland", "Dublin", "Grafton Street 5, Dublin"),
    ("Via del Corso 1, 00186 Roma RM, Italia", "Roma", "Via del Corso 1, Roma"),
    ("Calle de Alcalá 5, 28014 Madrid, España", "Madrid", None),
    ("12 rue de Rivoli, 75004 Paris, France", "Paris", "12 rue de Rivoli, Paris"),
    ("Kärntner Straße 5, A-1010 Wien, Österreich", "Wien", "Kärntner Straße 5, Wien"),
    ("Bahnhofstrasse 1, CH-8001 Zürich", "Zürich", None),
    ("Leopoldstraße 10\n80802 München\nDeutschland", "München", None),
    ("Roadstar 16\n12764 Happyville\nDenmark", "Happyville", None),
]


@pytest.mark.parametrize(("address", "town", "column"), ADDRESSES)
def test_the_town_of_an_address_in_many_countries(address: str, town: str, column: str | None):
    assert town_of(address) == town
    assert short_city(address) == town
    if column is not None:
        assert short_place(address) == column


@pytest.mark.parametrize(
    "address",
    [
        "Bahnhofplatz 2, 1012 AB",  # a code without a town: no town, never a street or "AB"
        "Hotel Sacher",
        "Suite 1200, 4th floor",
        "Nederland",
    ],
)
def test_no_town_is_made_up(address: str):
    assert town_of(address) == ""


def test_a_country_is_never_the_town_of_the_column():
    assert short_place("ul. Marszałkowska 10, Polska") == "ul. Marszałkowska 10"
    assert short_place("Hauptstraße 3, Potsdam, Deutschland") == "Hauptstraße 3, Potsdam"


@pytest.mark.parametrize("name", ["'s-Hertogenbosch", "’s-Hertogenbosch", "Den Bosch"])
def test_a_town_with_an_elided_article_is_found(name: str):
    place = lookup_city(name)
    assert place is not None and round(place.lat, 1) == 51.7 and round(place.lon, 1) == 5.3
    assert place.city == name


@pytest.mark.parametrize(
    ("home", "area"),
    [
        ("Schweizer Straße 12, 60594 Frankfurt am Main", "Frankfurt am Main"),
        ("Schweizer Straße 12\n60594 Frankfurt am Main\nDeutschland", "Frankfurt am Main"),
        ("Schweizer Straße 12, Frankfurt", "Frankfurt"),
        ("Schweizer Straße 12, Frankfurt, Deutschland", "Frankfurt"),
        ("10 Downing Street, London SW1A 2AA, UK", "London"),
        ("Frankfurt am Main", "Frankfurt am Main"),
        ("Schweizer Straße 12", ""),
    ],
)
def test_the_area_of_a_home_is_its_town_never_its_street(home, area):
    """QA h #2: a proposal near home named the home's street address to counterparts."""
    from planner.people.postal import area_of

    assert area_of(home) == area
    assert area_of("Schweizer Straße 12", located="Frankfurt am Main") == "Frankfurt am Main"
