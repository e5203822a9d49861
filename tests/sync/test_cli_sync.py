"""``planner sync`` on the command line: dry run by default (table and JSON), --apply,
--undo, and one clear line for a config without or with a broken [[sync]] table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import planner.cli.sync
from planner.cli import main
from tests.sync.conftest import NOW
from tests.sync.test_sync_accounts import google_mirrors, graph_mirrors, seed, two_way

pytestmark = pytest.mark.slow


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(str(value))


def write_config(world, path: Path) -> Path:
    config = world.config()
    lines = ["[user]", 'timezone = "Europe/Berlin"', 'email = "user@planner.test"']
    for source in config.calendars:
        lines += ["", "[[calendars]]", f"name = {_toml(source.name)}"]
        lines += [f"provider = {_toml(source.provider)}"]
        lines += [f"{k} = {_toml(v)}" for k, v in source.options.items() if v not in (None, "")]
    for table in world.syncs:
        lines += ["", "[[sync]]"] + [f"{k} = {_toml(v)}" for k, v in table.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def cli(world, tmp_path, monkeypatch):
    monkeypatch.setattr(planner.cli.sync, "_now", lambda tz: NOW)
    seed(world)
    two_way(world)
    path = write_config(world, tmp_path / "config.toml")

    def run(*args: str):
        return CliRunner().invoke(main, ["sync", "--config", str(path), *args])

    return run


def test_dry_run_prints_the_plan_and_writes_nothing(cli, world):
    result = cli()
    assert result.exit_code == 0, result.output
    assert "create" in result.output and "Board" in result.output  # wrapped at 80 columns
    assert "Place" in result.output and "Tantris" in result.output  # where, as it is written
    assert "dry run" in result.output
    assert world.google_writes() == 0 and world.graph_writes() == 0

    result = cli("--format", "json")
    data = json.loads(result.output)
    assert data["applied"] is False and data["ok"] is True
    changes = [c for t in data["targets"] for c in t["changes"]]
    assert len(changes) == 5 and {c["action"] for c in changes} == {"create"}
    assert {c["start"][-6:] for c in changes} == {"+01:00"}  # the user's zone
    assert world.google_writes() == 0 and world.graph_writes() == 0


def test_apply_then_nothing_to_do_then_undo(cli, world):
    assert cli("--apply").exit_code == 0
    assert len(google_mirrors(world)) == 3 and len(graph_mirrors(world)) == 2
    writes = world.google_writes() + world.graph_writes()
    result = cli("--apply")
    assert "nothing to do" in result.output
    assert world.google_writes() + world.graph_writes() == writes

    result = cli("--undo", "--apply", "--format", "json")
    data = json.loads(result.output)
    assert data["undo"] and sum(t["written"] for t in data["targets"]) == 5
    assert google_mirrors(world) == {} and graph_mirrors(world) == {}


def test_a_failing_target_exits_1_after_syncing_the_others(cli, world):
    world.google.fail("events.insert", 403, "forbidden", times=10)
    result = cli("--apply")
    assert result.exit_code == 1
    assert "g: " in result.output and "403" in result.output
    assert len(graph_mirrors(world)) == 2


def test_no_sync_table_is_one_clear_line(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[user]\ntimezone = "Europe/Berlin"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["sync", "--config", str(path)])
    assert result.exit_code != 0
    assert "no [[sync]] table" in result.output and "Traceback" not in result.output


def test_broken_sync_table_names_the_problem(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        '[[calendars]]\nname = "a"\nprovider = "ics"\npath = "x.ics"\n\n'
        '[[sync]]\nfrom = ["a"]\nto = "b"\nshow = "everything"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["sync", "--config", str(path)])
    assert result.exit_code == 2
    assert "[[sync]] #1 names no enabled [[calendars]] entry: 'b'" in result.output
    assert "key 'show'" in result.output


def test_preview_lists_what_the_tables_would_write_without_touching_the_targets(cli, world):
    """--preview reads the sources (and targets, as calendars), never lists or writes the
    planner's own events there: after --apply it still shows every mirror as one to write."""
    result = cli("--preview", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["preview"] is True
    first = sorted((c["target"], c["key"]) for t in data["targets"] for c in t["changes"])
    assert len(first) == 5
    assert world.google_writes() == 0 and world.graph_writes() == 0
    assert cli("--apply").exit_code == 0
    again = json.loads(cli("--preview", "--format", "json").output)
    assert sorted((c["target"], c["key"]) for t in again["targets"] for c in t["changes"]) == first
    assert "Preview, " in cli("--preview").output
    assert cli("--preview", "--apply").exit_code == 2


def test_target_names_a_calendar_of_the_sync_tables(cli, world):
    """--target keeps a run to one calendar; a name that is no target is one clear line."""
    result = cli("--target", "nowhere")
    assert result.exit_code == 2
    assert "'nowhere' is not a sync target" in result.output and "Traceback" not in result.output
    data = json.loads(cli("--target", "o", "--format", "json").output)
    assert [t["target"] for t in data["targets"]] == ["o"]
