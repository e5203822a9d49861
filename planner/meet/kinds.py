"""The kinds of meeting places, and how OpenStreetMap tags map onto them (used by every venue
source: catalog files, GeoJSON, OSM extracts, Overpass answers)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any


class VenueKind(StrEnum):
    HOTEL_LOUNGE = "hotel_lounge"
    RESTAURANT = "restaurant"
    CAFE = "cafe"
    BAR = "bar"
    COWORKING = "coworking"
    NETWORKING = "networking"
    STATION_LOUNGE = "station_lounge"
    AIRPORT_LOUNGE = "airport_lounge"


OSM_KEYS = ("amenity", "tourism", "office", "aeroway", "club")
_STATION_WORDS = re.compile(r"\b(db lounge|bahnhof|hbf|hauptbahnhof|station)\b", re.I)
_AIRPORT_WORDS = re.compile(r"\b(airport|flughafen|terminal)\b", re.I)


def _lounge_kind(tags: Mapping[str, Any]) -> VenueKind:
    name = str(tags.get("name", ""))
    if "aeroway" in tags or tags.get("airside") == "yes" or _AIRPORT_WORDS.search(name):
        return VenueKind.AIRPORT_LOUNGE
    if "railway" in tags or tags.get("public_transport") == "station":
        return VenueKind.STATION_LOUNGE
    if _STATION_WORDS.search(name):
        return VenueKind.STATION_LOUNGE
    return VenueKind.HOTEL_LOUNGE


_SIMPLE: tuple[tuple[str, str, VenueKind], ...] = (
    ("office", "coworking", VenueKind.COWORKING),
    ("amenity", "coworking_space", VenueKind.COWORKING),
    ("amenity", "conference_centre", VenueKind.NETWORKING),
    ("club", "business", VenueKind.NETWORKING),
    ("tourism", "hotel", VenueKind.HOTEL_LOUNGE),
    ("amenity", "restaurant", VenueKind.RESTAURANT),
    ("amenity", "cafe", VenueKind.CAFE),
    ("amenity", "bar", VenueKind.BAR),
    ("amenity", "pub", VenueKind.BAR),
    ("amenity", "biergarten", VenueKind.BAR),
)


def classify(tags: Mapping[str, Any]) -> VenueKind | None:
    """The venue kind for a set of OSM tags, or None when it is no meeting place."""
    if tags.get("aeroway") == "lounge" or tags.get("amenity") == "lounge":
        return _lounge_kind(tags)
    if tags.get("office") == "association" and tags.get("association") == "business":
        return VenueKind.NETWORKING
    for key, value, kind in _SIMPLE:
        if tags.get(key) == value:
            return kind
    return None
