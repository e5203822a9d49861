"""The address-book contract: every address-book provider's test module subclasses
:class:`AddressBookContract`.

A subclass defines the fixture ``book``: a :class:`Book` handle that stores contacts the way
its backend does (vCard files, a Radicale address book, the Google People fake, the Graph
fake) and makes providers reading from there. The reference implementation is
``tests/providers/test_addressbook_memory.py``.
"""

from __future__ import annotations

from typing import Protocol

import pytest

from planner.model import Contact, PostalAddress
from providers.addressbooks.base import AddressBookProvider, Changes

HAMBURG = PostalAddress("Steindamm 17", "Hamburg", "", "20099", "Germany", "work")
BERLIN = PostalAddress("Friedrichstraße 100", "Berlin", "", "10117", "Germany", "work")
POTSDAM = PostalAddress("Lindenstraße 5", "Potsdam", "", "14467", "Germany", "home")
KOELN = PostalAddress("Domkloster 4", "Köln", "", "50667", "Germany", "work")


def seed() -> list[Contact]:
    """Three people in three cities: one with two addresses, one with two e-mail addresses,
    names with umlauts and commas, groups, phone numbers (work first)."""
    return [
        Contact(
            "lena-1",
            "Lena Hansen",
            ("lena@hafenlogistik.example",),
            "Hafenlogistik GmbH",
            (HAMBURG,),
            ("Kunden",),
            phones=("+49 40 3099 1234", "+49 170 1234567"),
        ),  # fmt: skip
        Contact(
            "jonas-2",
            "Jonas Müller",
            ("jonas@spree.example", "j.mueller@privat.example"),
            "Spree & Partner, Berlin",
            (BERLIN, POTSDAM),
            ("Kunden", "Investoren"),
        ),  # fmt: skip
        Contact("kim-3", "Kim Schäfer", ("kim@rhein.example",), "", (KOELN,), ()),
    ]


class Book(Protocol):
    """A backend's handle: ``expire`` makes ``state`` one the book no longer knows (the
    server forgets it, or it is replaced by a token from another time) and returns the state
    to ask with."""

    def provider(self) -> AddressBookProvider: ...
    def put(self, contact: Contact) -> None: ...
    def remove(self, contact_id: str) -> None: ...
    def expire(self, state: str) -> str: ...


def apply(copy: dict[str, Contact], changes: Changes) -> dict[str, Contact]:
    """The copy after ``changes``, keyed by the first e-mail address (ids differ per book)."""
    result = {} if changes.complete else dict(copy)
    if not changes.complete:
        gone = set(changes.removed)
        result = {k: c for k, c in result.items() if c.id not in gone}
        ids = {c.id for c in changes.contacts}
        result = {k: c for k, c in result.items() if c.id not in ids}
    for contact in changes.contacts:
        result[contact.emails[0]] = contact
    return result


def facts(contact: Contact) -> tuple:
    """What planner takes from a contact, in a form every book hands back alike."""
    return (
        contact.name,
        contact.emails,
        contact.organisation,
        tuple(
            sorted((a.city, a.postal_code, a.street, a.country, a.kind) for a in contact.addresses)
        ),  # fmt: skip
        tuple(sorted(contact.groups)),
        contact.phones,  # a work number first
    )


class AddressBookContract:
    """Tests every address-book provider must pass."""

    def test_reads_every_contact_with_names_addresses_and_groups(self, book: Book):
        changes = book.provider().changes("")
        assert changes.complete and changes.state
        found = {c.emails[0]: facts(c) for c in changes.contacts}
        assert found == {c.emails[0]: facts(c) for c in seed()}

    def test_an_unchanged_book_reports_nothing_new(self, book: Book):
        provider = book.provider()
        first = provider.changes("")
        again = provider.changes(first.state)
        copy = apply(apply({}, first), again)
        assert {k: facts(c) for k, c in copy.items()} == {c.emails[0]: facts(c) for c in seed()}
        if provider.has_incremental_sync or provider.local:
            assert again.empty, "nothing changed: nothing to read"

    def test_changes_since_a_state_bring_the_copy_up_to_date(self, book: Book):
        first = book.provider().changes("")
        moved = Contact("kim-3", "Kim Schäfer", ("kim@rhein.example",), "Rhein AG", (KOELN,),
                        ("Investoren",))  # fmt: skip
        new = Contact("ole-4", "Ole Brandt", ("ole@nord.example",), "", (HAMBURG,), ())
        book.put(moved)
        book.put(new)
        book.remove("lena-1")
        later = book.provider().changes(first.state)
        copy = apply(apply({}, first), later)
        wanted = [c for c in seed() if c.id not in ("lena-1", "kim-3")] + [moved, new]
        assert {k: facts(c) for k, c in copy.items()} == {c.emails[0]: facts(c) for c in wanted}
        if book.provider().has_incremental_sync:
            assert not later.complete or len(later.contacts) == len(wanted)

    def test_an_expired_state_reads_the_whole_book(self, book: Book):
        first = book.provider().changes("")
        again = book.provider().changes(book.expire(first.state))
        assert again.complete
        copy = apply(apply({}, first), again)
        assert {k: facts(c) for k, c in copy.items()} == {c.emails[0]: facts(c) for c in seed()}

    def test_a_state_from_elsewhere_is_no_error(self, book: Book):
        changes = book.provider().changes('{"unknown": "state"}')
        copy = apply({}, changes) if changes.complete else {}
        assert changes.complete and len(copy) == len(seed())

    def test_nothing_is_ever_written(self, book: Book):
        provider = book.provider()
        assert provider.can_write is False
        assert not hasattr(provider, "create_contact")


@pytest.fixture
def contacts() -> list[Contact]:
    return seed()
