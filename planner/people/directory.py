"""The people planner knows: every address seen, with the best name, organisation and city.

Fed by :class:`planner.people.person.Entry` objects from any source; for each field the value of
the highest :class:`~planner.people.person.Source` wins, then the most recently seen, then the
most often seen. Addresses compare in :func:`planner.people.addresses.address_key` form, so
``Jürgen@BÜCHER.example`` and ``mailto:j%C3%BCrgen@xn--bcher-kva.example`` are one person.
Organisations may also be named per domain (``[[people]] domain = … organisation = …``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from planner.people.addresses import address_key, bare, domain_of
from planner.people.names import clean_name, one_line
from planner.people.person import FIELDS, LISTS, Entry, Person, Source


@dataclass(slots=True)
class _Claim:
    """One value of one field, as all sources together have stated it."""

    source: Source
    seen: float
    count: int
    origin: str
    #: when it was first stated (in the order the sources were read: the config's address books
    #: in their order): of two claims alike in all else, the first wins, not the one that sorts
    #: last (Copenhagen over Aarhus by its letters)
    first: int = 0

    def rank(self) -> tuple[int, float, int, int]:
        return (int(self.source), self.seen, self.count, -self.first)


_Claims = dict[str, dict[str, _Claim]]  # field → value → claim
_NEVER = float("-inf")


def _stamp(seen: datetime | None) -> float:
    return seen.timestamp() if seen is not None else _NEVER


class People:
    """Who is who by address: each field chosen by source, then the most recent sighting, then
    the most frequent. Build one with ``planner.people.sources.people_for`` or add entries."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}  # address key → person id
        self._addresses: dict[int, list[str]] = {}
        self._claims: dict[int, _Claims] = {}
        self._domains: dict[str, dict[str, _Claim]] = {}  # domain → organisation → claim
        self._places: dict[str, tuple[str, str, tuple[str, ...]]] = {}  # domain → its card's
        self._phones: dict[str, tuple[str, str, tuple[str, ...]]] = {}  # and its numbers
        self._persons: dict[int, Person] = {}  # built on demand
        self._by_domain: dict[str, str] = {}  # domain → organisation its people name
        self._sources: dict[int, Source] = {}  # person id → the highest source naming them
        self.changes = 0  # how often what it says changed: a reader may keep answers until then

    # -- feeding ---------------------------------------------------------------------------

    def add(self, entry: Entry) -> None:
        """Take in what ``entry`` says (nothing when it names no address)."""
        keys = [(address_key(a), a) for a in entry.addresses if "@" in a]
        keys = [(k, a) for k, a in keys if k]
        if not keys:
            return
        self.changes += 1
        pid = self._person_id([k for k, _a in keys])
        self._sources[pid] = max(self._sources.get(pid, entry.source), entry.source)
        known = {address_key(a) for a in self._addresses[pid]}
        for key, address in keys:
            if key not in known:
                self._addresses[pid].append(bare(address))
                known.add(key)
        claims = self._claims[pid]
        for field, value in entry.facts().items():
            _claim(claims.setdefault(field, {}), one_line(value), entry)
        for field in LISTS:
            for value in getattr(entry, field):
                if value := one_line(value):
                    _claim(claims.setdefault(field, {}), value, entry)
        self._persons.pop(pid, None)
        if "organisation" in claims:
            self._by_domain.clear()

    def add_all(self, entries: Iterable[Entry]) -> None:
        for entry in entries:
            self.add(entry)

    def add_organisation(
        self,
        domain: str,
        name: str,
        source: Source,
        origin: str = "",
        *,
        places: tuple[str, ...] = (),
        phones: tuple[str, ...] = (),
    ) -> None:
        """Name the organisation behind ``domain`` (and its subdomains); ``places``: its
        addresses (an address book's company card), where its people work unless their own
        cards say otherwise (:meth:`organisation_places`); ``phones``: the card's numbers
        (:meth:`organisation_phones`)."""
        wanted = domain_of(f"x@{domain.strip().lstrip('@')}")
        if wanted and (name := one_line(name)):
            self.changes += 1
            _claim(self._domains.setdefault(wanted, {}), name, Entry((), source, origin=origin))
            self._by_domain.clear()
            if places and wanted not in self._places:
                self._places[wanted] = (name, origin, places)
            if phones and wanted not in self._phones:
                self._phones[wanted] = (name, origin, phones)

    def organisation_places(self, domain: str) -> tuple[str, str, tuple[str, ...]] | None:
        """``(organisation, origin, addresses)`` of the card of the organisation behind
        ``domain`` (or a parent domain) that has addresses; None when none has."""
        return _of_domain(self._places, domain)

    def organisation_phones(self, domain: str) -> tuple[str, str, tuple[str, ...]] | None:
        """``(organisation, origin, numbers)`` of the card of the organisation behind
        ``domain`` (or a parent domain) that has phone numbers; None when none has."""
        return _of_domain(self._phones, domain)

    def _person_id(self, keys: list[str]) -> int:
        ids = sorted({self._ids[k] for k in keys if k in self._ids})
        if not ids:
            pid = len(self._addresses)
            self._addresses[pid] = []
            self._claims[pid] = {}
        else:
            pid = ids[0]
            for other in ids[1:]:  # one entry names two known people: they are one
                self._merge(pid, other)
        for key in keys:
            self._ids[key] = pid
        return pid

    def _merge(self, pid: int, other: int) -> None:
        theirs = self._sources.pop(other, Source.SIGNATURE)
        self._sources[pid] = max(self._sources.get(pid, theirs), theirs)
        for address in self._addresses.pop(other):
            self._ids[address_key(address)] = pid
            self._addresses[pid].append(address)
        for field, values in self._claims.pop(other).items():
            mine = self._claims[pid].setdefault(field, {})
            for value, claim in values.items():
                if value in mine:
                    mine[value] = _better(mine[value], claim)
                else:
                    mine[value] = claim
        self._persons.pop(pid, None)
        self._persons.pop(other, None)
        self._by_domain.clear()

    # -- asking ------------------------------------------------------------------------------

    def get(self, address: str) -> Person | None:
        """The person with ``address`` (any spelling), None when never seen."""
        pid = self._ids.get(address_key(address)) if address else None
        if pid is None:
            return None
        person = self._persons.get(pid)
        if person is None:
            person = self._persons[pid] = self._build(pid)
        return person

    def __iter__(self) -> Iterator[Person]:
        for pid in sorted(self._addresses):
            person = self.get(self._addresses[pid][0])
            if person is not None:
                yield person

    def __len__(self) -> int:
        return len(self._addresses)

    def places_key(self, addresses: Iterable[str]) -> str:
        """The places known for each of ``addresses``, as one text (part of a cache key)."""
        return repr(
            [(p.places, p.countries, p.phones) if (p := self.get(a)) else () for a in addresses]
        )

    def name_of(self, address: str) -> str:
        """The best known name of ``address``, ``""`` when none."""
        person = self.get(address)
        return person.name if person else ""

    def display_name(self, address: str, name: str = "") -> str:
        """The best known name of ``address``, else ``name`` as given (a CN, a ``--to``
        name) when it is one, else ``""``."""
        return self.name_of(address) or clean_name(name, address)

    def label(self, address: str, name: str = "") -> str:
        """How to show ``address``: :meth:`display_name`, else the address as a person
        writes it."""
        return self.display_name(address, name) or bare(address)

    def describe(self, address: str, name: str = "") -> dict[str, str]:
        """``email``, ``name``, ``organisation`` and ``city`` for JSON output."""
        person = self.get(address)
        return {
            "email": address,
            "name": self.display_name(address, name),
            "organisation": self.organisation_of(address),
            "city": person.city if person else "",
        }

    def organisation_of(self, address: str) -> str:
        """The organisation of ``address``: the person's own, else the one named for its
        domain (or a parent domain), else ``""``."""
        person = self.get(address)
        if person is not None and person.organisation:
            return person.organisation
        return self.organisation_name(domain_of(address))

    def organisation_name(self, domain: str) -> str:
        """The name of the organisation behind ``domain`` (or a parent domain): as named for
        the domain, else the one most of its people name; ``""`` when unknown."""
        domain = domain_of(f"x@{domain.strip().lstrip('@')}")
        parts = domain.split(".")
        for start in range(len(parts) - 1):
            if (claims := self._domains.get(".".join(parts[start:]))) is not None:
                return _best(claims)[0]
        return self._organisation_of_people(domain)

    def _organisation_of_people(self, domain: str) -> str:
        if domain not in self._by_domain:
            self._by_domain[domain] = self._count_organisations(domain)
        return self._by_domain[domain]

    def _count_organisations(self, domain: str) -> str:
        votes: dict[str, _Claim] = {}
        for key, pid in self._ids.items():
            if key.endswith("@" + domain) and (person := self.get(key)) and person.organisation:
                claim = self._claims[pid]["organisation"][person.organisation]
                if person.organisation in votes:
                    votes[person.organisation].count += 1
                else:
                    votes[person.organisation] = _Claim(claim.source, claim.seen, 1, claim.origin)
        return _best(votes)[0] if votes else ""

    def _build(self, pid: int) -> Person:
        addresses = tuple(self._addresses[pid])
        chosen: dict[str, str] = {}
        origins = []
        for field in FIELDS:
            claims = self._claims[pid].get(field)
            if claims:
                value, claim = _best(claims)
                chosen[field] = value
                if claim.origin:
                    origins.append((field, claim.origin))
        lists = {field: _all(self._claims[pid].get(field, {})) for field in LISTS}
        phones = self._claims[pid].get("phones", {})
        if lists["phones"] and (first := phones.get(lists["phones"][0])) is not None:
            origins.append(("phones", first.origin))  # the book of the first number
        source = self._sources.get(pid, Source.SIGNATURE)
        return Person(
            address_key(addresses[0]),
            addresses,
            **chosen,
            origins=tuple(origins),
            **lists,
            source=source,
        )


def _of_domain(
    cards: dict[str, tuple[str, str, tuple[str, ...]]], domain: str
) -> tuple[str, str, tuple[str, ...]] | None:
    """What ``cards`` hold for ``domain`` or its nearest parent domain."""
    parts = domain_of(f"x@{domain.strip().lstrip('@')}").split(".")
    for start in range(len(parts) - 1):
        if (found := cards.get(".".join(parts[start:]))) is not None:
            return found
    return None


_STATED = itertools.count(1)  # the order claims are first stated in, process-wide
#: the sources whose order is the user's (the config's tables, its address books in order);
#: a calendar's names tie as before, whatever order the meetings are read in
_ORDERED = frozenset({Source.CONFIG, Source.ADDRESS_BOOK})


def _claim(claims: dict[str, _Claim], value: str, entry: Entry) -> None:
    seen = _stamp(entry.seen)
    found = claims.get(value)
    if found is None:
        first = next(_STATED) if entry.source in _ORDERED else 0
        claims[value] = _Claim(entry.source, seen, entry.times, entry.origin, first)
        return
    found.count += entry.times
    if (entry.source, seen) > (found.source, found.seen):
        found.source, found.seen, found.origin = entry.source, seen, entry.origin or found.origin


def _better(a: _Claim, b: _Claim) -> _Claim:
    best = a if a.rank() >= b.rank() else b
    return _Claim(best.source, best.seen, a.count + b.count, best.origin, min(a.first, b.first))


def _all(claims: dict[str, _Claim]) -> tuple[str, ...]:
    """Every value, those of the highest source first, each source's in the order given;
    values that differ only in case once."""
    ranked = sorted(claims.items(), key=lambda item: -item[1].source)  # stable: as added
    seen: dict[str, str] = {}
    for value, _claimed in ranked:
        seen.setdefault(value.casefold(), value)
    return tuple(seen.values())


def _best(claims: dict[str, _Claim]) -> tuple[str, _Claim]:
    return max(claims.items(), key=lambda item: (*item[1].rank(), item[0]))
