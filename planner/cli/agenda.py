"""``planner agenda [DAYS]`` and ``planner today``: the whole day, one line per entry."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import click

from planner.cli import common_options
from planner.cli.common import (
    config_option,
    demo_option,
    emit,
    format_option,
    is_terminal,
    parse_date,
    planner_context,
    table_width,
)


def _options(func: Any) -> Any:
    func = format_option("text", "json")(func)
    func = click.option(
        "--meetings",
        "meetings_only",
        is_flag=True,
        help="Only meetings: no travel, hotel stays, blockers or all-day events.",
    )(func)
    return click.option(
        "--start",
        "start",
        metavar="DATE",
        help="First day instead of today: 2026-12-07, 7.12.2026, tomorrow, next monday.",
    )(func)


@click.command()
@click.argument("days", type=click.IntRange(1, 60), default=7, required=False)
@demo_option()
@config_option
@_options
@common_options
def agenda(
    days: int,
    demo: bool,
    config_path: Path | None,
    fmt: str,
    meetings_only: bool,
    start: str | None,
) -> None:
    """List the next DAYS days (default 7), today included, one line per entry: time, kind
    (a meeting's mode: in person, virtual, …; or train, flight, hotel, rental car, trip, event,
    out of office, focus time, blocked), title and place, and ⚑ where meeting in person is
    recommended. Entries over several days show on each of them.

    \b
    Examples:
      planner agenda
      planner agenda 3 --demo
      planner agenda 1 --start 2026-12-08 --meetings
    """
    _show(demo, config_path, fmt, days, meetings_only, start)


@click.command()
@demo_option()
@config_option
@_options
@common_options
def today(
    demo: bool, config_path: Path | None, fmt: str, meetings_only: bool, start: str | None
) -> None:
    """List the whole day: meetings, travel, hotel stays, blockers and all-day events, each
    with its kind; what is over already is dimmed on a terminal."""
    _show(demo, config_path, fmt, 1, meetings_only, start)


def _show(
    demo: bool,
    config_path: Path | None,
    fmt: str,
    days: int,
    meetings_only: bool,
    start: str | None,
) -> None:
    from planner import api
    from planner.cli.progress import progress_display
    from planner.render.agenda import agenda_json, agenda_text, day_entries, day_items

    with planner_context(demo, config_path) as (config, ledger_store, _state, now):
        tz = config.tz
        first = parse_date(start, "--start", now) if start else now.date()
        last = first + timedelta(days=days)
        with progress_display() as progress:
            items = day_items(
                lambda monday: api.plan_week(
                    config, monday, now=now, store=ledger_store, progress=progress,
                    proposals=False,
                ),
                first,
                last,
            )  # fmt: skip
    entries = day_entries(items, first, last, tz, meetings_only=meetings_only)
    if fmt == "json":
        emit(agenda_json(entries, tz), None)
        return
    text = agenda_text(
        entries,
        tz,
        now.date(),
        now=now if first <= now.date() else None,
        color=is_terminal(),
        width=table_width(),
        meetings_only=meetings_only,
    )
    emit(text, None)
