"""Meeting someone who lives in another city.

When the counterpart lives farther than ``[geo] far_away_km`` from the user, proposals are,
best first:

a) on days the user is there anyway (``trips``: day → where the user is; today from in-person
   meetings in the calendar, any source of travel plans can feed the same mapping),
b) on days the counterpart is in the user's city (``visits``, same shape),
c) at a fair meeting point in between: a station or airport lounge, or a hotel or restaurant
   next to a major station (:data:`planner.meet.hubs.HUBS`), where both travel times differ
   least. Every way is estimated by :mod:`planner.meet.travel_time`, the model of every
   other travel time: the user's by their ``[travel] mode`` (a driver drives to the point),
   the counterpart's, whose mode is unknown, by train or plane; the reasons say so. A point
   is only proposed when nobody's way to it exceeds the journey limit
   (:mod:`planner.meet.budget`) of the meeting held there: no Düsseldorf, three hours from
   Munich and from London, for a coffee; for a signing, a flight fits.

If none fits in the window, there are no proposals and the note says so and what to do instead
(meet in person when one of you is in the other's city; which point lies beyond the limit)
instead of proposing something absurd.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from planner.i18n import _
from planner.ical.wallclock import add
from planner.meet.budget import beyond_point, instead, journey_limit
from planner.meet.geo import distance_km
from planner.meet.hubs import HUBS, Hub
from planner.meet.kinds import VenueKind
from planner.meet.local_zone import zone_at
from planner.meet.travel_time import THEIRS, TravelModel, by
from planner.meet.venues import Catalog, Venue
from planner.model import Event, Geo, Interval, Mode, Purpose

if TYPE_CHECKING:
    from planner.meet.geo import Place
    from planner.meet.proposals import Proposal, Proposer

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
FAIR_SHARE = 1 / 3  # the travel times may differ by less than a third of the longest
MAX_DETOUR = 1.15  # the way over the meeting point at most this much longer than the direct one
SAVING = 1.0  # nobody travels longer to the meeting point than going all the way would take


@dataclass(frozen=True, slots=True)
class Whereabouts:
    """Where someone is on a day."""

    city: str
    geo: Geo


Days = Mapping[date, Whereabouts]


@dataclass(frozen=True, slots=True)
class FairPoint:
    """A meeting point between the user and the others: everyone's travel to it and how, the
    direct trip it saves (the user going all the way) and how much longer the way over it is."""

    hub: Hub
    mine: int
    theirs: int  # the longest of the others' ways
    direct: int = 0
    detour: float = 1.0
    how: str = "rail"  # the user's way (planner.meet.travel_time)
    their_how: str = "rail"  # the longest of the others' ways

    @property
    def longest(self) -> int:
        """The longest way to the point, each way (the user's or the others')."""
        return max(self.mine, self.theirs)

    @property
    def unfairness(self) -> float:
        return abs(self.mine - self.theirs) / max(self.mine, self.theirs, 1)

    def explained(self) -> str:
        """Why this point: both travel times and how, the detour and the trip it saves."""
        return _(
            "Fair meeting point at {hub}: about {mine} min for you {how} and {theirs} min for "
            "them {their_how} (estimated door to door, assuming they come by train or plane; "
            "the way over it is {detour}× the direct one, and going all the way yourself would "
            "take about {direct} min)",
            hub=self.hub.name,
            mine=self.mine,
            how=by(self.how),
            theirs=self.theirs,
            their_how=by(self.their_how),
            detour=f"{self.detour:.2f}",
            direct=self.direct,
        )


def fair_points(
    home: Geo,
    theirs: Geo | Sequence[Geo],
    limit: int = HUBS_TRIED,
    *,
    longest: int | None = None,
    travel: TravelModel = THEIRS,
) -> list[FairPoint]:
    """Stations and airports on the way between the user's home and the others' (each), the
    user travelling by ``travel`` (their ``[travel] mode``), the others as :data:`THEIRS`:

    - on the way: for each other, the distance over the hub is at most :data:`MAX_DETOUR`
      times the direct distance (Kassel is no point between Hamburg and Berlin: 2.4×);
    - worth it: the longest way to it is at most :data:`SAVING` of the user's direct trip
      (a point that costs both nearly the whole trip saves nobody anything);
    - fair: the travel times differ by less than :data:`FAIR_SHARE` of the longest;
    - within reach: nobody's way is longer than ``longest`` minutes, when given.

    Fairest and shortest first; none when no hub qualifies (then a trip is the way)."""
    others = [theirs] if isinstance(theirs, Geo) else list(theirs)
    direct = max(travel.minutes(home, other) for other in others)
    found = []
    for hub in HUBS:
        if min(distance_km(hub.geo, p) for p in (home, *others)) < SAME_PLACE_KM:
            continue
        detour = max(_detour(home, hub.geo, other) for other in others)
        if detour > MAX_DETOUR:
            continue
        mine = travel.way(home, hub.geo)
        slowest = max((THEIRS.way(other, hub.geo) for other in others), key=lambda w: w.minutes)
        point = FairPoint(hub, mine.minutes, slowest.minutes, direct, detour, mine.how, slowest.how)
        ways = [mine.minutes, *(THEIRS.minutes(other, hub.geo) for other in others)]
        spread = (max(ways) - min(ways)) / max(*ways, 1)
        reach = max(ways) <= min(direct * SAVING, math.inf if longest is None else longest)
        if spread < FAIR_SHARE and reach:
            found.append(point)
    found.sort(key=lambda p: (_cost(p), p.hub.name))
    return found[:limit]


def _detour(home: Geo, hub: Geo, other: Geo) -> float:
    """The way from home over ``hub`` to ``other`` against the direct way (distances)."""
    return (distance_km(home, hub) + distance_km(hub, other)) / max(distance_km(home, other), 1.0)


def _cost(point: FairPoint) -> float:
    """Unfairness plus length plus how far off the way between both homes the hub lies."""
    return (
        abs(point.mine - point.theirs)
        + 0.25 * max(point.mine, point.theirs)
        + 60 * (point.detour - 1)
    )


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
    beyond: FairPoint | None = None  # the best point, when every one lies beyond the limit


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
    others: tuple[Geo, ...] = ()  # every counterpart's place, when there are several
    longest: int | None = None  # the longest way each way the meeting allows (none: no limit)


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
    if len(plan.proposals) < request.count:  # not on a day one of them is where the other is
        met = frozenset(there) | frozenset(visits)
        plan.proposals += _at_fair_points(proposer, make_proposer, request, supply, plan, met)
    plan.proposals = plan.proposals[: request.count]
    if not plan.proposals and there and plan.gaps:
        from planner.i18n import short_day

        days = ", ".join(short_day(d) for d in sorted(there))  # "Thu 17 Dec", as elsewhere
        plan.note = _(
            "You are in {city} on {days}, but no venue is known there",
            city=their.city,
            days=days,
        )
    elif not plan.proposals and plan.beyond is not None and request.longest is not None:
        key = journey_limit(proposer.config, request.purpose).key
        plan.note = beyond_point(their.city, request.longest, plan.beyond, key)
    elif not plan.proposals:
        way = proposer.gaps.travel.way(request.home, their.geo)
        plan.note = _(
            "{city} is {km} km away, about {minutes} min {how}; no trip there, no visit here "
            "and no fair meeting point on the way fits this window: {instead}",
            city=their.city,
            km=round(distance_km(request.home, their.geo)),
            minutes=way.minutes,
            how=by(way.how),
            instead=instead(),
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
    tz = zone_at(near, proposer.tz, home=proposer.home, name_of=proposer.geocoder.zone_name)
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
        journey=0,  # the user is there anyway, or they are here: no journey of its own
    )
    if proposer.no_venues:
        plan.gaps.append(area)
    return [p if _said(p.reasons, why) else _with_reason(p, why, 1) for p in found]


def _said(reasons: Sequence[str], why: str) -> bool:
    """Whether ``reasons`` say "You are in … that day anyway" already, for ``why`` says so
    too: the proposer names the city as the venue's ("München"), the trip as the gazetteer
    does ("Munich"), and the two were shown one after the other."""
    head, _sep, tail = _("You are in {city} that day anyway", city="\0").partition("\0")
    there = [r for r in reasons if r.startswith(head) and r.endswith(tail)]
    return bool(there) and why.startswith(head) and why.endswith(tail)


def _at_fair_points(
    proposer: Proposer,
    make_proposer: Callable[[Catalog], Proposer],
    request: FarRequest,
    supply: Callable[[Geo, float], bool] | None,
    plan: FarPlan,
    met: frozenset[date] = frozenset(),
) -> list[Proposal]:
    """Proposals at the fair meeting points with venues; when none has a known venue, at the
    best point itself (the venue to be chosen there); none on the days of ``met`` (the user
    is in their city then, or they in the user's)."""
    found: list[Proposal] = []
    homes = request.others or request.their.geo
    travel = proposer.gaps.travel  # the user's way by their mode, the others' as THEIRS
    points = fair_points(request.home, homes, longest=request.longest, travel=travel)
    if not points and request.longest is not None:
        plan.beyond = next(iter(fair_points(request.home, homes, 1, travel=travel)), None)
    bare: list[FairPoint] = []
    for point in points:
        if supply is not None:
            supply(point.hub.geo, HUB_VENUE_KM)
        venues = [v for _km, v in proposer.catalog.near(point.hub.geo, HUB_VENUE_KM, HUB_KINDS)]
        if not venues:
            plan.gaps.append(point.hub.name)
            bare.append(point)
            continue
        found += _at_point(proposer, make_proposer, request, point, venues, len(found), met)
        if len(found) >= request.count:
            return found
    if not found and bare:
        found += _at_point(proposer, make_proposer, request, bare[0], [], 0, met)
    return found


def _at_point(
    proposer: Proposer,
    make_proposer: Callable[[Catalog], Proposer],
    request: FarRequest,
    point: FairPoint,
    venues: list[Venue],
    have: int,
    met: frozenset[date] = frozenset(),
) -> list[Proposal]:
    catalog = Catalog(venues, proposer.catalog.tz, proposer.catalog.favourites)
    hub_proposer = make_proposer(catalog)
    # the user needs the journey before: no meeting point before they can be there
    journey = timedelta(minutes=point.mine)
    got = hub_proposer.propose(
        max(request.start, request.now + journey),
        request.end,
        purpose=request.purpose,
        counterpart_busy=request.busy,
        own_busy=_journeys(proposer, request, journey, met),
        near=point.hub.geo,
        count=request.count - have,
        area=point.hub.name,
        journey=point.longest,
    )
    why = point.explained()
    return [
        replace(
            _with_reason(p, why, 1),
            travel_minutes=(point.mine, point.mine),
            counterpart_minutes=point.theirs,
        )
        for p in got
    ]


def _journeys(
    proposer: Proposer, request: FarRequest, journey: timedelta, met: frozenset[date] = frozenset()
) -> list[Interval]:
    """The user's way to a meeting point and back as busy time, each day of the request: the
    meeting fits between the start of the working day plus the journey and its end less the
    journey (no breakfast at a station three hours away, no dinner that ends after midnight);
    a day off is busy all day, and so is a day of ``met``."""
    tz = proposer.tz
    day = request.start.astimezone(tz).date()
    busy = []
    while day <= request.end.astimezone(tz).date():
        midnight = datetime.combine(day, time(), tz)
        following = datetime.combine(day + timedelta(days=1), time(), tz)
        hours = proposer.config.working_hours(day.weekday())
        if hours is None or day in met:
            busy.append(Interval(midnight, following))
        else:
            first = add(datetime.combine(day, hours[0], tz), journey)  # real time (DST)
            last = add(datetime.combine(day, hours[1], tz), -journey)
            busy.append(Interval(midnight, max(midnight, first)))
            busy.append(Interval(min(last, following), following))
        day += timedelta(days=1)
    return [b for b in busy if b.start < b.end]


def _with_reason(proposal: Proposal, why: str, at: int) -> Proposal:
    reasons = list(proposal.reasons)
    if why not in reasons:
        reasons.insert(min(at, len(reasons)), why)
    return replace(proposal, reasons=tuple(reasons))
