"""The trip view and the keep-in-touch section of the weekly plan.

For every trip (:mod:`planner.flows.trips`) the people who live or work within
``[keep_in_touch] near_km`` of it, overdue ones first (:mod:`planner.flows.keep_in_touch`),
and for the first few a ready proposal inside the trip's free time near its base (the hotel,
the client's office, the station): the trip's own schedule is busy time, and travel to and
from the venue starts at the base. Those met there on the trip (:mod:`planner.flows.trip_met`)
or invited already (:mod:`planner.flows.pending`) are in hand: listed with that, no proposal,
and none of the first few proposals used up; the rest get the reason there is none.

The weekly section picks the few people most worth meeting this week or on the next trip
(``[keep_in_touch] per_week``): overdue or due ones on a trip that week or the next, then
those near home. Each comes with a proposal, or with the reason there is none (no free time,
no venue known there, far away with no trip planned, already planned); those in hand follow,
not counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.flows.trip_met import Met, meeting, met_on_trip, met_there, on_trip, organisation_note
from planner.i18n import _, long_day, ngettext, short_day
from planner.model import Event, Interval, Purpose

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
    in_hand: bool = False  # met on the trip or invited already: nothing to do for them
    context: str = ""  # what else is true for them ("Donaubank AG is met at 'X' on …")

    def to_json(self, tz: Any) -> dict[str, Any]:
        return {
            **self.row.to_json(tz),
            "why": self.why,
            "proposal": self.proposal.to_json() if self.proposal else None,
            "note": self.note,
            "command": self.command or None,
            "in_hand": self.in_hand,
            "context": self.context,
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
            area=trip.city,  # no venue known: the city is named, as `planner propose` does
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
    """Each trip with the people near it, overdue first: those already met there or invited
    with what is in hand (:func:`_in_hand`), proposals for the first few of the others, a
    reason for the rest (:func:`_trip_picks`)."""
    views = []
    for trip in trips:
        near = [row for r in rows if (row := _near_trip(circle, r, trip)) is not None]
        near.sort(key=lambda r: (r.standing.rank(), r.label.casefold()))
        listed = _one_per_organisation(near)
        shown = listed[:PEOPLE_PER_TRIP]
        met = met_there(circle, trip)
        picks = _trip_picks(circle, trip, planner, shown, met)
        views.append(
            TripView(
                trip,
                tuple(shown),
                tuple(picks),
                max(0, len(listed) - PEOPLE_PER_TRIP),
                meeting(circle, met),
            )
        )
    return views


def _trip_picks(
    circle: Circle, trip: Trip, planner: Planner | None, rows: Sequence[PersonDue], met: Met
) -> list[Pick]:
    """A pick for each of ``rows``: what is in hand for those met there on the trip or
    invited (they use up none of the :data:`PROPOSALS_PER_TRIP`), a proposal for the first few
    of the others, the reason there is none for the rest. Where only their organisation is met
    there (its rhythm theirs), that is said of the organisation, and they are still proposed a
    time when they are due."""
    picks: list[Pick] = []
    proposed = 0
    for row in rows:
        why = _why(row, circle)
        if held := _in_hand(row, met, trip, circle):
            picks.append(Pick(row, why, note=held, in_hand=True))
            continue
        org = organisation_note(row, met, circle)
        if org and (row.standing.overdue_days is None or row.standing.overdue_days < 0):
            picks.append(Pick(row, why, note=org, in_hand=True))  # not due: the visit counts
            continue
        if planner is None:
            if org:
                picks.append(Pick(row, why, context=org))
            continue
        if proposed >= PROPOSALS_PER_TRIP:
            picks.append(Pick(row, why, note=_others_first(row, trip, circle), context=org))
            continue
        pick = planner.on_trip(row, trip, why)
        proposed += 1
        picks.append(replace(pick, context=org))
    return picks


def _in_hand(row: PersonDue, met: Met, trip: Trip, circle: Circle) -> str:
    """What already stands for ``row`` on ``trip`` (``""`` when nothing): a meeting in person
    there they attend, else the open invitation or offer to them (their next chance)."""
    if (event := met_on_trip(row, met, trip)) is not None:
        return on_trip(event, circle)
    if row.invited is not None:
        return row.invited.text(circle.tz)
    return ""


def _others_first(row: PersonDue, trip: Trip, circle: Circle) -> str:
    """Why ``row`` has no proposal on ``trip``: others before them have them, and the command
    that finds one."""
    import shlex

    day = trip.start.astimezone(circle.tz).isocalendar()
    week = f"{day.year}-W{day.week:02d}"
    command = shlex.join(["planner", "propose", "--with", row.email, "--week", week,
                          "--near", trip.city])  # fmt: skip
    return ngettext(
        "no proposal here: {count} person before them on this trip has one; {command}",
        "no proposal here: {count} people before them on this trip have one; {command}",
        PROPOSALS_PER_TRIP,
        command=command,
    )


def _near_trip(circle: Circle, row: PersonDue, trip: Trip) -> PersonDue | None:
    """``row`` as seen from ``trip``: their place near it first, its city and evidence shown
    where it is known as well as their main place (someone whose address book lists a home in
    Lübeck and an office in Hamburg is in Hamburg for a trip there; someone the address book
    puts in Rotterdam is not said to live in Paris for a meeting there); None when no place of
    theirs is near it."""
    place = circle.nearest(row.places, trip.geo)
    if place is None:
        return None
    places = (place, *(p for p in row.places if p is not place))
    if row.places and place.source > row.places[0].source:
        return replace(row, places=places)  # where they live or work stays the main place
    return replace(
        row,
        places=places,
        city=place.city,
        city_evidence=place.evidence,
        distance_km=circle.distance(place),  # the distance of the city shown
    )


def week_section(
    circle: Circle,
    rows: Sequence[PersonDue],
    trips: Sequence[Trip],
    planner: Planner | None,
    week: tuple[datetime, datetime],
) -> KeepInTouch:
    """Whom to meet this week or on the next trip (see the module doc): ``per_week`` people
    to act for, then those in hand (met on a trip, invited), who use up none of it."""
    limit = int(circle.config["keep_in_touch"]["per_week"])
    if limit <= 0:
        return KeepInTouch()
    start, end = week
    soon = [
        t for t in trips if t.end > max(start, circle.now) and t.start < end + timedelta(days=7)
    ]
    views = trip_views(circle, soon[:2], planner, rows)
    acting: list[Pick] = []
    in_hand: list[Pick] = []
    seen: set[str] = set()
    for view in views:  # on a trip first: the chance is rare
        for pick in view.picks:
            if _unit(pick.row) not in seen and _due_soon(pick.row):
                (in_hand if pick.in_hand else acting).append(pick)
                seen.add(_unit(pick.row))
    local = [
        r
        for r in _one_per_organisation(rows)
        if _unit(r) not in seen
        and _due_soon(r)
        and (not r.places or circle.near(r.places, circle.home))
        and not r.abroad  # another country: no coffee at home (a .ch address: in Switzerland)
    ]
    for row in local:
        why = _why(row, circle)
        if row.invited is not None:
            in_hand.append(Pick(row, why, note=row.invited.text(circle.tz), in_hand=True))
            continue
        if sum(p.proposal is not None for p in acting) >= limit:
            break
        if row.planned_in_person:
            continue  # meeting in person this week already, or soon after it
        if row.planned is not None and row.planned.start < end:
            day = short_day(row.planned.start.astimezone(circle.tz).date())
            note = _(
                "meet in person at '{title}' on {day} instead", title=row.planned.title, day=day
            )
            acting.append(Pick(row, why, note=note))
            continue  # one meeting with them this week is enough
        if planner is None:
            acting.append(Pick(row, why))
        else:
            acting.append(planner.at_home(row, start, end, why))
    named = {_unit(p.row) for p in (*acting, *in_hand)}
    far = [
        r
        for r in _one_per_organisation(rows)
        if _unit(r) not in named
        and r.standing.overdue
        and not r.planned_in_person  # met in person soon: in hand
        and (r.places or r.abroad)
        and not circle.near(r.places, circle.home)
    ]
    for row in far:
        if row.invited is not None:
            in_hand.append(Pick(row, _why(row, circle), note=row.invited.text(circle.tz),
                                in_hand=True))  # fmt: skip
        elif len(acting) < limit:
            acting.append(Pick(row, _why(row, circle), note=_far_note(row, circle)))
    acting.sort(key=lambda p: (p.proposal is None, p.row.standing.rank()))
    in_hand.sort(key=lambda p: p.row.standing.rank())
    return KeepInTouch((*acting[:limit], *in_hand), tuple(views))


def _due_soon(row: PersonDue) -> bool:
    """Whether ``row`` is overdue or due within a week."""
    return row.standing.overdue_days is not None and row.standing.overdue_days >= -7


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
