"""One person as planner knows them, and what one source says about them.

Every source of people (calendars, signatures, the config, address books) hands over
:class:`Entry` objects; :class:`planner.people.directory.People` keeps them and answers with
:class:`Person` objects, choosing each field by :class:`Source` (a higher source wins), then by
the most recent sighting, then by how often the value was seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

#: The facts kept per person besides the addresses; a new source may fill any of them.
FIELDS: tuple[str, ...] = ("name", "organisation", "city")
#: Facts with several values per person, united over all sources (highest source first):
#: where they live or work (postal addresses, cities; countries where an address names no
#: more than its country; phone numbers) and their groups and tags.
LISTS: tuple[str, ...] = ("places", "countries", "tags", "phones")


class Source(IntEnum):
    """Where a fact about a person comes from; a higher value wins over a lower one."""

    SIGNATURE = 10  # "Name <address>" and the company line in a meeting's description
    CALENDAR = 20  # ATTENDEE/ORGANIZER CN, Graph emailAddress.name, Google displayName
    ADDRESS_BOOK = 30  # vCard, CardDAV, Google and Outlook contacts
    CONFIG = 40  # [[people]] and [user] in the config: what the user wrote wins


@dataclass(frozen=True, slots=True)
class Entry:
    """What one source says about one person.

    ``addresses`` are the person's e-mail addresses in any spelling (the first is the one to
    show); several addresses in one entry make them one person. ``seen`` is when the source
    saw the facts (a meeting's start, a contact's revision), ``origin`` where ("calendar
    Work", "[[people]] #2"), ``times`` how often. Empty fields say nothing.
    """

    addresses: tuple[str, ...]
    source: Source
    name: str = ""
    organisation: str = ""
    city: str = ""
    seen: datetime | None = None
    origin: str = ""
    places: tuple[str, ...] = ()  # postal addresses or cities, the first the main one
    countries: tuple[str, ...] = ()  # an address of only a country ("FR"), as written
    tags: tuple[str, ...] = ()  # address-book groups and categories, config tags
    phones: tuple[str, ...] = ()  # an address book's, international where known, work first
    times: int = 1  # how often the source saw these facts (a name in 40 meetings: 40)

    def facts(self) -> dict[str, str]:
        return {field: value for field in FIELDS if (value := getattr(self, field))}


@dataclass(frozen=True, slots=True)
class Person:
    """One person: addresses (the first to show), and each field's chosen value and origin."""

    key: str  # planner.people.addresses.address_key of the first address
    addresses: tuple[str, ...]
    name: str = ""
    organisation: str = ""
    city: str = ""
    origins: tuple[tuple[str, str], ...] = ()  # (field, where its value comes from)
    places: tuple[str, ...] = ()  # every place known for them, best first (see Entry)
    countries: tuple[str, ...] = ()  # countries of addresses with no town (see Entry)
    tags: tuple[str, ...] = ()
    source: Source = Source.SIGNATURE  # the highest source that names them
    phones: tuple[str, ...] = ()  # their phone numbers (see Entry)

    def has_tag(self, tag: str) -> bool:
        """Whether they carry ``tag`` (in any case)."""
        wanted = tag.strip().casefold()
        return any(t.casefold() == wanted for t in self.tags)

    @property
    def email(self) -> str:
        return self.addresses[0]

    @property
    def label(self) -> str:
        """The name, else the address: how a person is shown."""
        return self.name or self.email

    def origin(self, field: str) -> str:
        return dict(self.origins).get(field, "")

    def to_json(self) -> dict[str, Any]:
        return {
            "email": self.email,
            "name": self.name,
            "organisation": self.organisation,
            "city": self.city,
            "places": list(self.places),
            "tags": list(self.tags),
        }
