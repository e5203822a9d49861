"""vCards that real address books exported (Android, BlackBerry, Evolution, Gmail, iPhone,
Lotus Notes, macOS, Outlook, Thunderbird; tests/data/vcards-real, see its SOURCES.md):
neither planner nor these tests wrote them. Every card is read, and the people they name are
placed in the towns their addresses name, offline."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.config.schema import SourceConfig
from planner.meet.geo import locate_offline
from planner.people.books import entry_of
from providers.addressbooks.base import ProviderContext, create
from providers.addressbooks.vcard_text import content_lines

REAL = Path(__file__).resolve().parents[1] / "data" / "vcards-real"
FILES = sorted(REAL.glob("*.vcf"))


def _read(path: Path) -> tuple[list, list[str]]:
    warnings: list[str] = []
    context = ProviderContext(tz=ZoneInfo("Europe/Berlin"), warn=warnings.append)
    return create(SourceConfig("real", "vcard", {"path": str(path)}), context).contacts(), warnings


def _one(name: str):
    contacts, warnings = _read(REAL / name)
    assert not warnings and len(contacts) == 1, (contacts, warnings)
    return contacts[0]


#: a line a real export holds that cannot be read: said, the card read without it
SAID = {"John_Doe_ANDROID.vcf": ["ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE"]}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_card_of_every_real_export_is_read(path):
    contacts, warnings = _read(path)
    expected = SAID.get(path.name, [])
    assert len(warnings) == len(expected)
    for warning, text in zip(warnings, expected, strict=True):
        assert f"a line that cannot be read is left out ({text}" in warning
    assert len(contacts) == path.read_bytes().upper().count(b"BEGIN:VCARD")
    assert all(c.name or c.emails for c in contacts)


def test_the_whole_folder_is_one_book():
    contacts, warnings = _read(REAL)
    cards = sum(p.read_bytes().upper().count(b"BEGIN:VCARD") for p in FILES)
    assert len(warnings) == 1 and "John_Doe_ANDROID.vcf:" in warnings[0]  # its =80 ORG line
    assert len(contacts) == cards == 26


def test_a_value_with_bytes_outside_its_charset_costs_that_line_not_the_card():
    """Android's sixth card: a quoted-printable ORG ends in =80 (no UTF-8), another ORG ends
    in a soft break before a blank line. The person and their address are kept."""
    contacts, _warnings = _read(REAL / "John_Doe_ANDROID.vcf")
    henry = next(c for c in contacts if "henry@company.com" in c.emails)
    assert henry.name == "ÑÑÑÑ" and set(henry.organisation) == {"Ñ"}


def test_properties_vobject_refuses_do_not_cost_the_card():
    """Lotus Notes writes PROFILE, NAME, MAILER and SOURCE, which vobject cannot read."""
    john = _one("John_Doe_LOTUS_NOTES.vcf")
    assert john.emails[0] == "john.doe@ibm.com" and john.organisation == "IBM"
    assert john.addresses[0].city == "New York" and john.addresses[0].kind == "home"


def test_thunderbirds_escaped_commas_are_several_categories():
    card = _one("thunderbird-MoreFunctionsForAddressBook-extension.vcf")
    assert card.groups == ("category1", "category2", "category3")


def test_an_address_in_one_part_keeps_its_lines_apart_and_is_a_place():
    gmail = _one("John_Doe_GMAIL.vcf")
    (address,) = gmail.addresses
    assert address.city == "" and address.street.startswith("Crescent moon drive, 555-asd,")
    (place,) = entry_of(gmail, "real").places
    assert locate_offline(place).city == "New York"


@pytest.mark.parametrize(
    "name, cities",
    [
        ("John_Doe_IPHONE.vcf", ["New York", "New York"]),  # "12345 New York, USA"
        ("John_Doe_MS_OUTLOOK.vcf", ["New York", "New York"]),
        ("outlook-2003.vcf", ["Austin"]),  # "12345 Austin, TX, United States of America"
        ("outlook-2007.vcf", ["New York"]),  # "99999 New York, NY, USA"
        ("rfc6350-example.vcf", ["Québec"]),  # "G1V 2M2 Quebec, QC, Canada"
        ("issue114.vcf", ["Bad Homburg vor der Höhe"]),
        ("thunderbird-MoreFunctionsForAddressBook-extension.vcf", ["New York", "Austin"]),
    ],
)
def test_the_addresses_of_real_cards_are_placed_offline(name, cities):
    places = entry_of(_one(name), "real").places
    assert [locate_offline(p).city for p in places] == cities


def test_rfc_2426s_two_people_in_two_us_towns():
    contacts, _warnings = _read(REAL / "rfc2426-example.vcf")
    towns = [locate_offline(entry_of(c, "real").places[0]).city for c in contacts]
    assert towns == ["Raleigh", "Mountain View"]  # "27613-3502 Raleigh, NC, U.S.A."


@pytest.mark.parametrize(
    "card, expected",
    [
        # a soft break before the next property: the dangling '=' is dropped
        (
            "BEGIN:VCARD\nVERSION:2.1\nORG;ENCODING=QUOTED-PRINTABLE:M=C3=BCller=\nFN:A\nEND:VCARD",
            [
                "BEGIN:VCARD",
                "VERSION:2.1",
                "ORG;ENCODING=QUOTED-PRINTABLE:M=C3=BCller",
                "FN:A",
                "END:VCARD",
            ],
        ),
        # soft breaks joined; a note's continuation is left out with the note
        (
            "BEGIN:VCARD\nVERSION:2.1\nNOTE;QUOTED-PRINTABLE:Rue=\nde Rivoli\n"
            "N;CHARSET=UTF-8;QUOTED-PRINTABLE:Fran=\n=C3=A7ois;;;;\nEND:VCARD",
            [
                "BEGIN:VCARD",
                "VERSION:2.1",
                "N;CHARSET=UTF-8;QUOTED-PRINTABLE:Fran=C3=A7ois;;;;",
                "END:VCARD",
            ],
        ),
        # folded lines stay with their property; a photo's go with the photo
        (
            "BEGIN:VCARD\nVERSION:3.0\nPHOTO;ENCODING=b:AAAA\n BBBB\nADR:;;Steindamm 17;Ham\n"
            " burg;;20099;\nEND:VCARD",
            ["BEGIN:VCARD", "VERSION:3.0", "ADR:;;Steindamm 17;Ham\n burg;;20099;", "END:VCARD"],
        ),
    ],
    ids=["dangling-soft-break", "soft-breaks", "folds"],
)
def test_content_lines(card, expected):
    assert content_lines(card) == expected
