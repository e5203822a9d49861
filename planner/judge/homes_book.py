"""What the address books say of where a counterpart is (the second source of
:mod:`planner.judge.homes`).

The places, in order: the addresses of their card (work first), then the cities its phone
numbers name (a landline's area code, :mod:`planner.people.phones`); where their own card names
neither, those of their organisation's card (a company's: where its people work). The countries
a card names alone (an address of only a country, a mobile number abroad) bound what the
calendar history may say. A number in the user's own country that names no city says nothing
new; a number the card writes nationally is read in the card's country (the people directory
did that) or else in the user's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.i18n import _
from planner.judge.directory import domain_of
from planner.judge.home_city import BOOKED, HomeCity, Locate, Located
from planner.model import Geo
from planner.people.phones import international, phone_city
from planner.people.postal import iso_country, town_of

if TYPE_CHECKING:
    from planner.people.directory import People
    from planner.people.person import Person


def booked(people: People | None, email: str, locate: Locate, country: str) -> list[HomeCity]:
    """The places the address books give ``email`` (an address key), in the order above;
    ``country``: the user's (an ISO code)."""
    person = people.get(email) if people is not None else None
    found: list[HomeCity] = []
    numbered = False
    if person is not None:
        origin = person.origin("city") or _("the address book")
        found += _addresses(person.places, origin, locate)
        cities = _numbers(person.phones, _phones_origin(person), locate, country)
        found += cities
        numbered = bool(cities)
    if person is not None and (person.places or numbered):
        return found
    if people is not None:
        domain = domain_of(email)
        if org := people.organisation_places(domain):
            name, where, texts = org
            found += _addresses(texts, _card_of(name, where), locate)
        if org := people.organisation_phones(domain):
            name, where, numbers = org
            found += _numbers(numbers, _card_of(name, where), locate, country)
    return found


def book_countries(people: People | None, email: str, country: str) -> list[tuple[str, str]]:
    """``(ISO country, evidence)`` of each address of the person's card that names a country
    and no town (``ADR:;;;;;;FR``), work first, then of each number of theirs (else of their
    organisation's card) that names only a country other than the user's ``country``."""
    person = people.get(email) if people is not None else None
    found: list[tuple[str, str]] = []
    if person is not None:
        origin = person.origin("city") or _("the address book")
        found += [
            (code, _("{address} in {origin}", address=text, origin=origin))
            for text in person.countries
            if (code := iso_country(text))
        ]
        found += _countries(person.phones, _phones_origin(person), country)
    if not found and people is not None and not (person and person.phones):
        if org := people.organisation_phones(domain_of(email)):
            name, where, numbers = org
            found += _countries(numbers, _card_of(name, where), country)
    return found


def _addresses(texts: tuple[str, ...], origin: str, locate: Locate) -> list[HomeCity]:
    found = []
    for text in texts:
        place = locate(text)
        written = ", ".join(line.strip() for line in text.splitlines() if line.strip())
        if place is not None:
            why = _("{address} in {origin}", address=written, origin=origin)
            found.append(HomeCity(name_of(place), geo_of(place), (why,), text=text, source=BOOKED))
        elif town := town_of(text):  # a village the offline gazetteer does not list
            why = _("{address} in {origin}; not located offline", address=written,
                    origin=origin)  # fmt: skip
            found.append(HomeCity(town, None, (why,), text=text, source=BOOKED))
    return found


def _numbers(numbers: tuple[str, ...], origin: str, locate: Locate, country: str) -> list[HomeCity]:
    """A place for each number whose area code names a city."""
    found = []
    for number in numbers:
        named = phone_city(international(number, country))
        if named is not None and named[0] and (place := locate(named[0])) is not None:
            why = _("phone number {number} in {origin}", number=number, origin=origin)
            found.append(HomeCity(name_of(place), geo_of(place), (why,), source=BOOKED))
    return found


def _countries(numbers: tuple[str, ...], origin: str, country: str) -> list[tuple[str, str]]:
    """The country of each number that names no city, where it is not the user's."""
    found = []
    for number in numbers:
        named = phone_city(international(number, country))
        if named is not None and not named[0] and named[1] != country:
            found.append(
                (named[1], _("phone number {number} in {origin}", number=number, origin=origin))
            )
    return found


def _phones_origin(person: Person) -> str:
    return person.origin("phones") or person.origin("city") or _("the address book")


def _card_of(name: str, origin: str) -> str:
    return _("the card of {organisation} in {origin}", organisation=name, origin=origin)


def geo_of(place: Located | None) -> Geo | None:
    return Geo(place.lat, place.lon) if place is not None else None


def name_of(place: Located) -> str:
    return place.city or place.name.split(",")[0].strip()
