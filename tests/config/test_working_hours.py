"""Working hours when the config does not name them: a config written by hand from the README
(a [user] table and a [[calendars]] table) works the usual office week, so proposals appear."""

from __future__ import annotations

import json
from datetime import time

from click.testing import CliRunner

from planner.cli import main
from planner.config import from_mapping
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


def test_propose_on_a_config_written_by_hand(tmp_path, monkeypatch):
    from planner.cli import common

    monkeypatch.setattr(common, "now_in", lambda tz: NOW.astimezone(tz))
    config = tmp_path / "config.toml"
    config.write_text(
        f'[user]\nemail = "{ME}"\ntimezone = "Europe/Berlin"\nhome = "Hamburg"\n\n'
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{write_calendar(tmp_path)}"\n',
        encoding="utf-8",
    )
    args = ["propose", "--config", str(config), "--with", OTHER_CLIENT, "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["proposals"]
