"""Whom to meet in person again: every person with a rhythm (or, asked for, everyone known),
with the last meeting in person, the last contact of any kind, where they live or work and how
far that is, when the next meeting in person is due, and the next chance to meet (a meeting
already planned, a trip to their city).

Composition over the people (:mod:`planner.people`: names, places and tags from the config,
address books and calendars; rhythms), the contact ledger (:mod:`planner.judge.relations`:
who was met how and when), homes inferred from the calendar history
(:mod:`planner.judge.homes`) and trips (:mod:`planner.flows.trips`). ``planner people`` lists
:meth:`Circle.rows`; the trip view and the weekly section (:mod:`planner.flows.trip_view`)
build on them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from planner.i18n import _, short_day
from planner.model import Classification, Event, Geo, Mode, Response, Status
from planner.people.person import Source
from planner.people.rhythm import PERSON, Rhythms, Standing, earliest, latest, standing

if TYPE_CHECKING:
    from planner.config import Config
    from planner.flows.pending import Pending
    from planner.flows.trips import Trip
    from planner.judge.relations import Ledger
    from planner.people.person import Person

Locate = Callable[[str], Any]


@dataclass(frozen=True, slots=True)
class Place:
    """Where someone lives or works, located, and where that is known from."""

    text: str
    city: str
    geo: Geo
    evidence: str = ""
    source: int = 2  # how strong where it is known from is (planner.judge.homes: 0 strongest)


@dataclass(frozen=True, slots=True)
class PersonDue:
    """One person as ``planner people`` lists them."""

    person: Person
    standing: Standing
    organisation: str
    places: tuple[Place, ...]  # located, the main one first
    city: str  # the main place's city ("" when unknown)
    distance_km: float | None  # from the user's home to the main place (``city``)
    planned: Event | None = None  # the next meeting with them already in the calendar
    planned_in_person: bool = False
    trip: Trip | None = None  # the next trip to one of their places
    city_evidence: str = ""  # where the city comes from (address book, config, history)
    abroad: str = ""  # no place, but the country they are in, not the user's ("Zürich"
    # assumed from a .ch address): no coffee at home is proposed for them
    invited: Pending | None = None  # the open invitation or offer to them: their next chance

    @property
    def email(self) -> str:
        return self.person.email

    @property
    def label(self) -> str:
        return self.person.label

    def next_chance(self, tz: Any) -> str:
        """The next chance to meet, in words (``""`` when none is known)."""
        chances = []
        if self.invited is not None and not self._invitation_planned():
            chances.append(self.invited.text(tz))
        if self.planned is not None:
            day = short_day(self.planned.start.astimezone(tz).date())
            chances.append(
                _("meeting in person on {day}", day=day)
                if self.planned_in_person
                else _("{title} on {day} (not in person)", title=self.planned.title, day=day)
            )
        if self.trip is not None:
            day = short_day(self.trip.start.astimezone(tz).date())
            chances.append(_("trip to {city} from {day}", city=self.trip.city, day=day))
        return "; ".join(chances)

    def _invitation_planned(self) -> bool:
        """Whether the open invitation is the meeting already planned (accepted, in the
        calendar): named once."""
        invited, planned = self.invited, self.planned
        return invited is not None and planned is not None and invited.start == planned.start

    def to_json(self, tz: Any) -> dict[str, Any]:
        rule = self.standing.rule
        return {
            "email": self.email,
            "name": self.person.name,
            "organisation": self.organisation,
            "tags": list(self.person.tags),
            "phones": list(self.person.phones),  # the address book's, work first
            "rhythm": rule.rhythm.code if rule else None,
            "rhythm_from": rule.origin if rule else None,
            "last_in_person": _iso(self.standing.last_in_person),
            "last_contact": _iso(self.standing.last_contact),
            "due": _iso(self.standing.due),
            "overdue_days": self.standing.overdue_days,
            "city": self.city,
            "city_evidence": self.city_evidence,
            "places": [p.text for p in self.places],
            "distance_km": round(self.distance_km) if self.distance_km is not None else None,
            "next_chance": self.next_chance(tz),
            "planned": {
                "title": self.planned.title,
                "start": self.planned.start.astimezone(tz).isoformat(),
                "in_person": self.planned_in_person,
            }
            if self.planned
            else None,
            "trip": self.trip.to_json(tz) if self.trip else None,
            "invited": self.invited.to_json(tz) if self.invited else None,
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


class Circle:
    """The people planner keeps in touch with, as of ``now``; built once per run."""

    def __init__(
        self,
        config: Config,
        now: datetime,
        ledger: Ledger,
        *,
        events: Sequence[Event] = (),
        modes: Mapping[tuple[str, str], Classification] | None = None,
        locate: Locate,
        rhythms: Rhythms | None = None,
        trips: Sequence[Trip] = (),
        homes: Callable[[str], Any] | None = None,
        pending: Mapping[str, Pending] | None = None,
    ) -> None:
        self.config, self.now, self.ledger, self.locate = config, now, ledger, locate
        self.pending = pending or {}  # address (key form) → open invitation or offer
        self.tz = config.tz
        self.today = now.astimezone(self.tz).date()
        self.people = ledger.directory.people
        self.events, self.modes = events, modes or {}
        self.rhythms = rhythms or Rhythms(config)
        self.trips = list(trips)
        if homes is None:  # the one answer to where someone lives or works, as propose's
            from planner.judge.homes import HomeFinder

            finder = HomeFinder.of(
                events, self.modes, config, locate, now=now, people=ledger.directory.people
            )
            homes = finder.home_of
        self.homes = homes
        self.near_km = float(config["keep_in_touch"]["near_km"])
        home = str(config.user["home"]).strip()
        place = locate(home) if home else None
        self.home: Geo | None = place.geo if place is not None else None
        self._planned: dict[str, list[Event]] | None = None

    # -- who --------------------------------------------------------------------------------

    def known(self) -> list[Person]:
        """Everyone met (the ledger's counterparts), everyone the config or an address book
        names, and everyone given a rhythm of their own (met or not yet: a rhythm set for
        someone first met next week is not lost), each once."""
        found: dict[str, Person] = {}
        for email in self.ledger.persons():
            person = self.people.get(email)
            if person is not None:
                found.setdefault(person.key, person)
        for rule in self.rhythms.rules.values():
            if rule.kind == PERSON and (person := self.people.get(rule.target)) is not None:
                found.setdefault(person.key, person)
        for person in self.people:
            if person.source >= Source.ADDRESS_BOOK and self._external(person):
                found.setdefault(person.key, person)
        return list(found.values())

    def _external(self, person: Person) -> bool:
        directory = self.ledger.directory
        return all(directory.is_external(a) for a in person.addresses)

    def rows(self, *, everyone: bool = False) -> list[PersonDue]:
        """People by how overdue their next meeting in person is (see :class:`Standing`);
        only those with a rhythm unless ``everyone``."""
        rows = []
        for person in self.known():
            rule = self.rhythms.of(person)
            if rule is None and not everyone:
                continue
            rows.append(self.row(person))
        rows.sort(key=lambda r: (r.standing.rank(), r.label.casefold()))
        return rows

    def row(self, person: Person) -> PersonDue:
        rule = self.rhythms.of(person)
        summaries = [self.ledger.summary(a) for a in person.addresses]
        local = [self._local(s.last_in_person) for s in summaries]
        if rule is not None and rule.kind == "organisation":
            # meeting anyone of the organisation counts for it
            local.append(self._local(self.ledger.account_summary(rule.target).last_in_person))
        situation = standing(
            rule,
            self.today,
            last_in_person=latest(*local),
            last_contact=latest(*(self._local(s.last) for s in summaries)),
            first_contact=earliest(self._local(s.first) for s in summaries),
        )
        places, evidence = self._places(person)
        # the distance of the city shown (a lunch they came to Munich for is no nearer home)
        distance = self.distance(places[0]) if places else None
        planned = self._next_planned(person)
        return PersonDue(
            person=person,
            standing=situation,
            organisation=self.people.organisation_of(person.email)
            or (self.ledger.directory.organisation(person.email) or ""),
            places=places,
            city=places[0].city if places else "",
            distance_km=distance,
            planned=planned,
            planned_in_person=planned is not None and self._mode(planned) is Mode.IN_PERSON,
            trip=self._trip_to(places),
            city_evidence=evidence,
            abroad=self._abroad(person) if not places else "",
            invited=self._invited(person),
        )

    def _local(self, moment: datetime | None) -> date | None:
        return moment.astimezone(self.tz).date() if moment else None

    # -- where ------------------------------------------------------------------------------

    def _abroad(self, person: Person) -> str:
        """The city assumed for someone known only to be in another country, else ``""``."""
        home = self.homes(person.email)
        return home.city if home is not None and home.country_only else ""

    def _places(self, person: Person) -> tuple[tuple[Place, ...], str]:
        """Where they live or work, the main place first, and the evidence for the main one:
        :meth:`planner.judge.homes.HomeFinder.home_of`, the answer ``propose`` gives too (a
        country alone is no place)."""
        home = self.homes(person.email)
        if home is None or not home.places:
            return (), ""
        places = tuple(
            Place(p.text or p.city, p.city, p.geo, "; ".join(p.evidence[:2]), p.source)
            for p in home.places
            if p.geo is not None
        )
        # an address no offline look-up finds (a village abroad) is said, not dropped
        unlocated = [e for p in home.others if p.geo is None for e in p.evidence[:1]]
        evidence = "; ".join([places[0].evidence, *unlocated]) if places else ""
        return places, evidence

    def distance(self, place: Place) -> float | None:
        """How far ``place`` is from the user's home (None where home is not located)."""
        if self.home is None:
            return None
        from planner.meet.geo import distance_km

        return distance_km(self.home, place.geo)

    def near(self, person_places: Sequence[Place], geo: Geo | None) -> bool:
        """Whether one of the places lies within ``[keep_in_touch] near_km`` of ``geo``."""
        return self.nearest(person_places, geo) is not None

    def nearest(self, person_places: Sequence[Place], geo: Geo | None) -> Place | None:
        """The place nearest ``geo`` within ``[keep_in_touch] near_km``, None when none is."""
        if geo is None:
            return None
        from planner.meet.geo import distance_km

        found = [(distance_km(p.geo, geo), p) for p in person_places]
        found = [pair for pair in found if pair[0] <= self.near_km]
        return min(found, key=lambda pair: pair[0])[1] if found else None

    def _trip_to(self, places: Sequence[Place]) -> Trip | None:
        return next((t for t in self.trips if t.end > self.now and self.near(places, t.geo)), None)

    # -- when -------------------------------------------------------------------------------

    def _next_planned(self, person: Person) -> Event | None:
        if self._planned is None:
            self._planned = meetings_ahead(self.events, self.now)
        found = [e for a in person.addresses for e in self._planned.get(_fold(a), [])]
        # the next chance in person is the next meeting in person, where one is planned (a
        # call first, then the lunch with them: the lunch is the chance)
        in_person = [e for e in found if self._mode(e) is Mode.IN_PERSON]
        return min(in_person or found, key=lambda e: e.start) if found else None

    def _invited(self, person: Person) -> Pending | None:
        """The first open invitation or offer to any address of ``person``."""
        found = [p for a in person.addresses if (p := self.pending.get(_fold(a))) is not None]
        return min(found, key=lambda p: p.start) if found else None

    def _mode(self, event: Event) -> Mode:
        found = self.modes.get(event.key)
        return found.mode if found is not None else Mode.UNKNOWN


def meetings_ahead(events: Iterable[Event], since: datetime) -> dict[str, list[Event]]:
    """Address (in key form) → the meetings with that person from ``since`` on, in the order
    of ``events``: not cancelled, not all-day, not declined by the user or by them."""
    from planner.people.addresses import address_key

    found: dict[str, list[Event]] = {}
    for event in events:
        if event.start < since or event.status is Status.CANCELLED or event.all_day:
            continue
        if event.self_response is Response.DECLINED:
            continue
        for attendee in event.people():
            if attendee.response is not Response.DECLINED:
                found.setdefault(address_key(attendee.email), []).append(event)
    return found


def _fold(address: str) -> str:
    from planner.people.addresses import address_key

    return address_key(address)
