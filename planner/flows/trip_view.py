"""The trip view and the keep-in-touch section of the weekly plan.

For every trip (:mod:`planner.flows.trips`) the people who live or work within
``[keep_in_touch] near_km`` of it, overdue ones first (:mod:`planner.flows.keep_in_touch`),
and for the first few a ready proposal inside the trip's free time near its base (the hotel,
the client's office, the station): the trip's own schedule is busy time, and travel to and
from the venue starts at the base.

The weekly section picks the few people most worth meeting this week or on the next trip
(``[keep_in_touch] per_week``): overdue or due ones on a trip that week or the next, then
those near home. Each comes with a proposal, or with the reason there is none (no free time,
no venue known there, far away with no trip planned, already planned).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.i18n import _, long_day, ngettext, short_day
from planner.model import Attendee, Event, Interval, Purpose

if TYPE_CHECKING:
    from planner.flows.keep_in_touch import Circle, PersonDue
    from planner.flows.trips import Trip
    from planner.meet.proposals import Proposal, Proposer

PEOPLE_PER_TRIP = 12  # listed per trip
PROPOSALS_PER_TRIP = 3  # of them, with a proposal each


@dataclass(frozen=True, slots=True)
class Pick:
    """Someone worth meeting, with a ready proposal or the reason there is none."""

    row: PersonDue
    why: str  # why them, now
    proposal: Proposal | None = None
    note: str = ""  # why there is no proposal
    command: str = ""  # the `planner invite` that makes the proposal an invitation

    def to_json(self, tz: Any) -> dict[str, Any]:
        return {
            **self.row.to_json(tz),
            "why": self.why,
            "proposal": self.proposal.to_json() if self.proposal else None,
            "note": self.note,
            "command": self.command or None,
        }


@dataclass(frozen=True, slots=True)
class TripView:
    """One trip and the people near it; ``more`` counts those not listed."""

    trip: Trip
    people: tuple[PersonDue, ...]
    picks: tuple[Pick, ...] = ()
    more: int = 0
    meeting: str = ""  # who the trip's own meetings are with, among those not listed

    def to_json(self, tz: Any) -> dict[str, Any]:
        chosen = {p.row.email: p for p in self.picks}
        return {
            **self.trip.to_json(tz),
            "people": [
                chosen[r.email].to_json(tz) if r.email in chosen else r.to_json(tz)
                for r in self.people
            ],
            "more_people": self.more,
            "meeting": self.meeting,
        }


@dataclass(frozen=True, slots=True)
class KeepInTouch:
    """The weekly plan's section: whom to meet this week or on the next trip."""

    picks: tuple[Pick, ...] = ()
    trips: tuple[TripView, ...] = ()

    def to_json(self, tz: Any) -> dict[str, Any]:
        return {
            "people": [p.to_json(tz) for p in self.picks],
            "trips": [t.to_json(tz) for t in self.trips],
        }


@dataclass
class Planner:
    """Proposals for the picks: one :class:`Proposer` over the user's calendar, its travel
    starting at each trip's base on the trip's days; slots handed out are held for the next."""

    circle: Circle
    proposer: Proposer | None
    online: bool = False
    taken: list[Interval] = field(default_factory=list)
    venues: Any = None  # the catalog `planner invite --venue` reads, loaded for the first pick

    def _earliest(self) -> datetime:
        from planner.meet.slots import earliest

        return earliest(self.circle.now, self.circle.config["slots"]["notice_hours"])

    def _command(self, row: PersonDue, proposal: Proposal) -> str:
        from planner.flows.invite_line import invite_command

        if self.venues is None:
            from planner.meet.venues import catalog_from_config

            self.venues = catalog_from_config(self.circle.config)
        config = self.circle.config
        return invite_command(config, row.email, row.person.name, proposal, catalog=self.venues)

    def on_trip(self, row: PersonDue, trip: Trip, why: str) -> Pick:
        if self.proposer is None or trip.base_geo is None:
            return Pick(row, why, note=_("proposals are off"))
        start = max(trip.start, self._earliest())
        if start >= trip.end:
            return Pick(row, why, note=_("the trip has begun; no free time is left in it"))
        for day in trip.days(self.circle.tz):
            # the day starts at the base; an address (hotel, office, station) is exact
            self.proposer.workplaces[day] = (trip.base_geo, trip.base != trip.city)
        found = self.proposer.propose(
            start,
            trip.end,
            purpose=Purpose.ROUTINE,
            own_busy=self.taken,
            counterpart_place=row.places[0].geo if row.places else None,
            near=trip.base_geo,
            count=1,
            area=trip.base,
        )
        hint = self._no_venues(trip.city)
        if found:
            proposal = _with_reason(
                found[0], _("Near {base}, on your trip to {city}", base=trip.base, city=trip.city)
            )
            self.taken.append(Interval(proposal.start, proposal.end))
            return Pick(row, why, proposal, note=hint, command=self._command(row, proposal))
        return Pick(row, why, note=hint or _("no free time of the trip fits a meeting"))

    def at_home(self, row: PersonDue, start: datetime, end: datetime, why: str) -> Pick:
        if self.proposer is None:
            return Pick(row, why, note=_("proposals are off"))
        start = max(start, self._earliest())
        found = self.proposer.propose(
            start,
            end,
            purpose=Purpose.ROUTINE,
            own_busy=self.taken,
            counterpart_place=row.places[0].geo if row.places else None,
            count=1,
            area=row.city,
        )
        hint = self._no_venues(row.city or str(self.circle.config.user["home"]))
        if found:
            self.taken.append(Interval(found[0].start, found[0].end))
            return Pick(row, why, found[0], note=hint, command=self._command(row, found[0]))
        return Pick(row, why, note=hint or _("no free time this week fits a meeting"))

    def _no_venues(self, place: str) -> str:
        """How to get venues around ``place`` when none were known there (else ``""``): a
        proposal then names the area, the venue to be chosen there."""
        if self.proposer is None or not self.proposer.no_venues:
            return ""
        from planner.meet.places import no_venues_hint

        return no_venues_hint(place, self.online)


def trip_views(
    circle: Circle, trips: Sequence[Trip], planner: Planner | None, rows: Sequence[PersonDue]
) -> list[TripView]:
    """Each trip with the people near it, overdue first, and proposals for the first few."""
    views = []
    for trip in trips:
        near = [row for r in rows if (row := _near_trip(circle, r, trip)) is not None]
        near.sort(key=lambda r: (r.standing.rank(), r.label.casefold()))
        listed = _one_per_organisation(near)
        met = _met_there(circle, trip)
        picks = []
        if planner is not None:
            for row in listed[:PROPOSALS_PER_TRIP]:
                if (there := _met_on_trip(row, met, trip)) is not None:
                    picks.append(Pick(row, _why(row, circle), note=_on_trip(there, circle)))
                    continue  # met there on this trip: no second meeting
                picks.append(planner.on_trip(row, trip, _why(row, circle)))
        views.append(
            TripView(
                trip,
                tuple(listed[:PEOPLE_PER_TRIP]),
                tuple(picks),
                max(0, len(listed) - PEOPLE_PER_TRIP),
                _meeting(circle, met),
            )
        )
    return views


Met = dict[str, tuple[Attendee, Event]]  # address (key form) → the person, their meeting


def _met_there(circle: Circle, trip: Trip) -> Met:
    """Everyone the trip's own meetings in person are with, each with the first of them: a
    counterpart met first on this trip is no one the user "knows" near it yet, but a trip to
    meet them is no trip where "nobody you know" is, and no one to propose a second meeting
    to. A video call during the trip is with someone elsewhere, and so is a meeting in another
    town during it (a breakfast at home before the flight); cancelled and declined ones (by
    either side) do not count."""
    from planner.model import Mode, Response, Status
    from planner.people.addresses import address_key

    directory = circle.ledger.directory
    people: Met = {}
    for event in sorted(trip.schedule, key=lambda e: e.start):
        if event.status is Status.CANCELLED or event.self_response is Response.DECLINED:
            continue
        found = circle.modes.get(event.key)
        if found is None or found.mode not in (Mode.IN_PERSON, Mode.HYBRID):
            continue  # a video call during the trip is with someone elsewhere
        if not _near(circle, event, trip):
            continue  # a breakfast at home before the flight, a meeting in another town
        for person in directory.counterparts(event):
            if person.response is not Response.DECLINED:
                people.setdefault(address_key(person.email), (person, event))
    return people


def _meeting(circle: Circle, met: Met) -> str:
    """Everyone met there on the trip, as a sentence names them ("" when nobody)."""
    if not met:
        return ""
    directory = circle.ledger.directory
    return directory.who({directory.unit(key) for key in met}, [p for p, _e in met.values()])


def _met_on_trip(row: PersonDue, met: Met, trip: Trip) -> Event | None:
    """The meeting in person there on ``trip`` that ``row`` attends (or, where their rhythm
    is their organisation's, anyone of it), else their own meeting in person planned during
    the trip (somewhere its town is not told)."""
    from planner.people.addresses import address_key, domain_of

    for address in row.person.addresses:
        if (found := met.get(address_key(address))) is not None:
            return found[1]
    rule = row.standing.rule
    if rule is not None and rule.kind in ("organisation", "key account"):
        target = rule.target
        for key, (_person, event) in met.items():
            domain = domain_of(key)
            if key == target or domain == target or domain.endswith("." + target):
                return event
    planned = row.planned
    if row.planned_in_person and planned is not None and trip.start <= planned.start < trip.end:
        return planned
    return None


def _on_trip(event: Event, circle: Circle) -> str:
    day = short_day(event.start.astimezone(circle.tz).date())
    title = event.title.strip() or _("a meeting")
    return _("you meet in person at '{title}' on {day}, on this trip", title=title, day=day)


def _near(circle: Circle, event: Event, trip: Trip) -> bool:
    """Whether ``event`` takes place within ``[keep_in_touch] near_km`` of ``trip``'s town
    (where it is can be told: its place written, else its coordinates)."""
    from planner.meet.geo import distance_km

    if trip.geo is None or not event.location.strip():
        return False
    place = circle.locate(event.location)
    geo = place.geo if place is not None else event.geo
    return geo is not None and distance_km(geo, trip.geo) <= circle.near_km


def _near_trip(circle: Circle, row: PersonDue, trip: Trip) -> PersonDue | None:
    """``row`` as seen from ``trip``: their place near it first, its city and evidence shown
    (someone who lives in Lübeck and works in Hamburg is in Hamburg for a trip there); None
    when no place of theirs is near it."""
    place = circle.nearest(row.places, trip.geo)
    if place is None:
        return None
    places = (place, *(p for p in row.places if p is not place))
    return replace(row, places=places, city=place.city, city_evidence=place.evidence)


def week_section(
    circle: Circle,
    rows: Sequence[PersonDue],
    trips: Sequence[Trip],
    planner: Planner | None,
    week: tuple[datetime, datetime],
) -> KeepInTouch:
    """Whom to meet this week or on the next trip (see the module doc)."""
    limit = int(circle.config["keep_in_touch"]["per_week"])
    if limit <= 0:
        return KeepInTouch()
    start, end = week
    soon = [
        t for t in trips if t.end > max(start, circle.now) and t.start < end + timedelta(days=7)
    ]
    views = trip_views(circle, soon[:2], planner, rows)
    picks: list[Pick] = []
    seen: set[str] = set()
    for view in views:  # on a trip first: the chance is rare
        for pick in view.picks:
            if pick.row.standing.overdue_days is not None and pick.row.standing.overdue_days >= -7:
                picks.append(pick)
                seen.add(_unit(pick.row))
    local = [
        r
        for r in _one_per_organisation(rows)
        if _unit(r) not in seen
        and r.standing.overdue_days is not None
        and r.standing.overdue_days >= -7
        and (not r.places or circle.near(r.places, circle.home))
        and not r.abroad  # another country: no coffee at home (a .ch address: in Switzerland)
    ]
    for row in local:
        if len(picks) >= limit:
            break
        if row.planned_in_person:
            continue  # meeting in person this week already, or soon after it
        if row.planned is not None and row.planned.start < end:
            day = short_day(row.planned.start.astimezone(circle.tz).date())
            note = _(
                "meet in person at '{title}' on {day} instead", title=row.planned.title, day=day
            )
            picks.append(Pick(row, _why(row, circle), note=note))
            continue  # one meeting with them this week is enough
        if planner is None:
            picks.append(Pick(row, _why(row, circle)))
        else:
            picks.append(planner.at_home(row, start, end, _why(row, circle)))
    chosen = {p.row.email for p in picks}
    represented = {_unit(p.row) for p in picks}
    far = [
        r
        for r in _one_per_organisation(rows)
        if r.email not in chosen
        and _unit(r) not in represented
        and r.standing.overdue
        and (r.places or r.abroad)
        and not circle.near(r.places, circle.home)
    ]
    for row in far[: max(0, limit - len(picks))]:
        picks.append(Pick(row, _why(row, circle), note=_far_note(row, circle)))
    picks.sort(key=lambda p: (p.proposal is None, p.row.standing.rank()))
    return KeepInTouch(tuple(picks[:limit]), tuple(views))


def _unit(row: PersonDue) -> str:
    """Whom a meeting with ``row`` counts for: their organisation when its rhythm is theirs."""
    rule = row.standing.rule
    if rule is not None and rule.kind in ("organisation", "key account"):
        return rule.target
    return row.email


def _one_per_organisation(rows: Sequence[PersonDue]) -> list[PersonDue]:
    """People whose rhythm is their organisation's count once for it: the first listed."""
    seen: set[str] = set()
    kept = []
    for row in rows:
        rule = row.standing.rule
        if rule is not None and rule.kind in ("organisation", "key account"):
            if rule.target in seen:
                continue
            seen.add(rule.target)
        kept.append(row)
    return kept


def _why(row: PersonDue, circle: Circle) -> str:
    situation = row.standing
    rule = situation.rule
    if rule is None:
        if situation.last_in_person:
            return _("last met in person on {day}", day=long_day(situation.last_in_person))
        return _("never met in person")
    if situation.last_in_person is None:
        if situation.last_contact is not None:
            return _(
                "never met in person, only by video or phone (last on {day}); {rhythm}",
                day=long_day(situation.last_contact),
                rhythm=rule.label,
            )
        return _("never met in person; {rhythm}", rhythm=rule.label)
    days = situation.overdue_days or 0
    if days > 0:
        return ngettext(
            "{count} day overdue: last met in person on {day}; {rhythm}",
            "{count} days overdue: last met in person on {day}; {rhythm}",
            days,
            day=long_day(situation.last_in_person),
            rhythm=rule.label,
        )
    return _(
        "due on {due}: last met in person on {day}; {rhythm}",
        due=long_day(situation.due) if situation.due else "",
        day=long_day(situation.last_in_person),
        rhythm=rule.label,
    )


def _far_note(row: PersonDue, circle: Circle) -> str:
    if row.trip is not None:
        day = short_day(row.trip.start.astimezone(circle.tz).date())
        return _("meet on your trip to {city} from {day}", city=row.trip.city, day=day)
    if not row.places and row.abroad:
        return _(
            "abroad ({city} is assumed: only the country is known), and no trip there is "
            "planned: meet on your next trip there",
            city=row.abroad,
        )
    return _(
        "lives in {city}, {km} km away, and no trip there is planned: meet on your next trip "
        "to {city}",
        city=row.city,
        km=round(row.distance_km or 0),
    )


def _with_reason(proposal: Proposal, why: str) -> Proposal:
    return replace(proposal, reasons=(why, *proposal.reasons))


def planner_for(
    circle: Circle,
    events: Sequence[Event],
    catalog: object | None,
    geocoder: object | None,
    supply: object | None = None,
    window: tuple[datetime, datetime] | None = None,
) -> Planner:
    """A :class:`Planner` over ``events`` (None proposer without a venue catalog); with a
    ``window`` (where its proposals may fall) only over the events around it, as the weekly
    plan's proposals (:data:`AROUND`): years of history hold nothing a slot there needs."""
    if catalog is None:
        return Planner(circle, None)
    from planner.flows.own_travel import proposer_over
    from planner.meet.days import AROUND

    if window is not None:
        first, last = window[0] - AROUND[0], window[1] + AROUND[1]
        events = [e for e in events if e.end > first and e.start < last]

    plain = {k: c.mode for k, c in circle.modes.items()}
    # the one free-time model of `planner propose`: trains and flights anchored where they arrive
    proposer = proposer_over(
        events, circle.config, catalog, modes=plain, geocoder=geocoder, supply=supply
    )
    return Planner(circle, proposer, bool(circle.config["geo"]["online"]))
