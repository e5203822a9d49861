"""``--config`` is one option wherever it is offered: given to a group (``planner venues
--config X fetch``) it is the config of the group's commands, and a path that does not exist
is one clear error for every command (QA report E, finding 5: the group's option was shown in
--help and silently ignored, the default config asked other servers)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from planner.cli import COMMANDS, PlannerGroup, main
from planner.errors import ConfigError
from tests.fakes.unreachable import refused_url

# commands that name a config file yet to be written: a missing one is what they are for
NEW_FILE = {("init",), ("config", "path"), ("config", "edit")}


def _root() -> click.Context:
    """The context ``planner`` runs commands in (its settings: ``-h`` as well as ``--help``,
    which click keeps with each command once asked)."""
    return click.Context(main, info_name="planner", **main.context_settings)


def _commands() -> list[tuple[tuple[str, ...], click.Command]]:
    """Every command and subcommand of ``planner`` with its path of names."""
    found: list[tuple[tuple[str, ...], click.Command]] = []
    context = _root()
    for name in COMMANDS:
        command = PlannerGroup.get_command(main, context, name)
        assert command is not None
        found.append(((name,), command))
        if isinstance(command, click.Group):
            found += [((name, sub), cmd) for sub, cmd in command.commands.items()]
    return found


def _has_config(command: click.Command) -> bool:
    return any(param.name == "config_path" for param in command.params)


GROUPS = [
    (names, command)
    for names, command in _commands()
    if isinstance(command, click.Group) and _has_config(command)
]


def test_the_groups_that_offer_config_are_known():
    assert sorted(names for names, _cmd in GROUPS) == [("people",), ("venues",)]


@pytest.mark.parametrize(
    ("names", "group"), GROUPS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else ""
)
def test_a_groups_config_is_the_config_of_its_commands(tmp_path, names, group):
    config = tmp_path / "config.toml"
    config.write_text("[user]\n", encoding="utf-8")
    own = tmp_path / "own.toml"
    own.write_text("[user]\n", encoding="utf-8")
    subcommands = [c for c in group.commands.values() if _has_config(c)]
    assert subcommands, names
    for command in subcommands:
        with _root() as root:
            parent = group.make_context(names[0], ["--config", str(config)], parent=root)
            child = command.make_context(command.name, [], parent=parent, resilient_parsing=True)
            assert child.params["config_path"] == config, command.name
            given = command.make_context(
                command.name, ["--config", str(own)], parent=parent, resilient_parsing=True
            )
            assert given.params["config_path"] == own, command.name  # its own wins


def test_venues_fetch_asks_the_server_of_the_groups_config(tmp_path):
    overpass = refused_url() + "/api/interpreter"
    config = tmp_path / "geo.toml"
    config.write_text(
        f'[geo]\noverpass_url = "{overpass}"\nnominatim_url = "{refused_url()}"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["venues", "--config", str(config), "fetch", "--near", "Hamburg"]
    )
    assert result.exit_code != 0
    assert overpass in result.output and "overpass-api.de" not in result.output


def test_people_rhythm_reads_the_groups_config(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[user]\nemail = "anna@own.example"\n', encoding="utf-8")
    result = CliRunner().invoke(
        main, ["people", "--config", str(config), "rhythm", "anna@own.example", "quarterly"]
    )
    assert result.exit_code == 2
    assert "is your own address" in result.output


@pytest.mark.parametrize(
    ("names", "command"), _commands(), ids=lambda v: " ".join(v) if isinstance(v, tuple) else ""
)
def test_a_config_that_does_not_exist_is_one_clear_error(tmp_path, names, command):
    if not _has_config(command):
        return
    missing = tmp_path / "nowhere" / "config.toml"
    if names in NEW_FILE:
        context = command.make_context(
            names[-1], ["--config", str(missing)], parent=_root(), resilient_parsing=True
        )
        assert context.params["config_path"] == missing
        return
    with pytest.raises(ConfigError, match="not found; run 'planner init'"):
        command.make_context(names[-1], ["--config", str(missing)], parent=_root())


def test_a_group_with_a_missing_config_says_so_in_one_line(tmp_path):
    missing = Path(tmp_path / "nope.toml")
    for args in (
        ["people", "--config", str(missing), "rhythm", "x@y.example", "every 6 weeks"],
        [
            "venues",
            "--config",
            str(missing),
            "add",
            "X",
            "--kind",
            "cafe",
            "--lat",
            "1",
            "--lon",
            "2",
        ],
        ["mark", "--config", str(missing), "--list"],
        ["week", "--demo", "--config", str(missing)],
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.output.strip().splitlines() == [
            f"planner: error: {missing}: not found; run 'planner init' to create one, "
            "or pass --config PATH"
        ], args
