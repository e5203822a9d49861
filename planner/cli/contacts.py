"""``planner contacts``: whom the user has met, how, and when."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import (
    config_option,
    demo_option,
    emit,
    format_option,
    is_terminal,
    output_option,
    planner_context,
    table_width,
)


@click.command()
@demo_option()
@config_option
@click.option("--never-met", is_flag=True, help="Only counterparts never met in person.")
@click.option("--due", is_flag=True, help="Only key accounts due for a visit.")
@format_option("table", "json")
@output_option
@common_options
def contacts(
    demo: bool, config_path: Path | None, never_met: bool, due: bool, fmt: str, output: Path | None
) -> None:
    """List the contact ledger: meetings per counterpart by mode, first, last and last
    in-person meeting. Built from the calendars' history ([relations] lookback_days).

    \b
    Examples:
      planner contacts --never-met
      planner contacts --due --format json
    """
    from planner.cli.progress import progress_display
    from planner.flows.session import contacts_report
    from planner.render.contacts import contacts_json, contacts_table

    with (
        planner_context(demo, config_path) as (config, ledger_store, _, now),
        progress_display() as progress,
    ):
        rows = contacts_report(
            config, ledger_store, now=now, never_met=never_met, due=due, progress=progress
        )
    if fmt == "json":
        emit(contacts_json(rows), output)
    else:
        color = output is None and is_terminal()
        emit(contacts_table(rows, color=color, width=table_width(output)), output)
