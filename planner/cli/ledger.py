"""``planner ledger export|import``: the contact ledger as a CSV or JSON file."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import config_option, emit, output_option, planner_context
from planner.i18n import _


@click.group()
def ledger() -> None:
    """Take the contact ledger (whom you met, how, and when) elsewhere, or seed it from
    another tool: CSV (uid,start,end,mode,email,name; a row per meeting and person) or JSON."""


@ledger.command("export")
@config_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help="Output format.",
)
@output_option
@common_options
def export(config_path: Path | None, fmt: str, output: Path | None) -> None:
    """Write every meeting the ledger remembers (after reading the calendars), oldest first.

    \b
    Examples:
      planner ledger export -o ledger.csv
      planner ledger export --format json -o ledger.json
    """
    from planner.cli.progress import progress_display
    from planner.flows.people_flow import current_ledger
    from planner.judge.ledger_io import export_csv, export_json

    with (
        planner_context(False, config_path) as (config, store, _state, now),
        progress_display() as progress,
    ):
        found = current_ledger(config, store, now=now, progress=progress)
    meetings = found.all()
    text = export_json(meetings, config.tz) if fmt == "json" else export_csv(meetings, config.tz)
    emit(text, output)


@ledger.command("import")
@config_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path, exists=True))
@click.option("--apply", is_flag=True, help="Write the meetings into the ledger.")
@common_options
def import_(config_path: Path | None, file: Path, apply: bool) -> None:
    """Add the meetings of a CSV or JSON FILE (as 'planner ledger export' writes it) to the
    ledger; a dry run unless --apply. The whole file is checked first: a bad row is named
    with its line and nothing is written. Importing a file twice changes nothing.

    \b
    Examples:
      planner ledger import monica-export.csv
      planner ledger import ledger.json --apply
    """
    from planner.judge.ledger_io import import_rows, read_file
    from planner.judge.relations import Ledger

    with planner_context(False, config_path) as (config, store, _state, _now):
        rows = read_file(file, config.tz)
        ledger_now = Ledger.open(store, config)
        result = import_rows(ledger_now, rows, apply=apply)
    summary = _(
        "{file}: {added} new, {replaced} changed, {unchanged} unchanged, {skipped} already "
        "in the ledger from a calendar",
        file=file,
        added=result.added,
        replaced=result.replaced,
        unchanged=result.unchanged,
        skipped=result.skipped,
    )
    emit(summary, None)
    if not apply:
        click.echo(_("dry run: nothing was written (add --apply to import)"), err=True)
