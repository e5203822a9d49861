"""How long it takes to get from one place to another, door to door: one model for every caller.

Proposals' travel minutes, the room a slot leaves next to other meetings, fair meeting points
between cities, the notes that say how far a city is, ``planner trips`` and sync's travel blocks
all ask :meth:`TravelModel.way`, so one journey shows one number everywhere.

- A way up to ``[travel] walk_up_to_km`` is walked; a longer one never takes less than that
  walk (the wait for the tram, the parking).
- Up to :data:`LONG_DISTANCE_KM` it goes by the user's ``[travel] mode`` (:data:`MODES`:
  walk, transit, car; ``speed_kmh``, ``detour_factor`` and ``overhead_minutes`` adjust it),
  or by train or motorway where that is quicker: the estimate grows with the distance and
  does not jump down where the journeys between towns begin (49 km by public transport were
  195 minutes, 51 km 56).
- Beyond, it is a journey between towns: by car on the motorway (:data:`MOTORWAY`) for the mode
  ``car``, by long-distance train (:data:`RAIL`) otherwise. From :data:`AIR_FROM_KM` on, the
  plane (:data:`AIR`) replaces the train, and train or plane the motorway, where that saves
  :data:`WORTH_SWITCHING_MINUTES` at least: nobody drives Munich–London or five hours to
  Erfurt, and nobody flies to Erfurt to save five minutes.

Every estimate is ``overhead + distance * detour / speed``: the overhead is the waiting, the way
to the station or airport (check-in, security) and on from it, or parking. The rail speed is
fitted to ICE timetables with held-out pairs (``benchmarks/midpoints.py``).

Nobody knows how a counterpart travels: their ways are estimated as by public transport
(:data:`THEIRS`: transit in town, train or plane between towns), and the texts say so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.errors import ConfigError
from planner.i18n import _
from planner.meet.place import SAME_SPOT_KM, Place, distance_km
from planner.model import Geo

if TYPE_CHECKING:
    from planner.config import Config


@dataclass(frozen=True, slots=True)
class TravelMode:
    """Door-to-door model: ``overhead + distance * detour / speed``."""

    name: str
    speed_kmh: float
    detour_factor: float
    overhead_minutes: int

    def minutes(self, km: float) -> int:
        return math.ceil(self.overhead_minutes + km * self.detour_factor / self.speed_kmh * 60)


MODES: Mapping[str, TravelMode] = {
    "walk": TravelMode("walk", 4.5, 1.3, 0),
    "transit": TravelMode("transit", 22.0, 1.4, 8),
    "car": TravelMode("car", 32.0, 1.35, 10),
}
WALK = MODES["walk"]
# Long-distance train, door to door: 120 km/h over the straight line, as the ICE between German
# cities (Hamburg–Berlin 1:45, Köln–Frankfurt 1:05, Berlin–München 4:00), plus 30 min.
RAIL = TravelMode("rail", 150.0, 1.25, 30)
AIR = TravelMode("air", 650.0, 1.05, 150)  # to the airport, check-in, security, onwards
MOTORWAY = TravelMode("motorway", 85.0, 1.25, 15)  # parking at both ends
LONG_DISTANCE_KM = 50.0  # beyond: a journey between towns (train, motorway or plane)
AIR_FROM_KM = 300.0  # shorter journeys never fly
WORTH_SWITCHING_MINUTES = 30  # another way only when it saves this much (either may err)


@dataclass(frozen=True, slots=True)
class Way:
    """An estimated way: whole minutes door to door and how (a :class:`TravelMode` name)."""

    minutes: int
    how: str


def _between_towns(km: float, drives: bool) -> Way:
    """A journey of ``km`` between towns (see the module)."""
    public = Way(RAIL.minutes(km), RAIL.name)
    if km > AIR_FROM_KM and AIR.minutes(km) + WORTH_SWITCHING_MINUTES <= public.minutes:
        public = Way(AIR.minutes(km), AIR.name)
    if not drives:
        return public
    drive = Way(MOTORWAY.minutes(km), MOTORWAY.name)
    if km > AIR_FROM_KM and public.minutes + WORTH_SWITCHING_MINUTES <= drive.minutes:
        return public  # nobody drives five hours when the train or plane saves hours
    return drive


@dataclass(frozen=True, slots=True)
class TravelModel:
    """The user's travel mode, the rule that short hops are walked and how journeys go.

    ``in_town_minutes`` is the least a trip takes when one end is known only by its town (an
    address located offline sits at the town's centre): two addresses in one town are never
    0 minutes apart just because their coordinates coincide."""

    mode: TravelMode
    walk_up_to_km: float = 1.0
    in_town_minutes: int = 0

    def way(self, a: Geo, b: Geo) -> Way:
        """The way from ``a`` to ``b``: minutes and how (see the module)."""
        km = distance_km(a, b)
        if km < SAME_SPOT_KM:
            return Way(0, WALK.name)
        if km <= self.walk_up_to_km:
            return Way(WALK.minutes(km), WALK.name)
        journey = _between_towns(km, self.mode.name == "car")
        if km > LONG_DISTANCE_KM:
            return journey
        local = Way(self.mode.minutes(km), self.mode.name)
        # the train or the motorway where it is quicker: the estimate grows with the distance
        # and never jumps down where the journeys between towns begin
        way = journey if journey.minutes < local.minutes else local
        # nor where the walks end: no ride just past them is quicker than the longest walk
        # (1.0 km walked were 18 minutes, 1.1 km by tram 13)
        longest = WALK.minutes(self.walk_up_to_km)
        return way if way.minutes >= longest else Way(longest, way.how)

    def minutes(self, a: Geo, b: Geo, *, exact: bool = True) -> int:
        """Whole minutes from ``a`` to ``b`` (0 for the same spot when both are ``exact``;
        at least ``in_town_minutes`` when they are not)."""
        found = self.way(a, b).minutes
        return found if exact else max(found, self.in_town_minutes)

    def journey(self, a: Place, b: Place) -> bool:
        """Whether the way from ``a`` to ``b`` is a journey between towns (by train, plane or
        motorway: beyond ``LONG_DISTANCE_KM``), not a way across town."""
        return distance_km(a.geo, b.geo) > LONG_DISTANCE_KM

    def between(self, a: Place, b: Place) -> int:
        """Minutes between two located places: 0 for the same place, otherwise never less than
        ``in_town_minutes`` unless both positions are exact."""
        if a.same_as(b):
            return 0
        return self.minutes(a.geo, b.geo, exact=a.exact and b.exact)


#: How a counterpart is assumed to travel (their mode is unknown): public transport.
THEIRS = TravelModel(MODES["transit"])


def travel_model(config: Config) -> TravelModel:
    """The travel model from ``[travel]``; unknown modes are a :class:`ConfigError`."""
    section = config["travel"]
    base = MODES.get(section["mode"])
    if base is None:
        where = str(config.path or "<config>")
        names = ", ".join(MODES)
        raise ConfigError(where, [_("[travel] key 'mode' must be one of {names}", names=names)])
    mode = TravelMode(
        base.name,
        section["speed_kmh"] or base.speed_kmh,
        section["detour_factor"] or base.detour_factor,
        base.overhead_minutes if section["overhead_minutes"] < 0 else section["overhead_minutes"],
    )
    return TravelModel(mode, section["walk_up_to_km"], section["in_town_minutes"])


def by(how: str) -> str:
    """How a way goes, as a sentence says it: "by train", "by car"."""
    labels = {
        "walk": _("on foot"),
        "transit": _("by public transport"),
        "car": _("by car"),
        "motorway": _("by car"),
        "rail": _("by train"),
        "air": _("by plane"),
    }
    return labels.get(how, how)
