"""Completion scripts, -V, planner help, planner config example."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from planner.cli import main


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o nosort -F"), ("zsh", "#compdef planner"), ("fish", "complete ")],
)
def test_completion_scripts(shell, marker):
    result = CliRunner().invoke(main, ["completion", shell])
    assert result.exit_code == 0, result.output
    assert marker in result.output
    assert "_PLANNER_COMPLETE" in result.output


def test_dash_capital_v_prints_the_version():
    result = CliRunner().invoke(main, ["-V"])
    assert result.exit_code == 0
    assert result.output.startswith("planner ")


def test_help_command_shows_a_commands_help():
    result = CliRunner().invoke(main, ["help", "week"])
    assert result.exit_code == 0
    assert "Usage: planner week" in result.output
    nested = CliRunner().invoke(main, ["help", "config", "example"])
    assert "Usage: planner config example" in nested.output
    bad = CliRunner().invoke(main, ["help", "wek"])
    assert bad.exit_code == 2 and "no command 'wek'" in bad.output


def test_help_command_and_dash_dash_help_show_the_same_text_in_any_order():
    """``planner help X`` is ``planner X --help`` (short ``-h`` included), and asking one
    first never changes the other: click keeps a command's help option from the first
    context that makes it."""
    from planner.cli import COMMANDS

    runner = CliRunner()
    for name in [*sorted(COMMANDS), "config example"]:
        words = name.split()
        asked = runner.invoke(main, ["help", *words], terminal_width=100)
        flag = runner.invoke(main, [*words, "--help"], terminal_width=100)
        assert asked.exit_code == flag.exit_code == 0, (name, asked.output, flag.output)
        assert "-h, --help" in flag.output, name
        assert asked.output.replace("Usage: planner ", "Usage: main ") == flag.output, name


def test_config_example_is_shipped_and_valid(tmp_path):
    import tomllib

    result = CliRunner().invoke(main, ["config", "example"])
    assert result.exit_code == 0
    data = tomllib.loads(result.output)
    assert "user" in data and "geo" in data
    path = CliRunner().invoke(main, ["config", "path", "--config", str(tmp_path / "c.toml")])
    assert path.output.strip() == str(tmp_path / "c.toml")


def test_classify_hints_at_its_window_when_nothing_is_found(tmp_path):
    old = tmp_path / "old-export.ics"
    old.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
        "DTSTAMP:20101101T000000Z\r\nDTSTART:20101201T090000Z\r\nDTEND:20101201T100000Z\r\n"
        "SUMMARY:Long ago\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["classify", str(old)])
    assert result.exit_code == 0, result.output
    assert "0 events" in result.output
    assert "a year either side of today by default" in result.output
    assert "--from and --to" in result.output
    found = CliRunner().invoke(
        main, ["classify", str(old), "--from", "1.1.2010", "--to", "2011-01-01"]
    )
    assert "Long ago" in found.output


def test_classify_errors_do_not_mention_a_config(tmp_path):
    result = CliRunner().invoke(main, ["classify", str(tmp_path / "nope.ics")])
    assert result.exit_code == 1
    assert "config" not in result.output
    assert "command line" in result.output
