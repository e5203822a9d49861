"""``planner mcp``: planner's tools for an AI assistant, over the Model Context Protocol."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import config_option, demo_option
from planner.i18n import _


@click.command()
@demo_option("Serve the demo persona (offline; it sends nothing and writes into no calendar).")
@config_option
@click.option(
    "--confirm-within",
    "confirm_seconds",
    type=click.IntRange(1, 24 * 3600),
    default=900,
    show_default=True,
    metavar="SECONDS",
    help="How long the confirmation token of a write tool's dry run stays valid.",
)
@common_options
def mcp(demo: bool, config_path: Path | None, confirm_seconds: int) -> None:
    """Serve planner's tools to an AI assistant over the Model Context Protocol (stdio).

    The assistant starts this command and calls the tools: week_plan, agenda, contacts,
    propose, venues and invitations read; invite, hold and offer act in two steps, a dry run that
    returns a confirmation token and a second call with that token. The tools follow the
    config as it is at each call. Needs the optional extra: pip install 'planner[mcp]'.

    \b
    Examples:
      planner mcp --demo
      planner mcp --config ~/.config/planner/config.toml
    """
    from planner.assist.workspace import Settings

    _require_sdk()
    from planner.assist.server import serve

    serve(Settings(config_path=config_path, demo=demo, confirm_seconds=confirm_seconds))


def _require_sdk() -> None:
    from importlib.util import find_spec

    from planner.errors import UsageError

    for name in ("mcp", "itsdangerous", "pydantic"):
        try:
            found = find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            raise UsageError(
                _("planner mcp needs the Model Context Protocol SDK, which is not installed"),
                hint=_("install it with: pip install 'planner[mcp]'"),
            )
