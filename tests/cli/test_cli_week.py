"""``planner week`` end to end through the real CLI, on the demo and on config files."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from click.testing import CliRunner

from planner.cli import main

WEEK = "2026-W50"  # Monday 2026-12-07


def run(*args: str, **kwargs) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kwargs)


def test_demo_week_table_lists_days_and_totals():
    result = run("week", "--demo", "--week", WEEK)
    assert result.exit_code == 0, result.output
    assert "Monday, December 7, 2026" in result.output
    assert "Sunday, December 13, 2026" in result.output
    assert "Nordlicht" in result.output
    assert "In-person share of external meeting time: 43% (target 30%)" in result.output


def test_demo_week_markdown_has_a_table_per_day():
    result = run("week", "--demo", "--week", WEEK, "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Week 2026-W50")
    assert result.output.count("| Time | Meeting | Place | Kind | Purpose |") == 5  # Mon–Fri
    assert "No meetings." in result.output  # the weekend


def test_demo_week_json_has_the_documented_fields():
    result = run("week", "--demo", "--week", WEEK, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["week"]["start"].startswith("2026-12-07T00:00:00+01:00")
    assert data["week"]["end"].startswith("2026-12-14T00:00:00+01:00")
    events = data["events"]
    assert len(events) >= 15
    for event in events:
        for key in (
            "uid",
            "title",
            "start",
            "end",
            "all_day",
            "location",
            "attendees",
            "mode",
            "evidence",
        ):
            assert key in event, key
        assert event["mode"] in {"in_person", "virtual", "hybrid", "phone", "unknown"}
        assert date.fromisoformat(event["start"][:10]) >= date(2026, 12, 6)
        assert event["start"][19:] in ("+01:00", "Z") or event["all_day"]
    modes = {e["title"]: e["mode"] for e in events}
    assert modes["Erstgespräch Nordlicht Logistik"] == "virtual"
    assert modes["Kundenbesuch Isar Maschinenbau – Werk Garching"] == "in_person"
    assert modes["Telefonat Steuerberater Huber"] == "phone"
    assert modes["Workshop Datenstrategie (hybrid)"] == "hybrid"
    assert "Abgesagt: Messevorbereitung" not in modes  # cancelled
    stats = data["stats"]
    assert stats["meetings"] == sum(m["meetings"] for m in stats["by_mode"].values())
    assert 0 < stats["in_person_share"] < 1


def test_demo_week_is_full_for_the_current_week_by_default():
    result = run("week", "--demo", "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["events"]) >= 15


def test_output_file_is_written_whole(tmp_path):
    target = tmp_path / "plan.md"
    result = run("week", "--demo", "--week", WEEK, "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("# Week 2026-W50")


def test_week_from_a_config_with_an_ics_file(tmp_path, monkeypatch):
    ics = tmp_path / "work.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20261201T000000Z\r\n"
        "DTSTART;TZID=Europe/Berlin:20261208T100000\r\nDTEND;TZID=Europe/Berlin:20261208T110000\r\n"
        "SUMMARY:Kundenbesuch\r\nLOCATION:Leopoldstraße 10\\, 80802 München\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    config = tmp_path / "config.toml"
    config.write_text(
        f'[user]\ntimezone = "Europe/Berlin"\n[[calendars]]\nname = "work"\nprovider = "ics"\n'
        f'path = "{ics}"\n',
        encoding="utf-8",
    )
    result = run("week", "--config", str(config), "--week", WEEK, "--format", "json")
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    assert [(e["title"], e["mode"]) for e in events] == [("Kundenbesuch", "in_person")]


def test_planner_config_environment_variable_is_used(tmp_path, monkeypatch):
    config = tmp_path / "elsewhere.toml"
    config.write_text('[user]\ntimezone = "Mars/Olympus"\n', encoding="utf-8")
    monkeypatch.setenv("PLANNER_CONFIG", str(config))
    result = CliRunner().invoke(main, ["week"])
    assert result.exit_code == 2
    assert str(config) in result.output and "Mars/Olympus" in result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[user\nname = 1\n", "is not valid TOML"),
        ('[user]\ntimezone = "Nowhere/City"\n', "[user] key 'timezone'"),
        ('[working_hours]\nmonday = "9 to 5"\n', "[working_hours] key 'monday'"),
        ('[[calendars]]\nname = "x"\nprovider = "nope"\n', "unknown provider 'nope'"),
        ('[smtp]\npassword = "hunter2"\n', "secrets do not belong in the config file"),
    ],
)
def test_broken_config_is_one_clear_line(tmp_path, content, expected):
    config = tmp_path / "config.toml"
    config.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["week", "--config", str(config)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"planner: error: {config}")
    assert expected in lines[0]
    assert "hunter2" not in result.output
    assert "Traceback" not in result.output


def test_all_config_problems_are_reported_at_once(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(
        '[user]\ntimezone = "Nowhere/City"\nlanguage = "fr"\n[recommend]\ntarget_share = 3\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["week", "--config", str(config)])
    assert result.exit_code == 2
    for key in ("'timezone'", "'language'", "'target_share'"):
        assert key in result.output


def test_unknown_config_keys_are_warned_about(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[user]\ntimezone = "Europe/Berlin"\ncolour = "blue"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["week", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "unknown key 'colour'" in result.output


def test_missing_config_says_how_to_create_one(tmp_path):
    result = CliRunner().invoke(main, ["week", "--config", str(tmp_path / "none.toml")])
    assert result.exit_code == 2
    assert "planner init" in result.output


@pytest.mark.parametrize("bad", ["2026-W99", "W60", "whenever it suits"])
def test_bad_week_is_a_usage_error(bad):
    result = CliRunner().invoke(main, ["week", "--demo", "--week", bad])
    assert result.exit_code == 2
    assert "is not a week; write next, last" in result.output


def test_python_dash_m_planner_runs_the_same_cli():
    result = subprocess.run(
        [sys.executable, "-m", "planner", "week", "--demo", "--week", WEEK, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["events"]
