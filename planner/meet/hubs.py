"""Major railway stations and airports: candidate meeting points between two cities.

A meeting point is only a place; the venues there (a station or airport lounge, a hotel or
restaurant next to the station) come from the catalog or are fetched (planner.meet.fetched).
Coordinates are those of the station building or terminal (WGS 84, from OpenStreetMap).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.model import Geo

if TYPE_CHECKING:
    from planner.meet.geo import Place


@dataclass(frozen=True, slots=True)
class Hub:
    name: str
    city: str
    lat: float
    lon: float
    kind: str  # "station" or "airport"
    code: str = ""  # IATA code of an airport

    @property
    def geo(self) -> Geo:
        return Geo(self.lat, self.lon)


def _s(name: str, city: str, lat: float, lon: float) -> Hub:
    return Hub(name, city, lat, lon, "station")


def _a(name: str, city: str, lat: float, lon: float, code: str) -> Hub:
    return Hub(name, city, lat, lon, "airport", code)


HUBS: tuple[Hub, ...] = (
    _s("Hamburg Hbf", "Hamburg", 53.5530, 10.0069),
    _s("Berlin Hbf", "Berlin", 52.5251, 13.3694),
    _s("München Hbf", "München", 48.1402, 11.5600),
    _s("Frankfurt (Main) Hbf", "Frankfurt am Main", 50.1071, 8.6636),
    _s("Frankfurt Flughafen Fernbahnhof", "Frankfurt am Main", 50.0530, 8.5701),
    _s("Köln Hbf", "Köln", 50.9430, 6.9589),
    _s("Düsseldorf Hbf", "Düsseldorf", 51.2200, 6.7942),
    _s("Stuttgart Hbf", "Stuttgart", 48.7840, 9.1829),
    _s("Nürnberg Hbf", "Nürnberg", 49.4456, 11.0823),
    _s("Hannover Hbf", "Hannover", 52.3766, 9.7410),
    _s("Leipzig Hbf", "Leipzig", 51.3455, 12.3821),
    _s("Dresden Hbf", "Dresden", 51.0404, 13.7320),
    _s("Bremen Hbf", "Bremen", 53.0832, 8.8132),
    _s("Kassel-Wilhelmshöhe", "Kassel", 51.3130, 9.4466),
    _s("Fulda", "Fulda", 50.5547, 9.6840),
    _s("Erfurt Hbf", "Erfurt", 50.9725, 11.0380),
    _s("Würzburg Hbf", "Würzburg", 49.8018, 9.9358),
    _s("Göttingen", "Göttingen", 51.5365, 9.9268),
    _s("Mannheim Hbf", "Mannheim", 49.4795, 8.4695),
    _s("Karlsruhe Hbf", "Karlsruhe", 48.9935, 8.4020),
    _s("Augsburg Hbf", "Augsburg", 48.3654, 10.8856),
    _s("Dortmund Hbf", "Dortmund", 51.5178, 7.4593),
    _s("Osnabrück Hbf", "Osnabrück", 52.2728, 8.0617),
    _s("Münster (Westf) Hbf", "Münster", 51.9565, 7.6355),
    _s("Bielefeld Hbf", "Bielefeld", 52.0292, 8.5327),
    _s("Braunschweig Hbf", "Braunschweig", 52.2524, 10.5398),
    _s("Wolfsburg Hbf", "Wolfsburg", 52.4295, 10.7877),
    _s("Halle (Saale) Hbf", "Halle (Saale)", 51.4778, 11.9868),
    _s("Ulm Hbf", "Ulm", 48.3995, 9.9823),
    _s("Koblenz Hbf", "Koblenz", 50.3510, 7.5888),
    _s("Strasbourg", "Strasbourg", 48.5853, 7.7342),
    _s("Essen Hbf", "Essen", 51.4513, 7.0139),
    _s("Basel SBB", "Basel", 47.5476, 7.5897),
    _s("Zürich HB", "Zürich", 47.3779, 8.5403),
    _s("Salzburg Hbf", "Salzburg", 47.8129, 13.0456),
    _s("Wien Hbf", "Wien", 48.1850, 16.3757),
    _s("Amsterdam Centraal", "Amsterdam", 52.3791, 4.9003),
    _s("Bruxelles-Midi", "Brussels", 50.8357, 4.3365),
    _s("Lille Europe", "Lille", 50.6393, 3.0757),
    _s("Paris Gare du Nord", "Paris", 48.8809, 2.3553),
    _s("London St Pancras", "London", 51.5313, -0.1260),
    _a("München Flughafen", "München", 48.3538, 11.7861, "MUC"),
    _a("Hamburg Airport", "Hamburg", 53.6304, 9.9882, "HAM"),
    _a("Berlin Brandenburg Airport", "Berlin", 52.3667, 13.5033, "BER"),
    _a("Frankfurt Airport", "Frankfurt am Main", 50.0379, 8.5622, "FRA"),
    _a("Düsseldorf Airport", "Düsseldorf", 51.2895, 6.7668, "DUS"),
    _a("Zürich Airport", "Zürich", 47.4582, 8.5555, "ZRH"),
    _a("Wien Flughafen", "Wien", 48.1103, 16.5697, "VIE"),
    _a("Amsterdam Schiphol", "Amsterdam", 52.3105, 4.7683, "AMS"),
    _a("Paris Charles de Gaulle", "Paris", 49.0097, 2.5479, "CDG"),
    _a("London Heathrow", "London", 51.4700, -0.4543, "LHR"),
)


def _key(text: str) -> str:
    """Letters and digits only, folded: "Frankfurt(Main)Hbf" → "frankfurtmainhbf"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in folded if not unicodedata.combining(c)))


# how far from a city's centre its airport (München: 28 km) and its main station may lie
HUB_OF_CITY_KM = {"airport": 40.0, "station": 8.0}


def find_stop(text: str) -> Hub | None:
    """The station or airport ``text`` names: an airport by its IATA code ("HAM"), a hub by its
    name ("Hamburg Hbf", "Frankfurt(Main)Hbf")."""
    words = set(re.findall(r"\b[A-Z]{3}\b", text))
    for hub in HUBS:
        if hub.code and hub.code in words:
            return hub
    key = _key(text)
    if not key:
        return None
    return next((hub for hub in HUBS if _key(hub.name) in key), None)


def stop_place(text: str, how: str, locate: Callable[[str], Place | None]) -> Place | None:
    """Where a train or flight departs or arrives: the station or airport (an exact position)
    when it is a known hub or the city's main one ("Berlin" by train: Berlin Hbf; "Munich
    Airport": München Flughafen), else wherever ``locate`` puts the text (often only the town)."""
    from planner.meet.geo import Place, distance_km

    if not text.strip():
        return None
    hub = find_stop(text)
    place = None
    if hub is None:
        place = locate(text)
        if place is None:
            return None
        kind = "airport" if how == "air" else "station"
        near = [
            h
            for h in HUBS
            if h.kind == kind and distance_km(h.geo, place.geo) <= HUB_OF_CITY_KM[kind]
        ]
        hub = min(near, key=lambda h: distance_km(h.geo, place.geo)) if near else None
    if hub is not None:
        return Place(hub.name, hub.lat, hub.lon, hub.kind, city=hub.city)
    return place
