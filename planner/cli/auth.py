"""``planner auth google|outlook``: interactive sign-in; tokens are stored with mode 0600."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import config_option, load_config
from planner.i18n import _


@click.command()
@click.argument("provider", type=click.Choice(["google", "outlook"]))
@config_option
@click.option(
    "--calendar",
    "calendar",
    metavar="NAME",
    help="Only the [[calendars]] entry of this name (default: every one of PROVIDER).",
)
@click.option(
    "--browser/--no-browser",
    default=None,
    help="Sign in through a browser on this machine, or without one (Outlook: "
    "device code; Google: print the link). Default: the configured flow.",
)
@common_options
def auth(
    provider: str, config_path: Path | None, calendar: str | None, browser: bool | None
) -> None:
    """Sign in to Google or Outlook for the calendars configured with that provider.

    \b
    Examples:
      planner auth google
      planner auth outlook --no-browser      # device code, works over SSH
    """
    from planner.calendar.sources import context_for
    from planner.errors import UsageError
    from providers.base import provider_class

    config = load_config(config_path)
    sources = [
        s
        for s in config.calendars
        if s.provider == provider and (calendar is None or s.name == calendar)
    ]
    if not sources:
        if calendar:
            message = _(
                "no [[calendars]] entry with provider = \"{provider}\" named '{name}' in "
                "{path}; add one first (planner config example shows how)",
                provider=provider,
                name=calendar,
                path=config.path,
            )
        else:
            message = _(
                'no [[calendars]] entry with provider = "{provider}" in {path}; '
                "add one first (planner config example shows how)",
                provider=provider,
                path=config.path,
            )
        raise UsageError(message)
    cls = provider_class(provider)
    context = context_for(config)
    for source in sources:
        account = cls.sign_in(source, context, prompt=click.echo, browser=browser)
        click.echo(_("{name}: signed in as {account}", name=source.name, account=account))
