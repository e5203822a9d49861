"""A located place and the distance between places (the base of :mod:`planner.meet.geo`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.model import Geo
from planner.people.names import fold as fold  # re-exported: meet compares towns by it

EARTH_RADIUS_KM = 6371.0088


def distance_km(a: Geo, b: Geo) -> float:
    """Great-circle distance in kilometres (haversine)."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat = lat2 - lat1
    dlon = math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class Place:
    """A located place: where the coordinates came from is kept in ``source``."""

    name: str
    lat: float
    lon: float
    source: str  # "event", "venue", "postal_code", "city", "nominatim"
    city: str = ""

    @property
    def geo(self) -> Geo:
        return Geo(self.lat, self.lon)

    @property
    def exact(self) -> bool:
        """Whether the coordinates are the place's own (from the event, a venue, a station or
        Nominatim), not those of the town its postal code or name points to."""
        return self.source not in COARSE_SOURCES

    def same_as(self, other: Place) -> bool:
        """The same spot: exact coordinates that coincide, or the same text."""
        if self.exact and other.exact:
            return distance_km(self.geo, other.geo) < SAME_SPOT_KM
        return fold(" ".join(self.name.split())) == fold(" ".join(other.name.split()))


COARSE_SOURCES = frozenset({"postal_code", "city"})
SAME_SPOT_KM = 0.05
