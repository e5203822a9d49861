"""The user's own travel as every proposal sees it, and the one way to build a
:class:`~planner.meet.proposals.Proposer` over the user's calendar.

A train or a flight is an anchor with two places (:mod:`planner.meet.anchors`): a slot after it
starts at the arrival station or airport and leaves the transfer from there plus
``[travel] arrival_buffer_minutes``; a hotel stay is where the user is, not busy time; the days
spent in another city are "in that city anyway". Each of ``planner propose``, the proposals of
``planner week``, its keep-in-touch section and ``planner trips`` builds its proposer through
:func:`proposer_over`, so all of them compute the same free time (the trip view measured from the
hotel and offered a coffee 22 minutes after the ICE arrived, which ``propose`` never offered).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from planner.config import Config
from planner.model import Event, Geo, Mode

if TYPE_CHECKING:
    from planner.meet.geo import Place
    from planner.meet.proposals import Proposer

Key = tuple[str, str]  # an event's key
Routes = dict[Key, tuple["Place | None", "Place | None"]]
Whereabouts = dict[date, tuple[str, Geo | None, str]]
Locate = Callable[[str], "Place | None"]
Located = dict[date, tuple[str, Geo]]  # a day away → its city and place


@dataclass(frozen=True)
class OwnTravel:
    """Where the user's trains and flights depart and arrive (by event key) and where their
    travel puts them each day (:func:`planner.judge.travel.whereabouts`)."""

    routes: Routes
    whereabouts: Whereabouts


def own_travel(events: Sequence[Event], config: Config, locate: Locate) -> OwnTravel:
    """The user's travel among ``events`` (read once; a proposer per meeting reuses it)."""
    from planner.judge.travel import whereabouts
    from planner.meet.geo import same_town

    away = whereabouts(events, config.tz, home=config.user["home"], same=same_town)
    return OwnTravel(trip_routes(events, locate), away)


def proposer_over(
    events: Sequence[Event],
    config: Config,
    catalog: Any,
    *,
    modes: Mapping[Key, Mode],
    geocoder: Any,
    supply: Any = None,
    travel: OwnTravel | None = None,
) -> Proposer:
    """A proposer over the user's ``events``: their trains and flights anchored where they
    depart and arrive, their hotel nights free, their days away known (``travel``, when read
    before over a wider span of events, else read from ``events``)."""
    from planner.meet.proposals import Proposer

    if travel is None:
        travel = own_travel(events, config, geocoder.locate)
    return Proposer(
        events,
        config,
        catalog,
        modes=modes,
        geocoder=geocoder,
        supply=supply,
        whereabouts=travel.whereabouts,
        routes=travel.routes,
        nights=nights(events),
    )


def nights(events: Iterable[Event]) -> frozenset[Key]:
    """The keys of the hotel stays among ``events`` (:func:`planner.judge.travel.is_lodging`):
    time a proposal may take, where the calendar says busy."""
    from planner.judge.travel import is_lodging

    return frozenset(e.key for e in events if is_lodging(e))


def trip_routes(events: Sequence[Event], locate: Locate) -> Routes:
    """Where each train or flight among ``events`` departs and arrives (by event key): the
    station or airport where it is a known hub, else the town (see
    :func:`planner.meet.hubs.stop_place`); proposals leave the transfer from there."""
    from planner.judge.travel import route
    from planner.meet.hubs import stop_place

    found: Routes = {}
    for event in events:
        origin, arrival, how = route(event)
        if origin or arrival:
            found[event.key] = (stop_place(origin, how, locate), stop_place(arrival, how, locate))
    return found


def located_trips(away: Mapping[date, tuple[str, Geo | None, str]], locate: Any) -> Located:
    """The user's whereabouts from travel items (:func:`planner.judge.travel.whereabouts`)
    with a place for each city, as :func:`planner.flows.meeting_place.propose_to_meet` takes
    them (``trips``)."""
    found: Located = {}
    places: dict[str, Geo | None] = {}
    for day, (city, geo, _evidence) in away.items():
        if geo is None:
            if city not in places:
                place = locate(city)
                places[city] = place.geo if place is not None else None
            geo = places[city]
        if geo is not None:
            found[day] = (city, geo)
    return found
