"""``planner agenda [DAYS]`` and ``planner today``: the next meetings, one line each."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import (
    config_option,
    demo_option,
    emit,
    format_option,
    is_terminal,
    planner_context,
    table_width,
)


@click.command()
@click.argument("days", type=click.IntRange(1, 60), default=7, required=False)
@demo_option()
@config_option
@format_option("text", "json")
@common_options
def agenda(days: int, demo: bool, config_path: Path | None, fmt: str) -> None:
    """List the meetings of the next DAYS days (default 7) from now: time, title, mode, place,
    and ⚑ where meeting in person is recommended.

    \b
    Examples:
      planner agenda
      planner agenda 3 --demo
    """
    _show(demo, config_path, fmt, days)


@click.command()
@demo_option()
@config_option
@format_option("text", "json")
@common_options
def today(demo: bool, config_path: Path | None, fmt: str) -> None:
    """List today's remaining meetings: time, title, mode, place and flags."""
    _show(demo, config_path, fmt, 0)


def _show(demo: bool, config_path: Path | None, fmt: str, days: int) -> None:
    from planner import api
    from planner.cli.progress import progress_display
    from planner.render.agenda import agenda_json, agenda_text, upcoming

    with planner_context(demo, config_path) as (config, ledger_store, _state, now):
        tz = config.tz
        until = datetime.combine(now.date() + timedelta(days=max(days, 1)), time(), tzinfo=tz)
        items = []
        with progress_display() as progress:
            for monday in _mondays(now.date(), until.date()):
                plan = api.plan_week(
                    config,
                    monday,
                    now=now,
                    store=ledger_store,
                    progress=progress,
                    proposals=False,
                )
                items += upcoming(plan.items, now, until)
    if fmt == "json":
        emit(agenda_json(items, tz), None)
        return
    emit(agenda_text(items, tz, now.date(), color=is_terminal(), width=table_width()), None)


def _mondays(first: date, last: date) -> list[date]:
    """The Mondays of the weeks from ``first`` to the day before ``last``."""
    monday = first - timedelta(days=first.weekday())
    found = []
    while monday < last:
        found.append(monday)
        monday += timedelta(days=7)
    return found
