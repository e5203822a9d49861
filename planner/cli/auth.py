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
    help="Only the [[calendars]] or [[addressbooks]] entry of this name (default: every one "
    "of PROVIDER).",
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
    """Sign in to Google or Outlook for the calendars and address books configured with that
    provider (an address book asks for read access to contacts only, with a token of its own).

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
    books = [
        s
        for s in config.addressbooks
        if s.provider == provider and (calendar is None or s.name == calendar)
    ]
    if not sources and not books:
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
    context = context_for(config)
    for source in sources:
        account = provider_class(provider).sign_in(
            source, context, prompt=click.echo, browser=browser
        )
        click.echo(_("{name}: signed in as {account}", name=source.name, account=account))
    if books:
        from providers.addressbooks.base import provider_class as book_class

        for source in books:
            account = book_class(provider).sign_in(
                source, context, prompt=click.echo, browser=browser
            )
            click.echo(_("{name}: signed in as {account}", name=source.name, account=account))
