"""Issue 28: ``planner status`` counts what it says it counts: the occurrences in the window its
last good read covered, and it names that window (a file of 12 events with a weekly series
shows more occurrences in a year than it has events, and a smaller window fewer). And a week
mailed without an SMTP host says mail needs one, not that invitations do."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from click.testing import CliRunner

from planner.cli import main
from planner.paths import data_dir
from tests.cli.test_cli_providers import ME, ics_entry, write_config

BERLIN = ZoneInfo("Europe/Berlin")

SERIES = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:weekly@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=Europe/Berlin:20261102T090000\r\nDTEND;TZID=Europe/Berlin:20261102T093000\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=10\r\nSUMMARY:Jour fixe\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:single@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=Europe/Berlin:20261208T120000\r\nDTEND;TZID=Europe/Berlin:20261208T130000\r\n"
    "SUMMARY:Mittagessen\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def write(tmp_path: Path) -> Path:
    calendar = tmp_path / "work.ics"
    calendar.write_text(SERIES, encoding="utf-8")
    return write_config(tmp_path, ics_entry(calendar, "work"))


def occurrences(window: dict) -> int:
    """The occurrences of the calendar above that overlap the window ``[start, end)`` (its
    ends are instants: the read window moves with "now"): the ten Mondays 09:00–09:30 from
    2 November 2026, and the lunch on 8 December 12:00–13:00."""
    first, last = (datetime.fromisoformat(window[k]) for k in ("start", "end"))
    mondays = [datetime(2026, 11, 2, 9, tzinfo=BERLIN) + timedelta(weeks=i) for i in range(10)]
    spans = [(start, start + timedelta(minutes=30)) for start in mondays]
    spans.append(
        (datetime(2026, 12, 8, 12, tzinfo=BERLIN), datetime(2026, 12, 8, 13, tzinfo=BERLIN))
    )
    return sum(start < last and first < end for start, end in spans)


def status(config: Path) -> dict:
    result = CliRunner().invoke(main, ["status", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    (source,) = json.loads(result.stdout)["sources"]
    return source


def test_status_counts_the_occurrences_of_the_window_it_read_and_names_it(tmp_path):
    config = write(tmp_path)
    assert status(config)["events"] is None and status(config)["window"] is None
    week = CliRunner().invoke(main, ["week", "--config", str(config), "--week", "2026-W46"])
    assert week.exit_code == 0, week.output
    after_week = status(config)
    assert after_week["events"] == occurrences(after_week["window"])
    last = datetime.fromisoformat(after_week["window"]["end"])
    assert last >= datetime(2026, 11, 16, tzinfo=BERLIN)  # the week shown is in it
    day = CliRunner().invoke(
        main, ["agenda", "1", "--start", "2026-12-08", "--config", str(config)]
    )
    assert day.exit_code == 0, day.output
    one_week = status(config)  # the agenda read its own window: the count follows it
    end = datetime.fromisoformat(one_week["window"]["end"])
    assert one_week["events"] == occurrences(one_week["window"])
    assert end >= datetime(2026, 12, 9, tzinfo=BERLIN)
    table = CliRunner().invoke(main, ["status", "--config", str(config)], env={"COLUMNS": "80"})
    assert "in the window" in table.stdout and str(one_week["events"]) in table.stdout


def test_a_state_database_of_the_old_shape_is_migrated(tmp_path):
    config = write(tmp_path)
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(folder / "state.sqlite3") as conn:
        conn.executescript(
            "CREATE TABLE IF NOT EXISTS schema_versions (name TEXT PRIMARY KEY, version INTEGER);"
            "INSERT INTO schema_versions VALUES ('source_health', 1);"
            "CREATE TABLE IF NOT EXISTS kv (namespace TEXT, key TEXT, value TEXT,"
            " PRIMARY KEY (namespace, key));"
            "CREATE TABLE source_health (source TEXT PRIMARY KEY, provider TEXT NOT NULL,"
            " reads TEXT NOT NULL, events INTEGER, last_ok TEXT, last_error TEXT,"
            " last_error_at TEXT);"
            "CREATE TABLE known_warnings (source TEXT NOT NULL, message TEXT NOT NULL,"
            " first_seen TEXT NOT NULL, PRIMARY KEY (source, message));"
            "INSERT INTO source_health VALUES ('work', 'ics', 'x', 38, "
            "'2026-12-01T08:00:00+00:00', NULL, NULL);"
        )
    old = status(config)
    assert old["events"] is None  # a count without its window says nothing: not shown
    assert old["last_ok"].startswith("2026-12-01")


def test_week_mail_without_smtp_names_mail_not_invitations(tmp_path):
    config = write(tmp_path)
    result = CliRunner().invoke(main, [
        "week", "--config", str(config), "--mail", "--to", ME, "--send",
    ])  # fmt: skip
    assert result.exit_code == 2
    assert "required to send e-mail (invitations, the weekly plan)" in result.stderr
    assert "to send invitations" not in result.stderr
