"""Every path in the config is read from the config file's folder, with ``~`` expanded, in one
place (planner.config.loader): QA d#6, a calendar's and an address book's relative ``path``
were read from the current directory, so the same config failed from cron, a systemd timer or
another shell, while ``[venues] files`` were read from the config's folder."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.calendar.sources import context_for, open_providers, read_events
from planner.cli import main
from planner.config import load
from planner.meet.venues import catalog_from_config
from providers.addressbooks.base import create as open_book

TZ = ZoneInfo("Europe/Berlin")
VCARDS = Path(__file__).parents[1] / "data" / "vcards"


def _ics(prodid: str, title: str) -> str:
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{prodid}\r\nBEGIN:VEVENT\r\nUID:{title}\r\n"
        f"DTSTART;TZID=Europe/Berlin:20261208T100000\r\nDTEND;TZID=Europe/Berlin:20261208T110000"
        f"\r\nSUMMARY:{title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


# An Outlook export in a subfolder, a Google export next to the config, a Thunderbird export
# under the home folder: three ways a user writes a path.
CALENDARS = {
    "cal/outlook.ics": _ics("-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "Angebot"),
    "google.ics": _ics("-//Google Inc//Google Calendar 70.9054//EN", "Pipeline review"),
}
THUNDERBIRD = _ics("-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN", "Jour fixe")
VENUES = '[[venue]]\nname = "Café am Hafen"\nkind = "cafe"\nlat = 53.54\nlon = 9.98\n'


def _setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder with relative paths, and the current directory somewhere else."""
    home = Path.home()  # the tests' own home (tests/conftest.py)
    folder = tmp_path / "planner"
    for name, text in CALENDARS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8", newline="")
    (home / "exports").mkdir(parents=True, exist_ok=True)
    (home / "exports" / "thunderbird.ics").write_text(THUNDERBIRD, newline="")
    shutil.copytree(VCARDS, folder / "vcards")
    (folder / "venues.toml").write_text(VENUES, encoding="utf-8")
    config = folder / "config.toml"
    config.write_text(
        '[user]\nemail = "anna@berger.example"\ntimezone = "Europe/Berlin"\n'
        '[venues]\nfiles = ["venues.toml"]\n'
        '[[calendars]]\nname = "outlook"\nprovider = "ics"\npath = "cal/outlook.ics"\n'
        '[[calendars]]\nname = "google"\nprovider = "ics"\npath = "./google.ics"\n'
        '[[calendars]]\nname = "thunderbird"\nprovider = "ics"\n'
        'path = "~/exports/thunderbird.ics"\n'
        '[[addressbooks]]\nname = "vcards"\nprovider = "vcard"\npath = "vcards"\n',
        encoding="utf-8",
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return config


def test_calendars_address_books_and_venue_files_are_read_from_the_config_folder(
    tmp_path, monkeypatch
):
    config = load(_setup(tmp_path, monkeypatch))
    start = datetime(2026, 12, 7, tzinfo=TZ)
    providers = open_providers(config, context_for(config))
    titles = {e.title for e in read_events(providers, start, start + timedelta(days=7))}
    assert titles == {"Angebot", "Pipeline review", "Jour fixe"}
    assert all(Path(str(s.options["path"])).is_absolute() for s in config.calendars)
    contacts = open_book(config.addressbooks[0], context_for(config)).contacts()
    assert contacts, "the vCards of the config's folder"
    assert [v.name for v in catalog_from_config(config).venues] == ["Café am Hafen"]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_missing_file_is_named_with_the_absolute_path_tried(tmp_path, monkeypatch, lang):
    config = _setup(tmp_path, monkeypatch)
    (config.parent / "cal" / "outlook.ics").unlink()
    (config.parent / "google.ics").unlink()
    (Path.home() / "exports" / "thunderbird.ics").unlink()
    result = CliRunner().invoke(
        main, ["--lang", lang, "agenda", "--config", str(config), "--start", "2026-12-07"]
    )
    assert result.exit_code != 0, result.output
    assert str(config.parent / "cal" / "outlook.ics") in result.output
    assert "Traceback" not in result.output


def test_a_config_given_as_a_relative_path_reads_from_its_own_folder(tmp_path, monkeypatch):
    config = _setup(tmp_path, monkeypatch)
    loaded = load(Path("..") / "planner" / config.name)
    path = Path(str(loaded.calendars[0].options["path"]))
    assert path.is_absolute() and path.is_file()


def test_init_writes_a_relative_ics_path_as_it_was_checked(tmp_path, monkeypatch):
    """``planner init --ics cal/outlook.ics`` checks the path from the current directory; the
    config elsewhere must name that same file."""
    here = tmp_path / "exports"
    (here / "cal").mkdir(parents=True)
    (here / "cal" / "outlook.ics").write_text(CALENDARS["cal/outlook.ics"], newline="")
    monkeypatch.chdir(here)
    target = tmp_path / "config" / "config.toml"
    args = ["init", "--no-input", "--config", str(target), "--name", "Anna Berger"]
    args += ["--email", "anna@berger.example", "--timezone", "Europe/Berlin"]
    result = CliRunner().invoke(main, [*args, "--ics", "cal/outlook.ics"])
    assert result.exit_code == 0, result.output
    path = Path(str(load(target).calendars[0].options["path"]))
    assert path == here / "cal" / "outlook.ics"
