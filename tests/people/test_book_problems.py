"""What an address book's copy lacks is said on every run that uses it, and ``--refresh`` reads
every book again whole.

Before: a card that could not be read (no END, a broken line, bytes outside its charset) was
said only on the run that read the file; the next runs used the copy and said nothing, so a
user who missed the one warning never learnt that a contact was missing. And ``planner people
--refresh`` asked a vCard file only whether its size and time had changed, and a CardDAV book
only for what its sync token said had changed."""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.config import SourceConfig, default_config
from planner.people.books import AddressBooks
from planner.store import Store
from tests.providers.test_addressbook_broken_cards import APPLE, GOOGLE  # cards as exported

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 8, tzinfo=TZ)

OUTLOOK = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=de:Schäfer;Kim\r\nFN:Kim Schäfer\r\n"
    "ORG:Rhein Möbel AG\r\nEMAIL;PREF;INTERNET:kim@rhein.example\r\n"
    "ADR;WORK;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:;;Domkloster 4;K=F6ln;;50667;"
    "Deutschland\r\nREV:20261002T091500Z\r\nEND:VCARD\r\n"
)
NEXTCLOUD = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//Sabre//Sabre VObject 4.5.4//EN\r\n"
    "UID:0f6c1c1e-7d4e-4b8e-9d0a-3c2b1a0f9e8d\r\nFN:Anneke de Vries\r\nN:de Vries;Anneke;;;\r\n"
    "EMAIL;TYPE=work:anneke@haven.example\r\n"
    "ADR;TYPE=work:;;Wilhelminakade 1;Rotterdam;;3072 AP;Nederland\r\nEND:VCARD\r\n"
)
VENDORS = {"apple": APPLE, "google": GOOGLE, "outlook": OUTLOOK, "nextcloud": NEXTCLOUD}
NAMES = {
    "apple": "Stefan Huber",
    "google": "Jonas Müller",
    "outlook": "Kim Schäfer",
    "nextcloud": "Anneke de Vries",
}
OTHER = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ole Brandt\r\nN:Brandt;Ole;;;\r\n"
    "EMAIL;TYPE=INTERNET:ole@nordreederei.example\r\nEND:VCARD\r\n"
)


def cut_off(card: str) -> str:
    return card[: card.index("END:VCARD")]


def with_broken_line(card: str) -> str:
    return card.replace("END:VCARD", "TEL;TYPE=WORK +49 69 1234\r\nEND:VCARD")


def config_for(path: Path, name: str = "contacts"):
    source = SourceConfig(name, "vcard", {"path": str(path)})
    return replace(default_config(), addressbooks=(source,))


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    yield store
    store.close()


def run(cfg, store, caplog, now=NOW, **options) -> tuple[AddressBooks, list[str]]:
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="planner"):
        books = AddressBooks(cfg, store, now=now).read(**options)
    return books, [r.getMessage() for r in caplog.records if r.name == "planner"]


@pytest.mark.parametrize("vendor", sorted(VENDORS))
@pytest.mark.parametrize("breaking", [cut_off, with_broken_line])
def test_a_broken_card_is_said_on_every_run_until_it_is_mended(
    tmp_path, store, caplog, vendor, breaking
):
    path = tmp_path / "export.vcf"
    path.write_text(OTHER + breaking(VENDORS[vendor]), encoding="utf-8")
    cfg = config_for(path)
    _books, first = run(cfg, store, caplog)
    assert len(first) == 1 and str(path) in first[0] and "mend it" in first[0]
    if breaking is cut_off:  # the card is named: whom the address book lacks
        assert f"'{NAMES[vendor]}'" in first[0]
    for hours in (1, 30):  # the file did not change: its copy stands in, and says so again
        books, again = run(cfg, store, caplog, now=NOW + timedelta(hours=hours))
        assert again == first
        assert books.status[0].problems == tuple(first)
    path.write_text(OTHER + VENDORS[vendor], encoding="utf-8")  # mended
    books, mended = run(cfg, store, caplog, now=NOW + timedelta(days=2))
    assert mended == [] and books.status[0].problems == ()
    assert len(list(books.contacts())) == 2
    _books, later = run(cfg, store, caplog, now=NOW + timedelta(days=3))
    assert later == []


def test_each_problem_once_a_run_also_when_the_books_are_read_twice(tmp_path, store, caplog):
    path = tmp_path / "export.vcf"
    path.write_text(OTHER + cut_off(APPLE) + cut_off(GOOGLE), encoding="utf-8")
    cfg = config_for(path)
    run(cfg, store, caplog)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="planner"):
        books = AddressBooks(cfg, store, now=NOW)
        books.read()
        books.read()
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 1 and "2 vCards cannot be read" in said[0]


def test_an_unreadable_book_says_what_its_copy_lacks_as_well(tmp_path, store, caplog):
    path = tmp_path / "export.vcf"
    path.write_text(OTHER + cut_off(APPLE), encoding="utf-8")
    cfg = config_for(path)
    _books, first = run(cfg, store, caplog)
    path.unlink()  # a file moved away: the copy stands in, with what it lacks
    _books, said = run(cfg, store, caplog, now=NOW + timedelta(hours=2))
    assert len(said) == 2 and "cannot be read" in said[0] and said[1] == first[0]


def test_a_copy_of_the_earlier_version_is_read_again_to_learn_what_it_lacks(tmp_path, caplog):
    """A state database of the planner before: the copy knew nothing of its problems; it is
    read whole once more, so the broken card is said again from then on."""
    path = tmp_path / "export.vcf"
    path.write_text(OTHER + cut_off(APPLE), encoding="utf-8")
    cfg = config_for(path)
    store = Store(tmp_path / "old.sqlite3")
    run(cfg, store, caplog)
    with store.conn as conn:  # as version 1 left it
        conn.execute(
            "CREATE TABLE old (book TEXT PRIMARY KEY, options TEXT NOT NULL, state TEXT NOT NULL,"
            " read_at TEXT NOT NULL)"
        )
        conn.execute("INSERT INTO old SELECT book, options, state, read_at FROM addressbook_state")
        conn.execute("DROP TABLE addressbook_state")
        conn.execute("ALTER TABLE old RENAME TO addressbook_state")
        conn.execute("UPDATE schema_versions SET version = 1 WHERE name = 'addressbooks'")
    store.close()
    store = Store(tmp_path / "old.sqlite3")
    _books, said = run(cfg, store, caplog, now=NOW + timedelta(hours=1))
    assert len(said) == 1 and "'Stefan Huber'" in said[0]
    store.close()


def test_refresh_reads_an_unchanged_file_again(tmp_path, store, caplog):
    """A file edited without a change of size or time (a sync tool that keeps the times, a
    copy with ``cp -p``): only ``--refresh`` can see it, and it must."""
    path = tmp_path / "export.vcf"
    path.write_text(OTHER + GOOGLE, encoding="utf-8")
    stamp = path.stat()
    cfg = config_for(path)
    run(cfg, store, caplog)
    path.write_text(OTHER + GOOGLE.replace("Jonas", "Jonah"), encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    books, _said = run(cfg, store, caplog, now=NOW + timedelta(hours=1))
    assert "Jonas Müller" in {c.name for _b, c in books.contacts()}  # the copy: no change seen
    books, _said = run(cfg, store, caplog, now=NOW + timedelta(hours=1), refresh=True)
    assert {c.name for _b, c in books.contacts()} == {"Ole Brandt", "Jonah Müller"}
    assert books.status[0].fresh


def test_the_people_command_says_a_broken_card_on_each_run_once(tmp_path, monkeypatch):
    from tests.flows.touch_scenario import write_home

    config = write_home(tmp_path / "files", now=datetime.now(TZ))
    book = config.parent / "contacts.vcf"
    book.write_text(book.read_text(encoding="utf-8") + cut_off(OUTLOOK), encoding="utf-8")
    monkeypatch.setenv("PLANNER_CONFIG", str(config))
    runner = CliRunner()
    for _run in range(2):
        result = runner.invoke(main, ["people", "--format", "json"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert result.stderr.count("'Kim Schäfer' (no END:VCARD") == 1, result.stderr


def test_the_refresh_option_says_it_reads_every_book_again():
    result = CliRunner().invoke(main, ["people", "--help"], terminal_width=200)
    assert "--refresh" in result.output
    text = " ".join(result.output.split())
    assert "every address book again" in text and "not only what changed" in text
