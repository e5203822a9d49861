"""JSON times are in the user's zone, with the event's own zone beside them (issue 14).

Before, .ics and CalDAV events kept the offset they were written in, so an evening meeting in
New York had the wrong date for a consumer in Berlin that reads the date part."""

from __future__ import annotations

import json

from click.testing import CliRunner

from planner.cli import main

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:ny\r\n"
    "DTSTART;TZID=America/New_York:20260610T200000\r\n"
    "DTEND;TZID=America/New_York:20260610T210000\r\nSUMMARY:Dinner\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:ber\r\nDTSTART;TZID=Europe/Berlin:20260611T090000\r\n"
    "DTEND;TZID=Europe/Berlin:20260611T100000\r\nSUMMARY:Call\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def classify(tmp_path, zone: str) -> dict:
    path = tmp_path / "c.ics"
    path.write_text(ICS, encoding="utf-8")
    args = ["classify", str(path), "--format", "json", "--timezone", zone,
            "--from", "2026-06-01", "--to", "2026-06-30"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return {e["uid"]: e for e in json.loads(result.stdout)["events"]}


def test_times_are_in_the_users_zone_with_the_event_zone_beside(tmp_path):
    events = classify(tmp_path, "Europe/Berlin")
    assert events["ny"]["start"] == "2026-06-11T02:00:00+02:00"
    assert events["ny"]["end"] == "2026-06-11T03:00:00+02:00"
    assert events["ny"]["event_timezone"] == "America/New_York"
    assert events["ny"]["event_start"] == "2026-06-10T20:00:00-04:00"
    assert events["ber"]["start"] == "2026-06-11T09:00:00+02:00"
    assert "event_timezone" not in events["ber"]


def test_timezone_option_chooses_the_zone(tmp_path):
    events = classify(tmp_path, "Asia/Tokyo")
    assert events["ny"]["start"] == "2026-06-11T09:00:00+09:00"
    assert events["ber"]["event_timezone"] == "Europe/Berlin"
