"""`planner today` / `planner agenda [DAYS]`, and --help in German."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from planner.cli import main


def test_agenda_lists_the_next_days_compactly_within_80_columns():
    result = CliRunner().invoke(main, ["agenda", "2", "--demo"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Today, ")
    assert any(line.startswith("Tomorrow, ") for line in lines)
    assert all(len(line) <= 80 for line in lines)
    assert any("Team-Jour-fixe" in line and "virtual" in line for line in lines)
    assert any("⚑" in line for line in lines)  # the flags of the plan


def test_today_json():
    result = CliRunner().invoke(main, ["today", "--demo", "--format", "json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)["agenda"]
    assert items and {"title", "start", "mode", "location", "action"} <= set(items[0])
    days = {item["start"][:10] for item in items}
    assert len(days) == 1


def _help(*args: str, env: dict[str, str]) -> str:
    import os

    full = {**os.environ, **env}
    result = subprocess.run(
        [sys.executable, "-m", "planner", *args], capture_output=True, text=True, env=full
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_help_in_german_with_lang_or_a_german_locale():
    german = _help("week", "--help", "--lang", "de", env={"LANG": "C.UTF-8"})
    assert german.startswith("Aufruf: planner week")
    assert "Optionen:" in german and "Beispiele:" in german
    assert "Diese Hilfe zeigen und beenden." in german
    by_locale = _help("--help", env={"LANG": "de_DE.UTF-8", "LC_ALL": ""})
    assert "Befehle:" in by_locale and "Den Wochenplan ausgeben" in by_locale
    english = _help("--help", env={"LANG": "en_US.UTF-8", "LC_ALL": ""})
    assert "Commands:" in english and "Print the weekly plan" in english
