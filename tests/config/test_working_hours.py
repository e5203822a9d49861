"""Working hours and meeting windows: a config written by hand from the README (a [user] table
and a [[calendars]] table) works the usual office week, so proposals appear; a bad range is
named for what is wrong with it; a window too short for its meeting is warned about."""

from __future__ import annotations

import json
import logging
from datetime import time

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.config import from_mapping
from planner.errors import ConfigError
from tests.data.consultant import ME, NOW, OTHER_CLIENT, write_calendar

USER = {"email": ME, "timezone": "Europe/Berlin", "home": "Hamburg"}


def test_without_a_working_hours_table_monday_to_friday_are_worked():
    """Bug: without [working_hours] no day was worked, so `planner propose` found no time at
    all and blamed the missing venues."""
    config = from_mapping({"user": USER}, "<test>")
    office = (time(9), time(18))
    assert [config.working_hours(d) for d in range(7)] == [office] * 5 + [None, None]


def test_a_working_hours_table_names_every_day_worked():
    """A part-time week of Monday to Thursday leaves Friday free, as the table says."""
    hours = {d: "08:30-17:00" for d in ("monday", "tuesday", "wednesday", "thursday")}
    config = from_mapping({"user": USER, "working_hours": hours}, "<test>")
    assert config.working_hours(3) == (time(8, 30), time(17))
    assert config.working_hours(4) is None


def propose(tmp_path, monkeypatch, hours: str = "") -> dict:
    from planner.cli import common

    monkeypatch.setattr(common, "now_in", lambda tz: NOW.astimezone(tz))
    config = tmp_path / "config.toml"
    config.write_text(
        f'[user]\nemail = "{ME}"\ntimezone = "Europe/Berlin"\nhome = "Hamburg"\n{hours}\n'
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{write_calendar(tmp_path)}"\n',
        encoding="utf-8",
    )
    args = ["propose", "--config", str(config), "--with", OTHER_CLIENT, "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_propose_on_a_config_written_by_hand(tmp_path, monkeypatch):
    assert propose(tmp_path, monkeypatch)["proposals"]


def test_no_working_day_is_the_reason_given_for_no_proposal(tmp_path, monkeypatch):
    """Bug: with every day off, the only note blamed the venues missing around Hamburg."""
    found = propose(tmp_path, monkeypatch, '[working_hours]\nmonday = ""\n')
    assert not found["proposals"]
    assert found["notes"][0].startswith("No day from Sun 6 Dec to Sun 20 Dec is a working day")


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("18:00-09:00", "does not end after it starts: write the earlier time first"),
        ("12:00-12:00", "does not end after it starts"),
        ("25:00-26:00", "25:00 is no time of day"),
        ("09:00-24:30", "24:30 is no time of day"),
        ("9 to 5", 'must look like "09:00-18:00"'),
    ],
)
def test_a_bad_time_range_is_named_for_what_is_wrong(value, says):
    """Bug: "18:00-09:00" was refused with 'must look like "09:00-18:00"', which it does."""
    with pytest.raises(ConfigError) as caught:
        from_mapping({"user": USER, "working_hours": {"monday": value}}, "<test>")
    (problem,) = caught.value.problems
    assert problem.startswith("[working_hours] key 'monday' ") and says in problem


def test_a_meeting_window_too_short_for_its_meeting_is_warned_about(caplog):
    """A lunch of 500 minutes between 12:00 and 14:00 is never proposed: say so."""
    windows = {"windows": {"lunch": {"time": "12:00-14:00", "duration": 500}}}
    with caplog.at_level(logging.WARNING, logger="planner"):
        from_mapping({"user": USER, **windows}, "<test>")
        from_mapping({"user": USER}, "<defaults>")
    warned = [r.getMessage() for r in caplog.records]
    assert warned == [
        "<test>: [windows.lunch] duration 500 minutes does not fit into its time 12:00-14:00 "
        "(120 minutes): nothing is ever proposed in this window"
    ]
