"""vCard files and folders: the address-book contract, and vCards as Apple Contacts, Google
Contacts, Outlook and Nextcloud write them (tests/data/vcards, see its README)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.config.schema import SourceConfig
from planner.errors import ProviderError
from providers.addressbooks.base import ProviderContext, create
from tests.providers.addressbook_contract import AddressBookContract, seed
from tests.providers.vcards import vcard

TZ = ZoneInfo("Europe/Berlin")
VENDORS = Path(__file__).resolve().parents[1] / "data" / "vcards"


def book_of(path: Path, warnings: list[str] | None = None):
    context = ProviderContext(tz=TZ, warn=(warnings if warnings is not None else []).append)
    return create(SourceConfig("cards", "vcard", {"path": str(path)}), context)


class _Folder:
    """A vdir: one card per file."""

    def __init__(self, root: Path, version: str = "3.0") -> None:
        self.root, self.version = root, version
        for contact in seed():
            self.put(contact)

    def provider(self):
        return book_of(self.root)

    def put(self, contact):
        path = self.root / f"{contact.id}.vcf"
        existed = path.exists()
        path.write_text(vcard(contact, self.version), encoding="utf-8", newline="")
        if existed:  # a new mtime even on a coarse clock
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    def remove(self, contact_id):
        (self.root / f"{contact_id}.vcf").unlink()

    def expire(self, state):
        return "not a state of this book"


class _File(_Folder):
    """One export file with every card."""

    def __init__(self, root: Path) -> None:
        self.cards = {}
        super().__init__(root)

    def provider(self):
        return book_of(self.root / "export.vcf")

    def put(self, contact):
        self.cards[contact.id] = contact
        self._write()

    def remove(self, contact_id):
        del self.cards[contact_id]
        self._write()

    def _write(self):
        path = self.root / "export.vcf"
        path.write_text("".join(vcard(c) for c in self.cards.values()), encoding="utf-8")
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + len(self.cards) * 10**9))


class TestVCardFolder(AddressBookContract):
    @pytest.fixture
    def book(self, tmp_path):
        return _Folder(tmp_path)


class TestVCard4Folder(AddressBookContract):
    @pytest.fixture
    def book(self, tmp_path):
        return _Folder(tmp_path, "4.0")


class TestVCardFile(AddressBookContract):
    @pytest.fixture
    def book(self, tmp_path):
        return _File(tmp_path)


def test_vendor_vcards_are_read_as_written():
    found = {c.name: c for c in book_of(VENDORS).changes("").contacts}
    assert set(found) == {"Lena Hansen", "Jonas Müller", "Kim Schäfer", "Ole Brandt"}
    lena = found["Lena Hansen"]  # Apple: X-ABLabel, photo, group card by urn:uuid
    assert lena.emails == ("lena@hafenlogistik.example",)
    assert lena.organisation == "Hafenlogistik GmbH"
    assert [(a.city, a.kind) for a in lena.addresses] == [
        ("Hamburg", "work"),
        ("Lübeck", "ferienhaus"),
    ]
    assert set(lena.groups) == {"Kunden Nord", "Beirat"}  # Beirat: a vCard 4 MEMBER:mailto:
    jonas = found["Jonas Müller"]  # Google export: two addresses, myContacts is no group
    assert [a.city for a in jonas.addresses] == ["Berlin", "Potsdam"]
    assert jonas.emails == ("jonas@spree.example", "j.mueller@gmail.com")
    assert "myContacts" not in jonas.groups and "Investoren" in jonas.groups
    kim = found["Kim Schäfer"]  # Outlook 2.1: Windows-1252, quoted-printable soft breaks
    assert kim.organisation == "Rhein Möbel AG"
    assert kim.addresses[0].city == "Köln" and kim.addresses[0].postal_code == "50667"
    assert kim.groups == ("Geschäftlich",)
    ole = found["Ole Brandt"]  # Nextcloud vCard 4.0: a folded ADR, KIND:group
    assert ole.addresses[0].city == "Hamburg"
    assert set(ole.groups) == {"Kunden", "Nord", "Beirat"}
    assert ole.revision is not None and ole.revision.tzinfo is not None


MEND = "; mend it where the address book is kept (its app, its server or the file)"


def test_a_broken_card_is_left_out_and_counted_once(tmp_path):
    good = vcard(replace(seed()[0], phones=()))  # the line numbers below are of this card
    cut = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut off\r\nN:Off;Cut;;;\r\n"
    broken = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN;=;:x\r\nADR:;;\r\n\x00\r\nEND:VCARD\r\n"
    (tmp_path / "a.vcf").write_text(cut + good + broken + good.replace("lena", "lea"))
    warnings: list[str] = []
    contacts = book_of(tmp_path, warnings).changes("").contacts
    emails = {e for c in contacts for e in c.emails}
    assert emails == {"lena@hafenlogistik.example", "lea@hafenlogistik.example"}
    path = tmp_path / "a.vcf"
    assert warnings == [  # each line left out and the card cut off, each where it is
        f"{path}:19: a line that cannot be read is left out (\x00){MEND}",
        f"{path}:17: a line that cannot be read is left out (FN;=;:x){MEND}",
        f"address book 'cards': 1 vCard cannot be read and is left out: {path}:1 'Cut off' "
        f"(no END:VCARD before the next BEGIN:VCARD on line 5){MEND}",
    ]


def test_a_photo_with_a_data_uri_does_not_lose_the_card(tmp_path):
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:p\r\nFN:Pia Photo\r\nEMAIL:pia@photo.example\r\n"
        "PHOTO;ENCODING=b;TYPE=png:data:image/png;base64,iVBORw0KGgo=\r\nEND:VCARD\r\n"
    )
    (tmp_path / "p.vcf").write_text(card)
    (contact,) = book_of(tmp_path).changes("").contacts
    assert contact.name == "Pia Photo"


def test_a_missing_path_is_one_clear_error(tmp_path):
    with pytest.raises(ProviderError, match="neither a file nor a folder.*check its 'path'"):
        book_of(tmp_path / "nowhere").changes("")


def test_an_unchanged_folder_is_not_parsed_again(tmp_path, monkeypatch):
    from providers.addressbooks import files

    _Folder(tmp_path)
    first = book_of(tmp_path).changes("")
    monkeypatch.setattr(files, "contacts_from_vcards", lambda *a, **k: pytest.fail("parsed"))
    assert book_of(tmp_path).changes(first.state).empty


def test_a_copy_read_by_an_earlier_reader_is_read_again(tmp_path, monkeypatch):
    """QA vcards, defect 7: the state was the files' sizes and times only, so a file read
    before a fix of the reader kept its wrong copy (a town lost to a soft break) until the
    file itself changed; not even ``planner people --refresh`` read it again."""
    from providers.addressbooks import files

    _Folder(tmp_path)
    earlier = book_of(tmp_path).changes("")
    monkeypatch.setattr(files, "READER", files.READER + 1)
    again = book_of(tmp_path).changes(earlier.state)
    assert again.complete and again.contacts and again.state != earlier.state
