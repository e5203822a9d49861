"""``planner calendars``: the calendars each configured source can see."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import config_option, load_config, require_calendars
from planner.i18n import _


@click.command()
@config_option
@common_options
def calendars(config_path: Path | None) -> None:
    """List the calendars each configured source can see (ids to use in `calendars = [...]`).

    A source that fails shows its error; the others are still listed. Exits with status 1
    when any source failed.
    """
    from planner.calendar.listing import list_all
    from planner.calendar.sources import context_for

    config = require_calendars(load_config(config_path))
    failed = False
    for name, found in list_all(config, context_for(config)):
        if isinstance(found, Exception):
            failed = True
            click.echo(_("{name}: error: {error}", name=name, error=found))
            continue
        click.echo(f"{name}:")
        for cal in found:
            flags = ", ".join(
                f for f, on in ((_("primary"), cal.primary), (_("writable"), cal.writable)) if on
            )
            click.echo(f"  {cal.id}  {cal.name}" + (f"  ({flags})" if flags else ""))
    if failed:
        raise click.exceptions.Exit(1)
