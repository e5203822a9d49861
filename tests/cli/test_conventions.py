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


def test_config_example_is_shipped_and_valid(tmp_path):
    import tomllib

    result = CliRunner().invoke(main, ["config", "example"])
    assert result.exit_code == 0
    data = tomllib.loads(result.output)
    assert "user" in data and "geo" in data
    path = CliRunner().invoke(main, ["config", "path", "--config", str(tmp_path / "c.toml")])
    assert path.output.strip() == str(tmp_path / "c.toml")
