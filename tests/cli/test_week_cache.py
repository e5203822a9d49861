"""A repeat ``planner week`` over unchanged inputs shows the kept output; any change of what it
depends on computes afresh (planner/cli/week_cache.py). Never stale: each test changes one
input and checks that the plan is computed again and shows the change."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner import api
from planner.cli import main
from planner.cli import week as week_module

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 7, 8, 1, tzinfo=TZ)  # Monday of 2026-W50, 08:01


def vevent(uid: str, day: int, hour: int, title: str, attendee: str = "") -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20261101T000000Z",
        f"DTSTART;TZID=Europe/Berlin:202612{day:02}T{hour:02}0000",
        f"DTEND;TZID=Europe/Berlin:202612{day:02}T{hour + 1:02}0000",
        f"SUMMARY:{title}",
        "LOCATION:Microsoft Teams Meeting",
        "ORGANIZER:mailto:anna@mycorp.example",
    ]
    if attendee:
        lines.append(f"ATTENDEE;CN=Bob:mailto:{attendee}")
    return "\r\n".join([*lines, "END:VEVENT"]) + "\r\n"


def calendar(*events: str) -> str:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    return head + "".join(events) + "END:VCALENDAR\r\n"


EVENTS = (
    vevent("a@t", 8, 10, "Kick-off Nordwind", "bob@nordwind.example"),
    vevent("b@t", 9, 14, "Weekly sync"),
)


@pytest.fixture
def setup(tmp_path, monkeypatch):
    ics = tmp_path / "work.ics"
    ics.write_text(calendar(*EVENTS), encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(config_text(ics), encoding="utf-8")
    now = {"value": NOW}
    monkeypatch.setattr(week_module, "_now", lambda tz: now["value"].astimezone(tz))
    calls = []
    real = api.plan_week

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "plan_week", counted)
    return ics, config, now, calls


def config_text(ics: Path, language: str = "en") -> str:
    return (
        '[user]\nname = "Anna"\nemail = "anna@mycorp.example"\ntimezone = "Europe/Berlin"\n'
        f'language = "{language}"\ndomains = ["mycorp.example"]\nhome = "München"\n'
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{ics}"\n'
    )


def week(config: Path, *extra: str) -> str:
    result = CliRunner().invoke(
        main, ["week", "--config", str(config), "--week", "2026-W50", *extra]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def database() -> Path:
    return Path(os.environ["PLANNER_DATA_DIR"]) / "state.sqlite3"


def forget_kept_outputs() -> None:
    with sqlite3.connect(database()) as conn:
        conn.execute("DELETE FROM week_output")


def test_a_repeat_shows_the_kept_output_equal_to_a_fresh_one(setup):
    _ics, config, _now, calls = setup
    first = week(config, "--format", "json")
    assert "Kick-off Nordwind" in first
    assert week(config, "--format", "json") == first
    assert len(calls) == 1  # the repeat computed nothing
    forget_kept_outputs()
    assert week(config, "--format", "json") == first  # a fresh run shows the same
    assert len(calls) == 2


def test_a_changed_ics_file_is_read_again(setup):
    ics, config, _now, calls = setup
    week(config)
    ics.write_text(calendar(*EVENTS, vevent("c@t", 10, 9, "Budget review")), encoding="utf-8")
    shown = week(config)
    assert "Budget review" in shown and len(calls) == 2


def test_a_same_size_change_with_a_new_mtime_is_read_again(setup):
    ics, config, _now, calls = setup
    week(config)
    ics.write_text(calendar(*EVENTS).replace("Weekly sync", "Weekly sink"), encoding="utf-8")
    stat = ics.stat()
    os.utime(ics, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert "Weekly sink" in week(config) and len(calls) == 2


def test_a_changed_config_computes_afresh(setup):
    ics, config, _now, calls = setup
    english = week(config)
    config.write_text(config_text(ics, language="de"), encoding="utf-8")
    german = week(config)
    assert len(calls) == 2 and german != english
    assert "Montag" in german


def test_another_quarter_hour_computes_afresh_the_same_one_does_not(setup):
    _ics, config, now, calls = setup
    week(config)
    now["value"] = NOW + timedelta(minutes=13)  # 08:14, the same quarter hour
    week(config)
    assert len(calls) == 1
    now["value"] = NOW + timedelta(minutes=14)  # 08:15
    week(config)
    assert len(calls) == 2


def test_another_format_or_week_computes_afresh(setup):
    ics, config, _now, calls = setup
    # no working day, so no proposals: a run that lists proposals writes them to the database,
    # and then every kept output is computed afresh (see the test after this one)
    days = "".join(f'{day} = ""\n' for day in ("monday", "tuesday", "wednesday", "thursday"))
    config.write_text(config_text(ics) + f'[working_hours]\n{days}friday = ""\n')
    # edited an hour ago: a file this fresh is hashed again by each run (its mtime may not have
    # moved yet), a write that makes the next run compute afresh as long as the clock is fast
    hour_ago = ics.stat().st_mtime_ns - 3600 * 10**9
    os.utime(ics, ns=(hour_ago, hour_ago))
    table = week(config)
    markdown = week(config, "--format", "markdown")
    assert len(calls) == 2 and markdown != table
    assert week(config) == table and len(calls) == 2  # the table's own run is still kept
    week(config, "--week", "2026-W51")
    assert len(calls) == 3


def test_a_write_to_the_state_database_computes_afresh(setup):
    _ics, config, _now, calls = setup
    week(config)
    with sqlite3.connect(database()) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS kv (namespace TEXT, key TEXT, value TEXT)")
        conn.execute("INSERT INTO kv (namespace, key, value) VALUES ('test', 'k', 'v')")
    week(config)
    assert len(calls) == 2
    week(config)
    assert len(calls) == 2
    with sqlite3.connect(database()) as conn:  # a table the triggers do not know yet
        conn.execute("CREATE TABLE later (x INTEGER)")
    week(config)
    assert len(calls) == 3


def test_an_unreachable_url_calendar_is_never_kept(setup, tmp_path):
    _ics, config, _now, calls = setup
    remote = tmp_path / "remote.toml"
    text = config.read_text(encoding="utf-8")
    remote.write_text(
        text + '[[calendars]]\nname = "feed"\nprovider = "ics"\nurl = "http://127.0.0.1:9/x.ics"\n',
        encoding="utf-8",
    )
    for _ in range(2):
        CliRunner().invoke(main, ["week", "--config", str(remote), "--week", "2026-W50"])
    assert len(calls) == 2


@pytest.fixture
def served(setup, tmp_path):
    """The calendar served by a local HTTP server with an ETag, and a config that reads it."""
    from tests.ical.test_index import _Server

    _ics, _config, _now, calls = setup
    server = _Server()
    server.body, server.etag = calendar(*EVENTS).encode(), '"v1"'
    remote = tmp_path / "remote.toml"
    remote.write_text(
        config_text(tmp_path / "unused.ics").split("[[calendars]]")[0]
        + f'[[calendars]]\nname = "feed"\nprovider = "ics"\nurl = "{server.url}"\n',
        encoding="utf-8",
    )
    yield server, remote, calls
    server.close()


def test_an_unchanged_url_calendar_is_kept_and_neither_downloaded_nor_parsed(served):
    server, remote, calls = served
    first = week(remote, "--format", "json")
    assert "Kick-off Nordwind" in first
    assert week(remote, "--format", "json") == first  # 304: kept from now on
    server.requests.clear()
    assert week(remote, "--format", "json") == first
    assert len(calls) == 2
    assert [r.get("If-None-Match") for r in server.requests] == ['"v1"']  # answered 304


def test_a_changed_url_calendar_computes_afresh(served):
    server, remote, calls = served
    week(remote)
    week(remote)
    server.body, server.etag = (
        calendar(*EVENTS, vevent("c@t", 10, 9, "Budget review")).encode(),
        '"v2"',
    )
    assert "Budget review" in week(remote) and len(calls) == 3


def test_a_changed_file_the_config_names_computes_afresh(setup):
    ics, config, _now, calls = setup
    venues = config.parent / "venues.csv"  # named relative to the config's folder
    venues.write_text("name,kind,lat,lon\n", encoding="utf-8")
    config.write_text(
        config_text(ics).replace(
            "[[calendars]]", '[venues]\nfiles = ["venues.csv"]\n[[calendars]]'
        ),
        encoding="utf-8",
    )
    week(config)
    week(config)
    assert len(calls) == 1
    venues.write_text("name,kind,lat,lon\nCafé Luitpold,cafe,48.1425,11.5750\n", encoding="utf-8")
    week(config)
    assert len(calls) == 2


def test_a_run_that_warned_is_not_kept(setup):
    ics, config, _now, calls = setup
    broken = "BEGIN:VEVENT\r\nUID:x@t\r\nDTSTART:nonsense\r\nSUMMARY:Broken\r\nEND:VEVENT\r\n"
    ics.write_text(calendar(*EVENTS, broken), encoding="utf-8")
    for _ in range(2):
        result = CliRunner().invoke(main, ["week", "--config", str(config), "--week", "2026-W50"])
        assert result.exit_code == 0, result.output
        assert "warning" in result.stderr
    assert len(calls) == 2


def test_an_output_past_the_largest_kept_is_computed_afresh(setup, monkeypatch):
    """A shared calendar's week of thousands of meetings is tens of MB of JSON: kept sixteen
    times over, it would fill the state database. Past week_cache.LARGEST it is not kept."""
    from planner.cli import week_cache

    _ics, config, _now, calls = setup
    first = week(config, "--format", "json")
    monkeypatch.setattr(week_cache, "LARGEST", len(first) - 1)
    forget_kept_outputs()
    assert week(config, "--format", "json") == first
    assert week(config, "--format", "json") == first
    assert len(calls) == 3  # neither kept
    with sqlite3.connect(database()) as conn:
        assert conn.execute("SELECT count(*) FROM week_output").fetchone() == (0,)
    monkeypatch.setattr(week_cache, "LARGEST", len(first))
    week(config, "--format", "json")
    assert week(config, "--format", "json") == first
    assert len(calls) == 4  # the last repeat was the kept output
