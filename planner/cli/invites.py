"""``planner invites``: every open invitation, who answered what, and the next step."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import config_option, emit, is_terminal, load_config, parse_datetime


@click.command()
@config_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--offline",
    is_flag=True,
    help="Only the answers recorded so far; do not read the calendars.",
)
@click.option("--now", "now_text", default=None, hidden=True, help="Pretend it is this time.")
@common_options
def invites(config_path: Path | None, fmt: str, offline: bool, now_text: str | None) -> None:
    """List the open invitations sent from here: each counterpart's answer (accepted,
    tentative, declined, another time proposed, or no answer for N days) and the next step as
    a ready command.

    The answers come from 'planner replies' and from the calendars of the config (the
    attendees' responses that Google, Outlook and CalDAV servers show on your copy). A
    proposed other time is checked against your calendars and the venue's opening hours.
    Nothing is sent: the commands shown do that when you run them.

    \b
    Examples:
      planner replies ~/Mail/INBOX && planner invites
      planner invites --format json
    """
    from datetime import datetime

    from planner.cli.progress import progress_display
    from planner.flows.followup import (
        invite_states,
        open_invitations,
        read_calendars,
        record_calendar_answers,
    )
    from planner.render.invites import invites_json, invites_table
    from planner.store import open_store

    config = load_config(config_path)
    now = parse_datetime(now_text, "--now", config.tz) if now_text else datetime.now(config.tz)
    store = open_store()
    try:
        records = open_invitations(store, now)
        events = None
        if not offline and records and config.calendars:
            with progress_display() as progress:
                events = read_calendars(config, store, records, now, progress)
            record_calendar_answers(store, records, events, now)
        states = invite_states(config, store, now=now, events=events, records=records)
    finally:
        store.close()
    if fmt == "json":
        emit(invites_json(states), None)
    else:
        emit(invites_table(states, config["invite"]["nudge_days"], color=is_terminal()), None)
