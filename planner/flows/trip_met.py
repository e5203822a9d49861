"""Who is met on a trip: everyone the trip's own meetings in person there are with
(:func:`met_there`), and what that says of one person (:func:`met_on_trip`: a meeting they
attend) or only of their organisation, where its rhythm is theirs
(:func:`organisation_note`: "Donaubank AG is met at 'X' on Tue 15 Dec; Felix Gruber is not
invited"). A sentence about a person is true of that person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.i18n import _, short_day
from planner.model import Attendee, Event

if TYPE_CHECKING:
    from planner.flows.keep_in_touch import Circle, PersonDue
    from planner.flows.trips import Trip

Met = dict[str, tuple[Attendee, Event]]  # address (key form) → the person, their meeting


def met_there(circle: Circle, trip: Trip) -> Met:
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
        if not near(circle, event, trip):
            continue  # a breakfast at home before the flight, a meeting in another town
        for person in directory.counterparts(event):
            if person.response is not Response.DECLINED:
                people.setdefault(address_key(person.email), (person, event))
    return people


def meeting(circle: Circle, met: Met) -> str:
    """Everyone met there on the trip, as a sentence names them ("" when nobody)."""
    if not met:
        return ""
    directory = circle.ledger.directory
    return directory.who({directory.unit(key) for key in met}, [p for p, _e in met.values()])


def met_on_trip(row: PersonDue, met: Met, trip: Trip) -> Event | None:
    """The meeting in person there on ``trip`` that ``row`` attends, else their own meeting
    in person planned during the trip (somewhere its town is not told); None when they are
    at none (a meeting with others of their organisation is :func:`organisation_met`)."""
    from planner.people.addresses import address_key

    for address in row.person.addresses:
        if (found := met.get(address_key(address))) is not None:
            return found[1]
    planned = row.planned
    if row.planned_in_person and planned is not None and trip.start <= planned.start < trip.end:
        return planned
    return None


def organisation_met(row: PersonDue, met: Met) -> Event | None:
    """Where ``row``'s rhythm is their organisation's: the meeting in person there with
    someone of it (meeting any of them counts for it), else None."""
    from planner.people.addresses import domain_of

    rule = row.standing.rule
    if rule is None or rule.kind not in ("organisation", "key account"):
        return None
    target = rule.target
    for key, (_person, event) in met.items():
        domain = domain_of(key)
        if key == target or domain == target or domain.endswith("." + target):
            return event
    return None


def organisation_note(row: PersonDue, met: Met, circle: Circle) -> str:
    """ "Donaubank AG is met at 'X' on Tue 15 Dec; Felix Gruber is not invited" (``""`` when
    their organisation is not met there): true of the organisation, not of them."""
    event = organisation_met(row, met)
    if event is None:
        return ""
    rule = row.standing.rule
    organisation = row.organisation or (rule.target if rule is not None else "")
    return _(
        "{organisation} is met at '{title}' on {day}; {name} is not invited",
        organisation=organisation,
        title=event.title.strip() or _("a meeting"),
        day=short_day(event.start.astimezone(circle.tz).date()),
        name=row.label,
    )


def on_trip(event: Event, circle: Circle) -> str:
    day = short_day(event.start.astimezone(circle.tz).date())
    title = event.title.strip() or _("a meeting")
    return _("you meet in person at '{title}' on {day}, on this trip", title=title, day=day)


def near(circle: Circle, event: Event, trip: Trip) -> bool:
    """Whether ``event`` takes place within ``[keep_in_touch] near_km`` of ``trip``'s town
    (where it is can be told: its place written, else its coordinates)."""
    from planner.meet.geo import distance_km

    if trip.geo is None or not event.location.strip():
        return False
    place = circle.locate(event.location)
    geo = place.geo if place is not None else event.geo
    return geo is not None and distance_km(geo, trip.geo) <= circle.near_km
