"""The configured address books (``[[addressbooks]]``) as a source of people, with their copy
in the state database.

Each book's contacts are kept in the state database with the provider's state (sync token,
delta link, the files' sizes and times). A file book is asked for changes on every run (a
look at sizes and times); a remote book (CardDAV, Google, Outlook) only when its copy is
older than its ``refresh_hours``, or read again whole when asked to (``planner people
--refresh``), so a
repeated ``planner week`` reads no network and writes nothing. A changed book writes only what
changed.

Offline is normal: a book that cannot be read is one warning line, and its last copy (with its
age) stands in; without a copy its people are missing from this run, and nothing ends. Changing
a book's options in the config starts its copy afresh. Nothing is written to an address book.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.errors import PlannerError
from planner.i18n import _
from planner.model import Contact, PostalAddress
from planner.people.names import clean_name
from planner.people.person import Entry, Source
from planner.people.phones import international
from planner.people.postal import address_kind, iso_country, written
from planner.store import readable

if TYPE_CHECKING:
    from planner.config import Config, SourceConfig
    from planner.people.directory import People
    from planner.store import Store
    from providers.addressbooks.base import AddressBookProvider, Changes

log = logging.getLogger("planner")

SCHEMA = "addressbooks"
VERSION = 3
DDL = """
DROP TABLE IF EXISTS addressbook_contacts;
DROP TABLE IF EXISTS addressbook_state;
CREATE TABLE addressbook_contacts (book TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (book, id));
CREATE TABLE addressbook_state (book TEXT PRIMARY KEY, options TEXT NOT NULL,
    state TEXT NOT NULL, read_at TEXT NOT NULL, problems TEXT NOT NULL DEFAULT '[]')
"""
#: version 1 kept no problems: its copies are read whole once more (an empty state) to learn them
MIGRATIONS = {
    1: "ALTER TABLE addressbook_state ADD COLUMN problems TEXT NOT NULL DEFAULT '[]';"
    "UPDATE addressbook_state SET state = ''",
    # version 2 kept no phone numbers: its copies are read whole once more to learn them
    2: "UPDATE addressbook_state SET state = ''",
}


@dataclass(frozen=True, slots=True)
class BookStatus:
    """How one address book was read in this run."""

    name: str
    provider: str
    contacts: int  # the people in the copy (an organisation's card is no person)
    with_email: int  # of them, those with an e-mail address (only they can be matched)
    read_at: datetime | None  # when the copy was last brought up to date
    fresh: bool  # asked in this run (False: the copy stood in)
    problem: str = ""  # why it could not be read, when it could not
    #: what the copy lacks (a card or a line that could not be read), said on every run
    problems: tuple[str, ...] = ()
    organisations: int = 0  # the cards of organisations in the copy


class AddressBooks:
    """The contacts of every configured address book; read with :meth:`read`."""

    def __init__(self, config: Config, store: Store, *, now: datetime) -> None:
        self.config = config
        self.store = store
        self.now = now
        self.status: list[BookStatus] = []
        self._contacts: dict[str, list[Contact]] = {}
        self._said: set[str] = set()
        store.ensure(SCHEMA, VERSION, DDL, MIGRATIONS)

    def read(self, *, refresh: bool = False) -> AddressBooks:
        """Bring each book's copy up to date where due; with ``refresh`` read every book
        again whole (every file, every card of a CardDAV book, a complete Google or Outlook
        read), not only what changed.

        What a book's copy lacks (a card or a line that could not be read) is kept with the
        copy and said on every run that uses it, once, until a read of the book finds it
        mended."""
        from planner.calendar.sources import context_for

        context = context_for(self.config, self.store)
        for source in self.config.addressbooks:
            self._read_one(source, context, refresh)
        return self

    def contacts(self) -> Iterator[tuple[str, Contact]]:
        """``(book name, contact)`` for every contact of every book read."""
        for name, contacts in self._contacts.items():
            for contact in contacts:
                yield name, contact

    def entries(self) -> Iterator[Entry]:
        """Each person with an e-mail address as an :class:`Entry` of the address book (an
        organisation's card is no person: see :meth:`organisations`)."""
        for name, contact in self.contacts():
            if contact.emails and not contact.is_organisation:
                yield entry_of(contact, name)

    def organisations(self) -> Iterator[tuple[str, Entry]]:
        """``(domain, organisation's entry)`` for each domain of an organisation's card's
        e-mail addresses (a public mail service's says nothing about anyone): its name and
        its addresses (where its people work unless their own cards say otherwise)."""
        from planner.model import FREEMAIL_DOMAINS
        from planner.people.addresses import domain_of

        for book, contact in self.contacts():
            if contact.is_organisation and (contact.name or contact.organisation):
                entry = entry_of(contact, book)
                entry = replace(entry, name=contact.name or contact.organisation)
                for domain in dict.fromkeys(domain_of(e) for e in contact.emails):
                    if domain and domain not in FREEMAIL_DOMAINS:
                        yield domain, entry

    # -- one book ---------------------------------------------------------------------------

    def _read_one(self, source: SourceConfig, context: Any, refresh: bool) -> None:
        options = _digest(source)
        state, read_at = self._state(source.name, options)
        problem = ""
        fresh = False
        failed = False
        if refresh or read_at is None or self._due(source, read_at):
            found: list[str] = []  # what the read says of the book's cards
            try:
                changes = self._ask(source, replace(context, warn=found.append), state, refresh)
            except Exception as exc:  # any failure of a book: one line, the copy stands in
                problem, failed = _problem(exc, source.name), True
            else:
                lacks = _lacks(self._problems(source.name), changes, found)
                self._apply(source.name, options, changes, state, lacks)
                if changes.empty and read_at and not self._local(source):
                    self._checked(source.name)  # as it was: not asked again before it is due
                    read_at = self.now
                read_at, fresh = (read_at if changes.empty and read_at else self.now), True
        contacts = self._copy(source.name)
        if failed:  # said after the copy is known: the warning tells what stands in
            earlier = read_at or (self._read_at(source.name) if contacts else None)
            self._warn(source.name, problem, earlier, changed=read_at is None)
        lacks = self._problems(source.name) if contacts or not failed else ()
        for line in lacks:  # on every run that uses the copy, until it reads clean
            self._say(line)
        self._contacts[source.name] = contacts
        people = [c for c in contacts if not c.is_organisation]
        self.status.append(
            BookStatus(
                source.name,
                source.provider,
                len(people),
                sum(1 for c in people if c.emails),
                read_at,
                fresh,
                problem,
                tuple(lacks),
                len(contacts) - len(people),
            )
        )

    def _say(self, line: str) -> None:
        """A warning, once in this reading of the books (the CLI says each line once a run)."""
        if line not in self._said:
            self._said.add(line)
            log.warning(line)

    def _due(self, source: SourceConfig, read_at: datetime) -> bool:
        if self._local(source):
            return True  # files: a look at sizes and times costs nothing
        hours = float(source.options.get("refresh_hours", 12.0))
        return self.now - read_at >= timedelta(hours=hours)

    @staticmethod
    def _local(source: SourceConfig) -> bool:
        """Whether ``source`` is asked on every run (files; a provider not installed is asked
        so that it is reported)."""
        from providers.addressbooks.base import provider_class

        try:
            return bool(provider_class(source.provider).local)
        except PlannerError:
            return True

    def _checked(self, name: str) -> None:
        """A remote book asked and found as its copy: the copy is current as of now (it is
        due again ``refresh_hours`` from now, not on every run from the first due one)."""
        with self.store.conn as conn:
            conn.execute(
                "UPDATE addressbook_state SET read_at = ? WHERE book = ?",
                (self.now.astimezone(UTC).isoformat(), name),
            )

    def _ask(self, source: SourceConfig, context: Any, state: str, whole: bool) -> Changes:
        """What changed in the book since ``state``; everything, read again, when ``whole``."""
        from providers.addressbooks.base import create

        provider: AddressBookProvider = create(source, context)
        try:
            return provider.changes("" if whole else state)
        finally:
            provider.close()

    def _warn(
        self, name: str, problem: str, read_at: datetime | None, *, changed: bool = False
    ) -> None:
        """One line: why the book cannot be read and what stands in (its copy, read when;
        ``changed``: the copy was read with the book's earlier settings)."""
        if read_at is None:
            message = _(
                "address book '{name}' cannot be read and there is no earlier copy; "
                "its people are missing: {error}",
                name=name,
                error=problem,
            )
        elif changed:
            message = _(
                "address book '{name}' cannot be read ({error}); using the copy read on "
                "{date} with the book's earlier settings",
                name=name,
                error=problem,
                date=read_at.astimezone(self.config.tz).strftime("%Y-%m-%d %H:%M"),
            )
        else:
            from planner.calendar.sources import age

            message = _(
                "address book '{name}' cannot be read ({error}); using the copy from {age} ago",
                name=name,
                error=problem,
                age=age(self.now - read_at),
            )
        self._say(message)

    # -- the copy ---------------------------------------------------------------------------

    def _state(self, name: str, options: str) -> tuple[str, datetime | None]:
        row = self.store.conn.execute(
            "SELECT options, state, read_at FROM addressbook_state WHERE book = ?", (name,)
        ).fetchone()
        if row is None or row[0] != options:
            return "", None  # new, or its options changed: start afresh
        try:
            return str(row[1]), datetime.fromisoformat(row[2])
        except (TypeError, ValueError):
            return "", None

    def _read_at(self, name: str) -> datetime | None:
        """When the copy of book ``name`` was read, whatever its settings were then."""
        row = self.store.conn.execute(
            "SELECT read_at FROM addressbook_state WHERE book = ?", (name,)
        ).fetchone()
        try:
            return None if row is None else datetime.fromisoformat(row[0])
        except (TypeError, ValueError):
            return None

    def _problems(self, name: str) -> list[str]:
        """What the copy of book ``name`` lacks, as said when it was read."""
        row = self.store.conn.execute(
            "SELECT problems FROM addressbook_state WHERE book = ?", (name,)
        ).fetchone()
        try:
            found = json.loads(row[0]) if row is not None else []
        except (TypeError, ValueError):
            return []
        return [str(line) for line in found] if isinstance(found, list) else []

    def _apply(
        self, name: str, options: str, changes: Changes, state: str, lacks: list[str]
    ) -> None:
        """Write what changed into the copy, in one transaction; nothing when nothing did."""
        if changes.empty and changes.state == state and lacks == self._problems(name):
            return
        rows = [(name, c.id, json.dumps(contact_to_json(c))) for c in changes.contacts]
        with self.store.conn as conn:
            if changes.complete:
                conn.execute("DELETE FROM addressbook_contacts WHERE book = ?", (name,))
            else:
                conn.executemany(
                    "DELETE FROM addressbook_contacts WHERE book = ? AND id = ?",
                    [(name, gone) for gone in changes.removed],
                )
            conn.executemany("INSERT OR REPLACE INTO addressbook_contacts VALUES (?, ?, ?)", rows)
            conn.execute(
                "INSERT OR REPLACE INTO addressbook_state VALUES (?, ?, ?, ?, ?)",
                (
                    name,
                    options,
                    changes.state,
                    self.now.astimezone(UTC).isoformat(),
                    json.dumps(lacks, ensure_ascii=False),
                ),
            )

    def _copy(self, name: str) -> list[Contact]:
        rows = self.store.conn.execute(
            "SELECT data FROM addressbook_contacts WHERE book = ? ORDER BY id", (name,)
        )
        return readable(
            rows, lambda row: contact_from_json(json.loads(row[0])), "addressbook_contacts"
        )


def add_books(
    people: People, config: Config, store: Store, *, now: datetime, refresh: bool = False
) -> AddressBooks:
    """Read the configured address books (where due, or every one with ``refresh``) into
    ``people``; the books' status is in the result."""
    books = AddressBooks(config, store, now=now)
    if config.addressbooks:
        books.read(refresh=refresh)
        people.add_all(books.entries())
        for domain, entry in books.organisations():
            people.add_organisation(
                domain,
                entry.name,
                Source.ADDRESS_BOOK,
                entry.origin,
                places=entry.places,
                phones=entry.phones,
            )
    return books


def entry_of(contact: Contact, book: str) -> Entry:
    """What a contact says about a person: names, organisation, their addresses (work first),
    their phone numbers and the book's groups, at the rank of an address book."""
    ordered = sorted(contact.addresses, key=_rank)  # an "Office" address is where they work
    # an address written into one field (Gmail, a label typed by hand) is a place as well:
    # the gazetteer finds the town in the text; a country alone places nobody
    places = tuple(
        dict.fromkeys(written(a) for a in ordered if a.city or a.postal_code or a.street)
    )
    city = next((a.city for a in ordered if a.city), "")
    # a card with a country alone ("ADR:;;;;;;FR"): the country they are in, no town
    countries = tuple(
        dict.fromkeys(
            a.country.strip()
            for a in ordered
            if a.country.strip() and not (a.city or a.postal_code or a.street)
        )
    )
    return Entry(
        contact.emails,
        Source.ADDRESS_BOOK,
        # an address-only contact's FN is its address (Outlook): no name to outrank calendars'
        name=clean_name(contact.name, contact.emails[0] if contact.emails else ""),
        organisation=contact.organisation,
        city=city,
        seen=contact.revision,
        origin=_("address book {name}", name=book),
        places=places,
        countries=countries,
        tags=contact.groups,
        phones=_phones(contact.phones, ordered),
    )


def _phones(numbers: tuple[str, ...], addresses: list[PostalAddress]) -> tuple[str, ...]:
    """The card's numbers in international form where it can be known: a number written
    nationally ("040 3099 1234") is read in the country of the card's addresses; without one
    it is kept as written (read in the user's country where it is used)."""
    country = next((c for a in addresses if (c := iso_country(a.country.strip()))), "")
    found = ((international(n, country) if country else "") or n.strip() for n in numbers)
    return tuple(dict.fromkeys(n for n in found if n))


def _rank(address: PostalAddress) -> tuple[bool, bool]:
    kind = address_kind(address.kind)
    return kind != "work", kind != "home"


def contact_to_json(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.name,
        "emails": list(contact.emails),
        "organisation": contact.organisation,
        "addresses": [
            {
                "street": a.street,
                "city": a.city,
                "region": a.region,
                "postal_code": a.postal_code,
                "country": a.country,
                "kind": a.kind,
            }
            for a in contact.addresses
        ],
        "groups": list(contact.groups),
        "revision": contact.revision.isoformat() if contact.revision else None,
        "is_organisation": contact.is_organisation,
        "phones": list(contact.phones),
    }


def contact_from_json(data: dict[str, Any]) -> Contact:
    return Contact(
        id=str(data["id"]),
        name=str(data.get("name") or ""),
        emails=tuple(str(e) for e in data.get("emails") or ()),
        organisation=str(data.get("organisation") or ""),
        addresses=tuple(PostalAddress(**a) for a in data.get("addresses") or ()),
        groups=tuple(str(g) for g in data.get("groups") or ()),
        revision=datetime.fromisoformat(data["revision"]) if data.get("revision") else None,
        is_organisation=bool(data.get("is_organisation")),
        phones=tuple(str(p) for p in data.get("phones") or ()),  # a copy older than phones: none
    )


def _lacks(before: list[str], changes: Changes, found: list[str]) -> list[str]:
    """What the copy lacks after ``changes``: a whole read says it all again (what it no
    longer finds is mended); a read of what changed adds to what was said before; a read that
    found no change leaves it as it was."""
    if changes.complete:
        return list(dict.fromkeys(found))
    return list(dict.fromkeys([*before, *found]))


def _digest(source: SourceConfig) -> str:
    """The options that decide what a book holds; another value starts its copy afresh."""
    kept = {k: v for k, v in source.options.items() if k != "refresh_hours"}
    text = json.dumps([source.provider, kept], sort_keys=True, default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _problem(exc: BaseException, name: str) -> str:
    """Why book ``name`` cannot be read, without its name again (the warning says it once)."""
    if isinstance(exc, PlannerError | OSError):
        text = str(exc)
        said = _("address book '{name}'", name=name)
        for prefix in (said + ": ", f"address book '{name}': "):
            if text.startswith(prefix):
                return text[len(prefix) :]
        return text
    return f"{type(exc).__name__}: {exc}"
