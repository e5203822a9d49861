"""``planner config path|show|edit|example``: where the config is, what it says, the example."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import config_option
from planner.errors import UsageError
from planner.i18n import _


def example_text() -> str:
    """The full, commented example config shipped with the package."""
    from importlib.resources import files

    return (files("planner") / "data" / "config.example.toml").read_text(encoding="utf-8")


def _target(config_path: Path | None) -> Path:
    from planner import paths

    return config_path or paths.config_path()


@click.group()
def config() -> None:
    """Show, edit or locate the config file, or print the full example."""


@config.command("path")
@config_option(existing=False)
@common_options
def path_command(config_path: Path | None) -> None:
    """Print the path of the config file in use (it may not exist yet)."""
    click.echo(str(_target(config_path)))


@config.command("show")
@config_option
@common_options
def show(config_path: Path | None) -> None:
    """Check the config file and print it."""
    from planner import config as config_module

    target = _target(config_path)
    config_module.load(target)  # every problem at once, before anything is shown
    from planner.cli.common import emit
    from planner.paths import read_text_input

    emit(read_text_input(target), None)  # a file without a final newline gets one


@config.command("edit")
@config_option(existing=False)
@common_options
def edit(config_path: Path | None) -> None:
    """Open the config file in $VISUAL/$EDITOR and check it afterwards."""
    from planner import config as config_module

    target = _target(config_path)
    if not target.exists():
        raise UsageError(_("{path} does not exist; run planner init to create it", path=target))
    click.edit(filename=str(target))
    config_module.load(target)
    click.echo(_("{path} is valid", path=target))


@config.command("example")
@common_options
def example() -> None:
    """Print the full example config with every key explained."""
    click.echo(example_text(), nl=False)
