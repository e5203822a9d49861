"""No look-up of what is not a place: the geocoder is asked only for the place and address
parts of a location (:func:`planner.judge.zones.place_text`), never for an app's name, a
conference room, a number to dial or a link."""

from __future__ import annotations

from typing import Any

from planner.judge.zones import place_text
from planner.model import Geo


class PlacesOnly:
    """A geocoder (:class:`planner.meet.geo.Geocoder`) that only ever sees place parts; every
    other attribute is the wrapped geocoder's."""

    def __init__(self, geocoder: Any) -> None:
        self._geocoder = geocoder

    def locate(self, text: str, geo: Geo | None = None) -> Any:
        place = place_text(text) if text else ""
        if not place and geo is None:
            return None
        return self._geocoder.locate(place, geo)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._geocoder, name)


def places_only(geocoder: Any) -> Any:
    """``geocoder`` wrapped once (wrapping a wrapped one changes nothing)."""
    if geocoder is None or isinstance(geocoder, PlacesOnly):
        return geocoder
    return PlacesOnly(geocoder)
