"""``planner classify``: classify events of .ics sources without any config."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli import common, common_options
from planner.cli.common import (
    emit,
    format_option,
    is_terminal,
    output_option,
    parse_date,
    plannable,
    table_width,
)
from planner.i18n import _

if TYPE_CHECKING:
    from planner.config import Config
    from planner.store import Store


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "--from", "date_from", metavar="DATE", help="First day, e.g. 2025-01-01 (default: a year ago)."
)
@click.option(
    "--to", "date_to", metavar="DATE", help="Last day, e.g. 31.12.2027 (default: a year ahead)."
)
@click.option(
    "--timezone",
    "timezone",
    metavar="ZONE",
    help="Zone for floating times and output (default: the config's, else this machine's).",
)
@format_option("table", "json")
@output_option
@common_options
def classify(
    sources: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    timezone: str | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Classify the events of .ics files, folders of .ics files, or http(s) URLs.

    Shows each event's mode (in person, virtual, hybrid, phone, travel, unknown), the evidence
    and, where the judgement is not sure, the planner mark command that settles it. When a
    config exists, its language, time zone, address and [[rules]] and your marks are used.

    \b
    Examples:
      planner classify ~/Downloads/calendar.ics
      planner classify work.ics https://example.com/team.ics --from 2026-12-01 --to 2026-12-31
    """
    from zoneinfo import ZoneInfo

    from planner import api
    from planner.ical.zones import local_zone_name
    from planner.render.events import events_json, events_table

    user, store = _user_config()
    zone = timezone or (user.user["timezone"] if user else local_zone_name())
    tz = ZoneInfo(zone) if _valid_zone(zone) else ZoneInfo("UTC")
    now = common.now_in(tz)
    today = now.date()
    first = parse_date(date_from, "--from", now) if date_from else today - timedelta(days=365)
    last = parse_date(date_to, "--to", now) if date_to else today + timedelta(days=365)
    plannable(first, "--from", date_from or "")
    plannable(last, "--to", date_to or "")
    start = datetime.combine(first, time(), tzinfo=tz)
    end = datetime.combine(last + timedelta(days=1), time(), tzinfo=tz)
    from planner.cli.common import protect

    protect([(Path(s), _("an input of this command")) for s in sources if "://" not in s])
    results = api.classify_sources(list(sources), start, end, zone, user=user, store=store)
    if fmt == "json":
        emit(events_json(results, tz), output)
    else:
        color = output is None and is_terminal()
        hint = _window_hint(date_from, date_to, first, last) if not results else ""
        table = events_table(results, tz, color=color, width=table_width(output), hint=hint)
        emit(table, output)


def _user_config() -> tuple[Config | None, Store | None]:
    """The user's config (its language, zone, address and [[rules]]) and state database (their
    marks) when they exist; classify needs neither."""
    from planner import paths
    from planner.cli.common import load_config
    from planner.store import FILENAME, open_store

    if not paths.config_path().exists():
        return None, None
    config = load_config(None)
    state = paths.data_dir() / FILENAME
    return config, open_store(state) if state.exists() else None


def _window_hint(date_from: str | None, date_to: str | None, first: date, last: date) -> str:
    """Why there may be no events: the window, and how to widen it."""
    if date_from and date_to:
        return _("(searched {first} to {last})", first=first, last=last)
    return _(
        "(searched {first} to {last}, a year either side of today by default; "
        "use --from and --to for older or later events)",
        first=first,
        last=last,
    )


def _valid_zone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
        return False
    return True
