"""``planner week``: the weekly plan."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import (
    apply_language,
    config_option,
    demo_option,
    emit,
    is_terminal,
    load_config,
    output_option,
    parse_week,
    quiet,
    require_calendars,
    table_width,
)
from planner.i18n import _


@click.command()
@demo_option()
@config_option
@click.option(
    "--week",
    "week",
    metavar="WEEK",
    help="next, last, +N/-N, W49, 2026-W49 or a date in the week (default: this week; "
    "from Friday 18:00 on, the coming one).",
)
@click.option(
    "--start",
    "start",
    metavar="DATE",
    help="First day of the plan: 2026-12-07, 7.12.2026, today, next monday, …",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json", "html"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@output_option
@click.option(
    "--open",
    "open_browser",
    is_flag=True,
    help="With --format html: open the page in the web browser.",
)
@common_options
def week(
    demo: bool,
    config_path: Path | None,
    week: str | None,
    start: str | None,
    fmt: str,
    output: Path | None,
    open_browser: bool,
) -> None:
    """Print the week's meetings by day with mode and purpose, the meetings that should happen
    in person with proposed slots and venues, the totals and the in-person balance.

    \b
    Examples:
      planner week --demo
      planner week --week next
      planner week --week 2026-W49 --format markdown -o week.md
      planner week --format json
      planner week --format html --open
    """
    from zoneinfo import ZoneInfo

    from planner import api
    from planner.cli.progress import progress_display
    from planner.render import render_week
    from planner.store import Store

    if demo:
        from planner.demo import CONFIG

        apply_language(CONFIG["user"]["language"])
        tz = ZoneInfo(CONFIG["user"]["timezone"])
        first_day = parse_week(week, start, datetime.now(tz).date())
        note = ""
        with api.demo_session(first_day) as (config, first_day), progress_display() as progress:
            plan = api.plan_week(
                config,
                first_day,
                now=api.demo_now(config, first_day),
                store=Store(":memory:"),
                progress=progress,
            )
    else:
        config = require_calendars(load_config(config_path))
        now = _now(config.tz)
        first_day, note = _first_day(week, start, now)
        with progress_display() as progress:
            plan = api.plan_week(config, first_day, now=now, progress=progress)
    color = output is None and fmt == "table" and is_terminal()
    text = render_week(plan, fmt, color=color, width=table_width(output), note=note)
    if fmt == "html" and open_browser and output is None:
        output = _html_target(plan)
    emit(text, output)
    if demo and not quiet():
        click.echo(
            _(
                "Demo: sample calendars of Anna Berger, consultant in Munich; planned as of "
                "Monday 07:00 of the week shown."
            ),
            err=True,
        )
    if open_browser and fmt == "html" and output is not None:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())


def _now(tz: tzinfo) -> datetime:
    return datetime.now(tz)


def _first_day(week: str | None, start: str | None, now: datetime) -> tuple[date, str]:
    """The plan's first day, and the header's note when the weekend chose the coming week."""
    from planner.cli.dates import default_monday

    if week or start:
        return parse_week(week, start, now), ""
    monday, coming = default_monday(now)
    if not coming:
        return monday, ""
    return monday, _("the coming week: it is the weekend (--week this shows the one ending)")


def _html_target(plan: object) -> Path:
    from planner.paths import data_dir

    return data_dir() / "week.html"
