"""Broken vCards are named (QA session a, defect 3): before, a book said only "1 vCard cannot
be read and is left out", and a line a card lost was not said at all. Now the warning names each
card's file and line and why (the first few, then how many more), and a line left out of a card
that is read is said with its own line. Cards as Apple, Google and Outlook write them."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner import i18n
from planner.config.schema import SourceConfig
from providers.addressbooks.base import ProviderContext, create

TZ = ZoneInfo("Europe/Berlin")

APPLE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.4//EN\r\nN:Huber;Stefan;;;\r\n"
    "FN:Stefan Huber\r\nORG:Alpenbank AG;\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:stefan.huber@alpenbank.example\r\n"
    "item1.X-ABLabel:_$!<Other>!$_\r\n"
    "item2.ADR;type=WORK:;;Schottengasse 6;Wien;;1010;Österreich\r\n"
    "UID:8A1C2B3D-4E5F-4A6B-9C7D-0E1F2A3B4C5D\r\nEND:VCARD\r\n"
)
GOOGLE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jonas Müller\r\nN:Müller;Jonas;;;\r\n"
    "EMAIL;TYPE=INTERNET;TYPE=WORK:jonas@spree.example\r\n"
    "ADR;TYPE=WORK:;;Friedrichstraße 100;Berlin;;10117;Deutschland\r\n"
    "CATEGORIES:Investoren,myContacts\r\nEND:VCARD\r\n"
)
OUTLOOK = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=de:Schäfer;Kim\r\nFN:Kim Schäfer\r\n"
    "ORG:Rhein Möbel AG\r\nEMAIL;PREF;INTERNET:kim@rhein.example\r\n"
    "LABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE:Domkloster 4=0D=0A=\r\n2. Etage\r\n"
    "REV:20261002T091500Z\r\nEND:VCARD\r\n"
)
VENDORS = {"apple": APPLE, "google": GOOGLE, "outlook": OUTLOOK}
MEND = "; mend it where the address book is kept (its app, its server or the file)"


def read(folder: Path) -> tuple[list, list[str]]:
    said: list[str] = []
    context = ProviderContext(tz=TZ, warn=said.append)
    book = create(SourceConfig("mac-contacts", "vcard", {"path": str(folder)}), context)
    return list(book.changes("").contacts), said


def cut_off(card: str) -> str:
    return card[: card.index("END:VCARD")]


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_a_card_cut_off_is_named_with_its_file_and_line(tmp_path, vendor):
    card = VENDORS[vendor]
    (tmp_path / "all.vcf").write_text(card + cut_off(card), encoding="utf-8")
    contacts, said = read(tmp_path)
    assert len(contacts) == 1
    begin = len(card.splitlines()) + 1
    name = {"apple": "Stefan Huber", "google": "Jonas Müller", "outlook": "Kim Schäfer"}
    assert said == [
        f"address book 'mac-contacts': 1 vCard cannot be read and is left out: "
        f"{tmp_path / 'all.vcf'}:{begin} '{name[vendor]}' (no END:VCARD: the file may be cut "
        f"off){MEND}"
    ]


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_a_line_without_colon_is_said_and_the_card_read(tmp_path, vendor):
    card = VENDORS[vendor].replace("END:VCARD", "TEL;TYPE=WORK +49 69 1234\r\nEND:VCARD")
    (tmp_path / "one.vcf").write_text(card, encoding="utf-8")
    contacts, said = read(tmp_path)
    assert len(contacts) == 1 and contacts[0].emails
    line = card.splitlines().index("TEL;TYPE=WORK +49 69 1234") + 1
    assert said == [
        f"{tmp_path / 'one.vcf'}:{line}: a line that cannot be read is left out "
        f"(TEL;TYPE=WORK +49 69 1234){MEND}"
    ]


def test_the_qa_card_names_its_file(tmp_path):
    """/work/qa/a/bad/contacts-broken/broken.vcf: a line without ':' and no END:VCARD."""
    (tmp_path / "broken.vcf").write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Kaputt\nEMAIL;TYPE=WORK kaputt@x.example\n"
        "ADR;TYPE=WORK:;;;Berlin\n",
        encoding="utf-8",
    )
    (tmp_path / "good.vcf").write_text(GOOGLE, encoding="utf-8")
    contacts, said = read(tmp_path)
    assert [c.name for c in contacts] == ["Jonas Müller"]
    assert said == [
        f"address book 'mac-contacts': 1 vCard cannot be read and is left out: "
        f"{tmp_path / 'broken.vcf'}:1 'Kaputt' (no END:VCARD: the file may be cut off){MEND}"
    ]


def test_many_broken_cards_name_a_few_and_count_the_rest(tmp_path):
    for n in range(5):
        (tmp_path / f"c{n}.vcf").write_text(cut_off(APPLE), encoding="utf-8")
    _contacts, said = read(tmp_path)
    (message,) = said
    assert message.startswith(
        "address book 'mac-contacts': 5 vCards cannot be read and are left out: "
    )
    assert message.count("no END:VCARD") == 3
    assert message.endswith(" and 2 more" + MEND.replace("mend it", "mend them"))
    assert f"{tmp_path / 'c0.vcf'}:1" in message and f"{tmp_path / 'c3.vcf'}" not in message


def test_in_german_the_cards_are_still_named(tmp_path):
    """The German sentence comes from the catalog (updated apart from this change); the file
    and line of each card are there in any language."""
    (tmp_path / "a.vcf").write_text(cut_off(OUTLOOK), encoding="utf-8")
    i18n.set_language("de")
    try:
        _contacts, said = read(tmp_path)
    finally:
        i18n.set_language("en")
    assert len(said) == 1 and f"{tmp_path / 'a.vcf'}:1" in said[0]
