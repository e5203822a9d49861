"""Meeting lengths across DST changes, and start times the clocks skip or repeat (issue 14).

Each case failed before: wall-clock ``start + timedelta`` made a 60-minute meeting in the
repeated hour 120 minutes long, and a start in the spring-forward gap ended in "must end after
it starts" (Berlin) or moved silently (Lord Howe, half-hour DST).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from click.testing import CliRunner

from planner.cli import main


def config(tmp_path, zone: str = "Europe/Berlin") -> str:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[user]\nname = "Anna"\nemail = "anna@example.com"\ntimezone = "{zone}"\n',
        encoding="utf-8",
    )
    return str(path)


def invite(tmp_path, *args: str, zone: str = "Europe/Berlin"):
    out = tmp_path / "m.ics"
    result = CliRunner().invoke(
        main,
        ["invite", "--config", config(tmp_path, zone), "--to", "bob@example.com",
         "--title", "Lunch", "--out", str(out), *args],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    event = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")[0]
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    return start.astimezone(UTC), end.astimezone(UTC), result.output, event


def test_sixty_minutes_in_the_repeated_hour_last_sixty_minutes(tmp_path):
    start, end, output, _event = invite(tmp_path, "--start", "2026-10-25T02:30", "--duration", "60")
    assert start == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the first 02:30 (CEST)
    assert end - start == timedelta(minutes=60)
    assert "occurs twice in Europe/Berlin on 2026-10-25" in output


def test_a_meeting_over_the_change_says_which_side_each_time_is_on(tmp_path):
    """Bug: an hour from the first 02:30 ends at the second 02:30; the invitation (the e-mail
    and what the user confirms) said "02:30–02:30", a meeting of no length."""
    start, end, output, _event = invite(tmp_path, "--start", "2026-10-25T02:30", "--duration", "60")
    assert end - start == timedelta(minutes=60)
    assert "02:30 CEST–02:30 CET (Europe/Berlin)" in output
    assert "02:30–02:30" not in output
    _start, _end, output, _event = invite(tmp_path, "--start", "2026-10-20T12:00")
    assert "12:00–13:00 (Europe/Berlin)" in output  # no abbreviations on an ordinary day


def test_fold_chooses_the_second_occurrence(tmp_path):
    start, end, output, _event = invite(
        tmp_path, "--start", "2026-10-25T02:30", "--duration", "60", "--fold"
    )
    assert start == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # the second 02:30 (CET)
    assert end - start == timedelta(minutes=60)
    assert "taken as the second" in output


def test_two_hours_across_the_spring_forward_night_last_two_hours(tmp_path):
    start, end, _output, event = invite(
        tmp_path, "--start", "2026-03-29T01:30", "--duration", "120"
    )
    assert end - start == timedelta(minutes=120)
    assert event["DTEND"].params["TZID"] == "Europe/Berlin"
    assert event["DTEND"].dt.replace(tzinfo=None) == datetime(2026, 3, 29, 4, 30)


def test_a_start_in_the_gap_is_read_with_the_offset_before_it_and_the_user_told(tmp_path):
    start, end, output, event = invite(tmp_path, "--start", "2026-03-29T02:30", "--duration", "60")
    assert start == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # RFC 5545 §3.3.5
    assert end - start == timedelta(minutes=60)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["DTSTART"].dt.replace(tzinfo=None) == datetime(2026, 3, 29, 3, 30)
    assert "02:30 does not exist in Europe/Berlin on 2026-03-29" in output
    assert "03:30 CEST" in output
    assert "must end after" not in output


def test_a_half_hour_gap_start_is_not_moved_silently(tmp_path):
    start, end, output, _event = invite(
        tmp_path, "--start", "2026-10-04T02:15", "--duration", "30",
        zone="Australia/Lord_Howe",
    )  # fmt: skip
    assert start == datetime(2026, 10, 3, 15, 45, tzinfo=UTC)  # 02:15 at +10:30
    assert end - start == timedelta(minutes=30)
    assert "02:15 does not exist in Australia/Lord_Howe" in output and "02:45" in output


@pytest.mark.parametrize("fold", [False, True])
def test_update_with_a_duration_in_the_repeated_hour_keeps_it_exact(tmp_path, fold):
    invite(tmp_path, "--start", "2026-10-20T12:00", "--duration", "30")
    runner = CliRunner()
    cfg = config(tmp_path)
    listing = runner.invoke(main, ["invite", "--config", cfg, "--list"])
    uid = listing.output.split()[0]
    out = tmp_path / "u.ics"
    args = ["invite", "--config", cfg, "--update", uid[:8], "--start", "2026-10-25T02:30",
            "--duration", "60", "--out", str(out)] + (["--fold"] if fold else [])  # fmt: skip
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    event = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")[0]
    start, end = (event[k].dt.astimezone(UTC) for k in ("DTSTART", "DTEND"))
    assert end - start == timedelta(minutes=60)
    assert start.hour == (1 if fold else 0)


def test_the_change_is_named_in_any_zone_and_language():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from planner.invite.text import when

    new_york = ZoneInfo("America/New_York")
    start = datetime(2026, 3, 8, 1, 30, tzinfo=new_york)  # the clocks go forward at 02:00
    end = datetime(2026, 3, 8, 3, 30, tzinfo=new_york)  # one real hour later
    assert "01:30 EST–03:30 EDT" in when(start, end, "en")
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 10, 25, 2, 30, tzinfo=berlin)
    end = datetime(2026, 10, 25, 2, 15, fold=1, tzinfo=berlin)  # 45 real minutes later
    assert "02:30 CEST–02:15 CET" in when(start, end, "de")
