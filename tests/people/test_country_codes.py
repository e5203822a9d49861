"""A two-letter ISO 3166 code where an address names its country is that country, as its name
is (defect: "8001 Zürich CH" was found nowhere, "Freiburg, CH" was Freiburg im Breisgau,
"Baden, AT" Baden-Baden: the code was read as a word). Where a US state or an Italian province
is written the same way ("Chicago, IL", "50122 Firenze FI"), it is a country only where the
town is found in that country."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.config.schema import SourceConfig
from planner.meet.geo import locate_offline
from planner.people.books import entry_of
from planner.people.postal import code_at_end
from providers.addressbooks.base import ProviderContext, create

TZ = ZoneInfo("Europe/Berlin")

#: (with the code, with the name in one of the languages address books write)
SAME = [
    ("Bahnhofstrasse 1, 8001 Zürich CH", "Bahnhofstrasse 1, 8001 Zürich, Schweiz"),
    ("Rue de Romont 2, Freiburg, CH", "Rue de Romont 2, Freiburg, Suisse"),
    ("Hauptplatz 1, Baden, AT", "Hauptplatz 1, Baden, Österreich"),
    ("Stephansplatz 1, 1010 Wien AT", "Stephansplatz 1, 1010 Wien, Austria"),
    ("Leopoldstraße 10, 80802 München, DE", "Leopoldstraße 10, 80802 München, Deutschland"),
    ("Rue de Rivoli 1, 75001 Paris FR", "Rue de Rivoli 1, 75001 Paris, France"),
    ("Coolsingel 40, Rotterdam, NL", "Coolsingel 40, Rotterdam, Nederland"),
    ("Am Kai 3\n23552 Lübeck\nDE", "Am Kai 3\n23552 Lübeck\nGermany"),
]


def where(text: str, country: str = "DE") -> tuple[str, float, float] | None:
    place = locate_offline(text, country)
    return (place.city, round(place.lat, 1), round(place.lon, 1)) if place else None


@pytest.mark.parametrize(("coded", "named"), SAME)
@pytest.mark.parametrize("home", ["DE", "NL", "US"])
def test_a_country_code_is_read_as_its_name_is(coded, named, home):
    assert where(named, home) is not None
    assert where(coded, home) == where(named, home)


def test_freiburg_and_baden_are_in_the_country_the_code_names():
    assert where("Freiburg, CH")[1:] == (46.8, 7.2)  # Fribourg, not Freiburg im Breisgau
    assert where("Baden, AT")[1:] == (48.0, 16.2)  # Baden bei Wien, not Baden-Baden


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Chicago, IL", "Chicago"),  # Illinois, not Israel
        ("Indianapolis, IN", "Indianapolis"),  # Indiana, not India
        ("Los Angeles, CA", "Los Angeles"),  # California, not Canada
        ("Via Roma 1, 50122 Firenze FI", "Firenze"),  # the province of Florence, not Finland
        ("Via Roma 1, 50122 Firenze (FI)", "Firenze"),
    ],
)
def test_a_state_or_a_province_is_no_country(text, city):
    assert where(text)[0] == city


@pytest.mark.parametrize(
    ("text", "code", "sure"),
    [
        ("80802 München, DE", "DE", True),
        ("Coolsingel 40, 3011 AD Rotterdam, NL", "NL", True),
        ("75001 Paris FR", "FR", False),
        ("Rotterdam, NL", "NL", False),
        ("Meeting IN Berlin", "", False),  # a word, not at the end
        ("Boston, MA 02116", "", False),  # a state with its ZIP
        ("50122 Firenze (FI)", "", False),
        ("Berlin, XY", "", False),  # no ISO code
        ("Düsseldorf, de", "", False),  # a code is written in capitals
    ],
)
def test_the_code_is_read_only_where_a_country_stands(text, code, sure):
    found, _rest, certain = code_at_end(text)
    assert (found, certain) == (code, sure)


GOOGLE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anneke de Vries\r\nN:de Vries;Anneke;;;\r\n"
    "EMAIL;TYPE=INTERNET;TYPE=WORK:anneke@haven.example\r\n"
    "ADR;TYPE=WORK:;;Coolsingel 40\\n3011 AD Rotterdam\\nNL;;;;\r\nEND:VCARD\r\n"
)
APPLE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.4//EN\r\nN:Keller;Urs;;;\r\n"
    "FN:Urs Keller\r\nitem1.EMAIL;type=INTERNET;type=pref:urs@limmat.example\r\n"
    "item2.ADR;type=WORK:;;Rue de Romont 2;Freiburg;;;CH\r\nEND:VCARD\r\n"
)
OUTLOOK = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Gruber;Eva\r\nFN:Eva Gruber\r\n"
    "EMAIL;PREF;INTERNET:eva@donau.example\r\n"
    "LABEL;WORK;ENCODING=QUOTED-PRINTABLE:Hauptplatz 1=0D=0ABaden, AT\r\n"
    "ADR;WORK:;;Hauptplatz 1;Baden;;;AT\r\nEND:VCARD\r\n"
)
NEXTCLOUD = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:7c1e\r\nFN:Jean Martin\r\nN:Martin;Jean;;;\r\n"
    "EMAIL;TYPE=work:jean@seine.example\r\n"
    "ADR;TYPE=work:;;Rue de Rivoli 1, 75001 Paris FR;;;;\r\nEND:VCARD\r\n"
)


@pytest.mark.parametrize(
    ("card", "named", "city"),
    [
        (GOOGLE, "Coolsingel 40, 3011 AD Rotterdam, Nederland", "Rotterdam"),
        (APPLE, "Rue de Romont 2, Freiburg, Schweiz", "Freiburg"),
        (OUTLOOK, "Hauptplatz 1, Baden, Österreich", "Baden"),
        (NEXTCLOUD, "Rue de Rivoli 1, 75001 Paris, Frankreich", "Paris"),
    ],
)
def test_an_address_book_s_code_places_the_person_as_the_name_would(
    tmp_path: Path, card, named, city
):
    """The code in the ADR country field (Apple, Outlook) or at the end of an address typed
    into one field (Google, Nextcloud) places the person where the country's name would."""
    path = tmp_path / "card.vcf"
    path.write_text(card, encoding="utf-8")
    context = ProviderContext(tz=TZ, warn=lambda line: None)
    (contact,) = create(SourceConfig("b", "vcard", {"path": str(path)}), context).contacts()
    (place, *_more) = entry_of(contact, "b").places
    assert where(place) == where(named) and where(place)[0] == city
