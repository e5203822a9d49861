"""``planner trips``: every trip ahead and the people near it, with proposals."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import (
    config_option,
    demo_option,
    emit,
    format_option,
    output_option,
    planner_context,
)


@click.command()
@demo_option()
@config_option
@click.option(
    "--days",
    type=click.IntRange(1, 366),
    default=None,
    metavar="N",
    help="Look this many days ahead (default: [keep_in_touch] days_ahead).",
)
@click.option("--no-proposals", is_flag=True, help="Only the people; no slots and venues.")
@format_option("table", "markdown", "json")
@output_option
@common_options
def trips(
    demo: bool,
    config_path: Path | None,
    days: int | None,
    no_proposals: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """List every stay away from home ahead (flights, trains, hotels, meetings in person in
    another city, events over several days) with the people who live or work near it,
    overdue ones first, and for the first few a proposal inside the trip's free time near
    its base (the hotel, the client's office, the station).

    \b
    Examples:
      planner trips
      planner trips --days 30 --format markdown -o trips.md
      planner trips --format json
    """
    from planner.cli.progress import progress_display
    from planner.flows.people_flow import trips_report
    from planner.render.people import trips_json, trips_text

    with (
        planner_context(demo, config_path) as (config, ledger_store, _state, now),
        progress_display() as progress,
    ):
        views = trips_report(
            config, ledger_store, now=now, days=days, proposals=not no_proposals,
            progress=progress,
        )  # fmt: skip
    if fmt == "json":
        emit(trips_json(views, config.tz), output)
    else:
        emit(trips_text(views, config.tz, markdown=fmt == "markdown"), output)
