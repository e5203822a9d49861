"""vCards as real address books export them (QA session vcards): Outlook's vCard 2.1 with
quoted-printable values in UTF-8 or Windows-1252 and soft line breaks, files that mix encodings,
Apple's and Google's labels on addresses, a card without its END in the middle of a file. Each
test names the defect it guards; every card here was written for these tests (people invented).
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner import i18n
from planner.config.schema import SourceConfig
from planner.model import Contact
from planner.people.books import entry_of
from providers.addressbooks.base import ProviderContext, create
from providers.addressbooks.vcard_text import content_lines

TZ = ZoneInfo("Europe/Berlin")


def read(path: Path) -> tuple[list[Contact], list[str]]:
    said: list[str] = []
    context = ProviderContext(tz=TZ, warn=said.append)
    book = create(SourceConfig("export", "vcard", {"path": str(path)}), context)
    return list(book.changes("").contacts), said


def card(*lines: str, version: str = "2.1") -> str:
    return "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""])


#: Outlook 2016 "Save as vCard": the work address is long, so its quoted-printable value is
#: broken after 76 characters, and the continuation holds the next parts (";Düsseldorf;…")
OUTLOOK_UTF8 = card(
    "N;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;Dr.;",
    "FN;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:Dr. J=C3=BCrgen M=C3=BCller",
    "ORG:Rheinische Stahlhandel GmbH;Vertrieb",
    "ADR;WORK;PREF;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:;;K=C3=B6nigsallee 92a, 3. OG, S=",
    "eiteneingang;D=C3=BCsseldorf;Nordrhein-Westfalen;40212;Deuts=",
    "chland",
    "ADR;HOME;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:;;Lindenstra=C3=9Fe 4;Neuss;;41460;DE",
    "EMAIL;PREF;INTERNET:j.mueller@rheinstahl.example",
    "EMAIL;INTERNET:juergen.mueller@privat.example",
)


def test_a_soft_break_before_text_with_a_semicolon_continues_the_value(tmp_path):
    """Defect 1: the continuation "eiteneingang;D=C3=BCsseldorf;…" was taken for a property
    named "eiteneingang": the work address lost its town, a warning named a line that is
    none, and the home town (Neuss) became the city."""
    (tmp_path / "Jürgen Müller.vcf").write_text(OUTLOOK_UTF8, encoding="utf-8", newline="")
    (mueller,), said = read(tmp_path)
    assert said == []
    work = mueller.addresses[0]
    assert (work.kind, work.city, work.postal_code, work.country) == (
        "work",
        "Düsseldorf",
        "40212",
        "Deutschland",
    )
    assert work.street == "Königsallee 92a, 3. OG, Seiteneingang"


@pytest.mark.parametrize(
    "continuation",
    ["Extra: zweite Zeile", "eiteneingang;Berlin", "item: x"],
)
def test_content_lines_join_any_continuation_of_a_soft_break(continuation):
    text = (
        f"BEGIN:VCARD\nVERSION:2.1\nNOTE;QUOTED-PRINTABLE:a=\n{continuation}\n"
        f"FN;QUOTED-PRINTABLE:b=\n{continuation}\nEND:VCARD"
    )
    assert content_lines(text) == [
        "BEGIN:VCARD",
        "VERSION:2.1",
        f"FN;QUOTED-PRINTABLE:b{continuation}",
        "END:VCARD",
    ]


def test_a_soft_break_before_the_next_property_is_still_dropped():
    text = "BEGIN:VCARD\nVERSION:2.1\nFN;QUOTED-PRINTABLE:b=\nitem1.EMAIL:x@y.example\nEND:VCARD"
    assert content_lines(text)[2:4] == ["FN;QUOTED-PRINTABLE:b", "item1.EMAIL:x@y.example"]


@pytest.mark.parametrize(
    "params",
    ["ENCODING=QUOTED-PRINTABLE", "CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE", "QUOTED-PRINTABLE"],
)
def test_quoted_printable_bytes_of_windows_1252_keep_the_name(tmp_path, params):
    """Defect 3: Outlook writes Windows-1252 bytes with no CHARSET (or a wrong one): vobject
    decoded them as UTF-8, failed, and the name (or address) was left out."""
    text = card(
        f"FN;{params}:Fran=E7oise Lef=E8vre",
        f"ADR;WORK;{params}:;;12, rue de la Paix=0D=0ABo=EEte postale 45;Paris;"
        "=CEle-de-France;75002;France",
        "EMAIL;PREF;INTERNET:francoise.lefevre@sgm.example",
    )
    (tmp_path / "f.vcf").write_text(text, encoding="ascii", newline="")
    (francoise,), said = read(tmp_path)
    assert said == []
    assert francoise.name == "Françoise Lefèvre"
    (work,) = francoise.addresses
    assert (work.street, work.city, work.region) == (
        "12, rue de la Paix, Boîte postale 45",
        "Paris",
        "Île-de-France",
    )


def test_one_card_of_windows_1252_does_not_garble_the_utf8_cards_of_its_file(tmp_path):
    """Defect 2: a file of UTF-8 cards with one Outlook card of raw Windows-1252 bytes was
    decoded as Windows-1252 whole: "Jürgen" became "JÃ¼rgen" in every other card."""
    utf8 = card("FN:Jürgen Müller", "EMAIL:j@rheinstahl.example", version="3.0")
    cp1252 = card(
        "N;CHARSET=Windows-1252:Lefèvre;Françoise",
        "FN;CHARSET=Windows-1252:Françoise Lefèvre",
        "EMAIL;INTERNET:f@sgm.example",
    )
    after = card("FN:Łukasz Nowak", "EMAIL:l@lzt.example", version="3.0")
    raw = utf8.encode() + cp1252.encode("cp1252") + after.encode()
    (tmp_path / "all.vcf").write_bytes(b"\xef\xbb\xbf" + raw)
    contacts, said = read(tmp_path)
    assert said == []
    assert [c.name for c in contacts] == ["Jürgen Müller", "Françoise Lefèvre", "Łukasz Nowak"]


@pytest.mark.parametrize(
    "label, first",
    [
        ("Office", "Downing"),
        ("Büro", "Downing"),
        ("Geschäftlich", "Downing"),
        ("Bureau", "Downing"),
        ("_$!<Work>!$_", "Downing"),
        ("Privat", "Ashley"),
        ("Zuhause", "Ashley"),
        ("_$!<Home>!$_", "Ashley"),
        ("Ferienhaus", "Ashley"),
    ],
)
def test_an_address_labelled_as_an_office_is_a_work_address(tmp_path, label, first):
    """Defect 4: Google's and Apple's own labels ("item1.X-ABLabel:Office") made the kind
    "office", which ranked after "home": the home address came first, and the person's city
    was their home town."""
    text = card(
        "FN:Tom Brennan",
        "EMAIL;TYPE=INTERNET;TYPE=WORK:tom@thames.example",
        "ADR;TYPE=HOME:;;Flat 3, 22 Ashley Gardens;Richmond;;TW9 1AA;GB",
        "item1.ADR:;;10 Downing Street;London;;SW1A 2AA;United Kingdom",
        f"item1.X-ABLabel:{label}",
        version="3.0",
    )
    (tmp_path / "g.vcf").write_text(text, encoding="utf-8")
    (tom,), _said = read(tmp_path)
    entry = entry_of(tom, "google")
    assert first in entry.places[0]
    assert entry.city == ("London" if first == "Downing" else "Richmond")


def test_a_type_work_wins_over_a_label_that_says_nothing_of_it(tmp_path):
    text = card(
        "FN:Tom Brennan",
        "EMAIL:tom@thames.example",
        "item1.ADR;TYPE=WORK:;;10 Downing Street;London;;SW1A 2AA;UK",
        "item1.X-ABLabel:Whitehall",
        version="3.0",
    )
    (tmp_path / "g.vcf").write_text(text, encoding="utf-8")
    (tom,), _said = read(tmp_path)
    assert tom.addresses[0].kind == "work"


GOOD = card("FN:Ingrid Schäfer", "EMAIL:ingrid@elbwerk.example", version="3.0")
NO_END = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kaputt\r\nEMAIL:k@x.example\r\n"
AFTER = card("FN:Henrik Lund", "EMAIL:henrik@oresund.example", version="3.0")


def test_a_card_without_end_in_the_middle_says_the_next_card_began(tmp_path):
    """Defect 6: a card without END:VCARD before the next card was said to be "cut off" like
    the end of a file; the file is whole, the card is not: say which card and that the next
    one began, and read the rest."""
    path = tmp_path / "mixed.vcf"
    path.write_text(GOOD + NO_END + AFTER, encoding="utf-8", newline="")
    contacts, said = read(path)
    assert [c.name for c in contacts] == ["Ingrid Schäfer", "Henrik Lund"]
    assert said == [
        f"address book 'export': 1 vCard cannot be read and is left out: {path}:6 'Kaputt' "
        "(no END:VCARD before the next BEGIN:VCARD on line 10); mend it where the address book "
        "is kept (its app, its server or the file)"
    ]


def test_in_german_the_card_in_the_middle_is_still_named(tmp_path):
    path = tmp_path / "mixed.vcf"
    path.write_text(GOOD + NO_END + AFTER, encoding="utf-8", newline="")
    i18n.set_language("de")
    try:
        contacts, said = read(path)
    finally:
        i18n.set_language("en")
    assert len(contacts) == 2 and len(said) == 1
    assert f"{path}:6" in said[0] and "10" in said[0]
