"""The week's totals count the real time of a meeting on a night the clocks change: 02:30 to
03:30 on the night they go back is two hours (from the first 02:30, RFC 5545), not the one the
wall clock shows; on the night they go forward it keeps the length it was written with.

Bug (found by trying the product): the warning said "read as the first: 02:30 CEST–03:30 CET,
120 min" and the totals "1 meeting, 1 hour" (durations subtracted on the wall clock)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.own import calendar_config, fix_now

ME = "katrin@mycorp.example"


def call(day: str, start: str, end: str, zone: str) -> str:
    return (
        "BEGIN:VEVENT\r\nUID:night@t\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Call Sydney\r\n"
        f"DTSTART;TZID={zone}:{day}T{start}\r\nDTEND;TZID={zone}:{day}T{end}\r\n"
        "LOCATION:Microsoft Teams-Besprechung\r\n"
        "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3a1\r\n"
        f"ORGANIZER;CN=Katrin Vogel:mailto:{ME}\r\n"
        "ATTENDEE;CN=Amy Lee;PARTSTAT=ACCEPTED:mailto:amy@harbour.example.au\r\n"
        "END:VEVENT\r\n"
    )


@pytest.mark.parametrize(
    ("day", "start", "end", "zone", "week", "hours"),
    [
        ("20271031", "023000", "033000", "W. Europe Standard Time", "2027-W43", 2.0),
        ("20271031", "023000", "033000", "Europe/Berlin", "2027-W43", 2.0),
        ("20271107", "013000", "023000", "America/New_York", "2027-W44", 2.0),
        ("20270328", "023000", "033000", "Europe/Berlin", "2027-W12", 1.0),
        ("20271030", "093000", "103000", "Europe/Berlin", "2027-W43", 1.0),
    ],
    ids=["autumn-outlook", "autumn-iana", "autumn-new-york", "spring-gap", "ordinary"],
)
def test_the_totals_count_real_hours(tmp_path, monkeypatch, day, start, end, zone, week, hours):
    fix_now(monkeypatch, datetime(2026, 12, 7, 8, tzinfo=UTC))
    config = calendar_config(tmp_path, call(day, start, end, zone), email=ME,
                             domains=["mycorp.example"])  # fmt: skip
    args = ["week", "--config", str(config), "--week", week, "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)["stats"]
    assert stats["by_mode"]["virtual"] == {"meetings": 1, "hours": hours}, stats


def test_a_time_in_the_repeated_hour_says_which_one(tmp_path, monkeypatch):
    fix_now(monkeypatch, datetime(2026, 12, 7, 8, tzinfo=UTC))
    event = call("20271031", "023000", "033000", "Europe/Berlin")
    config = calendar_config(tmp_path, event, email=ME, domains=["mycorp.example"])
    for fmt in ("table", "markdown"):
        args = ["week", "--config", str(config), "--week", "2027-W43", "--format", fmt]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert "02:30 CEST–03:30 CET" in result.stdout, fmt
    ordinary = call("20271030", "093000", "103000", "Europe/Berlin")
    config = calendar_config(tmp_path, ordinary, email=ME, domains=["mycorp.example"])
    result = CliRunner().invoke(main, ["week", "--config", str(config), "--week", "2027-W43"])
    assert "09:30–10:30" in result.stdout and "CEST" not in result.stdout


def test_the_agenda_and_the_page_say_which_0230_too(tmp_path, monkeypatch):
    fix_now(monkeypatch, datetime(2026, 12, 7, 8, tzinfo=UTC))
    event = call("20271031", "023000", "033000", "Europe/Berlin")
    config = calendar_config(tmp_path, event, email=ME, domains=["mycorp.example"])
    agenda = CliRunner().invoke(main, ["agenda", "1", "--start", "2027-10-31", "--config",
                                       str(config)])  # fmt: skip
    assert agenda.exit_code == 0, agenda.output
    assert "02:30 CEST–03:30 CET" in agenda.stdout
    page = CliRunner().invoke(main, ["week", "--config", str(config), "--week", "2027-W43",
                                     "--format", "html"])  # fmt: skip
    assert page.exit_code == 0, page.output
    assert "02:30 CEST–03:30 CET" in page.stdout
    assert "02:30–03:30" not in page.stdout
