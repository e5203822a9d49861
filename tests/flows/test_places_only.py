"""No look-up of what is not a place: the geocoder the week and proposals use is asked only for
place and address parts, never for an app, a conference room, a number or a link."""

from __future__ import annotations

from planner.flows.places import PlacesOnly, places_only
from planner.model import Geo


class Recording:
    """A geocoder that records what it is asked."""

    online = True

    def __init__(self) -> None:
        self.asked: list[tuple[str, Geo | None]] = []

    def locate(self, text: str, geo: Geo | None = None) -> str:
        self.asked.append((text, geo))
        return f"place:{text}"


def test_apps_rooms_numbers_and_links_are_never_looked_up():
    inner = Recording()
    geocoder = places_only(inner)
    for location in (
        "Microsoft Teams-Besprechung",
        "Signal",
        "Téléphone",
        "FaceTime",
        "+49 89 1234 5678",
        "Einwahl: +49 40 8090 3344, Konferenz-PIN 52817#",
        "Konferenzraum Isar",
        "FRA Raum Main 5.02; Microsoft Teams-Besprechung",
        "https://us06web.zoom.us/j/81234567890",
    ):
        assert geocoder.locate(location) is None, location
    assert inner.asked == []


def test_only_the_place_parts_reach_the_geocoder():
    inner = Recording()
    geocoder = places_only(inner)
    location = "Konferenzraum Isar, Theresienstraße 6, 80333 München; https://meet.google.com/x"
    assert geocoder.locate(location) == "place:Theresienstraße 6, 80333 München"
    assert geocoder.locate("Kampnagel, Jarrestraße 20, 22303 Hamburg") == (
        "place:Kampnagel, Jarrestraße 20, 22303 Hamburg"
    )
    assert geocoder.locate("Hamburg") == "place:Hamburg"


def test_coordinates_from_the_provider_still_count_and_the_rest_is_the_geocoders():
    inner = Recording()
    geocoder = places_only(inner)
    geo = Geo(48.1, 11.5)
    assert geocoder.locate("Microsoft Teams Meeting", geo) == "place:"
    assert inner.asked == [("", geo)]
    assert geocoder.online is True
    assert places_only(geocoder) is geocoder and isinstance(geocoder, PlacesOnly)
