"""A URL calendar that fails on the second run: the last good copy is used with one warning
naming the source and its age; `planner status` shows the error, table and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import PARTIAL, main
from tests.calendar.ics_server import IcsServer

WEEK = "2026-W49"
ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:kick@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=Europe/Berlin:20261201T100000\r\nDTEND;TZID=Europe/Berlin:20261201T110000\r\n"
    "SUMMARY:Kick-off Nordlicht\r\nLOCATION:https://meet.example/abc\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:odd@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=Nowhere/Special:20261202T100000\r\nDTEND;TZID=Nowhere/Special:20261202T110000\r\n"
    "SUMMARY:Odd zone\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture
def server():
    s = IcsServer(ICS)
    yield s
    s.close()


def _config(tmp_path: Path, *entries: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        '[user]\nname = "A"\nemail = "a@example.com"\ntimezone = "Europe/Berlin"\n'
        + "".join(entries),
        encoding="utf-8",
    )
    return path


def _url(name: str, url: str) -> str:
    return f'[[calendars]]\nname = "{name}"\nprovider = "ics"\nurl = "{url}"\ntimeout = 5\n'


def _week(config: Path) -> object:
    return CliRunner().invoke(main, ["week", "--config", str(config), "--week", WEEK])


def test_second_run_uses_the_last_good_copy(server, tmp_path):
    config = _config(tmp_path, _url("team", server.url))
    first = _week(config)
    assert first.exit_code == 0, first.output
    assert "Kick-off Nordlicht" in first.output
    server.failing = True
    second = _week(config)
    assert second.exit_code == 0, second.output
    assert "Kick-off Nordlicht" in second.stdout
    warnings = [line for line in second.stderr.splitlines() if "cannot be read" in line]
    assert len(warnings) == 1
    assert "calendar 'team'" in warnings[0]
    assert "using the copy from 0 minutes ago" in warnings[0]
    assert "secret-token" not in second.stderr  # the URL's secret middle is never shown


def test_no_copy_means_partial_exit_status(server, tmp_path):
    good = tmp_path / "good.ics"
    good.write_text(ICS.replace("Kick-off", "Local"), encoding="utf-8")
    server.failing = True
    config = _config(
        tmp_path,
        _url("team", server.url),
        f'[[calendars]]\nname = "local"\nprovider = "ics"\npath = "{good}"\n',
    )
    result = _week(config)
    assert result.exit_code == PARTIAL == 3
    assert "Local Nordlicht" in result.stdout
    assert "no earlier copy" in result.stderr
    assert "partial result" in result.stderr and "team" in result.stderr


def test_known_warnings_are_shown_once_then_counted(server, tmp_path):
    config = _config(tmp_path, _url("team", server.url))
    first = _week(config)
    zone_warnings = [line for line in first.stderr.splitlines() if "Nowhere/Special" in line]
    assert len(zone_warnings) == 1
    second = _week(config)
    assert "Nowhere/Special" not in second.stderr
    assert "1 known warning in team; `planner status` lists it" in second.stderr
    status = CliRunner().invoke(main, ["status", "--config", str(config), "--format", "json"])
    data = json.loads(status.stdout)
    assert any("Nowhere/Special" in w for w in data["sources"][0]["warnings"])


def test_status_table_and_json(server, tmp_path):
    config = _config(tmp_path, _url("team", server.url))
    assert _week(config).exit_code == 0
    server.failing = True
    _week(config)
    result = CliRunner().invoke(main, ["status", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (team,) = data["sources"]
    assert team["name"] == "team" and team["provider"] == "ics"
    assert team["reads"].endswith("/…/team.ics") and "secret-token" not in team["reads"]
    assert team["events"] == 2
    assert team["last_ok"] is not None
    assert "503" in team["last_error"]
    assert team["token"] is None
    assert data["state_database"]["path"].endswith("state.sqlite3")
    assert data["state_database"]["bytes"] > 0
    table = CliRunner().invoke(main, ["status", "--config", str(config)], env={"COLUMNS": "80"})
    assert table.exit_code == 0
    assert all(len(line) <= 80 for line in table.stdout.splitlines())
    for text in ("team", "ics", "team.ics", "503", "State database:", "Nowhere/Special"):
        assert text in table.stdout


def test_status_shows_token_validity_never_the_token(tmp_path):
    from planner.paths import data_dir

    tokens = data_dir() / "tokens"
    tokens.mkdir(parents=True)
    (tokens / "google-work.json").write_text(
        json.dumps(
            {"token": "ya29.SECRET", "refresh_token": "1//SECRET", "expiry": "2000-01-01T00:00:00Z"}
        )
    )
    config = _config(
        tmp_path,
        '[[calendars]]\nname = "work"\nprovider = "google"\n'
        'client_secrets = "/nonexistent/client.json"\n',
        '[[calendars]]\nname = "mail"\nprovider = "outlook"\nclient_id = "abc"\n',
    )
    result = CliRunner().invoke(main, ["status", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "SECRET" not in result.output
    tokens_seen = {s["name"]: s["token"] for s in json.loads(result.stdout)["sources"]}
    assert tokens_seen == {"work": "expired (renewed on next use)", "mail": "missing"}


def _file(name: str, path: Path) -> str:
    return f'[[calendars]]\nname = "{name}"\nprovider = "ics"\npath = "{path}"\n'


@pytest.mark.parametrize("broken", ["missing", "folder gone", "not a calendar"])
def test_a_file_that_cannot_be_read_leaves_the_others_plan(tmp_path, broken):
    """A moved file, an unmounted share or a file that is no calendar costs its own events,
    with one warning that names it and says what to check, not the plan of the others."""
    good = tmp_path / "good.ics"
    good.write_text(ICS.replace("Kick-off", "Local"), encoding="utf-8")
    bad = {
        "missing": tmp_path / "privat.ics",
        "folder gone": tmp_path / "synced" / "calendars",
        "not a calendar": tmp_path / "notes.ics",
    }[broken]
    if broken == "not a calendar":
        bad.write_text("Einkaufsliste: Milch, Brot\n", encoding="utf-8")
    config = _config(tmp_path, _file("work", good), _file("private", bad))
    result = _week(config)
    assert result.exit_code == PARTIAL, result.output
    assert "Local Nordlicht" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if "cannot be read" in line]
    assert len(warnings) == 1 and "calendar 'private'" in warnings[0]
    assert "Traceback" not in result.output
    status = CliRunner().invoke(main, ["status", "--config", str(config), "--format", "json"])
    rows = {row["name"]: row for row in json.loads(status.stdout)["sources"]}
    assert rows["private"]["last_error"] and not rows["work"]["last_error"]


def test_a_missing_file_alone_is_an_error_that_says_what_to_check(tmp_path):
    config = _config(tmp_path, _file("private", tmp_path / "privat.ics"))
    result = _week(config)
    assert result.exit_code == 1
    assert (
        "file not found" in result.stderr and "check 'path' of calendar 'private'" in result.stderr
    )
