"""Where a counterpart lives or works: one answer, with its evidence, for every command that
asks (``planner propose``, ``planner trips``, ``planner people``, the week's plan and its
keep-in-touch section, ``planner contacts``).

The hints, strongest first; the main place is the first of the strongest source:

1. ``[[people]]`` in the config (``email`` or ``domain`` → ``city``): what the user wrote wins;
2. the address book's addresses of the person (vCard ``ADR``, CardDAV, Google and Outlook
   contacts; the work address before the home address), read into the people directory, then
   the cities the card's phone numbers name (:mod:`planner.judge.homes_book`);
3. what the calendar history shows (weights in :data:`WEIGHTS`): places of earlier in-person
   meetings with them or their organisation (same domain), addresses in the locations of their
   other meetings, and in the signature of a meeting's description (the paragraph with their
   name or address) their postal address and phone numbers, whose area code names a city
   (:mod:`planner.people.phones`: +49 40 Hamburg, +44 20 London, +33 1 Paris, +41 44 Zürich,
   +1 212 New York City), else only a country;
4. their e-mail domain's country (``.co.uk`` → United Kingdom).

Every other place a lower source names (a home address besides the office, a signature's city
the address book lacks) is kept in :attr:`HomeCity.others`, with its own evidence: someone who
lives in Lübeck and works in Hamburg is near a trip to either. A country alone names a city only
abroad (its main business city, marked as such), never a place a trip finds them in. Places are
located by the ``locate`` handed in (:mod:`planner.meet.geo`'s geocoder): no network here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from planner.i18n import _, long_day
from planner.judge.directory import (
    FREEMAIL_DOMAINS,
    configured_city,
    domain_country,
    domain_of,
)
from planner.judge.home_city import (
    BOOKED,
    CONFIGURED,
    COUNTRY,
    SEEN,
    HomeCity,
    Locate,
    Located,
    shown_city,
)
from planner.judge.homes_book import book_countries
from planner.judge.homes_book import booked as _booked
from planner.judge.homes_book import geo_of as _geo
from planner.judge.homes_book import name_of as _name
from planner.judge.signature_lines import lines_of as _lines_of
from planner.judge.zones import address_in, place_text
from planner.model import Classification, Event, Geo, Mode
from planner.people.addresses import address_key, user_keys
from planner.people.names import fold
from planner.people.phones import COUNTRY_CODES, numbers_in, phone_city
from planner.people.postal import country_word

if TYPE_CHECKING:
    from planner.config import Config
    from planner.people.directory import People

__all__ = ["BOOKED", "CONFIGURED", "COUNTRY", "SEEN", "HomeCity", "HomeFinder", "Located", "Locate"]
__all__ += ["configured_city", "domain_country", "phone_city", "shown_city"]

_Part = tuple[Located, float, str]  # a place a meeting says, its weight and the evidence
WEIGHTS = {"in_person": 3.0, "org_in_person": 2.0, "address": 1.5, "signature_address": 1.5,
           "phone": 1.0, "came": 0.75}  # fmt: skip
ORG_EVENTS = 400  # an organisation's latest meetings read for each of its people (not all)
MAIN_CITY = {country: city for country, city in COUNTRY_CODES.values()}


class Keeper(Protocol):
    """Answers kept between runs (:class:`planner.judge.homes_kept.KeptHomes`)."""

    def home_of(self, finder: HomeFinder, email: str) -> HomeCity | None: ...


@dataclass
class _Tally:
    weight: float
    geo: Geo | None
    name: str
    evidence: list[str]
    said: set[str] = field(default_factory=set)  # the evidence, to look a reason up


@dataclass
class _Facts:
    """What one event of the history shows, whoever it is asked for: worked out once, as an
    organisation's meetings are read again for each of its people."""

    location: str  # the location's place (never an app, a room, a number or a link)
    place: Located | None = None
    located: bool = False  # whether ``place`` was looked up (only where someone needs it)


class HomeFinder:
    """Where counterparts live or work (see the module doc); one instance per run. ``people``
    (the directory, with the address books read into it) adds what the address books say."""

    def __init__(
        self,
        events: Iterable[Event],
        modes: Mapping[tuple[str, str], Mode],
        config: Config,
        locate: Locate,
        *,
        now: datetime,
        people: People | None = None,
    ) -> None:
        self.config = config
        self.locate = locate
        self.now = now
        self.people = people
        # past meetings tell where they were met and where their addresses are; upcoming ones
        # only by their signatures and phone numbers (the number of a call with them is
        # usually their own): the place of a meeting yet to come is where they are to come
        # to, the user's choice as often as theirs, and says nothing of where they are based
        self.history = list(events)  # as read: by start, the latest last
        self.modes = modes
        extra = {d.strip().lower() for d in config["relations"]["freemail_domains"]}
        self.freemail = FREEMAIL_DOMAINS | extra
        self.country = str(config["geo"]["country"]).upper()
        self.own = user_keys(config)
        self.own_name = str(config.user["name"]).strip()
        self._memo: dict[str, HomeCity | None] = {}
        self.kept: Keeper | None = None  # answers kept between runs (planner.judge.homes_kept)
        # whether ``locate`` answers a text from what it located already (no look-up, no
        # write: :meth:`planner.meet.geo.Geocoder.known`); where it is told, many people are
        # worked out on several cores (:meth:`homes_of`)
        self.settled: Callable[[str], bool] | None = None
        self._index: dict[str, list[int]] | None = None
        self._windows: dict[str, tuple[list[int], list[int]]] = {}
        self._facts: dict[int, _Facts] = {}  # by position in the history
        # of each organisation, from which position on what its meetings say is known, and
        # the positions that say something, with what (by position and organisation)
        self._org_found: dict[str, tuple[int, list[int]]] = {}
        self._org_parts: dict[tuple[int, str], tuple[_Part, ...]] = {}
        home = str(config.user["home"]).strip()
        place = locate(home) if home else None
        self.home_city = fold(place.city) if place is not None and place.city else ""
        # the town's own point where home is a town (or a postal code): a place in it by another
        # name ("Munich" in the config, "80539 München" in the calendar) is at that point too
        self.home_point = (place.lat, place.lon) if place is not None and not place.exact else None

    def _in_home_city(self, place: Located) -> bool:
        if not self.home_city:
            return False
        if fold(place.city) == self.home_city:
            return True
        return (
            self.home_point is not None
            and not place.exact
            and ((place.lat, place.lon) == self.home_point)
        )

    @classmethod
    def of(
        cls,
        events: Iterable[Event],
        judged: Mapping[tuple[str, str], Classification],
        config: Config,
        locate: Locate,
        *,
        now: datetime,
        people: People | None = None,
    ) -> HomeFinder:
        """A finder over ``events`` with the modes their classifications ``judged`` say."""
        modes = {key: c.mode for key, c in judged.items()}
        return cls(events, modes, config, locate, now=now, people=people)

    def home_of(self, email: str) -> HomeCity | None:
        key = address_key(email)
        if key not in self._memo:  # kept between runs where a store is given
            if key in self.own:  # the config's: nothing to work out or keep
                self._memo[key] = self.users_home()
            else:
                self._memo[key] = self.kept.home_of(self, key) if self.kept else self.infer(key)
        return self._memo[key]

    def asked(self, key: str) -> bool:
        """Whether :meth:`home_of` has the answer for ``key`` (an address key) already."""
        return key in self._memo

    def remember(self, answers: Mapping[str, HomeCity | None]) -> None:
        """Take ``answers`` (by address key), worked out together
        (:func:`planner.judge.homes_many.homes_of`), as :meth:`home_of`'s."""
        self._memo.update(answers)

    def indexed(self) -> dict[str, list[int]]:
        """The positions in the history of the events of each address key and of each
        organisation (``"@" + domain``), in order; made once."""
        if self._index is None:
            self._index = {}
            for position, event in enumerate(self.history):
                keys: set[str] = set()
                for person in event.people():
                    key = address_key(person.email)
                    keys.update((key, "@" + key.rpartition("@")[2]))
                for key in keys:
                    self._index.setdefault(key, []).append(position)
        return self._index

    def read_for(self, email: str) -> Iterator[tuple[Event, bool]]:
        """The events the answer for ``email`` (an address key) reads, each with whether it is
        one of theirs (all of it is read) or only their organisation's: of those only the
        place, times and mode of the ones over by now (:meth:`_from_event`)."""
        positions = self._events_of(email)
        own = set((self._index or {}).get(email, ()))
        for position in positions:
            event, personal = self.history[position], position in own
            if personal or event.end <= self.now:
                yield event, personal

    def infer(self, email: str) -> HomeCity | None:
        """Where ``email`` (an address key) lives or works, worked out; the user's own
        address: where the config says they live (:meth:`users_home`)."""
        if email in self.own:
            return self.users_home()
        found: list[HomeCity] = []
        if city := configured_city(email, self.config.people):
            why = _("set in [[people]] of the config")
            found.append(HomeCity(city, _geo(self.locate(city)), (why,), source=CONFIGURED))
        booked = _booked(self.people, email, self.locate, self.country)
        found += [b for b in booked if b.geo is not None]
        # an address book that names only their country bounds what the history may say
        book = () if found else book_countries(self.people, email, self.country)
        inferred = self._inferred(email, book)
        if inferred is not None and not (found and inferred.country_only):
            found.append(inferred)
        # an address no offline look-up finds is kept, said so, after every located place
        found += [b for b in booked if b.geo is None]
        kept = _distinct(found)
        return replace(kept[0], others=tuple(kept[1:])) if kept else None

    def users_home(self) -> HomeCity | None:
        """The user's own place: ``[user] home`` of the config, None where it names none. Never
        what their meetings show: the rules read the places of meetings away from the user's
        city as where the others are based, so the user's own travels named a city they
        visit (a home in Munich shown as Hamburg); in the user's city they read nothing."""
        home = str(self.config.user["home"]).strip()
        if not home:
            return None
        place = self.locate(home)
        city = place.city if place is not None and place.city else home
        why = _("set in [user] home of the config")
        text = home if fold(home) != fold(city) else ""
        return HomeCity(city, _geo(place), (why,), source=CONFIGURED, text=text)

    def _inferred(self, email: str, book: Sequence[tuple[str, str]] = ()) -> HomeCity | None:
        """What the calendar history and the e-mail domain show (see the module doc); where
        the address book names their country (``book``), only places in that country (a lunch
        in the user's city with someone whose card says France: they came), else that
        country."""
        tallies: dict[str, _Tally] = {}
        countries: list[tuple[str, str]] = []
        domain = domain_of(email)
        own, org = self.window(email)
        if domain in self.freemail:
            org = []  # a freemail address has no organisation
        elif org:  # of theirs only what says something, worked out once for its people
            mine = set(own)
            found = self._org_positions(domain, org[0])
            org = [q for q in found[bisect_left(found, org[0]) :] if q not in mine]
        theirs = set(org)
        for position in sorted([*own, *org]):
            if position in theirs:
                for part in self._org_parts[(position, domain)]:
                    _add(tallies, *part)
            else:
                self._from_event(position, email, tallies, countries)
        if (country := domain_country(domain)) and domain not in self.freemail:
            countries.append((country, _("e-mail domain {domain}", domain=domain)))
        if book:
            country, why = book[0]
            tallies = {k: t for k, t in tallies.items() if self._in_country(t, country)}
            for tally in tallies.values():
                tally.evidence.append(why)
            countries = [(country, why), *((c, w) for c, w in countries if c == country)]
        if tallies:
            best = max(tallies.values(), key=lambda t: (t.weight, len(t.evidence)))
            return HomeCity(best.name, best.geo, tuple(best.evidence[:4]))
        return self._from_countries(countries)

    def _in_country(self, tally: _Tally, country: str) -> bool:
        """Whether the place of ``tally`` lies in ``country``: the town of that name there
        is the same place."""
        word = country_word(country)
        found = self.locate(f"{tally.name}, {word}") if word and tally.geo else None
        return found is not None and tally.geo is not None and _close(_geo(found), tally.geo)

    def _events_of(self, email: str) -> list[int]:
        """The positions in the history of the events with ``email`` or their organisation, in
        order (indexed once: asking for many people costs what their own meetings cost, not
        the whole history each)."""
        own, org = self.window(email)
        return sorted({*own, *org})

    def window(self, email: str) -> tuple[list[int], list[int]]:
        """The positions of ``email``'s own meetings, and of their organisation's without
        them the latest :data:`ORG_EVENTS`, each in order (worked out once: the answer and
        its key both ask)."""
        found = self._windows.get(email)
        if found is None:
            found = self._windows[email] = self._window(email)
        return found

    def _window(self, email: str) -> tuple[list[int], list[int]]:
        index = self.indexed()
        own = index.get(email, [])
        theirs = index.get("@" + domain_of(email), [])
        mine = set(own)
        # of the organisation's meetings without them, the latest ORG_EVENTS: they say where
        # it meets as well as all would, and a big organisation's people cost what they do
        org = [p for p in theirs[-(ORG_EVENTS + len(own)) :] if p not in mine][-ORG_EVENTS:]
        return own, org

    def _org_positions(self, domain: str, first: int) -> list[int]:
        """The positions from ``first`` on of the meetings of the organisation ``domain`` that
        say where it meets (:meth:`_places_of`), each worked out once for all its people."""
        lowest, found = self._org_found.get(domain, (None, []))
        if lowest is None or first < lowest:
            theirs = (self._index or {}).get("@" + domain, [])
            upto = bisect_left(theirs, lowest) if lowest is not None else len(theirs)
            more = []
            for position in theirs[bisect_left(theirs, first) : upto]:
                parts = self._places_of(position, domain)
                if parts:
                    self._org_parts[(position, domain)] = parts
                    more.append(position)
            self._org_found[domain] = (first, found := more + found)
        return found

    def _facts_of(self, position: int) -> _Facts:
        facts = self._facts.get(position)
        if facts is None:
            facts = self._facts[position] = _Facts(place_text(self.history[position].location))
        return facts

    def _from_event(
        self, position: int, email: str, tallies: dict[str, _Tally], countries: list
    ) -> None:
        """What a meeting of their own says (what read_for says an answer reads)."""
        for part in self._places_of(position):
            _add(tallies, *part)
        self._signature(self.history[position], email, tallies, countries)

    def _places_of(self, position: int, org: str = "") -> tuple[_Part, ...]:
        """The place a meeting over by now was held at, with its weight and evidence: for one
        of its people, or (``org``) for someone of that organisation not in it."""
        event, facts = self.history[position], self._facts_of(position)
        if not (location := facts.location) or event.end > self.now:
            return ()
        if not facts.located:
            facts.place, facts.located = self.locate(location), True
        if (place := facts.place) is None:
            return ()
        if self.modes.get(event.key, Mode.UNKNOWN) is Mode.IN_PERSON:
            day = long_day(event.start.astimezone(self.config.tz).date())
            weight = WEIGHTS["org_in_person" if org else "in_person"]
            if self._in_home_city(place):
                weight = WEIGHTS["came"]  # met in the user's city: they may have come
            why = (
                _("met {org} in person at {place} on {day}", org=org, place=location, day=day)
                if org
                else _("met in person at {place} on {day}", place=location, day=day)
            )
            return ((place, weight, why),)
        if _is_address(place):
            why = _("address in a meeting's location: {place}", place=location)
            return ((place, WEIGHTS["address"], why),)
        return ()

    def _signature(
        self, event: Event, email: str, tallies: dict[str, _Tally], countries: list
    ) -> None:
        """Their phone numbers and postal address: in the location of a call with them alone,
        and in the lines of the description around their name or address."""
        others = {address_key(p.email) for p in event.people()} - self.own
        if others == {email}:  # a call with them alone: a number in its place is theirs
            for number in numbers_in(event.location, self.country):
                why = _(
                    "phone number {number} in the location of '{title}'",
                    number=number,
                    title=event.title,
                )
                self._phone(number, why, tallies, countries)
        lines = (
            _lines_of(event.description, self._anchors(event, email)) if event.description else []
        )
        for line in lines:
            for number in numbers_in(line, self.country):
                why = _(
                    "phone number {number} in the signature in '{title}'",
                    number=number,
                    title=event.title,
                )
                self._phone(number, why, tallies, countries)
            if (found := address_in(line)) is not None:
                place = self.locate(line.strip(" \t·|,;")) or self.locate(found.group(0))
                if place is not None and _is_address(place):
                    text = line.strip(" \t·|,;")
                    why = _(
                        "address {place} in the signature in '{title}'",
                        place=text,
                        title=event.title,
                    )
                    _add(tallies, place, WEIGHTS["signature_address"], why)

    def _anchors(self, event: Event, email: str) -> tuple[list[str], list[str]]:
        """What names ``email`` in a description (their address and names) and what names
        anyone else of the event (the user included)."""
        mine, theirs = [email], []
        for person in event.people():
            key = address_key(person.email)
            words = [w for w in (key, person.name.strip()) if len(w) > 2]
            (mine if key == email else theirs).extend(words)
        if self.people is not None and (known := self.people.get(email)) and known.name:
            mine.append(known.name)
        if self.own_name:
            theirs.append(self.own_name)
        folded = {m.casefold() for m in mine}
        return mine, [w for w in theirs if w.casefold() not in folded]

    def _phone(self, number: str, why: str, tallies: dict[str, _Tally], countries: list) -> None:
        found = phone_city(number)
        if found is None:
            return
        city, country = found
        if city and (place := self.locate(city)) is not None:
            _add(tallies, place, WEIGHTS["phone"], why)
        else:
            countries.append((country, why))

    def _from_countries(self, countries: list[tuple[str, str]]) -> HomeCity | None:
        abroad = [(c, why) for c, why in countries if c != self.country and c in MAIN_CITY]
        if not abroad:
            return None
        country = max({c for c, _w in abroad}, key=lambda c: sum(1 for x, _w in abroad if x == c))
        city = MAIN_CITY[country]
        evidence = [why for c, why in abroad if c == country]
        evidence.append(_("only the country is known; {city} is assumed", city=city))
        return HomeCity(city, _geo(self.locate(city)), tuple(evidence), source=COUNTRY)


def _distinct(found: Sequence[HomeCity]) -> list[HomeCity]:
    """One entry per city, the first kept, the evidence of the others added to it."""
    kept: list[HomeCity] = []
    for home in found:
        same = next((k for k in kept if _same_place(k, home)), None)
        if same is None:
            kept.append(home)
            continue
        evidence = tuple(dict.fromkeys((*same.evidence, *home.evidence)))[:4]
        kept[kept.index(same)] = replace(same, evidence=evidence)
    return kept


def _same_place(a: HomeCity, b: HomeCity) -> bool:
    if fold(a.city) == fold(b.city):
        return True
    return a.geo is not None and b.geo is not None and _close(a.geo, b.geo)


def _close(a: Geo | None, b: Geo) -> bool:
    """One town: points this close."""
    return a is not None and abs(a.lat - b.lat) < 0.03 and abs(a.lon - b.lon) < 0.05


def _is_address(place: Located) -> bool:
    return getattr(place, "source", "") in ("postal_code", "city", "nominatim")


def _add(tallies: dict[str, _Tally], place: Located, weight: float, why: str) -> None:
    name = _name(place)
    key = fold(name)
    tally = tallies.setdefault(key, _Tally(0.0, _geo(place), name, []))
    tally.weight += weight
    if why not in tally.said:
        tally.said.add(why)
        tally.evidence.append(why)
