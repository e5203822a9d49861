"""A config or TOML file saved by Windows Notepad (UTF-8 with a byte order mark) reads as any
other, wherever planner reads one (QA report E, finding 9: "is not valid TOML: Invalid
statement (at line 1, column 1)")."""

from __future__ import annotations

import tomllib

from click.testing import CliRunner

from planner import config as config_module
from planner.cli import main
from planner.cli.helptext import startup_language
from planner.cli.week_cache import config_part
from planner.meet.venues import load_file

BOM = "\ufeff"
CONFIG = '[user]\nemail = "me@own.example"\ntimezone = "Europe/Berlin"\nlanguage = "de"\n'


def saved_by_notepad(path, text: str):
    path.write_text(BOM + text, encoding="utf-8")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    return path


def test_the_config_loads(tmp_path):
    path = saved_by_notepad(tmp_path / "config.toml", CONFIG)
    loaded = config_module.load(path)
    assert loaded.user["email"] == "me@own.example" and loaded.user["language"] == "de"


def test_its_language_is_known_before_it_is_read(tmp_path):
    path = saved_by_notepad(tmp_path / "config.toml", CONFIG)
    assert startup_language(["week", "--config", str(path)], {}) == "de"


def test_the_week_cache_reads_it(tmp_path):
    ics = tmp_path / "work.ics"
    ics.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    text = CONFIG + f'[[calendars]]\nname = "w"\nprovider = "ics"\npath = "{ics}"\n'
    path = saved_by_notepad(tmp_path / "config.toml", text)
    found = config_part(path)
    assert found is not None and found[1] == "Europe/Berlin"


def test_a_venue_file_loads(tmp_path):
    path = saved_by_notepad(
        tmp_path / "venues.toml",
        '[[venue]]\nname = "Café Luitpold"\nkind = "cafe"\nlat = 48.14\nlon = 11.57\n',
    )
    assert [v.name for v in load_file(path)] == ["Café Luitpold"]


def test_config_show_prints_it_and_a_rule_is_written_into_it(tmp_path, monkeypatch):
    path = saved_by_notepad(tmp_path / "config.toml", CONFIG)
    shown = CliRunner().invoke(main, ["config", "show", "--config", str(path)])
    assert shown.exit_code == 0 and shown.output.startswith("[user]"), shown.output
    monkeypatch.setenv("PLANNER_CONFIG", str(path))
    marked = CliRunner().invoke(main, ["mark", "--title", "Jour fixe*", "--mode", "virtual"])
    assert marked.exit_code == 0, marked.output
    written = CliRunner().invoke(main, ["mark", "--to-config", "1", "--write"])
    assert written.exit_code == 0, written.output
    rules = tomllib.loads(path.read_text(encoding="utf-8"))["rules"]
    assert rules == [{"title": "Jour fixe*", "mode": "virtual"}]
