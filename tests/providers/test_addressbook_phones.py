"""A card's phone numbers, as each app writes them, reach the contact and the people directory
(defect: address-book contacts carried no phone numbers, so where a counterpart is based could
not use them). vCard 2.1/3.0/4.0 in the vendors' shapes through the vCard file and a real
Radicale (CardDAV), Google People ``phoneNumbers`` and Graph ``businessPhones``/``homePhones``/
``mobilePhone`` through their real client libraries against the local fakes; a number written
nationally is read in the card's country."""

from __future__ import annotations

import pytest

from planner.config.schema import SourceConfig
from planner.meet.geo import locate_offline
from planner.people.books import entry_of
from planner.people.phones import phone_city
from providers.addressbooks.base import ProviderContext, create
from tests.providers.addressbook_contract import seed
from tests.providers.radicale_server import make_addressbook, put_card
from tests.providers.test_addressbook_remote import (
    PASSWORD_ENV,
    TZ,
    _GoogleBook,
    _GraphBook,
    people_fake,  # noqa: F401 - a fixture
    radicale,  # noqa: F401 - a fixture
    store,  # noqa: F401 - a fixture
)

# (card, the numbers the contact carries, work first, the city the first one names)
CARDS = {
    "outlook-2.1": (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=de-de:Brandt;Ole\r\nFN:Ole Brandt\r\n"
        "TEL;CELL;VOICE:0170 1234567\r\nTEL;WORK;VOICE:040 3099 1234\r\n"
        "ADR;WORK;PREF:;;;;;;Deutschland\r\nEMAIL;PREF;INTERNET:ole@werft.example\r\n"
        "END:VCARD\r\n",
        ("040 3099 1234", "0170 1234567"),
        "Hamburg",
    ),
    "google-3.0": (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jonas Müller\r\nN:Müller;Jonas;;;\r\n"
        "EMAIL;TYPE=INTERNET;TYPE=WORK:jonas@spree.example\r\n"
        "TEL;TYPE=cell:+49 170 7654321\r\nTEL;TYPE=work,voice:+49 30 1234 5678\r\n"
        "CATEGORIES:myContacts\r\nEND:VCARD\r\n",
        ("+49 30 1234 5678", "+49 170 7654321"),
        "Berlin",
    ),
    "apple-3.0": (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.4//EN\r\n"
        "UID:9C1B5F2E-4A7D-4E0B-8F3A-2D6C1E0B9A87\r\nN:Clarke;Emma;;;\r\nFN:Emma Clarke\r\n"
        "item1.EMAIL;type=INTERNET;type=pref:emma@thames.example"
        "\r\nTEL;type=CELL;type=VOICE:+44 7700 900123\r\n"
        "item2.TEL;type=pref:+44 20 7946 0958\r\nitem2.X-ABLabel:_$!<Work>!$_\r\nEND:VCARD\r\n",
        ("+44 20 7946 0958", "+44 7700 900123"),
        "London",
    ),
    "nextcloud-4.0": (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//Sabre//Sabre VObject 4.5.4//EN\r\n"
        "UID:7e1c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a\r\nFN:Marie Dupont\r\n"
        "EMAIL;TYPE=work:marie@seine.example\r\n"
        'TEL;VALUE=uri;TYPE="voice,cell":tel:+33-6-12-34-56-78\r\n'
        "TEL;VALUE=uri;TYPE=work:tel:+33-1-42-68-53-00;ext=12\r\nEND:VCARD\r\n",
        ("+33-1-42-68-53-00", "+33-6-12-34-56-78"),
        "Paris",
    ),
}


def _city(number: str) -> str:
    found = phone_city(number)
    return found[0] if found else ""


def _read_file(tmp_path, text: str) -> list:
    path = tmp_path / "export.vcf"
    path.write_text(text, encoding="utf-8")
    context = ProviderContext(tz=TZ, warn=lambda line: None)
    return list(create(SourceConfig("b", "vcard", {"path": str(path)}), context).contacts())


@pytest.mark.parametrize("vendor", sorted(CARDS))
def test_a_vcard_files_numbers_are_the_contacts_work_first(tmp_path, vendor):
    card, numbers, city = CARDS[vendor]
    (contact,) = _read_file(tmp_path, card)
    assert contact.phones == numbers
    # in the directory: international, a national one read in the card's country (Germany)
    (first, *_rest) = entry_of(contact, "Kontakte").phones
    assert _city(first) == city


def test_a_national_number_is_read_in_the_cards_country(tmp_path):
    """The same national number in a French and a German card: Paris and nothing (there is
    no German area code 1); a card without a country keeps it as written."""
    card = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Roux;Luc\r\nFN:Luc Roux\r\n"
        "TEL;WORK;VOICE:01 42 68 53 00\r\nADR;WORK:;;12 rue de la Paix;Paris;;75002;{country}\r\n"
        "EMAIL;PREF;INTERNET:luc@seine.example\r\nEND:VCARD\r\n"
    )
    (french,) = _read_file(tmp_path, card.format(country="France"))
    assert entry_of(french, "K").phones == ("+33 1 42 68 53 00",)
    assert _city(entry_of(french, "K").phones[0]) == "Paris"
    (german,) = _read_file(tmp_path, card.format(country="Deutschland"))
    assert _city(entry_of(german, "K").phones[0]) == ""
    (nowhere,) = _read_file(
        tmp_path, card.replace("ADR;WORK:;;12 rue de la Paix;Paris;;75002;{country}\r\n", "")
    )
    assert entry_of(nowhere, "K").phones == ("01 42 68 53 00",)


@pytest.mark.slow
@pytest.mark.parametrize("vendor", ["apple-3.0", "nextcloud-4.0"])
def test_a_carddav_cards_numbers_are_read(radicale, store, monkeypatch, vendor):  # noqa: F811
    monkeypatch.setenv(PASSWORD_ENV, radicale.password)
    url = make_addressbook(radicale, "Kontakte", f"phones-{vendor}")
    card, numbers, _city_name = CARDS[vendor]
    put_card(radicale, url, "card.vcf", card)
    source = SourceConfig(
        "dav",
        "carddav",
        {"url": url, "username": radicale.username, "password_env": PASSWORD_ENV},
    )
    provider = create(source, ProviderContext(tz=TZ, store_factory=lambda: store))
    (contact,) = provider.changes("").contacts
    assert contact.phones == numbers


def test_google_phone_numbers_work_first_in_their_international_form(people_fake):  # noqa: F811
    """Google keeps a number as typed (``value``) and, where it can read it, its E.164
    ``canonicalForm``: a national value is taken in its canonical form."""
    book = _GoogleBook(people_fake)
    contact = seed()[2]
    resource = people_fake.by_id[contact.id]
    people_fake.people[resource]["phoneNumbers"] = [
        {"value": "+33 6 12 34 56 78", "canonicalForm": "+33612345678", "type": "mobile",
         "formattedType": "Mobile", "metadata": {"primary": True}},
        {"value": "01 42 68 53 00", "canonicalForm": "+33142685300", "type": "work",
         "formattedType": "Work"},
        {"value": "0221 123456", "type": "home"},
    ]  # fmt: skip
    found = next(c for c in book.provider().changes("").contacts if c.emails == contact.emails)
    assert found.phones == ("+33142685300", "+33 6 12 34 56 78", "0221 123456")
    assert "phoneNumbers" in people_fake.requests[-1].query["personFields"][0]


def test_outlook_business_home_and_mobile_numbers(graph):
    """Graph's three fields, business first; Outlook writes the national form with the
    contact's country (``countryOrRegion``)."""
    book = _GraphBook(graph)
    contact = seed()[2]
    folder, item = graph._contact_ids[contact.id]
    graph.contacts[folder][item].update(
        businessPhones=["0221 9876543"], homePhones=["+49 30 1234 5678"],
        mobilePhone="+49 170 1234567",
    )  # fmt: skip
    graph._contact_changed(folder, item)
    found = next(c for c in book.provider().changes("").contacts if c.emails == contact.emails)
    assert found.phones == ("0221 9876543", "+49 30 1234 5678", "+49 170 1234567")
    phones = entry_of(found, "Outlook").phones  # the card's address is in Germany
    assert [_city(n) for n in phones] == ["Köln", "Berlin", ""]
    assert locate_offline("Köln") is not None
