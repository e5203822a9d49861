"""Meeting someone who lives in another city.

When the counterpart lives farther than ``[geo] far_away_km`` from the user, proposals are,
best first:

a) on days the user is there anyway (``trips``: day → where the user is; today from in-person
   meetings in the calendar, any source of travel plans can feed the same mapping),
b) on days the counterpart is in the user's city (``visits``, same shape),
c) at a fair meeting point in between: a station or airport lounge, or a hotel or restaurant
   next to a major station (:data:`planner.meet.hubs.HUBS`), where both travel times differ
   least. Long trips are estimated with a rail/air speed model (:func:`long_trip_minutes`),
   and the reasons say it is an estimate.

If none fits in the window, there are no proposals and the note says so ("meet in person on
your next trip to London; until then video is fine") instead of proposing something absurd.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from planner.i18n import _
from planner.meet.geo import TravelMode, distance_km
from planner.meet.hubs import HUBS, Hub
from planner.meet.kinds import VenueKind
from planner.meet.venues import Catalog
from planner.model import Event, Geo, Interval, Mode, Purpose

if TYPE_CHECKING:
    from planner.meet.geo import Place
    from planner.meet.proposals import Proposal, Proposer

RAIL = TravelMode("rail", 130.0, 1.25, 30)  # long-distance train, door to door
AIR = TravelMode("air", 650.0, 1.05, 150)  # to the airport, check-in, security, onwards
AIR_FROM_KM = 300.0  # shorter trips go by train
SAME_PLACE_KM = 50.0  # a trip or visit this close to a city counts as "there"
HUB_VENUE_KM = 1.0  # venues this close to a station or terminal count as "at" it
HUB_KINDS = frozenset(
    {
        VenueKind.STATION_LOUNGE,
        VenueKind.AIRPORT_LOUNGE,
        VenueKind.HOTEL_LOUNGE,
        VenueKind.RESTAURANT,
    }
)
HUBS_TRIED = 4
FAIR_SHARE = 1 / 3  # the two travel times may differ by less than a third of the longer one


@dataclass(frozen=True, slots=True)
class Whereabouts:
    """Where someone is on a day."""

    city: str
    geo: Geo


Days = Mapping[date, Whereabouts]


def long_trip_minutes(a: Geo, b: Geo) -> tuple[int, str]:
    """Estimated door-to-door minutes between two cities and the mode ("rail" or "air")."""
    km = distance_km(a, b)
    best = (_minutes(RAIL, km), "rail")
    if km > AIR_FROM_KM:
        best = min(best, (_minutes(AIR, km), "air"))
    return best


def _minutes(mode: TravelMode, km: float) -> int:
    return math.ceil(mode.overhead_minutes + km * mode.detour_factor / mode.speed_kmh * 60)


@dataclass(frozen=True, slots=True)
class FairPoint:
    hub: Hub
    mine: int
    theirs: int

    @property
    def unfairness(self) -> float:
        return abs(self.mine - self.theirs) / max(self.mine, self.theirs, 1)


def fair_points(home: Geo, theirs: Geo, limit: int = HUBS_TRIED) -> list[FairPoint]:
    """Hubs between both homes whose travel times differ by less than :data:`FAIR_SHARE`,
    neither longer than a fifth more than going all the way; fairest and shortest first."""
    direct, _mode = long_trip_minutes(home, theirs)
    found = []
    for hub in HUBS:
        if min(distance_km(hub.geo, home), distance_km(hub.geo, theirs)) < SAME_PLACE_KM:
            continue
        point = FairPoint(
            hub, long_trip_minutes(home, hub.geo)[0], long_trip_minutes(theirs, hub.geo)[0]
        )
        if point.unfairness < FAIR_SHARE and max(point.mine, point.theirs) <= direct * 1.2:
            found.append(point)
    found.sort(key=lambda p: (_cost(p, home, theirs), p.hub.name))
    return found[:limit]


def _cost(point: FairPoint, home: Geo, theirs: Geo) -> float:
    """Unfairness plus length plus how far off the way between both homes the hub lies."""
    detour = (distance_km(home, point.hub.geo) + distance_km(point.hub.geo, theirs)) / max(
        distance_km(home, theirs), 1.0
    )
    return abs(point.mine - point.theirs) + 0.25 * max(point.mine, point.theirs) + 60 * (detour - 1)


def in_person_days(
    events: Iterable[Event],
    modes: Mapping[tuple[str, str], Mode],
    locate: Callable[[str], Place | None],
    tz: object,
    *,
    keep: Callable[[Event, Geo], bool],
) -> dict[date, Whereabouts]:
    """Day → place of the in-person meetings ``keep`` accepts (the first one of a day)."""
    found: dict[date, Whereabouts] = {}
    for event in sorted(events, key=lambda e: e.start):
        if modes.get(event.key) is not Mode.IN_PERSON or event.all_day:
            continue
        place = locate(event.location) if event.location else None
        if event.geo is None and place is None:
            continue
        geo = event.geo or Geo(place.lat, place.lon)  # type: ignore[union-attr]
        if keep(event, geo):
            day = event.start.astimezone(tz).date()  # type: ignore[arg-type]
            city = (place.city if place else "") or event.location.split(",")[-1].strip()
            found.setdefault(day, Whereabouts(city, geo))
    return found


@dataclass
class FarPlan:
    proposals: list[Proposal] = field(default_factory=list)
    note: str = ""  # said when there are none (or why some kinds are missing)
    gaps: list[str] = field(default_factory=list)  # places without any venue known


@dataclass
class FarRequest:
    start: datetime
    end: datetime
    purpose: Purpose | str | None
    busy: Sequence[Interval]
    home: Geo
    their: Whereabouts
    count: int
    now: datetime


def propose_far(
    proposer: Proposer,
    make_proposer: Callable[[Catalog], Proposer],
    request: FarRequest,
    *,
    trips: Days,
    visits: Days,
    supply: Callable[[Geo, float], bool] | None = None,
) -> FarPlan:
    """Proposals to meet a counterpart from another city, best first (see the module)."""
    plan = FarPlan()
    their = request.their
    first, last = (
        request.start.astimezone(proposer.tz).date(),
        request.end.astimezone(proposer.tz).date(),
    )
    there = {
        d: w
        for d, w in trips.items()
        if first <= d <= last and distance_km(w.geo, their.geo) <= SAME_PLACE_KM
    }
    for day, where in sorted(there.items()):
        city = their.city or where.city
        why = _("You are in {city} that day anyway", city=city)
        plan.proposals += _on_day(proposer, request, day, their.geo, why, plan, city)
    for day, where in sorted(visits.items()):
        why = _("{city}: they are in your city that day", city=where.city)
        plan.proposals += _on_day(proposer, request, day, where.geo, why, plan, where.city)
    if len(plan.proposals) < request.count:
        plan.proposals += _at_fair_points(proposer, make_proposer, request, supply, plan)
    plan.proposals = plan.proposals[: request.count]
    if not plan.proposals and there and plan.gaps:
        days = ", ".join(d.isoformat() for d in sorted(there))
        plan.note = _(
            "You are in {city} on {days}, but no venue is known there",
            city=their.city,
            days=days,
        )
    elif not plan.proposals:
        plan.note = _(
            "{city} is {km} km away and no trip there, no visit here and no meeting point in "
            "between with a venue fits this window: meet in person on your next trip to "
            "{city}; until then video is fine",
            city=their.city,
            km=round(distance_km(request.home, their.geo)),
        )
    return plan


def _on_day(
    proposer: Proposer,
    request: FarRequest,
    day: date,
    near: Geo,
    why: str,
    plan: FarPlan,
    area: str,
) -> list[Proposal]:
    tz = proposer.tz
    lo = max(request.start, datetime.combine(day, time(), tz))
    hi = min(request.end, datetime.combine(day + timedelta(days=1), time(), tz))
    if lo >= hi:
        return []
    found = proposer.propose(
        lo,
        hi,
        purpose=request.purpose,
        counterpart_busy=request.busy,
        counterpart_place=near,
        near=near,
        count=1,
        area=area,
    )
    if proposer.no_venues:
        plan.gaps.append(area)
    return [_with_reason(p, why, 1) for p in found]


def _at_fair_points(
    proposer: Proposer,
    make_proposer: Callable[[Catalog], Proposer],
    request: FarRequest,
    supply: Callable[[Geo, float], bool] | None,
    plan: FarPlan,
) -> list[Proposal]:
    found: list[Proposal] = []
    for point in fair_points(request.home, request.their.geo):
        if supply is not None:
            supply(point.hub.geo, HUB_VENUE_KM)
        venues = [v for _km, v in proposer.catalog.near(point.hub.geo, HUB_VENUE_KM, HUB_KINDS)]
        if not venues:
            plan.gaps.append(point.hub.city)
            continue
        catalog = Catalog(venues, proposer.catalog.tz, proposer.catalog.favourites)
        hub_proposer = make_proposer(catalog)
        # the user needs the journey before: no meeting point before they can be there
        got = hub_proposer.propose(
            max(request.start, request.now + timedelta(minutes=point.mine)),
            request.end,
            purpose=request.purpose,
            counterpart_busy=request.busy,
            near=point.hub.geo,
            count=request.count - len(found),
        )
        why = _(
            "Fair meeting point at {hub}: about {mine} min for you and {theirs} min for them "
            "(an estimate by rail/air speed)",
            hub=point.hub.name,
            mine=point.mine,
            theirs=point.theirs,
        )
        found += [
            replace(
                _with_reason(p, why, 1),
                travel_minutes=(point.mine, point.mine),
                counterpart_minutes=point.theirs,
            )
            for p in got
        ]
        if len(found) >= request.count:
            break
    return found


def _with_reason(proposal: Proposal, why: str, at: int) -> Proposal:
    reasons = list(proposal.reasons)
    if why not in reasons:
        reasons.insert(min(at, len(reasons)), why)
    return replace(proposal, reasons=tuple(reasons))
