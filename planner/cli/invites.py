"""``planner invites``: every open invitation, who answered what, and the next step."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common, common_options
from planner.cli.common import (
    config_option,
    emit,
    format_option,
    is_terminal,
    load_config,
    parse_datetime,
    table_width,
)


@click.command()
@config_option
@format_option("table", "json")
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
    a ready command; then the offers ('planner offer') with their state: open, picked,
    expired, none fits.

    The answers come from 'planner replies' and from the calendars of the config (the
    attendees' responses that Google, Outlook and CalDAV servers show on your copy). A
    proposed other time is checked against your calendars and the venue's opening hours.
    Nothing is sent: the commands shown do that when you run them.

    \b
    Examples:
      planner replies ~/Mail/INBOX && planner invites
      planner invites --format json
    """
    from contextlib import nullcontext

    from planner.cli.progress import progress_display
    from planner.flows.followup import invitation_states
    from planner.render.invites import invites_json, invites_table
    from planner.store import open_store

    config = load_config(config_path)
    now = parse_datetime(now_text, "--now", config.tz) if now_text else common.now_in(config.tz)
    store = open_store()
    try:
        with progress_display() if not offline else nullcontext() as progress:
            states = invitation_states(config, store, now=now, read=not offline, progress=progress)
        offers = _offers(store, now)
    finally:
        store.close()
    from planner.render.offer_list import offers_json, offers_table

    if fmt == "json":
        import json

        data = json.loads(invites_json(states))
        data["offers"] = offers_json(offers, now)
        from planner.render.json import dumps

        emit(dumps(data), None)
        return
    nudge = config["invite"]["nudge_days"]
    emit(invites_table(states, nudge, color=is_terminal(), width=table_width()), None)
    if offers:
        emit(offers_table(offers, now, color=is_terminal(), width=table_width()), None)


def _offers(store: object, now: object) -> list:
    """The offers to list (none when the state database cannot keep them)."""
    import sqlite3

    from planner.flows.offers import Offers
    from planner.render.offer_list import listed

    try:
        return listed(Offers(store).all(), now)  # type: ignore[arg-type]
    except sqlite3.DatabaseError:
        return []
