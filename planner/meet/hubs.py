"""Major railway stations and airports: candidate meeting points between two cities.

A meeting point is only a place; the venues there (a station or airport lounge, a hotel or
restaurant next to the station) come from the catalog or are fetched (planner.meet.fetched).
Coordinates are those of the station building or terminal (WGS 84, from OpenStreetMap).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model import Geo


@dataclass(frozen=True, slots=True)
class Hub:
    name: str
    city: str
    lat: float
    lon: float
    kind: str  # "station" or "airport"

    @property
    def geo(self) -> Geo:
        return Geo(self.lat, self.lon)


def _s(name: str, city: str, lat: float, lon: float) -> Hub:
    return Hub(name, city, lat, lon, "station")


def _a(name: str, city: str, lat: float, lon: float) -> Hub:
    return Hub(name, city, lat, lon, "airport")


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
    _a("München Flughafen", "München", 48.3538, 11.7861),
    _a("Hamburg Airport", "Hamburg", 53.6304, 9.9882),
    _a("Berlin Brandenburg Airport", "Berlin", 52.3667, 13.5033),
    _a("Frankfurt Airport", "Frankfurt am Main", 50.0379, 8.5622),
    _a("Düsseldorf Airport", "Düsseldorf", 51.2895, 6.7668),
    _a("Zürich Airport", "Zürich", 47.4582, 8.5555),
    _a("Wien Flughafen", "Wien", 48.1103, 16.5697),
    _a("Amsterdam Schiphol", "Amsterdam", 52.3105, 4.7683),
    _a("Paris Charles de Gaulle", "Paris", 49.0097, 2.5479),
    _a("London Heathrow", "London", 51.4700, -0.4543),
)
