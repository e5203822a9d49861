"""Where a counterpart lives or works, as :mod:`planner.judge.homes` answers it: the place,
its evidence, and the other places hints name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from planner.model import Geo

CONFIGURED, BOOKED, SEEN, COUNTRY = range(4)  # the sources of a place, strongest first


class Located(Protocol):
    """What ``locate`` returns (a :class:`planner.meet.geo.Place`)."""

    name: str
    city: str
    lat: float
    lon: float

    @property
    def exact(self) -> bool: ...


Locate = Callable[[str], "Located | None"]


@dataclass(frozen=True, slots=True)
class HomeCity:
    """Where a counterpart lives or works (see the module doc): the main place, the evidence
    for it, and the other places hints name, each with its own evidence."""

    city: str
    geo: Geo | None
    evidence: tuple[str, ...]
    #: how strong its source is (the module doc's order): :data:`CONFIGURED` ([[people]]),
    #: :data:`BOOKED`, :data:`SEEN` (the calendar history), :data:`COUNTRY` (only a country was
    #: known; ``city`` is its main city)
    source: int = SEEN
    text: str = ""  # the address as written (an address book's), else ""
    others: tuple[HomeCity, ...] = ()  # further places, best first

    @property
    def country_only(self) -> bool:
        return self.source == COUNTRY

    @property
    def configured(self) -> bool:
        return self.source == CONFIGURED

    @property
    def places(self) -> tuple[HomeCity, ...]:
        """Every located place, the main one first (none when only a country is known)."""
        if self.country_only:
            return ()
        return tuple(p for p in (self, *self.others) if p.geo is not None)

    def to_json(self) -> dict[str, object]:
        return {
            "city": self.city,
            "evidence": list(self.evidence),
            "country_only": self.country_only,
            "others": [{"city": p.city, "evidence": list(p.evidence)} for p in self.others],
        }


def shown_city(home: HomeCity | None) -> str:
    """The city every view shows for ``home``: its first located place's, ``""`` when no town
    is known (only a country: :attr:`HomeCity.country_only`)."""
    places = home.places if home is not None else ()
    return places[0].city if places else ""
