"""Address books as a source of people: their copy in the state database, when they are asked
again, and what happens when one cannot be read."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import SourceConfig, default_config
from planner.model import Contact, PostalAddress
from planner.people import Entry, People, Source
from planner.people.books import AddressBooks, add_books, entry_of
from planner.store import Store
from providers.addressbooks.memory import MemoryBook

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 8, tzinfo=TZ)
HAMBURG = PostalAddress("Steindamm 17", "Hamburg", "", "20099", "Germany", "work")
LUEBECK = PostalAddress("Am Kai 3", "Lübeck", "", "23552", "Germany", "home")
LENA = Contact(
    "lena",
    "Lena Hansen",
    ("lena@hafen.example", "LENA@privat.example"),
    "Hafen GmbH",
    (LUEBECK, HAMBURG),
    ("Kunden",),
)
NO_MAIL = Contact("nomail", "Paul Ohnemail", (), "", (HAMBURG,))


def config_with(book: MemoryBook, **options):
    source = SourceConfig("book", "memory", {"contacts": book, "refresh_hours": 12.0, **options})
    return replace(default_config(), addressbooks=(source,))


@pytest.fixture
def store():
    return Store(":memory:")


def test_contacts_become_people_of_the_address_book(store):
    people = People()
    books = add_books(people, config_with(MemoryBook([LENA, NO_MAIL])), store, now=NOW)
    lena = people.get("lena@privat.example")  # either address, any case
    assert lena is not None and lena.name == "Lena Hansen" and lena.source == Source.ADDRESS_BOOK
    assert lena.organisation == "Hafen GmbH" and lena.city == "Hamburg"  # work first
    assert lena.places[0].endswith("20099 Hamburg, Germany") and "Lübeck" in lena.places[1]
    assert lena.tags == ("Kunden",)
    (status,) = books.status
    assert (status.contacts, status.with_email, status.fresh) == (2, 1, True)


def test_the_config_still_wins_over_an_address_book(store):
    cfg = replace(
        default_config(people=[{"email": "lena@hafen.example", "name": "Dr. Lena Hansen"}]),
        addressbooks=config_with(MemoryBook([LENA])).addressbooks,
    )
    from planner.people.sources import people_for

    people = people_for(cfg)
    add_books(people, cfg, store, now=NOW)
    assert people.name_of("lena@hafen.example") == "Dr. Lena Hansen"
    assert people.get("lena@hafen.example").city == "Hamburg"


def test_a_remote_book_is_asked_again_only_when_its_copy_is_old(store):
    book = MemoryBook([LENA])
    cfg = config_with(book)
    AddressBooks(cfg, store, now=NOW).read()
    before = store.conn.total_changes
    later = AddressBooks(cfg, store, now=NOW + timedelta(hours=3)).read()
    assert book.reads == 1 and later.status[0].fresh is False
    assert store.conn.total_changes == before, "a warm run writes nothing"
    assert [c.name for _b, c in later.contacts()] == ["Lena Hansen"]  # from the copy
    AddressBooks(cfg, store, now=NOW + timedelta(hours=3)).read(refresh=True)
    assert book.reads == 2
    AddressBooks(cfg, store, now=NOW + timedelta(hours=13)).read()
    assert book.reads == 2, "the refresh read the book whole: its copy is 10 hours old"
    AddressBooks(cfg, store, now=NOW + timedelta(hours=16)).read()
    assert book.reads == 3


def test_a_remote_book_found_unchanged_is_not_asked_again_before_it_is_due(store):
    """Asked once its copy was old and found as it was, a book was asked again on every
    later run: its copy kept the time of the last change, not of the last look."""
    book = MemoryBook([LENA])
    cfg = config_with(book)
    AddressBooks(cfg, store, now=NOW).read()
    asked = AddressBooks(cfg, store, now=NOW + timedelta(hours=13)).read()
    assert book.reads == 2 and asked.status[0].read_at == NOW + timedelta(hours=13)
    AddressBooks(cfg, store, now=NOW + timedelta(hours=14)).read()
    assert book.reads == 2, "checked an hour ago: its copy is current"
    AddressBooks(cfg, store, now=NOW + timedelta(hours=26)).read()
    assert book.reads == 3


def test_changes_reach_the_copy_incrementally(store):
    book = MemoryBook([LENA, NO_MAIL])
    cfg = config_with(book)
    AddressBooks(cfg, store, now=NOW).read()
    book.remove("nomail")
    book.put(replace(LENA, organisation="Hafen AG"))
    book.put(Contact("ole", "Ole Brandt", ("ole@nord.example",)))
    found = AddressBooks(cfg, store, now=NOW + timedelta(days=1)).read()
    assert {c.name: c.organisation for _b, c in found.contacts()} == {
        "Lena Hansen": "Hafen AG",
        "Ole Brandt": "",
    }


def test_an_unreadable_book_is_one_line_and_its_copy_stands_in(store, caplog):
    book = MemoryBook([LENA])
    cfg = config_with(book)
    AddressBooks(cfg, store, now=NOW).read()
    book.down = True
    with caplog.at_level(logging.WARNING, logger="planner"):
        found = AddressBooks(cfg, store, now=NOW + timedelta(days=2)).read()
    (message,) = [r.getMessage() for r in caplog.records]
    assert "address book 'book' cannot be read" in message and "copy from 2 days ago" in message
    assert [c.name for _b, c in found.contacts()] == ["Lena Hansen"]
    assert found.status[0].problem


def test_without_a_copy_the_people_are_missing_and_nothing_ends(store, caplog):
    book = MemoryBook([LENA])
    book.down = True
    people = People()
    with caplog.at_level(logging.WARNING, logger="planner"):
        add_books(people, config_with(book), store, now=NOW)
    assert "there is no earlier copy; its people are missing" in caplog.text
    assert people.get("lena@hafen.example") is None


def test_a_broken_provider_is_one_line_too(store, caplog):
    cfg = replace(default_config(), addressbooks=(SourceConfig("x", "vcard", {"path": "/nope"}),))
    with caplog.at_level(logging.WARNING, logger="planner"):
        found = AddressBooks(cfg, store, now=NOW).read()
    assert "address book 'x' cannot be read" in caplog.text and "/nope" in caplog.text
    assert list(found.contacts()) == []


def test_changed_options_start_the_copy_afresh(store):
    first = MemoryBook([LENA])
    AddressBooks(config_with(first), store, now=NOW).read()
    second = MemoryBook([Contact("ole", "Ole Brandt", ("ole@nord.example",))])
    found = AddressBooks(config_with(second), store, now=NOW + timedelta(hours=1)).read()
    assert [c.name for _b, c in found.contacts()] == ["Ole Brandt"]


def test_an_unreadable_stored_contact_is_skipped(store, caplog):
    cfg = config_with(MemoryBook([LENA]))
    AddressBooks(cfg, store, now=NOW).read()
    store.conn.execute("INSERT INTO addressbook_contacts VALUES ('book', 'bad', '{\"nope\": 1}')")
    with caplog.at_level(logging.WARNING, logger="planner"):
        found = AddressBooks(cfg, store, now=NOW + timedelta(hours=1)).read()
    assert [c.name for _b, c in found.contacts()] == ["Lena Hansen"]
    assert "unreadable" in caplog.text


def test_a_moved_book_that_cannot_be_read_says_which_copy_stands_in(store, caplog, tmp_path):
    """QA session a, defect 6: the path of a book changed to a folder that does not exist.
    The warning said "there is no earlier copy; its people are missing" while the copy of the
    book's earlier path was shown; it named the book twice. Now warning and data agree."""
    folder = tmp_path / "contacts"
    folder.mkdir()
    (folder / "lena.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lena Hansen\r\nEMAIL:lena@hafen.example\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )

    def book_at(path):
        source = SourceConfig("mac-contacts", "vcard", {"path": str(path)})
        return replace(default_config(), addressbooks=(source,))

    AddressBooks(book_at(folder), store, now=NOW).read()
    with caplog.at_level(logging.WARNING, logger="planner"):
        found = AddressBooks(book_at(tmp_path / "kontakte"), store, now=NOW + timedelta(days=1))
        found.read()
    (message,) = [r.getMessage() for r in caplog.records]
    assert [c.name for _b, c in found.contacts()] == ["Lena Hansen"]
    assert "no earlier copy" not in message
    assert "using the copy read on 2026-11-30 08:00 with the book's earlier settings" in message
    assert message.count("mac-contacts") == 1
    assert f"{tmp_path / 'kontakte'} is neither a file nor a folder" in message


def test_without_any_copy_the_warning_says_the_people_are_missing(store, caplog, tmp_path):
    source = SourceConfig("mac-contacts", "vcard", {"path": str(tmp_path / "nirgends")})
    with caplog.at_level(logging.WARNING, logger="planner"):
        found = AddressBooks(replace(default_config(), addressbooks=(source,)), store, now=NOW)
        found.read()
    (message,) = [r.getMessage() for r in caplog.records]
    assert "there is no earlier copy; its people are missing" in message
    assert message.count("mac-contacts") == 1 and list(found.contacts()) == []


@pytest.mark.parametrize(
    "written, name",
    [
        ("kontakt@hafen.example", ""),  # Outlook files an address-only contact under it
        ("KONTAKT@HAFEN.EXAMPLE", ""),
        ('"Lisa Schmidt"', "Lisa Schmidt"),
        ("Lisa Schmidt", "Lisa Schmidt"),
    ],
)
def test_an_address_written_as_the_name_is_no_name(written, name):
    """QA vcards, defect 5: Outlook writes FN and N of a contact that has only an address as
    that address; as the address book's name it outranked the name every calendar gives."""
    contact = Contact("k", written, ("kontakt@hafen.example",))
    people = People()
    people.add(entry_of(contact, "outlook"))
    people.add(Entry(("kontakt@hafen.example",), Source.CALENDAR, name="Lisa Schmidt"))
    assert entry_of(contact, "outlook").name == name
    assert people.name_of("kontakt@hafen.example") == "Lisa Schmidt"


@pytest.mark.parametrize(
    "address, written, town",
    [
        (
            PostalAddress("10 Downing Street", "London", "", "SW1A 2AA", "United Kingdom", "work"),
            "10 Downing Street, London SW1A 2AA, United Kingdom",
            "London",
        ),
        (
            PostalAddress("200 Clarendon Street", "Boston", "MA", "02116", "USA", "work"),
            "200 Clarendon Street, Boston, MA 02116, USA",
            "Boston",
        ),
        (
            PostalAddress("1 King St W", "Toronto", "ON", "M5H 1A1", "Canada", "work"),
            "1 King St W, Toronto, ON M5H 1A1, Canada",
            "Toronto",
        ),
        (HAMBURG, "Steindamm 17, 20099 Hamburg, Germany", "Hamburg"),
        (
            PostalAddress("Stephansplatz 4", "Wien", "", "A-1010", "Österreich", "work"),
            "Stephansplatz 4, A-1010 Wien, Österreich",
            "Wien",
        ),
    ],
)
def test_an_address_is_written_as_its_country_writes_it(address, written, town):
    """QA vcards, defect 8: every address was written with the postal code before the town,
    so the people list said "SW1A 2AA London, United Kingdom" and "02116 Boston, MA, USA"."""
    from planner.people.postal import town_of

    (place,) = entry_of(Contact("x", "X", ("x@y.example",), "", (address,)), "book").places
    assert place == written and town_of(place) == town
