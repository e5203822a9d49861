"""Which venues are worth trying for a meeting: the nearest ones of the kinds that suit it
around a centre, plus the user's favourites, ranked by fit and travel.

:class:`planner.meet.proposals.Proposer` draws up one shortlist per meeting kind and request and
then tries only those venues at each candidate time.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from planner.meet.geo import distance_km
from planner.meet.slots import VENUE_FIT, MeetingKind
from planner.meet.travel_time import THEIRS
from planner.meet.venues import Catalog, Venue
from planner.model import Geo, Purpose

if TYPE_CHECKING:
    from planner.meet.travel_time import TravelModel

NEAREST_POOL = 60  # nearest venues (plus favourites) ranked per meeting kind
VENUES_PER_KIND = 12  # best venues kept per meeting kind after the static ranking
AWAY_KM = 30.0  # a meeting this far from home is in another city
AREA = "area"  # Venue.source of an area without a known venue (see area_venue)

# (score without travel, venue, the counterparts' longest travel minutes or None), best first
Shortlist = list[tuple[float, Venue, int | None]]


def travel_score(mine: int | None, theirs: int | Sequence[int] | None) -> float:
    """Less travel is better, and so is a fair split of it: the total (per two people) and
    the spread between the longest and the shortest way; with three or more people the longest
    way counts once more. The user's way not known (``mine`` None) counts as none: it is the
    same for every venue of the request."""
    mine = mine or 0
    if theirs is None or (not isinstance(theirs, int) and not theirs):
        return -0.2 * mine
    everyone = [mine, theirs] if isinstance(theirs, int) else [mine, *theirs]
    total, worst = sum(everyone), max(everyone)
    unfair = (worst - min(everyone)) / (total + 1)
    extra = 0.1 * worst if len(everyone) > 2 else 0.0
    return -0.15 * total * 2 / len(everyone) - 6.0 * unfair - extra


def area_venue(label: str, center: Geo, kind: MeetingKind) -> Venue:
    """A stand-in for the venue where none is known around ``center``: the proposal names the
    time, the kind and the area, and how to get venues there."""
    from planner.i18n import _

    ideal, _fine = VENUE_FIT[kind]
    address = _("no venue known there yet")
    return Venue(label, ideal[0], center.lat, center.lon, address=address, source=AREA)


def is_area(venue: Venue) -> bool:
    return venue.source == AREA


def meeting_center(places: Sequence[Geo], home: Geo | None) -> Geo | None:
    """Where to look for venues: between the counterparts and home, at the counterparts when
    they are in another city, else wherever is known; None when neither is: a catalog's
    venues say nothing about where the user is (the packaged sample is in Munich)."""
    if places and home is not None:
        if all(distance_km(place, home) > AWAY_KM for place in places):
            return _middle(places)
        return _middle([*places, home])
    if places or home is not None:
        return _middle(places) if places else home
    return None


def _middle(points: Sequence[Geo]) -> Geo:
    return Geo(sum(p.lat for p in points) / len(points), sum(p.lon for p in points) / len(points))


def static_score(venue: Venue, kind: MeetingKind, purpose: str, catalog: Catalog) -> float:
    """How well ``venue`` suits the meeting, travel aside."""
    ideal, _fine = VENUE_FIT[kind]
    score = 8.0 if venue.kind in ideal else 3.0
    if catalog.is_favourite(venue):
        score += 8.0
    if purpose == Purpose.DEAL_CLOSING:
        score += 3.0 * venue.has("quiet") + 3.0 * venue.has("private_room")
    if not venue.opening_hours:
        score -= 6.0
    return score


def shortlist(
    catalog: Catalog,
    kind: MeetingKind,
    *,
    center: Geo,
    origin: Geo,
    places: Sequence[Geo] = (),
    purpose: str,
    travel: TravelModel,
    radius_km: float,
    tags: Collection[str] = (),
) -> Shortlist:
    """The best venues for ``kind`` within ``radius_km`` of ``center`` that have all ``tags``,
    ranked by :func:`static_score` plus the travel from ``origin`` (the user's, by ``travel``)
    and from the counterparts' ``places`` (as :data:`planner.meet.travel_time.THEIRS`: their
    mode is unknown; fair to all: total and longest way); at most :data:`VENUES_PER_KIND`."""
    ranked = []
    for venue in _pool(catalog, kind, center, radius_km, tags):
        ways = [THEIRS.minutes(place, venue.geo) for place in places]
        static = static_score(venue, kind, purpose, catalog)
        mine = travel.minutes(origin, venue.geo)
        theirs = max(ways) if ways else None
        ranked.append((static + travel_score(mine, ways), static, venue, theirs))
    ranked.sort(key=lambda item: (-item[0], item[2].name))
    return [(static, venue, theirs) for _r, static, venue, theirs in ranked[:VENUES_PER_KIND]]


def _pool(
    catalog: Catalog, kind: MeetingKind, center: Geo, radius_km: float, tags: Collection[str]
) -> list[Venue]:
    """The :data:`NEAREST_POOL` nearest venues of fitting kinds, plus favourites in reach."""
    ideal, fine = VENUE_FIT[kind]
    kinds = {*ideal, *fine}
    radius = min(2.0, radius_km)
    while True:  # widen the search until the pool is full or the radius reached
        nearby = catalog.near(center, radius, kinds)
        if tags:
            nearby = [(km, v) for km, v in nearby if v.tags.issuperset(tags)]
        if len(nearby) >= NEAREST_POOL or radius >= radius_km:
            break
        radius = min(radius * 2, radius_km)
    pool = [v for _km, v in nearby[:NEAREST_POOL]]
    pool += [
        v
        for v in catalog.favourite_venues()
        if v not in pool
        and v.kind in kinds
        and v.tags.issuperset(tags)
        and distance_km(v.geo, center) <= radius_km
    ]
    return pool


def as_places(value: Geo | Sequence[Geo] | None) -> tuple[Geo, ...]:
    """One place or several (one per counterpart) as a tuple."""
    if value is None:
        return ()
    if isinstance(value, Geo):
        return (value,)
    return tuple(value)
