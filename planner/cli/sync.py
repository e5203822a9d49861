"""``planner sync``: mirror busy time between calendars and block travel time."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import click

from planner.cli import common_options
from planner.cli.common import (
    config_option,
    emit,
    format_option,
    is_terminal,
    load_config,
    output_option,
    table_width,
)


@click.command()
@config_option
@click.option("--apply", "apply_", is_flag=True, help="Write the changes (default: a dry run).")
@click.option(
    "--undo",
    is_flag=True,
    help="Remove every mirror and travel block the planner wrote (with --apply).",
)
@click.option(
    "--target",
    metavar="NAME",
    help="Only this calendar: a target of the [[sync]] tables, or with --undo any calendar "
    "the planner wrote into.",
)
@click.option(
    "--preview",
    is_flag=True,
    help="Show every mirror and travel block the [[sync]] tables would write, without "
    "listing the targets (works without [[sync]] tables and with .ics calendars only).",
)
@format_option("table", "json")
@output_option
@common_options
def sync(
    config_path: Path | None,
    apply_: bool,
    undo: bool,
    target: str | None,
    preview: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Mirror busy time between the calendars of the [[sync]] tables and block travel time
    around meetings in person. Prints what it would create, update and delete; --apply writes.

    A target (the "to" of a [[sync]] table) must be a calendar the planner may write its own
    events into: Google or Outlook with write = true in its [[calendars]] entry, or CalDAV.
    .ics files and URLs are read only; --preview shows what would be written all the same.
    Only events the planner wrote (marked as its own) are ever changed or deleted. Free,
    declined and cancelled events are not mirrored; private ones show only "Busy". Safe to run
    from cron every few minutes: a run with nothing changed writes nothing. Exits with status 1
    when a calendar failed (the others are still synced), 75 while another run is writing.

    \b
    Examples:
      planner sync --preview
      planner sync
      planner sync --apply
      planner sync --undo --apply
      planner sync --undo --target private --apply
    """
    from planner.cli.progress import progress_display
    from planner.render.sync import sync_json, sync_table
    from planner.store import open_store
    from planner.sync.run import preview_sync, run_sync

    if preview and (apply_ or undo or target):
        from planner.errors import UsageError
        from planner.i18n import _

        raise UsageError(_("--preview writes nothing: leave out --apply, --undo and --target"))
    config = load_config(config_path)
    store = open_store()
    with progress_display() as progress:
        if preview:
            result = preview_sync(config, store, now=_now(config.tz), progress=progress)
        else:
            result = run_sync(
                config,
                store,
                now=_now(config.tz),
                apply=apply_,
                undo=undo,
                target=target,
                progress=progress,
            )
    if fmt == "json":
        emit(sync_json(result, config.tz), output)
    else:
        color = output is None and is_terminal()
        emit(sync_table(result, config.tz, color=color, width=table_width(output)), output)
    if not result.ok:
        raise click.exceptions.Exit(1)


def _now(tz: Any) -> datetime:
    """The current time (tests fix it here)."""
    return datetime.now(tz)
