"""``planner propose``: in-person slots and venues for a counterpart."""

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
    parse_week,
    planner_context,
    table_width,
)
from planner.cli.types import EMAIL


@click.command()
@demo_option()
@config_option
@click.option(
    "--with",
    "emails",
    multiple=True,
    type=EMAIL,
    metavar="EMAIL",
    help="The counterpart (repeat it for several: a time free for all, a place fair to all).",
)
@click.option(
    "--for",
    "meeting_uid",
    metavar="UID",
    help="A meeting of your calendar (a unique UID prefix): its people, purpose and week.",
)
@click.option(
    "--purpose",
    type=click.Choice(
        [
            "first_contact",
            "deal_closing",
            "routine",
            "internal",
            "personal",
            "other",
            "networking",
            "visit",
        ]
    ),
    help="What the meeting is for (default: first_contact for someone never met).",
)
@click.option(
    "--week",
    metavar="WEEK",
    help="next, +2, W49, 2026-W49 or a date in the week (default: the next [slots] days).",
)
@click.option("--near", metavar="PLACE", help="Meet near this place (city, address, venue).")
@click.option(
    "--count",
    type=click.IntRange(1, 20),
    default=3,
    show_default=True,
    help="How many proposals to show.",
)
@format_option("table", "json")
@common_options
def propose(
    demo: bool,
    config_path: Path | None,
    emails: tuple[str, ...],
    meeting_uid: str | None,
    purpose: str | None,
    week: str | None,
    near: str | None,
    count: int,
    fmt: str,
) -> None:
    """Propose times and places to meet EMAIL (one or several, or the people of meeting UID) in
    person, best first, varied over days, times and venues, with the reasons.

    With --for, the meeting's own time at a venue comes first when it fits (not for a meeting
    in person already), and the kind of meeting it is comes first (a lunch: lunches). Without
    --purpose, the purpose the calendar knows for the meeting (or for EMAIL's next meeting) is
    used.
    Each proposal has an identifier that stays the same as long as the proposal does:
    'planner invite --proposal ID' turns it into an invitation.

    \b
    Examples:
      planner propose --demo --with sven@krueger-design.example
      planner propose --with bob@acme.example --purpose deal_closing --week 2026-W50
      planner propose --with anna@acme.example --with bob@other.example
      planner propose --for 7f3a2c
    """

    from planner.errors import UsageError
    from planner.i18n import _

    if bool(emails) == bool(meeting_uid):
        raise UsageError(_("give either --with EMAIL or --for UID"))
    from planner.cli.progress import progress_display
    from planner.flows.listed import save_proposals
    from planner.flows.propose import propose_for
    from planner.render.json import dumps
    from planner.render.proposals import proposals_table

    first_day = parse_week(week, None, _local_now()) if week else None
    with (
        planner_context(demo, config_path, first_day) as (config, ledger_store, state, now),
        progress_display() as progress,
    ):
        result = propose_for(
            config,
            ledger_store,
            list(emails),
            now=now,
            first_day=first_day,
            purpose=purpose,
            near=near,
            count=count,
            progress=progress,
            meeting_uid=meeting_uid,
        )
        save_proposals(state, result.to_json(), now)
    if fmt == "json":
        from planner.render.invites import state_json

        data = result.to_json() | {"invitations": [state_json(s) for s in result.invitations]}
        emit(dumps(data), None)
    else:
        table = proposals_table(
            result, config.tz, color=is_terminal(), width=table_width(), demo=demo
        )
        emit(table, None)


def _local_now() -> object:
    """Now in this machine's zone, for the relative forms of ``--week`` (the config's zone
    is read later)."""
    from planner.cli import common

    return common.now_in(None).astimezone()
